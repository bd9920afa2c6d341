import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import { registerOpsRoutes, type Readiness } from '../ops';
import { KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../lib/keep-alive';
import { WebhookReply } from './webhook-reply';

/** What the webhook serves: the bot's client (to register the webhook) and its update handler. */
export interface WebhookBot {
  telegram: Pick<Telegram, 'setWebhook'>;
  /** Resolves once the update was handled; a call kept in `reply` goes with the answer. */
  handleUpdate: (update: Update, reply: WebhookReply) => Promise<void>;
}

export interface WebhookOptions {
  /** Public https URL Telegram posts to; its path is the route served here. */
  url: string;
  secret: string;
  host: string;
  port: number;
  maxConnections: number;
  allowedUpdates?: string[];
  /** Re-register with Telegram at start-up (production); tests and benchmarks may skip it. */
  register?: boolean;
  logger: Logger;
  metrics?: Metrics;
  /** MongoDB and Redis reachable: /readyz answers 503 otherwise. */
  ready: () => Promise<Readiness>;
}

/** Edits too: the reporter is told an edit is not seen (src/bot/features/edits.ts). */
// my_chat_member: a reporter unblocking the bot (src/bot/features/membership.ts).
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'];

/** Telegram's updates are small; anything larger is not one of them. */
const BODY_LIMIT = 1024 * 1024;

/**
 * Production intake: Telegram POSTs each update here with the secret token header. Anything
 * without the right secret is refused (401) and counted. The update is answered 200 only after
 * it was handled, so a crash mid-way makes Telegram deliver it again (duplicates are dropped by
 * the update_id middleware).
 *
 * The update route is served by Node's http server itself, as telegraf's own webhook callback
 * does, ahead of Fastify, which keeps the health and metrics routes: Fastify's routing, hooks
 * and reply handling were about 3% of the bot's CPU profile on the one route that carries every
 * update (BENCHMARKS.md, issue 17).
 */
export class WebhookServer implements Service {
  readonly name = 'telegram-webhook';
  readonly app: FastifyInstance;
  private readonly secret: Buffer;
  private readonly path: string;

  constructor(
    private readonly bot: WebhookBot,
    private readonly opts: WebhookOptions,
  ) {
    this.secret = Buffer.from(opts.secret);
    this.path = new URL(opts.url).pathname;
    const serverFactory = (handler: http.RequestListener) => {
      // Fastify sets its timeouts only on a server it makes itself.
      const server = http.createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => (req.method === 'POST' && pathOf(req.url) === this.path ? this.intake(req, res) : handler(req, res)));
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    };
    this.app = Fastify({ logger: false, serverFactory });
    registerOpsRoutes(this.app, opts);
  }

  /** One update: the secret first (a stranger costs no body read), then the body, then the bot. */
  private intake(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!this.authorised(req.headers['x-telegram-bot-api-secret-token'])) {
      this.opts.metrics?.webhookRejected.inc();
      // Unread: Node discards the body once answered (nothing is parsed for a stranger).
      return answer(res, 401);
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return answer(res, 415);
    readBody(req, BODY_LIMIT).then(
      (body) => this.handle(body, res),
      (err: unknown) => answer(res, err === TOO_LARGE ? 413 : 400),
    );
  }

  private handle(body: Buffer, res: http.ServerResponse): void {
    let update: Update | undefined;
    try {
      update = JSON.parse(body.toString('utf8')) as Update;
    } catch {
      return answer(res, 400);
    }
    if (!update || typeof update !== 'object' || typeof update.update_id !== 'number') return answer(res, 400);
    const reply = new WebhookReply();
    this.bot.handleUpdate(update, reply).then(
      () => answer(res, 200, reply.body()),
      // Telegram delivers it again; the update_id middleware knows whether it was handled.
      (err: unknown) => {
        this.opts.logger.error({ err }, 'update failed; Telegram will deliver it again');
        answer(res, 500);
      },
    );
  }

  private authorised(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string') return false;
    const got = Buffer.from(header);
    return got.length === this.secret.length && timingSafeEqual(got, this.secret);
  }

  /** The bound address, useful when started on port 0. */
  get address(): string {
    const a = this.app.server.address();
    return a && typeof a === 'object' ? `http://127.0.0.1:${a.port}` : '';
  }

  async start(): Promise<void> {
    await this.app.listen({ host: this.opts.host, port: this.opts.port });
    if (this.opts.register !== false) {
      await this.bot.telegram.setWebhook(this.opts.url, {
        secret_token: this.opts.secret,
        allowed_updates: (this.opts.allowedUpdates ?? ALLOWED_UPDATES) as never,
        max_connections: this.opts.maxConnections,
      });
      this.opts.logger.info({ maxConnections: this.opts.maxConnections }, 'webhook registered with Telegram');
    }
  }

  /** Leaves the webhook registered: other bot processes behind the same URL keep serving. */
  async stop(): Promise<void> {
    await this.app.close();
  }
}

const TOO_LARGE = new Error('body too large');

/** The path without its query, as a router matches it. */
function pathOf(url = ''): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else reject(TOO_LARGE);
    });
    req.on('end', () => size <= limit && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const BODIES: Record<number, string> = { 200: '{"ok":true}' };

/**
 * Telegram reads the status, and on 200 runs the Bot API call a body with `method` names; any
 * other body says the status again for a person with curl.
 */
function answer(res: http.ServerResponse, status: number, call?: string): void {
  if (res.writableEnded || res.destroyed) return;
  const body = call ?? BODIES[status] ?? '{"ok":false}';
  // A refusal (no secret, no JSON, too large, unreadable) hangs up: Node would otherwise read on
  // whatever body the client still says is coming, for up to its request timeout (5 minutes),
  // and a stranger trickling one would hold the connection that long.
  const refused = status >= 400 && status < 500;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(refused ? { connection: 'close' } : {}) });
  res.end(body);
}
