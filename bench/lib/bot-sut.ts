/**
 * The bot under test, as production runs it: its own process (bench/sut.ts, `NODE_ENV=production`,
 * webhook mode) against a database whose indexes `migrate` built first, since production refuses
 * to start without them. Shared by the throughput runs (bench/run.ts) and the surge (bench/surge.ts).
 */
import { randomBytes } from 'node:crypto';
import { applyIndexes, connectMongo, createStore } from '../../src/store';
import { freePort } from '../../test/support/ports';
import { spawnChild, type ChildHandle } from './child';

/** Builds every index the roles check for, as `node dist/main.js migrate` does. */
export async function migrateIndexes(mongoUri: string): Promise<void> {
  const conn = await connectMongo(mongoUri, { autoIndex: false });
  createStore(conn, [{ id: 'migrate', key: Buffer.alloc(32) }]);
  await applyIndexes(conn);
  await conn.close();
}

export interface BotSutOptions {
  telegram: { token: string; apiRoot: string };
  secret: string;
  /** TELEGRAM_WEBHOOK_MAX_CONNECTIONS. */
  connections: number;
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  dataKey: string;
  /** TELEGRAM_SEND_RATE_PER_SECOND ('0': unpaced, for a double that never says no). */
  sendRate: number;
  logFile: string;
  nodeArgs?: string[];
}

/** Starts the bot role (and the worker's parts bench/sut.ts runs) and resolves once it is ready. */
export async function startBotSut(o: BotSutOptions): Promise<ChildHandle> {
  const port = await freePort();
  return spawnChild({
    name: 'bot',
    script: 'bench/sut.ts',
    nodeArgs: o.nodeArgs ?? [],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      TELEGRAM_BOT_TOKEN: o.telegram.token,
      TELEGRAM_API_ROOT: o.telegram.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/${randomBytes(6).toString('hex')}`,
      TELEGRAM_WEBHOOK_SECRET: o.secret,
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_MAX_CONNECTIONS: String(o.connections),
      TELEGRAM_SEND_RATE_PER_SECOND: String(o.sendRate),
      MONGODB_URI: o.mongoUri,
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: o.prefix,
      DATA_KEY: o.dataKey,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: String(await freePort()),
      WORKER_HTTP_PORT: String(await freePort()),
    },
    logFile: o.logFile,
    readyTimeoutMs: 60_000,
  });
}
