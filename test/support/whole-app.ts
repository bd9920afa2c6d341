/**
 * The real app as its own process (`src/main.ts all`: bot, workers, console) on a fresh test
 * database and Redis prefix, talking to a Bot API double, with a store on the same database for
 * the test to seed and read. For the end-to-end suites that drive the whole loop.
 */
import { createStore, type Store } from '../../src/store';
import { TEST_PASSWORD_HASH, TEST_PASSWORD_HASH_COST } from './app-config';
import { connectTestDb, type TestDb } from './db';
import { freePort } from './ports';
import { connectTestRedis, deleteByPrefix } from './redis';
import { spawnApp, type Spawned } from './spawn-app';
import { TelegramDouble } from './telegram';

export interface WholeApp {
  tg: TelegramDouble;
  db: TestDb;
  store: Store;
  app: Spawned;
  /** The console: http://127.0.0.1:<port> */
  base: string;
  /** The app's Redis and key prefix, for a test that puts a job on its queues. */
  redis: { url: string; prefix: string };
  /** Stops the app and the double, empties the Redis prefix and drops the database. */
  stop(): Promise<void>;
}

export async function startWholeApp(label: string, key: Buffer, env: Record<string, string> = {}): Promise<WholeApp> {
  const tg = await TelegramDouble.start({ actionTimeoutMs: 30_000 });
  const db = await connectTestDb(label);
  const r = await connectTestRedis(label);
  let app: Spawned | undefined;
  const stop = async () => {
    if (app) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await tg.stop();
    await deleteByPrefix(r.redis, r.prefix);
    await r.cleanup();
    await db.drop();
  };
  try {
    const store = createStore(db.conn, [{ id: 'k1', key }], { agents: { hashOptions: TEST_PASSWORD_HASH } });
    await store.ready();
    const port = await freePort();
    const prefix = r.prefix.replace(/[^A-Za-z0-9_:-]/g, '_');
    const mongo = new URL(process.env.MONGODB_URI!);
    mongo.pathname = `/${db.dbName}`;
    app = spawnApp(['all'], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      MONGODB_URI: mongo.toString(),
      REDIS_URL: r.url,
      REDIS_PREFIX: prefix,
      DATA_KEY: `k1:${key.toString('base64')}`,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: String(port),
      // Any free port: the default 9091 may be taken by another app running on the machine.
      WORKER_HTTP_PORT: '0',
      PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
      ...env,
    });
    // Generous: tsx compiles the whole app on start, and the machine is shared.
    await app.waitForLine(/Ripoti is running/, 100_000);
    return { tg, db, store, app, base: `http://127.0.0.1:${port}`, redis: { url: r.url, prefix }, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
