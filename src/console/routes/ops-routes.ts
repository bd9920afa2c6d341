import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { consoleAssetDir } from '../views';
import type { ConsoleContext } from '../context';
import { registerOpsRoutes, readinessProbe } from '../../ops';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** Probes, metrics and the console's own scripts and styles. None of these need a session. */
export function opsRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  registerOpsRoutes(app, { ready: readinessProbe({ conn: ctx.store.connection, redis: ctx.redis }), metrics: ctx.metrics });

  // A handful of hand-written files, read once; the ETag lets browsers keep them between pages.
  const dir = consoleAssetDir('public');
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    files.set(name, { body, type, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` });
  }
  app.get('/static/:file', async (req, reply) => {
    const f = files.get((req.params as { file: string }).file);
    if (!f) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    if (req.headers['if-none-match'] === f.etag) return reply.code(304).send();
    return reply.type(f.type).header('etag', f.etag).header('cache-control', 'no-cache').send(f.body);
  });
}
