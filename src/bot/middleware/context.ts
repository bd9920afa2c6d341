import type { MiddlewareFn } from 'telegraf';
import { guessLanguage } from '../../domain';
import { languageFromTelegram } from '../../i18n';
import type { Logger } from '../../logger';
import type { BotContext, BotDeps } from '../context';
import type { PartsWindow } from '../parts-window';

/**
 * Context helpers first, so that even the error boundary can speak the reporter's language:
 * deps, the clock, a logger for this update, and `t` in the language Telegram reports (the
 * reporter's own choice from the session replaces it once the session is loaded).
 */
export function botContext(deps: BotDeps, parts: PartsWindow): MiddlewareFn<BotContext> {
  const now = deps.now ?? (() => new Date());
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.parts = parts;
    ctx.now = now;
    // Made when first used: most updates log nothing, and a pino child redacts and serialises its bindings.
    let log: Logger | undefined;
    Object.defineProperty(ctx, 'log', {
      configurable: true,
      enumerable: true,
      get: () => (log ??= deps.logger.child({ updateId: ctx.update.update_id })),
      set: (l: Logger) => {
        log = l;
      },
    });
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    ctx.t = (key, vars) => deps.translator.t(ctx.lang, key.includes(':') ? key : `bot:${key}`, vars);
    return next();
  };
}

/**
 * The language the reporter chose with /language, kept in the session, wins over Telegram's. Until
 * they choose, the language they write in does ("Habari" from a phone set to English is answered
 * in Swahili); guessed once, it stays for the conversation.
 */
export function sessionLanguage(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (ctx.session.lang) {
      ctx.lang = ctx.session.lang;
      return next();
    }
    // Their own words only: not a command, not someone else's message passed on.
    const m = ctx.message;
    const text = m && 'text' in m && !m.text.startsWith('/') && !('forward_origin' in m && m.forward_origin) ? m.text : undefined;
    // Once, from words outside a report: a place name typed in the report ("Mama Lucy") says
    // nothing of the reporter's language.
    const guessed = text === undefined || ctx.session.guessed || ctx.session.draft ? undefined : guessLanguage(text);
    if (guessed) ctx.session.guessed = guessed;
    if (ctx.session.guessed) ctx.lang = ctx.session.guessed;
    return next();
  };
}
