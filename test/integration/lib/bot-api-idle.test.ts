/** The bot closes a Bot API connection that sat idle, before a server that keeps it longer would close it under a call. */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { BotApiHttp } from '../../../src/lib/bot-api-http';

let server: Server;
let apiRoot: string;
let connections: Socket[];

beforeEach(async () => {
  connections = [];
  // A server that keeps idle connections for two minutes and says so, as a proxy in front of Telegram might.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}'));
  });
  server.keepAliveTimeout = 120_000;
  server.on('connection', (socket: Socket) => connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  apiRoot = `http://127.0.0.1:${address.port}/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Resolves when the client ends the connection (the server sees its FIN), with how long after `since`. */
function endedByClient(socket: Socket, since: number): Promise<number> {
  return new Promise((resolve) => socket.once('end', () => resolve(Date.now() - since)));
}

describe('BotApiHttp idle connections', () => {
  it('reuses a connection while calls keep coming, closes it itself once idle, and the next call opens a new one', async () => {
    const api = new BotApiHttp(apiRoot, '123:abc', { idleMs: 300 });
    try {
      await api.call('getMe', {});
      await api.call('sendMessage', { chat_id: 1, text: 'Karibu' });
      expect(connections).toHaveLength(1);
      const idleSince = Date.now();
      const ended = await endedByClient(connections[0], idleSince);
      // Not before the idle limit (a busy bot keeps its connections), and by the bot's own limit, not
      // by Node's global agent's 5 s (which the https agent did not even have: it kept them for ever).
      expect(ended).toBeGreaterThanOrEqual(250);
      expect(ended).toBeLessThan(4_000);
      await expect(api.call('getMe', {})).resolves.toBe(true);
      expect(connections).toHaveLength(2);
    } finally {
      await api.close();
    }
  });
});
