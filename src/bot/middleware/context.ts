import type { MiddlewareFn } from 'telegraf';
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

/** The language the reporter chose with /language, kept in the session, wins over Telegram's. */
export function sessionLanguage(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (ctx.session.lang) ctx.lang = ctx.session.lang;
    return next();
  };
}
