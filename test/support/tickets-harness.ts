/**
 * Builds the tickets/replies graph (src/queue + services) against the real Redis and the MongoDB
 * test server, with its own BullMQ prefix and database per test file.
 */
import { RedisSendBudget } from '../../src/queue/send-budget';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createStore, type MessageDoc, type ReportDoc, type Store, type StoreOptions } from '../../src/store';
import { createRedis, closeRedis } from '../../src/redis';
import { redisKeys } from '../../src/redis-keys';
import { Translator } from '../../src/i18n';
import { RedisEventBus } from '../../src/queue';
import type { EventBus, LiveEvent } from '../../src/services/events';
import { TicketService } from '../../src/services/ticket-service';
import { IncidentService } from '../../src/services/incident-service';
import type { ActionResult, AgentRef } from '../../src/services/ticket-actions';
import { ReportService, type SubmitInput } from '../../src/services/report-service';
import { TicketDesk } from '../../src/services/ticket-desk';
import { SlaService } from '../../src/services/sla-service';
import { HeldDangerService } from '../../src/services/held-danger-service';
import { OutboxRelay } from '../../src/services/outbox-relay';
import { DeliveryService } from '../../src/services/delivery-service';
import { Metrics } from '../../src/metrics';
import { createQueueWorkers, createQueues, type QueueDeps, type Queues } from '../../src/queue';
import type { CategoryCode } from '../../src/domain';
import { TEST_PASSWORD_HASH_COST } from './app-config';
import { connectTestDb, type TestDb } from './db';
import { deleteByPrefix, redisReady, uniquePrefix, testRedisEnv } from './redis';
import { TelegramDouble, type TelegramUser } from './telegram';

export const TEST_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

export interface Harness {
  config: Config;
  store: Store;
  db: TestDb;
  queues: Queues;
  /** The live-event bus the services publish on (`events` records what it carried). */
  bus: EventBus;
  /** Intake (src/services/report-service.ts), as main.ts builds it. */
  reports: ReportService;
  /** SLA escalation (src/services/sla-service.ts). */
  sla: SlaService;
  /** Danger on held tickets (src/services/held-danger-service.ts), its checks run by the SLA worker. */
  heldDanger: HeldDangerService;
  tickets: TicketService;
  /** Joining, splitting and answering incidents (issue 16). */
  incidents: IncidentService;
  events: LiveEvent[];
  metrics: Metrics;
  logger: Logger;
  translator: Translator;
  prefix: string;
  /** The Redis connections made here (BullMQ's own blocking ones are not among them). */
  connections: readonly Redis[];
  /** Starts the worker-role services (relay, SLA, replies worker). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  label: string;
  env?: Record<string, string>;
  workers?: boolean;
  overrides?: QueueDeps['overrides'];
  /** The replies worker takes its overall slot from the shared outgoing budget, at this rate (as createApp wires it). */
  sendBudgetPerSecond?: number;
  redisUrl?: string;
  /** Reuse a database (e.g. shared with a child process). */
  db?: TestDb;
  prefix?: string;
  /** Store options, e.g. a counting password verifier. */
  store?: StoreOptions;
}

export async function createHarness(opts: HarnessOptions): Promise<Harness> {
  const prefix = opts.prefix ?? uniquePrefix(opts.label);
  const db = opts.db ?? (await connectTestDb(opts.label));
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:1',
    DATA_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    // A test's own redis-server (outage tests), else the shared Redis or the test cluster.
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : testRedisEnv()),
    REDIS_PREFIX: prefix,
    PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    ...opts.env,
  });
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const conns: Redis[] = [];
  const redis = (kind: 'worker' | 'producer') => {
    const r = createRedis(config.redis, kind);
    r.on('error', () => undefined);
    conns.push(r);
    return r;
  };
  const store = createStore(db.conn, config.dataKeys, { logger, ...opts.store, agents: { hashOptions: config.console.passwordHash, ...opts.store?.agents } });
  await store.ready();
  const translator = await Translator.create();
  const bus = new RedisEventBus(redis('producer'), redis('worker'), redisKeys(prefix).liveChannel);
  const events: LiveEvent[] = [];
  await bus.subscribe((e) => events.push(e));
  const metrics = new Metrics();
  const sendBudget = opts.sendBudgetPerSecond ? new RedisSendBudget(redis('producer'), prefix, { perSecond: opts.sendBudgetPerSecond }) : undefined;
  const queueDeps: QueueDeps = { config, logger, metrics, redis, workers: opts.workers ?? false, overrides: opts.overrides, ...(sendBudget ? { sendBudget } : {}) };
  const queues = createQueues(queueDeps);
  const reports = new ReportService({ store, tickets: queues.tickets, logger });
  const sla = new SlaService({ store, events: bus, logger, tickets: queues.tickets, scheduler: queues.sla, supervisors: config.telegram.supervisorsChatId !== undefined ? queues.replies : null, slaMinutes: config.tickets.slaMinutes, slaMs: opts.overrides?.slaMs });
  queues.tickets.attachSla(sla);
  queues.sla.handle((check) => sla.check(check));
  // As src/main.ts wires it: hand-overs (tickets, incidents) start the new holder's danger watch.
  const heldDanger = new HeldDangerService({ store, logger, scheduler: queues.sla, supervisors: config.telegram.supervisorsChatId !== undefined ? queues.replies : null, sla });
  queues.sla.handleHeldDanger((episode) => heldDanger.check(episode));
  const relay = new OutboxRelay({ store, reports, tickets: queues.tickets, replies: queues.replies, logger, metrics, sla, supervisors: config.telegram.supervisorsChatId !== undefined ? queues.replies : null, ...opts.overrides?.relay });
  const delivery = new DeliveryService({ store, translator, events: bus, logger, metrics });
  const workers = queueDeps.workers ? [relay, ...createQueueWorkers(queueDeps, queues, delivery)] : [];
  const desk = new TicketDesk({ store, dispenser: queues.dispenser, tickets: queues.tickets, reports, maxPerAgent: config.tickets.maxPerAgent, logger, metrics });
  const tickets = new TicketService({ store, desk, replies: queues.replies, events: bus, logger, heldDanger });
  const incidents = new IncidentService({ store, replies: queues.replies, desk, events: bus, logger, heldDanger, tickets });
  const started: { stop(): Promise<void> }[] = [];
  // Producer connections (the live events' publisher, the send budget) have no offline queue:
  // a command sent while one still connects is refused at once.
  await Promise.all(conns.map(redisReady));
  return {
    config,
    store,
    db,
    queues,
    bus,
    reports,
    sla,
    heldDanger,
    tickets,
    incidents,
    events,
    metrics,
    logger,
    translator,
    prefix,
    connections: conns,
    async startWorkers() {
      for (const s of workers) {
        await s.start();
        started.push(s);
      }
    },
    async close() {
      for (const s of started.reverse()) await s.stop();
      await queues.close();
      const cleaner = conns.find((c) => c.status === 'ready');
      if (cleaner && !opts.redisUrl) await deleteByPrefix(cleaner, prefix).catch(() => undefined);
      await Promise.all(conns.map(closeRedis));
      if (!opts.db) await db.drop();
    },
  };
}

