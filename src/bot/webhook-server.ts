import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Telegraf, Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import { registerOpsRoutes, type Readiness } from '../ops';

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

export const ALLOWED_UPDATES = ['message', 'callback_query'];

/**
 * Production intake: Telegram POSTs each update here with the secret token header. Anything
 * without the right secret is refused (401) and counted. The update is answered 200 only after
 * it was handled, so a crash mid-way makes Telegram deliver it again (duplicates are dropped by
 * the update_id middleware).
 */
export class WebhookServer<C extends Context> implements Service {
  readonly name = 'telegram-webhook';
  readonly app: FastifyInstance;
  private readonly secret: Buffer;

  constructor(
    private readonly bot: Telegraf<C>,
    private readonly opts: WebhookOptions,
  ) {
    this.secret = Buffer.from(opts.secret);
    this.app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
    const path = new URL(opts.url).pathname;
    // The secret is checked in onRequest, before the body is read: a stranger learns nothing about
    // size limits or parsing, and costs us no body parsing.
    const checkSecret = async (req: FastifyRequest, reply: FastifyReply) => {
      if (this.authorised(req.headers['x-telegram-bot-api-secret-token'])) return;
      opts.metrics?.webhookRejected.inc();
      return reply.code(401).send({ ok: false });
    };
    this.app.post(path, { onRequest: checkSecret }, async (req, reply) => {
      const update = req.body as Update | undefined;
      if (!update || typeof update !== 'object' || typeof update.update_id !== 'number') return reply.code(400).send({ ok: false });
      await this.bot.handleUpdate(update);
      return reply.code(200).send({ ok: true });
    });
    registerOpsRoutes(this.app, opts);
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
