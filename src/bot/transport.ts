import type { MiddlewareFn } from 'telegraf';
import { Memo } from '../lib/crypto-reuse';
import { sendPaced, type SendBudget, type SendLane } from '../lib/send-budget';
import type { BotContext } from './context';

/** Bot API methods that put or change a message in a chat: they count against Telegram's limits. */
const PACED = new Set([
  'sendMessage', 'sendPhoto', 'sendDocument', 'sendVideo', 'sendVoice', 'sendAudio', 'sendAnimation', 'sendVideoNote',
  'sendMediaGroup', 'sendLocation', 'sendVenue', 'sendContact', 'sendSticker', 'copyMessage', 'forwardMessage',
  'editMessageText', 'editMessageCaption', 'editMessageMedia', 'editMessageReplyMarkup',
]);
/** The methods that take `allow_paid_broadcast` (sends, not edits). */
const PAID = new Set([...PACED].filter((m) => !m.startsWith('edit')));

export interface TransportOptions {
  budget: SendBudget;
  /** Pass `allow_paid_broadcast` (config TELEGRAM_PAID_BROADCAST): up to 1,000 messages/s, for a fee. */
  paidBroadcast?: boolean;
  /** Tell a reporter once when an answer will wait longer than this (default 5 s). */
  slowAfterMs?: number;
  /**
   * An answer expected to wait longer than this (default 2 s) for the budget no longer holds its
   * update: the update is acknowledged once its state is saved and the answer follows (see
   * `AnswerLines`).
   */
  holdUpToMs?: number;
}

/** How long "your answers are saved" is not said again to the same chat. */
const TOLD_TTL_SEC = 15 * 60;

type CallApi = BotContext['telegram']['callApi'];

/** What a caller gets for a message that will be sent after its update was acknowledged. */
export const SENT_LATER = Object.freeze({ sentLater: true });

/**
 * Each chat's messages in the order they were asked for, in this process. A message that must
 * wait long for the budget no longer holds its update: the caller gets `SENT_LATER` and carries
 * on, so the update is acknowledged (and Telegram delivers the next ones, to this bot's lanes)
 * while the message waits its turn here. Why: a webhook answered only once its messages were sent
 * held each of Telegram's 100 connections for the whole wait, and everyone else's updates,
 * someone in danger's too, queued at Telegram where no lane reaches them (BENCHMARKS.md, surge).
 * The price: a message still waiting when the process dies is not sent (the reporter's answers
 * are saved; the next message or /start asks the question again). Stopping waits for them.
 */
export class AnswerLines {
  private readonly lines = new Map<number, Promise<void>>();

  /** Runs `send` after the chat's earlier messages; resolves with its result, or `SENT_LATER` once `send` reports a long wait. */
  run<T>(chatId: number, send: (longWait: () => void) => Promise<T>, onLateError: (err: unknown) => void): Promise<T | typeof SENT_LATER> {
    const before = this.lines.get(chatId);
    let late = before !== undefined;
    let release: () => void = () => undefined;
    const released = new Promise<typeof SENT_LATER>((resolve) => {
      release = () => {
        late = true;
        resolve(SENT_LATER);
      };
    });
    const result = (before ?? Promise.resolve()).then(() => send(release));
    const tail = result.then(
      () => undefined,
      (err: unknown) => {
        // Before the release the caller has the error; after it, nobody waits for it but the log.
        if (late) onLateError(err);
      },
    );
    this.lines.set(chatId, tail);
    void tail.then(() => {
      if (this.lines.get(chatId) === tail) this.lines.delete(chatId);
    });
    // Behind a message already sent later: this one too, in its order.
    if (before) return Promise.resolve(SENT_LATER);
    return Promise.race([result, released]);
  }

  /** Resolves when every message asked for so far was sent (or failed). */
  async drain(): Promise<void> {
    while (this.lines.size) await Promise.all([...this.lines.values()]);
  }
}

/**
 * Every Bot API call of this update that sends or edits a message passes the shared outgoing
 * budget (src/lib/send-budget.ts): someone in danger first, then people mid-report. A 429 holds
 * the chat, or the whole budget when the limit is the bot's (one rule with the replies worker:
 * src/queue/lua/flood-wait.lua), and the call is sent again; nothing is dropped. telegraf builds a Telegram client per
 * update, so the wrapper is installed on each context, before any feature can send.
 */
export function pacedTransport(opts: TransportOptions, lines = new AnswerLines()): MiddlewareFn<BotContext> {
  const holdUpTo = opts.holdUpToMs ?? 2000;
  // An HMAC per answer for the same chats: kept per chat id (see rateLimitKeyOf).
  const chats = new Memo();
  return (ctx, next) => {
    // The wait a reporter feels starts when their message arrived, not when this answer asked.
    const arrived = Date.now();
    const tg = ctx.telegram;
    const raw = tg.callApi.bind(tg) as (method: string, payload: object, o?: { signal?: AbortSignal }) => Promise<unknown>;
    const paced = (method: string, payload: Record<string, unknown>, o?: { signal?: AbortSignal }): Promise<unknown> => {
      if (!PACED.has(method) || typeof payload.chat_id !== 'number') return raw(method, payload, o);
      const chatId = payload.chat_id;
      const chat = chats.get(String(chatId), (id) => ctx.deps.cipher.keyedHash('send-budget', id));
      const lane = laneOf(ctx);
      const body = opts.paidBroadcast && PAID.has(method) ? { ...payload, allow_paid_broadcast: true } : payload;
      const onSlow = async (etaMs: number) => {
        if (!(await opts.budget.tellOnce(chat, TOLD_TTL_SEC))) return;
        ctx.log.info({ etaMs, lane }, 'answers wait: reporter told');
        const text = waitNotice(ctx, etaMs);
        await sendPaced(opts.budget, { lane: 'patience', chat }, () => raw('sendMessage', { chat_id: chatId, text }));
      };
      const asked = Date.now();
      const send = (longWait: () => void) =>
        sendPaced(
          opts.budget,
          {
            lane, chat, onSlow, since: arrived, slowAfterMs: opts.slowAfterMs,
            onRateLimited: (retryAfter) => ctx.log.warn({ retryAfter, method }, 'Telegram rate limit: budget paused, sending again'),
            onBudgetError: (err) => ctx.log.warn({ err }, 'send budget unreachable: sending unpaced'),
            // A reporter waiting for the next question must not wait forever: a possible duplicate is the lesser harm.
            resendOnLostConnection: 2,
            onResend: (err) => ctx.log.warn({ err, method, lane }, 'connection lost before Telegram answered: sending again'),
            // Waited so far plus still to wait: re-estimated waits that each look short add up too.
            onWait: (etaMs) => Date.now() - asked + etaMs > holdUpTo && longWait(),
          },
          () => raw(method, body, o),
        );
      return lines.run(chatId, send, (err) => ctx.log.warn({ err, method, lane, outcome: 'answer_not_sent' }, 'a message sent after its update was acknowledged failed'));
    };
    tg.callApi = paced as unknown as CallApi;
    return next();
  };
}

/** Emergency numbers and everything said to someone in danger go first; every other answer of the bot is to a reporter. */
function laneOf(ctx: BotContext): SendLane {
  return ctx.session?.draft?.danger === true ? 'urgent' : 'report';
}

function waitNotice(ctx: BotContext, etaMs: number): string {
  const seconds = Math.ceil(etaMs / 1000 / 10) * 10;
  return seconds < 120 ? ctx.t('wait.saved_seconds', { seconds }) : ctx.t('wait.saved_minutes', { minutes: Math.ceil(seconds / 60) });
}
