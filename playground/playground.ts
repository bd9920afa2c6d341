/**
 * The playground: every role of Ripoti against the Telegram Bot API double and (unless
 * MONGODB_URI is given) the in-memory MongoDB-compatible test server, plus a chat page that plays
 * the Telegram app. Only Redis has to be running. `run.ts` is the CLI; tests call startPlayground.
 */
import { randomBytes } from 'node:crypto';
import { checkRedis as checkRedisAt } from '../src/preflight';
import IORedis from 'ioredis';
import { loadConfig } from '../src/config';
import { createApp, type App } from '../src/main';
import { createLogger, type Logger } from '../src/logger';
import { AgentExistsError, type AgentRole } from '../src/store';
import { startMongoTestServer, type MongoTestServer } from '../test/support/mongo/server';
import { freePort } from '../test/support/ports';
import { deleteByPrefix } from '../test/support/redis';
import { TelegramDouble } from '../test/support/telegram';
import { startChatServer, type ChatServer } from './chat-server';

export interface PlaygroundOptions {
  /** chat page port (default 8080; 0 = any free port) */
  port?: number;
  /** agents' console port (default 3000; 0 = a free port, chosen before the console starts) */
  consolePort?: number;
  /** interface both servers listen on (default 127.0.0.1) */
  host?: string;
  /** default redis://127.0.0.1:6379 */
  redisUrl?: string;
  /** default 'playground'; every key the playground writes starts with it */
  redisPrefix?: string;
  /** a real MongoDB; default: the in-memory test server */
  mongodbUri?: string;
  /** pino level for Ripoti's logs (default 'warn') */
  logLevel?: string;
  logger?: Logger;
  /**
   * Demo console account: default `demo`, a random password, role admin. Admin rather than
   * supervisor because only admins see every page (accounts and the BullMQ board are admin-only);
   * an admin also takes tickets like an agent and oversees like a supervisor.
   */
  demo?: { username?: string; password?: string; role?: AgentRole };
  /** extra environment for loadConfig, e.g. { SLA_MINUTES: '1,1,1,1' } */
  env?: Record<string, string>;
}

export interface Playground {
  chatUrl: string;
  consoleUrl: string;
  demo: { username: string; password: string; role: AgentRole };
  /** true when the in-memory MongoDB-compatible server is used */
  inMemoryMongo: boolean;
  tg: TelegramDouble;
  app: App;
  chat: ChatServer;
  stop(): Promise<void>;
}

/** A failure the CLI reports as one line (Redis down, port taken...). */
export class PlaygroundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlaygroundError';
  }
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Resolves when Redis answers PING; otherwise throws a StartupError saying how to start it. */
export function checkRedis(url: string): Promise<void> {
  return checkRedisAt(url, 'the playground needs it');
}

/** Deletes every key under `${prefix}:` (queues, sessions, limits of a previous in-memory run). */
export async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await deleteByPrefix(redis, `${prefix}:`);
  } finally {
    redis.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function demoPassword(): string {
  // Easy to read and type, long enough for the console's length rule.
  const words = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `demo-${words.slice(0, 6)}-${words.slice(6, 12)}`;
}

export async function startPlayground(opts: PlaygroundOptions = {}): Promise<Playground> {
  const redisUrl = opts.redisUrl ?? DEFAULT_REDIS_URL;
  const prefix = opts.redisPrefix ?? 'playground';
  const host = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? createLogger({ level: opts.logLevel ?? 'warn', name: 'ripoti-playground' });
  await checkRedis(redisUrl);

  // Undo what is already up if a later step fails, so a failed start leaves nothing running.
  const undo: (() => Promise<void>)[] = [];
  const unwind = async () => {
    for (const f of undo.reverse()) await f().catch(() => undefined);
  };
  try {
    let mongo: MongoTestServer | null = null;
    if (!opts.mongodbUri) {
      mongo = await startMongoTestServer({ port: 0 });
      undo.push(() => mongo?.stop() ?? Promise.resolve());
      // Tickets live in memory: queued jobs of an earlier run would point at reports that are gone.
      await clearRedisPrefix(redisUrl, prefix);
    }
    const tg = await TelegramDouble.start({ botUsername: 'RipotiBot', botFirstName: 'Ripoti', actionTimeoutMs: 30_000 });
    undo.push(() => tg.stop());

    const consolePort = opts.consolePort === 0 ? await freePort(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host) : (opts.consolePort ?? 3000);
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: opts.logLevel ?? 'warn',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_MODE: 'polling',
      MONGODB_URI: opts.mongodbUri ?? mongo?.uri ?? '',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      DATA_KEY: `pg1:${randomBytes(32).toString('base64')}`,
      CONSOLE_HOST: host,
      CONSOLE_PORT: String(consolePort),
      // The worker role's health/metrics listener: nobody needs it here, so any free port.
      WORKER_HTTP_PORT: '0',
      ...opts.env,
    });

    const app = await createApp(config, { roles: ['bot', 'worker', 'console'], logger });
    let appStarted = false;
    undo.push(async () => {
      if (appStarted) await app.stop();
    });
    try {
      await app.start();
      appStarted = true;
    } catch (err) {
      // start() stops nothing on failure; stop() unwinds what did start and closes connections.
      // The double goes first: it ends the bot's held long poll, which would delay the bot's stop.
      await tg.stop().catch(() => undefined);
      await withTimeout(app.stop(), 10_000).catch(() => undefined);
      throw err;
    }

    const username = opts.demo?.username ?? 'demo';
    const password = opts.demo?.password ?? demoPassword();
    const role: AgentRole = opts.demo?.role ?? 'admin';
    try {
      await app.store.agents.create({ username, name: 'Demo Agent', role, password, language: 'en' });
    } catch (err) {
      if (!(err instanceof AgentExistsError)) throw err;
      // A real MongoDB kept the account from an earlier run: give it this run's password.
      const existing = await app.store.agents.findByUsername(username);
      if (!existing) throw err;
      await app.store.agents.setPassword(existing._id, password);
      await app.store.agents.setActive(existing._id, true);
    }

    const chat = await startChatServer({ tg, port: opts.port ?? 8080, host });
    undo.push(() => chat.stop());

    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    let stopped: Promise<void> | null = null;
    return {
      chatUrl: chat.url,
      consoleUrl: `http://${shownHost}:${consolePort}`,
      demo: { username, password, role },
      inMemoryMongo: mongo !== null,
      tg,
      app,
      chat,
      stop() {
        stopped ??= unwind();
        return stopped;
      },
    };
  } catch (err) {
    await unwind();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      const e = err as NodeJS.ErrnoException & { port?: number };
      throw new PlaygroundError(`Port ${e.port ?? ''} is already in use: pick others with --port and --console-port.`, { cause: err });
    }
    throw err;
  }
}
