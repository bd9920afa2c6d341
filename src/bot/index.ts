import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { languageFromTelegram } from '../i18n';
import type { Service } from '../lifecycle';
import type { BotContext, BotDeps, SessionData } from './context';
import { messageRateLimit } from './abuse-limits';
import { languageFeature } from './features/language';
import { repliesFeature } from './features/replies';
import { reportFeature } from './features/report';
import { startFeature } from './features/start';
import { statusFeature } from './features/status';
import * as kb from './keyboards';
import { RedisSessionStore } from './session-store';
import { migrateSession, newSession } from './session';
import { safeError } from './safe-error';
import type { IdentityCipher } from '../store';

export type { BotContext, BotDeps, SessionData } from './context';
export { RedisSessionStore } from './session-store';

export interface CreateBotOptions extends BotDeps {
  token: string;
  /** Bot API root (the test double in tests). */
  apiRoot?: string;
  /** How long an idle conversation is kept in Redis. */
  sessionTtlSec?: number;
  /** How long an update_id is remembered to drop re-deliveries. */
  dedupeTtlSec?: number;
}

export interface CreatedBot {
  bot: Telegraf<BotContext>;
  /** Long polling; webhook mode can drive `handleUpdate` instead. */
  service: Service;
  /** Handles one update to completion (for a webhook endpoint). */
  handleUpdate(update: Update): Promise<void>;
  sessions: RedisSessionStore<SessionData>;
}

/**
 * Sessions are keyed by a keyed hash, like every other per-reporter key in Redis: a Redis dump
 * does not tell whose draft is whose. (After a data-key rotation drafts in progress start afresh.)
 */
export function sessionKey(cipher: IdentityCipher, userId: number, chatId: number): string {
  return cipher.lookupHash(`sess:${userId}:${chatId}`);
}

/** The commands shown in Telegram's menu, in both languages. */
const COMMANDS = ['start', 'status', 'cancel', 'language', 'help', 'privacy'] as const;

