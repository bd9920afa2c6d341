import net from 'node:net';
import type { Update } from 'telegraf/types';
import { WebhookServer, type WebhookBot } from '../../../src/bot/webhook-server';
import { createLogger } from '../../../src/logger';
import { freePort } from '../../support/app-config';
import { keptAliveSeconds } from '../../support/keep-alive';

/**
 * The webhook route over real HTTP with a stand-in for the bot: what Telegram reads in the answer.
 * (The whole bot behind it: test/e2e/bot/webhook.test.ts.)
 */
describe('WebhookServer answers', () => {
  const secret = 'hook-secret';
  let server: WebhookServer;
  let hook: string;

  beforeAll(async () => {
    const bot: WebhookBot = {
      telegram: { setWebhook: async () => true },
      handleUpdate: async (update: Update, reply) => {
        reply.take('answerCallbackQuery', { callback_query_id: `q${update.update_id}` });
        if (update.update_id === 2) throw new Error('MongoDB went away mid-update');
      },
    };
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    server = new WebhookServer(bot, {
      url: hook, secret, host: '127.0.0.1', port, maxConnections: 10, register: false,
      logger: createLogger({ level: 'silent' }),
      ready: async () => ({ ok: true, mongo: true, redis: true }),
    });
    await server.start();
  });
  afterAll(() => server.stop());

  const post = (updateId: number) =>
    fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify({ update_id: updateId }) });

  it('hands the kept button-press answer back with the 200, for Telegram to run', async () => {
    const res = await post(1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ method: 'answerCallbackQuery', callback_query_id: 'q1' });
  });

  it('says nothing but the failure when the update failed, so Telegram delivers it again', async () => {
    const res = await post(2);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ ok: false });
  });

  // README puts Caddy in front, which keeps an idle connection to the webhook for 2 minutes: were
  // the webhook to close it first, a proxied update could be written into a closed connection and
  // answered 502 (Node's default is 5 s).
  it('keeps an idle connection open longer than the TLS proxy keeps it (2 minutes)', async () => {
    const res = await post(3);
    expect(res.status).toBe(200);
    expect(keptAliveSeconds(res.headers.get('keep-alive'))).toBeGreaterThan(120);
  });

  // With the secret, a body trickled a byte at a time (Node's default allows 5 minutes) ends
  // within a minute and a half (Node checks every 30 s); Telegram sends an update at once.
  it('gives an update at most a minute to arrive whole', () => {
    const { requestTimeout, headersTimeout } = server.app.server;
    expect(requestTimeout).toBeGreaterThan(0);
    expect(requestTimeout).toBeLessThanOrEqual(60_000);
    expect(headersTimeout).toBeLessThanOrEqual(requestTimeout);
  });

  /**
   * Someone who learned the URL but not the secret: refused, and the connection ends with the
   * answer. Kept open, a stranger trickling a large body held a socket of the bot's for as long
   * as Node's request timeout (5 minutes) per connection, however many they opened.
   */
  it('hangs up on a stranger once refused, however much body they still say is coming', async () => {
    const { port } = new URL(hook);
    const socket = net.connect(Number(port), '127.0.0.1');
    let answered = '';
    socket.on('data', (d: Buffer) => (answered += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const ended = new Promise<void>((resolve) => socket.on('end', () => resolve()));
    await new Promise((resolve) => socket.on('connect', resolve));
    // Headers and a first piece of a body said to be a megabyte; the rest never comes.
    socket.write('POST /telegram/hook HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\nx-telegram-bot-api-secret-token: not-the-secret\r\ncontent-length: 1000000\r\n\r\n{"update_id":1,"x":"');
    await ended;
    socket.destroy();
    await closed;
    expect(answered).toMatch(/^HTTP\/1\.1 401 /);
    expect(answered.toLowerCase()).toContain('connection: close');
  });
});

