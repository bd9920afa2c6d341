/**
 * Child process: the system under test, built by the composition root exactly as
 * `node dist/main.js bot,worker` builds it: the bot in webhook mode (Redis sessions, abuse limits,
 * MongoDB store, tickets queue) and the worker role (outbox relay, SLA clock, replies worker, which
 * sends agents' replies to the Bot API double), configured only through the environment.
 */
import { loadConfig } from '../src/config';
import { createApp } from '../src/main';
import { reportChildError, serveChild } from './lib/child';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.telegram.mode !== 'webhook' || !config.telegram.webhook.url) throw new Error('the benchmark needs TELEGRAM_MODE=webhook');
  const app = await createApp(config, { roles: ['bot', 'worker'] });
  if (!app.services.some((s) => s.name === 'telegram-webhook')) throw new Error('createApp did not build the webhook server');
  await app.start();
  serveChild(config.telegram.webhook.url, () => app.stop());
}

main().catch(reportChildError);