export function agent(role: AgentRef['role'] = 'agent'): AgentRef {
  return { id: new Types.ObjectId().toString(), role };
}

let nextTgId = 5_000_000;
export async function reporter(store: Store, opts: { language?: 'en' | 'sw'; telegramUserId?: number } = {}) {
  const id = opts.telegramUserId ?? nextTgId++;
  return (await store.reporters.upsertFromTelegram({ telegramUserId: id, chatId: id, firstName: 'Wanjiru' }, opts.language ?? 'en')).reporter;
}

export function reportInput(reporterId: Types.ObjectId, opts: { category?: CategoryCode; dangerNow?: boolean; language?: 'en' | 'sw'; draftId?: string } = {}): SubmitInput {
  const category = opts.category ?? 'p_bribery';
  return {
    draftId: opts.draftId ?? randomUUID(),
    reporterId,
    language: opts.language ?? 'en',
    kind: category.startsWith('p_') ? 'police' : 'election',
    category,
    description: { text: `Officer asked for money at the roadblock ${randomBytes(3).toString('hex')}` },
    county: 47,
    place: 'Kencom stage',
    when: 'today',
    incidentAt: new Date(),
    dangerNow: opts.dangerNow ?? false,
    anonymous: false,
    evidence: [],
  };
}

/**
 * The graph with its workers running and the supervisors' group chat played by a user of the
 * Bot API double (alerts reach `group`).
 */
export async function withSupervisorsGroup(label: string, overrides: HarnessOptions['overrides'], sendBudgetPerSecond?: number): Promise<{ tg: TelegramDouble; group: TelegramUser; h: Harness }> {
  const tg = await TelegramDouble.start();
  const group = tg.user({ firstName: 'Supervisors' });
  const h = await createHarness({
    label,
    env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, TELEGRAM_SUPERVISORS_CHAT_ID: String(group.id) },
    workers: true,
    overrides,
    ...(sendBudgetPerSecond ? { sendBudgetPerSecond } : {}),
  });
  await h.startWorkers();
  return { tg, group, h };
}

/** The message a reply stored; fails the test with the refusal's reason otherwise. */
export function sentMessage(result: ActionResult<{ message: MessageDoc }>): MessageDoc {
  if (!result.ok) throw new Error(`reply refused: ${result.reason}`);
  return result.message;
}

/** Polls `check` until it returns a truthy value (bounded). */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 10_000, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type { ReportDoc };

/** Takes tickets for `a` until it holds this report (other tests' tickets may be waiting first). */
export async function takeUntilHeld(h: Harness, a: AgentRef, reportId: Types.ObjectId): Promise<void> {
  for (;;) {
    const t = await h.tickets.takeNext(a);
    if (!t.ok) throw new Error(`could not take: ${t.reason}`);
    if (t.report._id.equals(reportId)) return;
  }
}

export interface DoubleWorkersOptions {
  /** The workers take their slots from the shared outgoing budget at this rate (none: no budget). */
  budgetPerSecond?: number;
  env?: Record<string, string>;
  replies?: NonNullable<HarnessOptions['overrides']>['replies'];
}

/**
 * A harness whose workers send to a Bot API double (the outbox relay every 200 ms, retries 200 ms
 * apart), started before the file's tests and closed after them.
 */
export function workersWithDouble(label: string, opts: DoubleWorkersOptions = {}): { tg: () => TelegramDouble; h: () => Harness } {
  let tg: TelegramDouble;
  let h: Harness;
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({
      label,
      env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, ...opts.env },
      workers: true,
      ...(opts.budgetPerSecond ? { sendBudgetPerSecond: opts.budgetPerSecond } : {}),
      overrides: { relay: { intervalMs: 200 }, replies: { backoffMs: 200, ...opts.replies } },
    });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });
  return { tg: () => tg, h: () => h };
}

/** `workersWithDouble` through the shared budget at 20 a second, as createApp wires the worker role, two tries a message. */
export function budgetedWorkers(label: string): { tg: () => TelegramDouble; h: () => Harness } {
  return workersWithDouble(label, { budgetPerSecond: 20, replies: { attempts: 2 } });
}
