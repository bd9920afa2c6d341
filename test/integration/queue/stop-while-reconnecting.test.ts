import { createHarness, type Harness } from '../../support/tickets-harness';
import { RedisProcess } from '../../support/redis-process';

/**
 * Shutting down (SIGTERM, a deploy) while Redis is away, or just back with the connections still
 * waiting out their retry delay. Under ioredis 6.0.0 a BullMQ worker's close() never returned
 * there: its blocking connection was disconnected while "reconnecting", which ended it without the
 * "end" event close() waits for (the relay test's afterAll hung for 30 s in CI, and a worker
 * process would not stop in order). ioredis 6.1.0 ends such a connection properly.
 *
 * Only the Redis-down case is here: in CI Redis was back and a retry still armed, the same
 * disconnect of a "reconnecting" connection, but a test of that would depend on Redis restarting
 * within the retry's delay, which a loaded machine need not do.
 */
describe('the worker role stops while its Redis connections wait to reconnect', () => {
  let redis: RedisProcess;
  let h: Harness | null = null;
  beforeEach(async () => {
    redis = await RedisProcess.start();
    h = await createHarness({ label: 'q-stop-reconnect', redisUrl: redis.url, workers: true });
    await h.startWorkers();
  });
  afterEach(async () => {
    await h?.close();
    await redis.destroy();
  });

  /** Resolves once a worker connection has armed a retry at least `ms` away. */
  const retryArmed = (harness: Harness, ms: number) =>
    new Promise<void>((resolve) => {
      for (const c of harness.connections) c.on('reconnecting', (delay: number) => delay >= ms && resolve());
    });

  it('with Redis still down: every worker stops and the connections are closed', async () => {
    const harness = h!;
    const armed = retryArmed(harness, 400);
    await redis.stop();
    await armed;
    await harness.close();
    h = null;
    expect(harness.connections.map((c) => c.status)).toEqual(harness.connections.map(() => 'end'));
  });
});
