import type { EventBus } from './services/events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import type { Redis, RedisOptions } from 'ioredis';
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { connectMongo, createStore, IndexesNotReadyError, type Store } from './store';
import { runMigrate } from './migrate-command';
import { createRedis, closeRedis } from './redis';
import { redisKeys } from './redis-keys';
import { Translator } from './i18n';
import { ReportService } from './services/report-service';
import { TicketService } from './services/ticket-service';
import { TicketDesk } from './services/ticket-desk';
import { SlaService } from './services/sla-service';
import { HeldDangerService } from './services/held-danger-service';
import { OutboxRelay } from './services/outbox-relay';
import { DeliveryService } from './services/delivery-service';
import type { TicketActions } from './services/ticket-actions';
import { RedisEventBus, RedisSendBudget, redisDailyReportLimit, createQueueWorkers, createQueues, type QueueDeps, type Queues } from './queue';
import { Metrics } from './metrics';
import type { Service } from './lifecycle';
import type { HelpNumber } from './domain';
import { createBot, languageForgetter } from './bot';
import { rateLimitKeyOf } from './lib/rate-limit';
import { SealedValues } from './lib/sealed-values';
import { BotApiHttp } from './lib/bot-api-http';
import { ConversationService } from './services/conversation-service';
import { ReopenService } from './services/reopen-service';
import { IntakeService } from './services/intake-service';
import { TriageService } from './services/triage-service';
import { IncidentService } from './services/incident-service';
import { ReporterService } from './services/reporter-service';
import { ForgetService } from './services/forget-service';
import { WebhookServer } from './bot/webhook-server';
import { OpsServer, readinessProbe } from './ops';
import { checkRedis, explainStartupError, StartupError } from './preflight';
import { RetentionJob } from './services/retention';
import { withheldMarks } from './services/withheld-marks';

/**
 * The composition root: the only place that knows how the pieces fit. Tests build the same graph
 * with `createApp` against test servers; `node dist/main.js [bot|worker|console|all]` runs it.
 */

export const ROLES = ['bot', 'worker', 'console'] as const;
export type Role = (typeof ROLES)[number];

export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  translator: Translator;
  reports: ReportService;
  events: EventBus;
  metrics: Metrics;
  /** The console<->tickets contract (take, release, status, refer, reply, note, view). */
  ticketActions: TicketActions;
  /** tickets/sla/replies queues; `queues.bullQueues` for bull-board. */
  queues: Queues;
  services: Service[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function loadHelpNumbers(file = join(__dirname, '..', 'data', 'help-numbers.json')): HelpNumber[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { numbers: HelpNumber[] }).numbers;
}

/** What every part of the wiring below shares: the roles, connections, and the services in start order. */
interface Wiring {
  config: Config;
  roles: ReadonlySet<Role>;
  logger: Logger;
  metrics: Metrics;
  redis: (kind: 'worker' | 'producer', extra?: RedisOptions) => Redis;
  conn: Connection;
  store: Store;
  translator: Translator;
  events: EventBus;
  /** Started in this order, stopped in reverse: the queues close last. */
  services: Service[];
}

