import { createServer } from 'node:net';

/**
 * Ports handed out here come from below Linux's ephemeral range (32768-60999 by default), where the
 * kernel never picks the local port of an outgoing connection. A port from bind(0) is an ephemeral
 * one: between its check and the server's listen, the app's own connections to MongoDB and Redis
 * could take it (seen in CI: a scale-out bot's "listen EADDRINUSE 127.0.0.1:39339" just after it
 * connected).
 */
const FIRST = 20_000;
const LAST = 32_767;
/** Handed out by this process already: never twice, though its server may not listen yet. */
const given = new Set<number>();

/** A free port on `host`, for servers whose address must be known before they start. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST + 1));
    if (given.has(port)) continue;
    if (await canListen(port, host)) {
      given.add(port);
      return port;
    }
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(false) : reject(err)));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}
