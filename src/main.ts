import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { connectMongo, createStore, type Store } from './store';
import { createRedis, closeRedis } from './redis';
import { Translator } from './i18n';
import { ReportService } from './services/report-service';
import { EventBus } from './services/events';
import type { Service } from './lifecycle';
import type { HelpNumber } from './domain';

/**
 * The composition root: the only place that knows how the pieces fit. Tests build the same graph
 * with `createApp` against test servers; `node dist/main.js [bot|worker|console|all]` runs it.
 */

export const ROLES = ['bot', 'worker', 'console'] as const;
export type Role = (typeof ROLES)[number];

export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  translator: Translator;
  reports: ReportService;
  events: EventBus;
  services: Service[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function loadHelpNumbers(file = join(__dirname, '..', 'data', 'help-numbers.json')): HelpNumber[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { numbers: HelpNumber[] }).numbers;
}

export async function createApp(config: Config, opts: { roles: readonly Role[]; logger?: Logger }): Promise<App> {
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const roles = new Set(opts.roles);
  const redisConnections: Redis[] = [];
  const redis = (kind: 'worker' | 'producer') => {
    const r = createRedis(config.redis.url, kind);
    r.on('error', (err) => logger.warn({ err: err.message, kind }, 'redis connection error'));
    redisConnections.push(r);
    return r;
  };

  logger.info({ roles: [...roles] }, 'connecting to MongoDB and Redis');
  const conn: Connection = await connectMongo(config.mongodbUri);
  const store = createStore(conn, config.dataKeys);
  await store.ready();
  const translator = await Translator.create();
  const events = new EventBus(redis('producer'), roles.has('console') ? redis('worker') : null, `${config.redis.prefix}:live`);

  const services: Service[] = [];
  // [queue wiring] tickets queue, desk, replies; workers join `services` when roles.has('worker').
  const reports = new ReportService({ store, logger, tickets: { enqueue: async () => Promise.reject(new Error('tickets queue not wired')) } });
  // [bot wiring] createBot(...) joins `services` when roles.has('bot').
  // [console wiring] createConsole(...) joins `services` when roles.has('console').

  let started: Service[] = [];
  return {
    config,
    logger,
    store,
    translator,
    reports,
    events,
    services,
    async start() {
      for (const s of services) {
        logger.info({ service: s.name }, 'starting');
        await s.start();
        started.push(s);
      }
      logger.info({ roles: [...roles] }, 'Ripoti is running');
    },
    async stop() {
      for (const s of [...started].reverse()) {
        try {
          await s.stop();
          logger.info({ service: s.name }, 'stopped');
        } catch (err) {
          logger.error({ service: s.name, err }, 'error while stopping');
        }
      }
      started = [];
      await Promise.all(redisConnections.map(closeRedis));
      await conn.close();
      logger.info('shut down cleanly');
    },
  };
}

export function parseRoles(arg: string | undefined): Role[] {
  if (!arg || arg === 'all') return [...ROLES];
  const roles = arg.split(',');
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new ConfigError('role', `"${r}" is not one of bot, worker, console, all`);
  return roles as Role[];
}

async function run(): Promise<void> {
  let config: Config;
  let roles: Role[];
  try {
    roles = parseRoles(process.argv[2]);
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let app: App;
  try {
    app = await createApp(config, { roles, logger });
    await app.start();
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck dependency must not keep the process from exiting: give up after 10 s.
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) void run();
