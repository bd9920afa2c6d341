import type { MiddlewareFn } from 'telegraf';
import type { IdentityCipher } from '../../store';
import type { BotContext } from '../context';
import { newSession, type SessionData } from '../session';
import type { RedisSessionStore } from '../session-store';

/**
 * Sessions are keyed by a keyed hash, like every other per-reporter key in Redis: a Redis dump
 * does not tell whose draft is whose. (After a data-key rotation drafts in progress start afresh.)
 */
export function sessionKey(cipher: IdentityCipher, userId: number, chatId: number): string {
  return cipher.lookupHash(`sess:${userId}:${chatId}`);
}

/**
 * Loads the session from Redis before the features run and writes it back after them (even when
 * a feature threw, so what the reporter already did is kept), which renews the TTL. Not
 * telegraf's `session()`: when its store read fails (Redis down), telegraf keeps the rejected
 * read in its per-key "concurrent requests" map for good, so every later update of that reporter
 * fails too until the process restarts. Here a failed read fails this update only (the error
 * boundary apologises) and the next update reads again. Telegraf's cache for concurrent updates
 * is not needed: `onePerReporter` already runs one update at a time per (private) chat.
 */
export function redisSession(sessions: RedisSessionStore<SessionData>, cipher: IdentityCipher): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = ctx.from && ctx.chat ? sessionKey(cipher, ctx.from.id, ctx.chat.id) : undefined;
    if (!key) return next();
    ctx.session = (await sessions.get(key)) ?? newSession();
    let failure: { err: unknown } | undefined;
    try {
      await next();
    } catch (err) {
      failure = { err };
    }
    try {
      await sessions.set(key, ctx.session);
    } catch (err) {
      // Once the reporter was told their report is stored, an apology would contradict the
      // truth. The unsaved session still holds the draft, and Confirm on it answers with the
      // same reference (the draft id is the idempotency key), so nothing is lost or doubled.
      if (!failure && !ctx.state.reportCommitted) throw err;
      ctx.log.warn({ err, outcome: 'session_not_saved' }, 'session not saved');
    }
    if (failure) throw failure.err;
  };
}
