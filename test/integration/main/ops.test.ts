import { createApp, type App } from '../../../src/main';
import { OpsServer, readinessProbe } from '../../../src/ops';
import { createRedis, closeRedis } from '../../../src/redis';
import { testAppConfig, freePort } from '../../support/app-config';
import { uniquePrefix, connectTestRedis, deleteByPrefix } from '../../support/redis';
import { TelegramDouble } from '../../support/telegram';

describe('the worker role answers health probes', () => {
  let tg: TelegramDouble;
  let app: App;
  const prefix = uniquePrefix('ops');

  beforeAll(async () => {
    tg = await TelegramDouble.start();
    app = await createApp(testAppConfig({ token: tg.token, apiRoot: tg.apiRoot, prefix }), { roles: ['worker'] });
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await tg.stop();
    const { redis, cleanup } = await connectTestRedis('ops-clean');
    await deleteByPrefix(redis, prefix);
    await cleanup();
  });

  const base = () => {
    const ops = app.services.find((s): s is OpsServer => s instanceof OpsServer);
    const addr = ops?.app.server.address();
    if (!addr || typeof addr !== 'object') throw new Error('ops server not listening');
    return `http://127.0.0.1:${addr.port}`;
  };

  // As the console and the webhook: a probe sent a byte at a time is not held for ever (Fastify's default).
  it('gives a request at most a minute to arrive whole', () => {
    const ops = app.services.find((s): s is OpsServer => s instanceof OpsServer);
    const { requestTimeout, headersTimeout } = ops!.app.server;
    expect(requestTimeout).toBeGreaterThan(0);
    expect(requestTimeout).toBeLessThanOrEqual(60_000);
    expect(headersTimeout).toBeLessThanOrEqual(requestTimeout);
  });

  it('says it is alive and ready when MongoDB and Redis answer', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, mongo: true, redis: true });
  });

  it('exposes queue and delivery metrics for Prometheus', async () => {
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toContain('ripoti_queue_depth');
    expect(text).toContain('ripoti_deliveries_total');
  });

  it('is not ready when Redis does not answer', async () => {
    const deadRedis = createRedis(`redis://127.0.0.1:${await freePort()}`, 'producer', { retryStrategy: () => null, lazyConnect: true });
    deadRedis.on('error', () => undefined);
    const probe = readinessProbe({ conn: app.store.models.Report.db, redis: deadRedis });
    const server = new OpsServer({ host: '127.0.0.1', port: 0, ready: probe });
    await server.start();
    try {
      const addr = server.app.server.address();
      const res = await fetch(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, mongo: true, redis: false });
    } finally {
      await server.stop();
      await closeRedis(deadRedis);
    }
  });
});
