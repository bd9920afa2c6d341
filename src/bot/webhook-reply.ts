import type { Telegram } from 'telegraf';
import { dropNullish } from '../lib/bot-api-http';

type CallApi = Telegram['callApi'];
type Call = (method: string, payload: object, o?: { signal?: AbortSignal }) => Promise<unknown>;

/**
 * Calls whose result nobody waits for: Telegram runs them from the webhook answer. Only the
 * button-press answer; a message sent this way could not be paced nor sent again after a 429
 * (src/lib/send-budget.ts), so messages keep their own calls.
 */
const DEFERRABLE = new Set(['answerCallbackQuery']);

/**
 * The one Bot API call an update may hand back in its webhook answer ("Making requests when
 * getting updates" in the Bot API): an HTTP request, its socket writes and its answer fewer for
 * every button press, about half of all updates (BENCHMARKS.md, issue 17). Unlike telegraf's own
 * `webhookReply`, which ends the POST as soon as such a call is made, the answer goes with the
 * POST's answer once the update was handled: a crash mid-way still makes Telegram deliver the
 * update again, and a failed update (500) says nothing, so its retry answers the press.
 */
export class WebhookReply {
  private call: { method: string; payload: object } | undefined;
  private answered = false;

  /** Keeps the call for the webhook answer when it may go there; false: send it now (also once the POST was answered). */
  take(method: string, payload: object): boolean {
    if (this.answered || this.call || !DEFERRABLE.has(method)) return false;
    this.call = { method, payload };
    return true;
  }

  /** The answer's body: the kept call, or nothing. Later calls of the update go on their own. */
  body(): string | undefined {
    this.answered = true;
    return this.call && JSON.stringify({ method: this.call.method, ...this.call.payload }, dropNullish);
  }
}

/**
 * Makes a per-update client keep a deferrable call in `reply` (resolved as Telegram would, with
 * `true`) and send every other call as before.
 */
export function deferInto(tg: Telegram, reply: WebhookReply): void {
  const own = tg.callApi.bind(tg) as Call;
  const call: Call = (method, payload, o) => (reply.take(method, payload) ? Promise.resolve(true) : own(method, payload, o));
  tg.callApi = call as unknown as CallApi;
}
