import { randomUUID } from 'node:crypto';

/**
 * One outgoing budget for every Bot API call that puts or changes a message in a chat, shared
 * by every process (the Redis implementation is src/queue/send-budget.ts). Telegram allows about
 * 30 messages a second overall and about 1 a second to one chat (a short burst tolerated), and
 * answers 429 with `retry_after` beyond that. Callers wait in lanes: a lane is served only when
 * every lane before it is empty, so someone in danger is answered first.
 */
export const SEND_LANES = ['urgent', 'patience', 'report', 'other'] as const;
/**
 * - urgent: emergency numbers and answers to someone in danger;
 * - patience: the one "your answers are saved" notice to a reporter who will wait;
 * - report: answers to people mid-report;
 * - other: agent replies, notices, menus.
 */
export type SendLane = (typeof SEND_LANES)[number];

/** A chat's pace in the budget: one message per interval once its burst is spent (Telegram's about 1 a second, 3 at once tolerated). */
export const CHAT_INTERVAL_MS = 1000;
export const CHAT_BURST = 3;

export interface SendRequest {
  /** This caller's place in its lane (the same on every ask, so a retried send keeps its place). */
  id: string;
  lane: SendLane;
  /** When this caller first asked (from the budget's own clock; 0 on the first ask). */
  since: number;
  /** A keyed hash of the chat, when the budget should also pace the chat; none for callers that pace chats themselves. */
  chat?: string;
}

export interface SendGrant {
  /** 0: send now. Otherwise ask again after this many ms. */
  waitMs: number;
  /** Estimated ms until this caller's turn (its place in the line and any pause). */
  etaMs: number;
  /** The budget's clock when this caller first asked: pass it back as `since`. */
  since: number;
  /** When granted: the budget's clock (epoch ms) at the grant, the time its limits are kept in. */
  grantedAt?: number;
}

export interface SendBudget {
  /** Asks for a slot; a granted caller must send at once. */
  take(req: SendRequest): Promise<SendGrant>;
  /**
   * Telegram answered 429 for `chat`: only that chat waits `ms` when it is its own limit, nobody
   * sends for `ms` when it is the bot's (src/queue/lua/flood-wait.lua: one rule with the replies
   * worker). Says which it paused; a call that named no chat pauses everyone.
   */
  pause(ms: number, chat?: string): Promise<'chat' | 'all'>;
  /** A caller that gives up waiting leaves its lane. */
  leave(req: Pick<SendRequest, 'id' | 'lane'>): Promise<void>;
  /** Marks `chat` as told that its answers wait; true only the first time within `ttlSec`. */
  tellOnce(chat: string, ttlSec: number): Promise<boolean>;
}

export interface PacedSendOptions {
  lane: SendLane;
  chat?: string;
  /** Called once when this send will wait longer than `slowAfterMs` (the caller tells the person). */
  onSlow?: (etaMs: number) => Promise<void>;
  slowAfterMs?: number;
  /** When the person's message arrived (epoch ms; default: when this send began): the wait is counted from there. */
  since?: number;
  /** Told of every 429 (for metrics and the bench). */
  onRateLimited?: (retryAfterSec: number) => void;
  /** Told when the budget could not be asked (Redis unreachable): the call then goes unpaced. */
  onBudgetError?: (err: unknown) => void;
  /**
   * How many times to send again when the connection was lost before Telegram answered (default
   * 0): the message may then arrive twice. For answers a reporter waits for, whose loss is worse.
   */
  resendOnLostConnection?: number;
  /** Told before each such resend. */
  onResend?: (err: unknown) => void;
  /** Told each time this send has to wait: the estimated ms until it goes (its turn, a pause after a 429). */
  onWait?: (etaMs: number) => void;
}

/** The `retry_after` of a 429 answer (telegraf's TelegramError, or the Bot API's JSON), else undefined. */
export function retryAfterOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; error_code?: unknown; parameters?: { retry_after?: unknown }; response?: { parameters?: { retry_after?: unknown } } };
  if (e.code !== 429 && e.error_code !== 429) return undefined;
  const seconds = e.parameters?.retry_after ?? e.response?.parameters?.retry_after;
  return typeof seconds === 'number' && seconds > 0 ? seconds : 1;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The connection closed before Telegram answered (reset, hang-up, refused): the call may or may not have been carried out. */
export function connectionLost(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown };
  return e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.code === 'ECONNREFUSED' || /socket hang up/i.test(String(e.message));
}

/**
 * Sends through the budget: waits for a slot, sends, and on 429 pauses the chat (or the whole
 * budget, when the limit is the bot's) for `retry_after` and sends again (Telegram did not carry
 * out a refused call, so nothing is sent twice). Any other error is the caller's: a network error may hide a message that did arrive,
 * unless the caller chose `resendOnLostConnection` (a question shown twice beats one never shown).
 */
export async function sendPaced<T>(budget: SendBudget, opts: PacedSendOptions, send: () => Promise<T>): Promise<T> {
  const req: SendRequest = { id: randomUUID(), lane: opts.lane, since: 0, ...(opts.chat ? { chat: opts.chat } : {}) };
  let told = !opts.onSlow;
  const since = opts.since ?? Date.now();
  let resent = 0;
  for (;;) {
    try {
      await waitForSlot(budget, req, () => {
        if (told) return undefined;
        told = true;
        return opts.onSlow;
      }, since + (opts.slowAfterMs ?? 5000), opts.onWait);
    } catch (err) {
      // Fails open: with Redis unreachable a message unpaced (Telegram's 429 still honoured
      // below) is better than silence, e.g. the apology that the reporter's answers are kept.
      await budget.leave(req).catch(() => undefined);
      opts.onBudgetError?.(err);
    }
    try {
      return await send();
    } catch (err) {
      const seconds = retryAfterOf(err);
      if (seconds === undefined && connectionLost(err) && resent < (opts.resendOnLostConnection ?? 0)) {
        resent++;
        opts.onResend?.(err);
        await sleep(200 * resent);
        continue;
      }
      if (seconds === undefined) throw err;
      opts.onRateLimited?.(seconds);
      opts.onWait?.(seconds * 1000);
      await budget.pause(seconds * 1000, req.chat).catch(() => sleep(seconds * 1000));
    }
  }
}

/** Asks until granted; `slowAt` (epoch ms): if the answer is expected after it, the person is told (once). */
async function waitForSlot(budget: SendBudget, req: SendRequest, slow: () => PacedSendOptions['onSlow'], slowAt: number, onWait?: (etaMs: number) => void): Promise<void> {
  for (;;) {
    const grant = await budget.take(req);
    req.since = grant.since;
    if (grant.waitMs <= 0) return;
    onWait?.(grant.etaMs);
    // Re-estimated on every ask: those who arrive later in a more urgent lane push the turn back.
    if (Date.now() + grant.etaMs > slowAt) {
      const tell = slow();
      // The notice is a send of its own; a failure to tell never holds back the answer.
      if (tell) await tell(grant.etaMs).catch(() => undefined);
    }
    await sleep(grant.waitMs);
  }
}
