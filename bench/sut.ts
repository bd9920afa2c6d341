/**
 * Child process: the system under test. The real bot in webhook mode (Redis sessions, MongoDB
 * store, the tickets queue) plus the worker role (outbox relay, SLA clock, replies worker, which
 * sends agents' replies to the Bot API double), configured only through the environment, as
 * `node dist/main.js bot,worker` would be.
 *
 * It uses the composition root `createApp` when that wires the webhook server; while the root
 * still lacked the bot and queue wiring it composed the same parts itself (BENCH_COMPOSE=manual
 * forces that), the way createApp's placeholders describe.
 */
import { createBot } from '../src/bot';
import { WebhookServer } from '../src/bot/webhook-server';
import { loadConfig } from '../src/config';
import { Translator } from '../src/i18n';
import type { Service } from '../src/lifecycle';
import { createLogger } from '../src/logger';
import { createApp, loadHelpNumbers } from '../src/main';
import { createQueues } from '../src/queue';
import { closeRedis, createRedis } from '../src/redis';
import { EventBus } from '../src/services/events';
import { connectMongo, createStore } from '../src/store';
import type { Redis } from 'ioredis';
import { reportChildError, serveChild } from './lib/child';

interface Running {
  url: string;
  how: string;
  stop(): Promise<void>;
}

async function viaApp(): Promise<Running | null> {
  const config = loadConfig();
  const app = await createApp(config, { roles: ['bot', 'worker'] });
  if (!app.services.some((s) => s.name === 'telegram-webhook')) {
    await app.stop();
    return null;
  }
  await app.start();
  return { url: config.telegram.webhook.url ?? '', how: 'createApp', stop: () => app.stop() };
}

async function manual(): Promise<Running> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const connections: Redis[] = [];
  const redis = (kind: 'worker' | 'producer') => {
    const r = createRedis(config.redis.url, kind);
    r.on('error', (err) => logger.warn({ err: err.message, kind }, 'redis connection error'));
    connections.push(r);
    return r;
  };
  const conn = await connectMongo(config.mongodbUri);
  const store = createStore(conn, config.dataKeys);
  await store.ready();
  const translator = await Translator.create();
  const events = new EventBus(redis('producer'), null, `${config.redis.prefix}:live`);
  const queues = createQueues({ config, store, translator, events, logger, redis, workers: true });
  const bot = createBot({
    token: config.telegram.token,
    apiRoot: config.telegram.apiRoot,
    redis: redis('producer'),
    prefix: config.redis.prefix,
    store,
    reports: queues.reports,
    events,
    translator,
    logger,
    helpNumbers: loadHelpNumbers(),
  });
  const wh = config.telegram.webhook;
  const webhook = new WebhookServer(bot.bot, {
    url: wh.url ?? '',
    secret: wh.secret ?? '',
    host: wh.host,
    port: wh.port,
    maxConnections: wh.maxConnections,
    register: false,
    logger,
    ready: async () => true,
  });
  const services: Service[] = [...queues.services, webhook];
  const started: Service[] = [];
  for (const s of services) {
    await s.start();
    started.push(s);
  }
  return {
    url: wh.url ?? '',
    how: 'manual',
    async stop() {
      for (const s of started.reverse()) await s.stop().catch((err: unknown) => logger.error({ err, service: s.name }, 'stop failed'));
      await queues.close();
      await Promise.all(connections.map(closeRedis));
      await conn.close();
    },
  };
}

async function main(): Promise<void> {
  const running = (process.env.BENCH_COMPOSE === 'manual' ? null : await viaApp()) ?? (await manual());
  console.error(`system under test composed via ${running.how}`);
  serveChild(`${running.url}#${running.how}`, () => running.stop());
}

main().catch(reportChildError);
