import type { MiddlewareFn } from 'telegraf';
import { isLang } from '../../i18n';
import { Memo } from '../../lib/crypto-reuse';
import { rateLimitKeyOf } from '../../lib/rate-limit';
import { redisKeys } from '../../redis-keys';
import type { IdentityCipher } from '../../store';
import type { BotContext } from '../context';
import { newSession, type SessionData } from '../session';
import type { Begun, RedisSessionStore, UpdateClaim, UpdateMark } from '../session-store';
import type { UpdateOwner } from '../update-owner';

/**
 * Sessions are keyed by a keyed hash, like every other per-reporter key in Redis: a Redis dump
 * does not tell whose draft is whose. (After a data-key rotation drafts in progress start afresh.)
 */
export function sessionKey(cipher: IdentityCipher, userId: number, chatId: number): string {
  return cipher.lookupHash(`sess:${userId}:${chatId}`);
}

/** The language a reporter chose, kept beyond the session (about a year): retention deletes it with their identity. */
export function languageKey(prefix: string, cipher: IdentityCipher, userId: number, chatId: number): string {
  return redisKeys(prefix).language(sessionKey(cipher, userId, chatId));
}

/** What retention calls to delete that language once it deletes the reporter's identity. */
export function languageForgetter(redis: { del(key: string): Promise<number> }, prefix: string, cipher: IdentityCipher) {
  return async (who: { telegramUserId: number; chatId: number }): Promise<void> => void (await redis.del(languageKey(prefix, cipher, who.telegramUserId, who.chatId)));
}

/** How long an update is claimed while handled; a crash mid-update frees it after this. */
const CLAIM_SEC = 120;
/** How long a re-delivery waits for its first delivery, still being handled by a live process, to end. */
const WAIT_FOR_FIRST_MS = 30_000;
const LOOK_AGAIN_MS = 250;

/** The update's count against the per-minute limit, left in `ctx.state.messageCount` for messageRateLimit. */
export interface MessageCount {
  consumed: number;
  msLeft: number;
}

export interface UpdateGateOptions {
  cipher: IdentityCipher;
  prefix: string;
  /** How long a handled update_id is remembered, to drop re-deliveries. */
  rememberSec: number;
  /** Count updates per reporter and minute (the decision is messageRateLimit's). */
  messagesPerMinute?: number;
  /** This process, named in its claims; a claim whose process died is taken over. */
  owner: UpdateOwner;
}

/**
 * An update's Redis work in two round trips (src/bot/lua): first claim it (Telegram may deliver
 * an update more than once: webhook retries, a restart mid-batch), count it against the reporter's
 * per-minute limit and read the session; at the end write the session back, only if it changed
 * (else renew its time to live), and mark the update handled, or release the claim when handling
 * failed so that Telegram's retry is handled again. Runs after `onePerReporter`, so the session
 * read sees the previous update of the same reporter written.
 *
 * The session is written back even when a feature threw, so what the reporter already did is
 * kept. Not telegraf's `session()`: when its store read fails (Redis down), telegraf keeps the
 * rejected read in its per-key map for good, so every later update of that reporter fails until
 * the process restarts. Here a failed read fails this update only (the error boundary apologises).
 */
