/**
 * Child process: the system under test, built by the composition root exactly as
 * `node dist/main.js bot,worker` builds it: the bot in webhook mode (Redis sessions, abuse limits,
 * MongoDB store, tickets queue) and the worker role (outbox relay, SLA clock, replies worker, which
 * sends agents' replies to the Bot API double), configured only through the environment.
 * `BENCH_ROLES` runs other roles (`bot` or `worker` alone: the scale-out setup, several processes).
 */
import { loadConfig } from '../src/config';
import { createApp, parseRoles } from '../src/main';
import { reportChildError, serveChild } from './lib/child';

async function main(): Promise<void> {
  const config = loadConfig();
  const roles = parseRoles(process.env.BENCH_ROLES ?? 'bot,worker');
  if (config.telegram.mode !== 'webhook' || !config.telegram.webhook.url) throw new Error('the benchmark needs TELEGRAM_MODE=webhook');
  const app = await createApp(config, { roles });
  if (roles.includes('bot') && !app.services.some((s) => s.name === 'telegram-webhook')) throw new Error('createApp did not build the webhook server');
  await app.start();
  // A worker alone has no webhook: the driver then knows it by its ops server.
  serveChild(roles.includes('bot') ? config.telegram.webhook.url : `http://127.0.0.1:${config.workerHttp.port}`, () => app.stop());
}

main().catch(reportChildError);