export async function createApp(config: Config, opts: { roles: readonly Role[]; logger?: Logger; metrics?: Metrics; queueOverrides?: QueueDeps['overrides'] }): Promise<App> {
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const roles = new Set(opts.roles);
  const redisConnections: Redis[] = [];
  const redis = (kind: 'worker' | 'producer', extra?: RedisOptions) => {
    const r = createRedis(config.redis, kind, extra);
    r.on('error', (err) => logger.warn({ err, kind }, 'redis connection error'));
    redisConnections.push(r);
    return r;
  };

  logger.info({ roles: [...roles] }, 'connecting to MongoDB and Redis');
  // Indexes are built automatically only in development and tests; production runs `migrate`.
  const conn: Connection = await connectMongo(config.mongodbUri, { autoIndex: config.env !== 'production', monitorCommands: config.countMongoCommands });
  const metrics = opts.metrics ?? new Metrics({ defaults: true });
  if (config.countMongoCommands) countMongoCommands(conn, metrics);
  const store = createStore(conn, config.dataKeys, { logger, agents: { hashOptions: config.console.passwordHash } });
  await store.ready();
  const translator = await Translator.create();
  const events = new RedisEventBus(redis('producer'), roles.has('console') ? redis('worker') : null, redisKeys(config.redis.prefix).liveChannel, { logger });
  const w: Wiring = { config, roles, logger, metrics, redis, conn, store, translator, events, services: [] };

  const core = wireCore(w, opts.queueOverrides);
  if (roles.has('bot')) wireBot(w, core);
  if (roles.has('worker')) wireUpkeep(w);
  // [console wiring] The agent console; its /readyz pings Redis on its own producer connection.
  // Loaded only for this role: its PDF, archive and template libraries are ~5 MB of live heap that
  // a bot or worker process would otherwise carry (BENCHMARKS.md, issue 17: memory).
  if (roles.has('console')) {
    const { createConsole } = await import('./console');
    // Case files tell the agency to "contact Ripoti": without this they cannot say how.
    if (!config.agencyContact) logger.warn({ setting: 'AGENCY_CONTACT' }, 'AGENCY_CONTACT is not set: case files will not say how an agency reaches Ripoti');
    const incidents = new IncidentService({ store, replies: core.queues.replies, desk: core.desk, events, logger, heldDanger: core.heldDanger, tickets: core.ticketActions });
    const { service } = createConsole({ config, logger, store, translator, events, tickets: core.ticketActions, incidents, metrics, redis: redis('producer'), queues: core.queues.bullQueues });
    w.services.push(service);
  }
  return appOf(w, core, () => {
    events.close();
    return Promise.all(redisConnections.map(closeRedis));
  });
}

type Core = ReturnType<typeof wireCore>;

/**
 * [queue wiring] Every role can enqueue and queue replies; the worker role runs the relay, SLA and
 * replies workers. [services] The use cases, on the queues' ports: intake and the ticket desk
 * re-queue through reports.
 */
function wireCore(w: Wiring, overrides: QueueDeps['overrides']) {
  const { config, roles, logger, metrics, redis, store, events, translator, services } = w;
  // One outgoing budget for every role that talks to Telegram, shared through Redis.
  const sendBudget = (roles.has('bot') || roles.has('worker')) && config.telegram.sendRatePerSecond > 0 ? new RedisSendBudget(redis('producer'), config.redis.prefix, { perSecond: config.telegram.sendRatePerSecond }) : undefined;
  // Bot API calls of the bot and the replies worker over Node's http client (keep-alive); closed last.
  const botApi = roles.has('bot') || roles.has('worker') ? new BotApiHttp(config.telegram.apiRoot, config.telegram.token) : undefined;
  if (botApi) services.push({ name: 'bot-api', start: async () => undefined, stop: () => botApi.close() });
  const queueDeps: QueueDeps = { config, logger, metrics, redis, workers: roles.has('worker'), overrides, ...(sendBudget ? { sendBudget } : {}), ...(botApi ? { botApi } : {}) };
  const queues = createQueues(queueDeps);
  services.push({ name: 'queues', start: async () => undefined, stop: () => queues.close() });
  const reports = new ReportService({ store, tickets: queues.tickets, logger, events });
  // One linker per process: intake (bot role) and the relay's relinking (worker role) share its cache.
  const triage = new TriageService({ store, logger });
  // The supervisors' Telegram group, when there is one: told of escalations and of tickets a reporter's danger put first.
  const supervisors = config.telegram.supervisorsChatId !== undefined ? queues.replies : null;
  const sla = new SlaService({ store, events, logger, tickets: queues.tickets, scheduler: queues.sla, supervisors, slaMinutes: config.tickets.slaMinutes, slaMs: overrides?.slaMs });
  queues.tickets.attachSla(sla);
  queues.sla.handle((check) => sla.check(check));
  // Danger written to a held ticket whose holder does not open it by priority 1's SLA time: the group is told.
  const heldDanger = new HeldDangerService({ store, logger, scheduler: queues.sla, supervisors, sla });
  queues.sla.handleHeldDanger((episode) => heldDanger.check(episode));
  if (roles.has('worker')) {
    services.push(new OutboxRelay({ store, reports, tickets: queues.tickets, replies: queues.replies, logger, metrics, triage, sla, supervisors, ...(overrides?.relay ?? {}) }));
    services.push(...createQueueWorkers(queueDeps, queues, new DeliveryService({ store, translator, events, logger, metrics })));
  }
  const desk = new TicketDesk({ store, dispenser: queues.dispenser, tickets: queues.tickets, reports, maxPerAgent: config.tickets.maxPerAgent, logger, metrics });
  const ticketActions: TicketActions = new TicketService({ store, desk, replies: queues.replies, events, logger, heldDanger });
  return { queues, reports, triage, sla, desk, ticketActions, sendBudget, botApi, supervisors, heldDanger };
}

