import type { Telegraf } from 'telegraf';
import type { UpdateType } from 'telegraf/typings/telegram-types';
import type { Service } from '../lifecycle';
import { registerCommands } from './commands';
import type { BotContext, BotDeps } from './context';
import { ALLOWED_UPDATES } from './webhook-server';


/** Long polling as a service (webhook mode serves updates through WebhookServer instead). */
export function pollingService(bot: Telegraf<BotContext>, deps: Pick<BotDeps, 'logger' | 'translator'>): Service {
  let polling: Promise<void> | undefined;
  return {
    name: 'bot',
    async start() {
      await registerCommands(bot, deps).catch((err: unknown) => deps.logger.warn({ err }, 'could not register bot commands'));
      await new Promise<void>((resolve, reject) => {
        // launch() settles only when polling ends; onLaunch fires once polling has begun.
        // The updates named, not Telegram's memory of the last setting (a webhook set before may have named fewer).
        polling = bot.launch({ dropPendingUpdates: false, allowedUpdates: ALLOWED_UPDATES as unknown as UpdateType[] }, () => resolve()).catch((err: unknown) => {
          deps.logger.error({ err }, 'polling stopped with an error');
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
}
