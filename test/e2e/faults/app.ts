/**
 * The real composition root (`createApp` from src/main.ts) for fault tests: the bot polling the
 * Telegram double (or serving its webhook) and, when asked, the worker role (outbox relay, SLA,
 * replies), against a Redis URL and a MongoDB URI the test controls (a child redis-server, a TCP
 * proxy in front of the MongoDB test server). Every log line is kept for assertions.
 */
import { Writable } from 'node:stream';
import { testAppConfig } from '../../support/app-config';
import { createLogger } from '../../../src/logger';
import { createApp, type App, type Role } from '../../../src/main';
import { connectTestDb, type TestDb } from '../../support/db';
import { uniquePrefix } from '../../support/redis';
import { mongoUriWith } from '../../support/tcp-proxy';
import { TelegramDouble } from '../../support/telegram';

export interface FaultApp {
  app: App;
  tg: TelegramDouble;
  /** The test's own connection to the same database (not through any proxy). */
  db: TestDb;
  prefix: string;
  logs: string[];
  /** Log lines (parsed) whose msg equals `msg`. */
  logged(msg: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export interface FaultAppOptions {
  label: string;
  roles: Role[];
  redisUrl: string;
  /** host:port to reach MongoDB through (a proxy); default the test server itself. */
  mongoHostPort?: string;
  env?: Record<string, string>;
  tg?: TelegramDouble;
  /** Do not start the services (the caller starts them). */
  noStart?: boolean;
}

export async function startFaultApp(opts: FaultAppOptions): Promise<FaultApp> {
  const base = process.env.MONGODB_URI;
  if (!base) throw new Error('MONGODB_URI is not set: run through jest');
  const tg = opts.tg ?? (await TelegramDouble.start());
  const db = await connectTestDb(opts.label);
  const prefix = uniquePrefix(opts.label);
  const logs: string[] = [];
  const logger = createLogger(
    { level: 'info', name: opts.label },
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString());
        cb();
      },
    }),
  );
  // Every listener on an ephemeral loopback port (testAppConfig): test files run in parallel,
  // and other processes on the machine may hold the default ports.
  const config = testAppConfig({
    token: tg.token,
    apiRoot: tg.apiRoot,
    prefix,
    MONGODB_URI: mongoUriWith(base, { dbName: db.dbName, hostPort: opts.mongoHostPort }),
    REDIS_URL: opts.redisUrl,
    MESSAGES_PER_MINUTE: '1000',
    REPORTS_PER_DAY: '100',
    ...opts.env,
  });
  let app: App;
  try {
    app = await createApp(config, {
      roles: opts.roles,
      logger,
      queueOverrides: { relay: { intervalMs: 100, graceMs: 0, reconcileEveryMs: 300, stalledIntervalMs: 1000 } },
    });
  } catch (err) {
    await db.drop().catch(() => undefined);
    if (!opts.tg) await tg.stop();
    throw err;
  }
  if (!opts.noStart) {
    try {
      await app.start();
      if (opts.roles.includes('bot') && config.telegram.mode === 'polling') await tg.waitForCall('getUpdates');
    } catch (err) {
      // Stop whatever did start, so a failed start does not keep Jest from exiting.
      await app.stop().catch(() => undefined);
      await db.drop().catch(() => undefined);
      if (!opts.tg) await tg.stop();
      throw err;
    }
  }
  return {
    app,
    tg,
    db,
    prefix,
    logs,
    logged: (msg) =>
      logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === msg),
    async close() {
      await app.stop().catch(() => undefined);
      if (!opts.tg) await tg.stop();
      await db.drop().catch(() => undefined);
    },
  };
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
}