/**
 * [bot wiring] Sessions, de-duplication and abuse limits on a producer connection: with Redis
 * down an update fails fast (the reporter is told, the draft is kept) instead of hanging.
 */
function wireBot(w: Wiring, core: Core): void {
  const { config, logger, metrics, store, events, translator, services } = w;
  const { queues, reports, triage, sla, desk, sendBudget, botApi, supervisors, heldDanger } = core;
  // Auto-pipelining: every update makes two script calls (claim + limit + session read, then
  // session write + done mark) plus the send budget's; with many updates in flight, the calls
  // issued in the same tick go out in one write instead of one syscall each (BENCHMARKS.md).
  const botRedis = w.redis('producer', { enableAutoPipelining: true });
  const dailyLimit = redisDailyReportLimit({ redis: botRedis, prefix: config.redis.prefix, perDay: config.limits.reportsPerDay, keyOf: rateLimitKeyOf(store.cipher, 'reports'), logger });
  const conversation = new ConversationService({ store, events, logger, desk, tickets: queues.tickets, sla, supervisors, heldDanger });
  const created = createBot({
    token: config.telegram.token,
    apiRoot: config.telegram.apiRoot,
    ...(botApi ? { botApi } : {}),
    redis: botRedis,
    prefix: config.redis.prefix,
    cipher: store.cipher,
    sessionSealer: new SealedValues(config.dataKeys, 'bot-session'),
    intake: new IntakeService({ store, reports, logger, metrics, dailyLimit, triage }),
    conversation,
    reopen: new ReopenService({ store, events, logger, conversation, reports }),
    reporters: new ReporterService({ store, logger }),
    // A reporter's own request to be forgotten: retention's marks and language forgetter, now.
    forgetting: new ForgetService({ store, events, logger, marks: (language) => withheldMarks(translator, language), forget: languageForgetter(botRedis, config.redis.prefix, store.cipher) }),
    translator,
    logger,
    metrics,
    helpNumbers: loadHelpNumbers(),
    slaMinutes: config.tickets.slaMinutes,
    messagesPerMinute: config.limits.messagesPerMinute,
    ...(sendBudget ? { sendBudget } : {}),
    paidBroadcast: config.telegram.paidBroadcast,
  });
  const { url, secret, host, port, maxConnections } = config.telegram.webhook;
  // Stopped after the intake below: answers still waiting for the budget are sent before the queues and Redis close.
  services.push(created.owner);
  services.push({ name: 'bot-answers', start: async () => undefined, stop: () => created.drain() });
  services.push(
    config.telegram.mode === 'webhook' && url && secret
      ? new WebhookServer({ telegram: created.bot.telegram, handleUpdate: created.handleUpdate }, { url, secret, host, port, maxConnections, logger, metrics, ready: readinessProbe({ conn: w.conn, redis: botRedis }) })
      : created.service,
  );
}

