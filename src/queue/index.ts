import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Store } from '../store';
import type { Translator } from '../i18n';
import type { EventBus } from '../services/events';
import { ReportService } from '../services/report-service';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import type { Logger } from '../logger';
import { TicketQueue } from './ticket-queue';
import { SlaClock } from './sla';
import { ReplyQueue } from './reply-queue';
import { ReplyWorker } from './reply-worker';
import { TicketDesk } from './ticket-desk';
import { OutboxRelay } from './outbox-relay';
import type { TicketDeskPort } from '../services/ticket-service';

export * from './types';
export * from './ticket-queue';
export * from './sla';
export * from './reply-queue';
export * from './reply-worker';
export * from './ticket-desk';
export * from './outbox-relay';
export * from './chat-pacer';

export interface QueueDeps {
  config: Pick<Config, 'redis' | 'telegram' | 'tickets' | 'replies'>;
  store: Store;
  translator: Translator;
  events: EventBus;
  logger: Logger;
  metrics?: Metrics;
  /** Connection factory: 'producer' fails fast (request paths), 'worker' waits through restarts. */
  redis: (kind: 'worker' | 'producer') => Redis;
  /** Build the worker-role services (relay, SLA worker, replies worker). */
  workers: boolean;
  /** Tests: tiny SLAs, fast relay, limiter and stall settings. */
  overrides?: {
    slaMs?: (priority: 1 | 2 | 3 | 4) => number;
    relay?: { intervalMs?: number; graceMs?: number; reconcileEveryMs?: number; stalledIntervalMs?: number };
    replies?: { limiter?: { max: number; duration: number }; perChatIntervalMs?: number; backoffMs?: number; attempts?: number };
  };
}

export interface Queues {
  tickets: TicketQueue;
  sla: SlaClock;
  replies: ReplyQueue;
  reports: ReportService;
  /** Created lazily: only the console takes tickets, and the desk holds a Redis connection. */
  desk(): TicketDesk;
  /** The desk as TicketService needs it; the desk itself is still created on first use. */
  deskPort: TicketDeskPort;
  /** Worker-role services, in start order (empty unless `workers`). */
  services: Service[];
  /** For bull-board. */
  bullQueues: Queue[];
  close(): Promise<void>;
}

/**
 * Wires the tickets queue, SLA clock, replies queue and, for the worker role, the relay and the
 * workers. Queues use a fail-fast producer connection so a submit never hangs on a Redis outage
 * (the relay catches up); workers and the desk use blocking-safe connections.
 */
export function createQueues(deps: QueueDeps): Queues {
  const { config, store, events, logger, metrics } = deps;
  const prefix = config.redis.prefix;
  const producer = deps.redis('producer');
  const tickets = new TicketQueue({ connection: producer, prefix, logger });
  const replies = new ReplyQueue({ connection: producer, prefix, logger, backoffMs: deps.overrides?.replies?.backoffMs, attempts: deps.overrides?.replies?.attempts });
  const sla = new SlaClock({
    connection: producer,
    prefix,
    store,
    events,
    logger,
    tickets: tickets.queue,
    slaMinutes: config.tickets.slaMinutes,
    slaMs: deps.overrides?.slaMs,
    supervisors: config.telegram.supervisorsChatId !== undefined ? replies : null,
    workerConnection: deps.workers ? deps.redis('worker') : undefined,
  });
  tickets.attachSla(sla);
  const reports = new ReportService({ store, tickets, logger });

  let desk: TicketDesk | null = null;
  const services: Service[] = [];
  if (deps.workers) {
    const r = deps.overrides?.relay ?? {};
    services.push(new OutboxRelay({ store, reports, tickets, replies, logger, metrics, connection: deps.redis('worker'), prefix, ...r }));
    services.push(sla);
    services.push(
      new ReplyWorker({
        connection: deps.redis('worker'),
        prefix,
        store,
        translator: deps.translator,
        events,
        logger,
        metrics,
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        ratePerSecond: config.replies.ratePerSecond,
        supervisorsChatId: config.telegram.supervisorsChatId,
        limiter: deps.overrides?.replies?.limiter,
        perChatIntervalMs: deps.overrides?.replies?.perChatIntervalMs,
      }),
    );
  }

  const queues: Queues = {
    tickets,
    sla,
    replies,
    reports,
    desk() {
      desk ??= new TicketDesk({ connection: deps.redis('worker'), prefix, store, reports, maxPerAgent: config.tickets.maxPerAgent, logger, metrics });
      return desk;
    },
    deskPort: {
      takeNext: (agent) => queues.desk().takeNext(agent),
      release: (...args) => queues.desk().release(...args),
    },
    services,
    bullQueues: [tickets.queue, sla.queue, replies.queue],
    async close() {
      await desk?.close();
      await Promise.all([tickets.close(), sla.queue.close(), replies.close()]);
    },
  };
  return queues;
}
