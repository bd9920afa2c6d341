/**
 * A replies worker in its own process, so a test can SIGKILL it mid-burst and start another.
 * Configured through the environment (see test/integration/queue/reply-crash.test.ts); prints
 * "ready" once it is loaded and connected, and starts fetching jobs only when a line "start"
 * comes on stdin (then prints "started"): a test loads its next worker ahead, while the one
 * before it works, and starts it at the moment it chooses.
 */
import { connectMongo, createStore } from '../../src/store';
import { loadConfig } from '../../src/config';
import { createRedis, closeRedis } from '../../src/redis';
import { redisKeys } from '../../src/redis-keys';
import { Translator } from '../../src/i18n';
import { RedisEventBus } from '../../src/queue';
import { createLogger } from '../../src/logger';
import { ReplyWorker } from '../../src/queue';
import { DeliveryService } from '../../src/services/delivery-service';
import { redisReady } from './redis';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

/** Resolves when a line "start" arrives on stdin. Its end (the test is gone) ends the process. */
function startSignal(): Promise<void> {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.on('data', (chunk: Buffer) => {
      input += chunk.toString('utf8');
      if (input.split('\n').includes('start')) resolve();
    });
    process.stdin.once('end', () => process.exit(0));
  });
}

async function main(): Promise<void> {
  const prefix = need('RIPOTI_PREFIX');
  const conn = await connectMongo(need('MONGODB_URI'), { dbName: need('RIPOTI_DB') });
  const store = createStore(conn, [{ id: 'k1', key: Buffer.from(need('RIPOTI_DATA_KEY'), 'base64') }]);
  const translator = await Translator.create();
  // REDIS_URL, or the cluster's REDIS_CLUSTER_NODES, read as the app reads them.
  const { redis } = loadConfig({ TELEGRAM_BOT_TOKEN: need('TELEGRAM_BOT_TOKEN'), MONGODB_URI: need('MONGODB_URI'), DATA_KEY: `k1:${need('RIPOTI_DATA_KEY')}`, REDIS_URL: need('REDIS_URL'), REDIS_PREFIX: prefix, REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES });
  const connection = createRedis(redis, 'worker');
  const pub = createRedis(redis, 'producer');
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'silent' });
  const worker = new ReplyWorker({
    connection,
    prefix,
    delivery: new DeliveryService({ store, translator, events: new RedisEventBus(pub, null, redisKeys(prefix).liveChannel), logger }),
    logger,
    token: need('TELEGRAM_BOT_TOKEN'),
    apiRoot: need('TELEGRAM_API_ROOT'),
    limiter: { max: 1, duration: Number(process.env.RIPOTI_LIMIT_MS ?? 100) },
    concurrency: 5,
    lockDuration: Number(process.env.RIPOTI_LOCK_MS ?? 30_000),
    stalledInterval: Number(process.env.RIPOTI_STALLED_MS ?? 30_000),
  });
  // The live events' publisher: no offline queue, so nothing before it is ready.
  await redisReady(pub);
  process.stdout.write('ready\n');
  await startSignal();
  await worker.start();
  process.stdout.write('started\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await worker.stop();
      await Promise.all([closeRedis(connection), closeRedis(pub)]);
      await conn.close();
      process.exit(0);
    })();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