/** The worker role also purges expired evidence and identities, and answers health probes. */
function wireUpkeep(w: Wiring): void {
  const { config, logger, metrics, store, translator } = w;
  // The reporter's own name and number, blanked from what stays, read as the case files say it;
  // the language kept for them in Redis goes with their identity.
  const producer = w.redis('producer');
  const forget = languageForgetter(producer, config.redis.prefix, store.cipher);
  w.services.push(new RetentionJob({ store, days: config.retentionDays, logger, marks: (language) => withheldMarks(translator, language), forget }));
  const ready = readinessProbe({ conn: w.conn, redis: producer });
  w.services.push(new OpsServer({ host: config.workerHttp.host, port: config.workerHttp.port, ready, metrics }));
}

/** The app: its services started in order and stopped in reverse, then Redis and MongoDB closed. */
function appOf(w: Wiring, core: Core, closeRedisConnections: () => Promise<unknown>): App {
  const { config, logger, store, translator, events, metrics, services, roles } = w;
  let started: Service[] = [];
  return {
    config,
    logger,
    store,
    translator,
    reports: core.reports,
    events,
    metrics,
    ticketActions: core.ticketActions,
    queues: core.queues,
    services,
    async start() {
      for (const s of services) {
        logger.info({ service: s.name }, 'starting');
        await s.start();
        started.push(s);
      }
      logger.info({ roles: [...roles] }, 'Ripoti is running');
    },
    async stop() {
      for (const s of [...started].reverse()) {
        try {
          await s.stop();
          logger.info({ service: s.name }, 'stopped');
        } catch (err) {
          logger.error({ service: s.name, err }, 'error while stopping');
        }
      }
      started = [];
      await closeRedisConnections();
      await w.conn.close();
      logger.info('shut down cleanly');
    },
  };
}

export function parseRoles(arg: string | undefined): Role[] {
  if (!arg || arg === 'all') return [...ROLES];
  const roles = arg.split(',');
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new ConfigError('role', `"${r}" is not one of bot, worker, console, all`);
  return roles as Role[];
}

async function run(): Promise<void> {
  if (process.argv[2] === 'migrate') {
    const code = await runMigrate(process.argv.slice(3)).catch((err: unknown) => {
      // A setting to fix is one line for the operator; anything else keeps its stack.
      if (err instanceof ConfigError) console.error(err.message);
      else createLogger().fatal({ err }, 'migrate failed');
      return err instanceof ConfigError ? 2 : 1;
    });
    process.exit(code);
  }
  let config: Config;
  let roles: Role[];
  try {
    roles = parseRoles(process.argv[2]);
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let app: App;
  try {
    await checkRedis(config.redis);
    app = await createApp(config, { roles, logger });
    await app.start();
  } catch (caught) {
    const err = explainStartupError(caught, config.mongodbUri);
    // A missing service or index is the operator's to fix: one line saying what, not a stack trace.
    if (err instanceof StartupError || err instanceof IndexesNotReadyError) console.error(err.message);
    else logger.fatal({ err }, 'could not start');
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck dependency must not keep the process from exiting: give up after 10 s.
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  run().catch((err: unknown) => {
    createLogger().fatal({ err }, 'could not start');
    process.exit(1);
  });
}

/** The benchmark's "MongoDB commands per journey": each command by name and collection (never its contents). */
function countMongoCommands(conn: Connection, metrics: Metrics): void {
  conn.getClient().on('commandStarted', (e) => {
    const target: unknown = (e.command as Record<string, unknown>)[e.commandName];
    metrics.mongoCommands.inc({ command: e.commandName, collection: typeof target === 'string' ? target : '' });
  });
}
