import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { DeliveryService } from '../services/delivery-service';
import type { TicketDispenser } from '../services/ports';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { redisKeys } from '../redis-keys';
import { TicketQueue } from './ticket-queue';
import { SlaClock } from './sla';
import { ReplyQueue } from './reply-queue';
import { ReplyWorker, type MessageSender } from './reply-worker';
import { BullTicketDispenser, lazyDispenser } from './ticket-dispenser';
import { TicketStallGuard } from './stall-guard';
import type { SendBudget } from '../lib/send-budget';
import type { BotApiHttp } from '../lib/bot-api-http';

export * from './types';
export * from './ticket-queue';
export * from './sla';
export * from './reply-queue';
export * from './reply-worker';
export * from './ticket-dispenser';
export * from './stall-guard';
export * from './chat-pacer';
export * from './live-events';
export * from './daily-report-limit';

export interface QueueDeps {
  config: Pick<Config, 'redis' | 'telegram' | 'tickets' | 'replies'>;
  /** The shared outgoing budget every role's sends pass (src/queue/send-budget.ts). */
  sendBudget?: SendBudget;
  /** Bot API calls over Node's http client (src/lib/bot-api-http.ts); without it, telegraf's own (node-fetch). */
  botApi?: BotApiHttp;
  logger: Logger;
  metrics?: Metrics;
  /** Connection factory: 'producer' fails fast (request paths), 'worker' waits through restarts. */
  redis: (kind: 'worker' | 'producer') => Redis;
  /** Build the worker-role side (the SLA clock's worker needs its connection up front). */
  workers: boolean;
  /** Tests: tiny SLAs, fast relay, limiter and stall settings. */
  overrides?: {
    slaMs?: (priority: 1 | 2 | 3 | 4) => number;
    sla?: { sweepEveryMs?: number };
    relay?: { intervalMs?: number; graceMs?: number; reconcileEveryMs?: number; reconcilePage?: number; stalledIntervalMs?: number };
    replies?: { limiter?: { max: number; duration: number }; perChatIntervalMs?: number; groupIntervalMs?: number; supervisorsEveryMs?: number; backoffMs?: number; attempts?: number; telegram?: MessageSender };
  };
}

/** The queues as ports for the services (src/services/ports.ts), plus what bull-board shows. */
export interface Queues {
  tickets: TicketQueue;
  sla: SlaClock;
  replies: ReplyQueue;
  /** Hands out waiting tickets to TicketDesk; its Redis connection opens on first use. */
  dispenser: TicketDispenser;
  /** For bull-board. */
  bullQueues: Queue[];
  close(): Promise<void>;
}

/**
 * Wires the tickets queue, SLA clock and replies queue. Queues use a fail-fast producer
 * connection so a submit never hangs on a Redis outage (the relay catches up); workers and the
 * dispenser use blocking-safe connections. Builds no service: src/main.ts does.
 */
export function createQueues(deps: QueueDeps): Queues {
  const { config, logger } = deps;
  const prefix = redisKeys(config.redis.prefix).bull;
  const producer = deps.redis('producer');
  const tickets = new TicketQueue({ connection: producer, prefix, logger });
  const replies = new ReplyQueue({ connection: producer, prefix, logger, backoffMs: deps.overrides?.replies?.backoffMs, attempts: deps.overrides?.replies?.attempts });
  const sla = new SlaClock({ connection: producer, prefix, logger, workerConnection: deps.workers ? deps.redis('worker') : undefined, sweepEveryMs: deps.overrides?.sla?.sweepEveryMs });
  const dispenser = lazyDispenser(() => new BullTicketDispenser({ connection: deps.redis('worker'), prefix, logger }));
  return {
    tickets,
    sla,
    replies,
    dispenser,
    bullQueues: [tickets.queue, sla.queue, replies.queue],
    async close() {
      await dispenser.close();
      await Promise.all([tickets.close(), sla.queue.close(), replies.close()]);
    },
  };
}

/**
 * The worker role's queue services, in start order: the stall guard on `tickets`, the SLA worker
 * (its handler set by src/main.ts) and the replies worker, which carries what `delivery`
 * decides. The outbox relay is a service (src/services/outbox-relay.ts) main.ts builds beside them.
 */
export function createQueueWorkers(deps: QueueDeps, queues: Queues, delivery: DeliveryService): Service[] {
  const { config, logger, metrics } = deps;
  const prefix = redisKeys(config.redis.prefix).bull;
  const replies = deps.overrides?.replies ?? {};
  return [
    new TicketStallGuard({ connection: deps.redis('worker'), prefix, logger, stalledIntervalMs: deps.overrides?.relay?.stalledIntervalMs }),
    queues.sla,
    new ReplyWorker({
      connection: deps.redis('worker'),
      prefix,
      delivery,
      logger,
      metrics,
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      ...(deps.botApi ? { botApi: deps.botApi } : {}),
      ratePerSecond: config.replies.ratePerSecond,
      supervisorsChatId: config.telegram.supervisorsChatId,
      ...(deps.sendBudget ? { budget: deps.sendBudget } : {}),
      paidBroadcast: config.telegram.paidBroadcast,
      limiter: replies.limiter,
      perChatIntervalMs: replies.perChatIntervalMs,
      groupIntervalMs: replies.groupIntervalMs,
      supervisorsEveryMs: replies.supervisorsEveryMs,
      ...(replies.telegram ? { telegram: replies.telegram } : {}),
    }),
  ];
}
export * from './send-budget';
