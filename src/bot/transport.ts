import type { MiddlewareFn } from 'telegraf';
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
}

/** How long "your answers are saved" is not said again to the same chat. */
const TOLD_TTL_SEC = 15 * 60;

type CallApi = BotContext['telegram']['callApi'];

/**
 * Every Bot API call of this update that sends or edits a message passes the shared outgoing
 * budget (src/lib/send-budget.ts): someone in danger first, then people mid-report. A 429 pauses
 * the budget and the call is sent again; nothing is dropped. telegraf builds a Telegram client per
 * update, so the wrapper is installed on each context, before any feature can send.
 */
export function pacedTransport(opts: TransportOptions): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    // The wait a reporter feels starts when their message arrived, not when this answer asked.
    const arrived = Date.now();
    const tg = ctx.telegram;
    const raw = tg.callApi.bind(tg) as (method: string, payload: object, o?: { signal?: AbortSignal }) => Promise<unknown>;
    const paced = (method: string, payload: Record<string, unknown>, o?: { signal?: AbortSignal }): Promise<unknown> => {
      if (!PACED.has(method) || typeof payload.chat_id !== 'number') return raw(method, payload, o);
      const chatId = payload.chat_id;
      const chat = ctx.deps.cipher.keyedHash('send-budget', String(chatId));
      const lane = laneOf(ctx);
      const body = opts.paidBroadcast && PAID.has(method) ? { ...payload, allow_paid_broadcast: true } : payload;
      const onSlow = async (etaMs: number) => {
        if (!(await opts.budget.tellOnce(chat, TOLD_TTL_SEC))) return;
        ctx.log.info({ etaMs, lane }, 'answers wait: reporter told');
        const text = waitNotice(ctx, etaMs);
        await sendPaced(opts.budget, { lane: 'patience', chat }, () => raw('sendMessage', { chat_id: chatId, text }));
      };
      return sendPaced(opts.budget, { lane, chat, onSlow, since: arrived, slowAfterMs: opts.slowAfterMs, onRateLimited: (retryAfter) => ctx.log.warn({ retryAfter, method }, 'Telegram rate limit: budget paused, sending again'), onBudgetError: (err) => ctx.log.warn({ err }, 'send budget unreachable: sending unpaced') }, () => raw(method, body, o));
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
