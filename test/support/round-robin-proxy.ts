import { createServer, request, type Server } from 'node:http';

/**
 * A tiny HTTP load balancer for tests: each request goes to the next target in turn, as a
 * reverse proxy would spread Telegram's webhook posts over several bot processes.
 */
export async function startRoundRobinProxy(targets: () => string[]): Promise<{ url: string; hits: Map<string, number>; stop(): Promise<void> }> {
  let next = 0;
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const list = targets();
    if (list.length === 0) {
      res.writeHead(502).end();
      return;
    }
    const target = new URL(req.url ?? '/', list[next++ % list.length]);
    hits.set(target.origin, (hits.get(target.origin) ?? 0) + 1);
    const upstream = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
