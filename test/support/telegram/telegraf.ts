/** Helpers that run a telegraf bot against the double in either update mode and stop it cleanly. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Telegraf } from 'telegraf';
import type { TelegramDouble } from './double';

export interface RunningBot {
  stop(): Promise<void>;
}

/** `bot.launch()` in long-polling mode; resolves once the bot's first getUpdates arrived. */
export async function startPolling<C extends Context>(bot: Telegraf<C>, tg: TelegramDouble): Promise<RunningBot> {
  const before = tg.calls('getUpdates').length;
  let failure: unknown;
  // launch() only settles when polling ends, so it is kept, not awaited.
  const launched = bot.launch().catch((e: unknown) => {
    failure = e;
  });
  await tg.waitForCall('getUpdates', () => tg.calls('getUpdates').length > before);
  return {
    async stop() {
      try {
        bot.stop('test finished');
      } catch {
        // already stopped (e.g. polling crashed on 401/409)
      }
      await launched;
      if (failure !== undefined && !(failure instanceof Error && /409|401/.test(failure.message))) throw failure;
    },
  };
}

export interface WebhookBotOptions {
  secretToken?: string;
  /** secret the bot's webhook callback expects; defaults to secretToken (set differently to test rejection) */
  expectedSecretToken?: string;
  path?: string;
}

/** Serves `bot.webhookCallback` on a loopback HTTP server and registers it with setWebhook. */
export async function startWebhook<C extends Context>(bot: Telegraf<C>, opts: WebhookBotOptions = {}): Promise<RunningBot & { url: string }> {
  const path = opts.path ?? '/telegram/webhook';
  const callback = bot.webhookCallback(path, { secretToken: opts.expectedSecretToken ?? opts.secretToken });
  const server = http.createServer((req, res) => {
    void callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  await bot.telegram.setWebhook(url, opts.secretToken ? { secret_token: opts.secretToken } : {});
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