export function createBot(opts: CreateBotOptions): CreatedBot {
  const { token, apiRoot, sessionTtlSec, dedupeTtlSec = 24 * 60 * 60, ...deps } = opts;
  const now = deps.now ?? (() => new Date());
  const bot = new Telegraf<BotContext>(token, { telegram: apiRoot ? { apiRoot } : {} });
  const sessions = new RedisSessionStore<SessionData>(deps.redis, deps.prefix, sessionTtlSec, migrateSession);

  // Context helpers first so that even the error boundary can speak the reporter's language.
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.now = now;
    ctx.log = deps.logger.child({ updateId: ctx.update.update_id });
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    ctx.t = (key, vars) => deps.translator.t(ctx.lang, key.includes(':') ? key : `bot:${key}`, vars);
    return next();
  });

  // A reporting hotline works in private chats only; groups and channels are ignored.
  bot.use((ctx, next) => (ctx.from && ctx.chat?.type === 'private' ? next() : undefined));

  // Telegram may deliver an update more than once (webhook retries, a restart mid-batch). The
  // update is claimed briefly while handled and remembered only once handled, so a delivery
  // that failed half-way is processed again when Telegram retries it.
  bot.use(async (ctx, next) => {
    const key = `${deps.prefix}:upd:${ctx.update.update_id}`;
    let claimed = false;
    try {
      claimed = (await deps.redis.set(key, 'handling', 'EX', 120, 'NX')) !== null;
      if (!claimed) {
        ctx.log.info({ outcome: 'duplicate_update' }, 'dropped a re-delivered update');
        return;
      }
    } catch {
      // Without Redis the session below fails anyway and the error boundary answers.
    }
    try {
      await next();
    } catch (err) {
      if (claimed) await deps.redis.del(key).catch(() => undefined);
      throw err;
    }
    if (claimed) await deps.redis.set(key, 'done', 'EX', dedupeTtlSec).catch(() => undefined);
  });

  // One update at a time per reporter: a double tap or an album must not race on the same session.
  const queues = new Map<number, Promise<unknown>>();
  bot.use((ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const previous = queues.get(id) ?? Promise.resolve();
    const run = previous.then(() => next());
    const tail = run.catch(() => undefined);
    queues.set(id, tail);
    void tail.then(() => {
      if (queues.get(id) === tail) queues.delete(id);
    });
    return run;
  });

  // Sessions: loaded from Redis before the features run and written back after them (even when a
  // feature threw), which renews the TTL. Not telegraf's `session()`: when its store read fails
  // (Redis down), telegraf keeps the rejected read in its per-key "concurrent requests" map for
  // good, so every later update of that reporter fails too, even after Redis is back, until the
  // process restarts. Here a failed read fails this update only (the error boundary apologises)
  // and the next update reads again. Telegraf's cache for concurrent updates is not needed: the
  // per-reporter queue above already runs one update at a time per (private) chat.
  bot.use(async (ctx, next) => {
    const key = ctx.from && ctx.chat ? sessionKey(deps.store.cipher, ctx.from.id, ctx.chat.id) : undefined;
    if (!key) return next();
    ctx.session = (await sessions.get(key)) ?? newSession();
    let failure: { err: unknown } | undefined;
    try {
      await next();
    } catch (err) {
      failure = { err };
    }
    // Written back even when a feature threw, so what the reporter already did is kept.
    try {
      await sessions.set(key, ctx.session);
    } catch (err) {
      // Once the reporter was told their report is stored, an apology would contradict the
      // truth. The unsaved session still holds the draft, and Confirm on it answers with the
      // same reference (the draft id is the idempotency key), so nothing is lost or doubled.
      if (!failure && !ctx.state.reportCommitted) throw err;
      ctx.log.warn({ err: safeError(err), outcome: 'session_not_saved' }, 'session not saved');
    }
    if (failure) throw failure.err;
  });
  bot.use((ctx, next) => {
    if (ctx.session.lang) ctx.lang = ctx.session.lang;
    return next();
  });

  if (deps.messagesPerMinute) bot.use(messageRateLimit(deps, deps.messagesPerMinute));

  bot.use(startFeature(), languageFeature(), statusFeature(), reportFeature(), repliesFeature());

  // Buttons nobody handled: an old message, or data we never produced.
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(ctx.t('wizard.stale'));
    await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
  });
  bot.on('message', async (ctx) => {
    const unknownCommand = 'text' in ctx.message && ctx.message.text.startsWith('/');
    await ctx.reply(ctx.t(unknownCommand ? 'menu.unknown_command' : 'menu.prompt'), kb.mainMenu(ctx.t));
  });

  bot.catch(async (err, ctx) => {
    // No personal data: the update id and the error only (its message never holds user text).
    ctx.log.error({ err: safeError(err), updateType: ctx.updateType }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(ctx.t('error.generic'));
    } catch (replyErr) {
      ctx.log.warn({ err: safeError(replyErr) }, 'could not tell the reporter about the error');
    }
  });

  let polling: Promise<void> | undefined;
  const service: Service = {
    name: 'bot',
    async start() {
      await registerCommands(bot, deps).catch((err: unknown) => deps.logger.warn({ err: safeError(err) }, 'could not register bot commands'));
      await new Promise<void>((resolve, reject) => {
        // launch() settles only when polling ends; onLaunch fires once polling has begun.
        polling = bot.launch({ dropPendingUpdates: false }, () => resolve()).catch((err: unknown) => {
          deps.logger.error({ err: safeError(err) }, 'polling stopped with an error');
          reject(err instanceof Error ? err : new Error(String(err)));
        });
      });
      deps.logger.info({ mode: 'polling' }, 'bot polling');
    },
    async stop() {
      try {
        bot.stop('shutdown');
      } catch {
        // not running
      }
      await polling;
      polling = undefined;
    },
  };

  return { bot, service, handleUpdate: (update) => bot.handleUpdate(update), sessions };
}

async function registerCommands(bot: Telegraf<BotContext>, deps: BotDeps): Promise<void> {
  for (const lang of ['en', 'sw'] as const) {
    const commands = COMMANDS.map((command) => ({ command, description: deps.translator.t(lang, `bot:commands.${command}`) }));
    await bot.telegram.setMyCommands(commands, lang === 'sw' ? { language_code: 'sw' } : {});
  }
}