export function updateGate(sessions: RedisSessionStore<SessionData>, opts: UpdateGateOptions): MiddlewareFn<BotContext> {
  const keys = redisKeys(opts.prefix);
  const limitKeyOf = rateLimitKeyOf(opts.cipher, 'messages');
  // An HMAC per update for the same reporters: kept per user and chat id (see rateLimitKeyOf).
  const names = new Memo();
  return async (ctx, next) => {
    if (!ctx.from || !ctx.chat) return next();
    const { id: userId } = ctx.from;
    const { id: chatId } = ctx.chat;
    const name = names.get(`${userId}:${chatId}`, () => sessionKey(opts.cipher, userId, chatId));
    // The end of a split paste's wait re-handles the part's update on purpose: no claim, no count.
    const flush = ctx.parts.isFlush(ctx.update);
    const updateKey = keys.update(ctx.update.update_id);
    // Edits are not counted: a shared live location edits its message every few seconds.
    const limit = opts.messagesPerMinute && !flush && !('edited_message' in ctx.update) ? { key: `${keys.messagesPerMinute}:${limitKeyOf(ctx.from.id)}`, points: opts.messagesPerMinute, windowSec: 60 } : undefined;
    const claim: UpdateClaim = { updateKey, claim: !flush, claimSec: CLAIM_SEC, claimValue: opts.owner.claim, ...(limit ? { limit } : {}) };
    const begun = await claimOrWait(sessions, name, claim, opts.owner);
    if (!begun.claimed) {
      ctx.log.info({ outcome: 'duplicate_update' }, 'dropped a re-delivered update');
      return;
    }
    // A conversation forgotten (a day idle) still speaks the language the reporter chose.
    ctx.session = begun.session ?? { ...newSession(), ...(isLang(begun.language) ? { lang: begun.language } : {}) };
    const snapshot = begun.session ? begun.snapshot : JSON.stringify(ctx.session);
    if (begun.limit) ctx.state.messageCount = begun.limit satisfies MessageCount;
    let failure: { err: unknown } | undefined;
    try {
      await next();
    } catch (err) {
      failure = { err };
    }
    // Kept for someone who reported (not for whoever only tapped a language): when first chosen
    // or changed, and renewed as each new conversation begins. A language guessed from their
    // words is kept the same way once they reported in it (their record holds it too, for staff's
    // messages): the next conversation speaks it, as their chosen one, rather than ask again.
    const lang = ctx.session.lang ?? ctx.session.guessed;
    const reported = ctx.session.lastSubmitted !== undefined || ctx.session.draft?.urgent !== undefined || begun.language !== undefined;
    const language = lang && reported && (lang !== begun.language || !begun.session) ? { language: lang } : {};
    const longer = typeof ctx.state.keepDraftLongerSec === 'number' ? { keepLongerSec: ctx.state.keepDraftLongerSec } : {};
    const mark = (m: UpdateMark['mark']): UpdateMark => ({ updateKey, mark: flush ? 'none' : m, rememberSec: opts.rememberSec, ...language, ...longer });
    try {
      if (snapshot !== null && JSON.stringify(ctx.session) === snapshot) await sessions.touch(name, mark(failure ? 'release' : 'done'));
      else await sessions.set(name, ctx.session, mark(failure ? 'release' : 'done'));
    } catch (err) {
      // Once what the reporter sent is stored (their report, or a message to the staff:
      // `ctx.state.stored`), an apology would contradict the truth, and "send it again" would
      // put it before the staff twice. The unsaved session still holds the draft, and Confirm on
      // it answers with the same reference (the draft id is the idempotency key); a message still
      // waiting there for "which report?" is stored once however often it is taken (its id comes
      // from the Telegram message). Nothing is lost or doubled.
      const fails = !failure && !ctx.state.stored;
      await sessions.touch(name, mark(failure || fails ? 'release' : 'done')).catch(() => undefined);
      if (fails) throw err;
      ctx.log.warn({ err, outcome: 'session_not_saved' }, 'session not saved');
    }
    if (failure) throw failure.err;
  };
}

/**
 * Claims the update. Claimed already by another process that is still handling it: waits for that
 * to end ('done': a re-delivery, dropped; released after a failure: handled here). Claimed by a
 * process that died mid-update: takes the claim over and handles it (see src/bot/update-owner.ts).
 */
async function claimOrWait<T>(sessions: RedisSessionStore<T>, name: string, claim: UpdateClaim, owner: UpdateOwner): Promise<Begun<T>> {
  const until = Date.now() + WAIT_FOR_FIRST_MS;
  let begun = await sessions.begin(name, claim);
  while (!begun.claimed && Date.now() < until) {
    const other = owner.other(begun.held);
    if (!other) return begun;
    if (!(await owner.alive(other))) {
      begun = await sessions.begin(name, { ...claim, takeOver: begun.held });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
    begun = await sessions.begin(name, claim);
  }
  return begun;
}
