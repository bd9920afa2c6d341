import Fastify, { type FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import type { Metrics } from './metrics';
import type { Service } from './lifecycle';
import { REQUEST_TIMEOUT_MS } from './lib/keep-alive';

export interface Readiness {
  ok: boolean;
  mongo: boolean;
  redis: boolean;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}

/** Ready means MongoDB and Redis both answer a ping within 2 s, not merely "a socket is open". */
export function readinessProbe(deps: { conn: Connection; redis: Redis }): () => Promise<Readiness> {
  return async () => {
    const [mongo, redis] = await Promise.all([
      withTimeout(
        (async () => {
          if (!deps.conn.db) throw new Error('not connected');
          await deps.conn.db.command({ ping: 1 });
        })(),
        2000,
      ).then(
        () => true,
        () => false,
      ),
      withTimeout(deps.redis.ping(), 2000).then(
        (r) => r === 'PONG',
        () => false,
      ),
    ]);
    return { ok: mongo && redis, mongo, redis };
  };
}

/** `/healthz` (process up), `/readyz` (dependencies answer; 503 otherwise), `/metrics` (Prometheus). */
export function registerOpsRoutes(app: FastifyInstance, deps: { ready: () => Promise<Readiness>; metrics?: Metrics }): void {
  app.get('/healthz', async (_req, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    const r = await deps.ready().catch(() => ({ ok: false, mongo: false, redis: false }));
    return reply.code(r.ok ? 200 : 503).header('cache-control', 'no-store').send(r);
  });
  const metrics = deps.metrics;
  if (metrics) app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
}

/** The worker role serves no pages; this small server gives orchestrators its health and metrics. */
export class OpsServer implements Service {
  readonly name = 'ops-http';
  readonly app: FastifyInstance;

  constructor(private readonly opts: { host: string; port: number; ready: () => Promise<Readiness>; metrics?: Metrics }) {
    this.app = Fastify({ logger: false, requestTimeout: REQUEST_TIMEOUT_MS });
    registerOpsRoutes(this.app, opts);
  }

  async start(): Promise<void> {
    await this.app.listen({ host: this.opts.host, port: this.opts.port });
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}
