/**
 * The bot's whole graph for end-to-end tests: the Telegram double, a per-file MongoDB database,
 * real Redis under a unique prefix, the real store, ReportService with a recording enqueuer, and
 * createBot polling the double. `restart()` stops the bot and builds a new one on the same Redis
 * and database, as a process restart would.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import IORedis, { type Redis } from 'ioredis';
import { createBot, languageForgetter, type CreatedBot } from '../../src/bot';
import { rateLimitKeyOf } from '../../src/lib/rate-limit';
import { SealedValues } from '../../src/lib/sealed-values';
import type { HelpNumber, Priority } from '../../src/domain';
import { Translator } from '../../src/i18n';
import { createLogger, type Logger } from '../../src/logger';
import { RedisEventBus } from '../../src/queue';
import type { EventBus, LiveEvent } from '../../src/services/events';
import { ConversationService } from '../../src/services/conversation-service';
import { ReopenService } from '../../src/services/reopen-service';
import { DeliveryService, replyMarkupOf } from '../../src/services/delivery-service';
import { TicketService } from '../../src/services/ticket-service';
import { redisDailyReportLimit } from '../../src/queue/daily-report-limit';
import { IntakeService } from '../../src/services/intake-service';
import { ReportService, type TicketEnqueuer } from '../../src/services/report-service';
import { ReporterService } from '../../src/services/reporter-service';
import { ForgetService } from '../../src/services/forget-service';
import { withheldMarks } from '../../src/services/withheld-marks';
import { createStore, type Store } from '../../src/store';
import { connectTestDb, type TestDb } from './db';
import { connectTestRedis } from './redis';
import { TelegramDouble } from './telegram';
import type { LimitOptions } from './telegram/limits';
import { RedisSendBudget } from '../../src/queue/send-budget';

export interface BotHarness {
  tg: TelegramDouble;
  store: Store;
  redis: Redis;
  prefix: string;
  /** Every enqueue call, in order. */
  enqueued: { reportId: string; priority: Priority }[];
  /** Every waiting ticket's job put first because its reporter wrote of danger now (no queue here: recorded). */
  raised: string[];
  /** Live events published on the bus. */
  events: LiveEvent[];
  /** Every log line the bot wrote (JSON), to check that no personal data is logged. */
  logs: string[];
  /** Make the next `n` ReportService.submit calls fail as if MongoDB were down. */
  failNextSubmits(n: number): void;
  /** Make ReportService.submit calls wait, as on a slow MongoDB, until the returned function is called. */
  holdSubmits(): () => void;
  current: CreatedBot;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startBotHarness(
  label: string,
  opts: {
    now?: () => Date;
    limits?: { messagesPerMinute: number; reportsPerDay: number };
    slaMinutes?: [number, number, number, number];
    /** Telegram's flood limits in the double (429 with retry_after). */
    telegramLimits?: LimitOptions | true;
    /** Every message through the shared outgoing budget in Redis, at this overall rate. */
    sendBudget?: { perSecond: number; slowAfterMs?: number };
    /** After Send, "typing…" once storing took this long (the bot's default: 500 ms). */
    typingAfterMs?: number;
  } = {},
): Promise<BotHarness> {
  // Through a send budget, an answer that must wait is sent after the update was acknowledged
  // (src/bot/transport.ts): the double's users then wait for the button they press, as people do.
  const tg = await TelegramDouble.start({ ...(opts.telegramLimits ? { limits: opts.telegramLimits } : {}), ...(opts.sendBudget ? { pressWaitMs: 15_000 } : {}) });
  let db: TestDb | undefined;
  let r: Awaited<ReturnType<typeof connectTestRedis>> | undefined;
  let sub: Redis | undefined;
  try {
    db = await connectTestDb(label);
    r = await connectTestRedis(label);
    const dataKeys = [{ id: 'k1', key: randomBytes(32) }];
    const store = createStore(db.conn, dataKeys);
    await store.ready();
    const translator = await Translator.create();
    const logs: string[] = [];
    const logger: Logger = createLogger(
      { level: 'info', name: 'bot-e2e' },
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          logs.push(chunk.toString());
          cb();
        },
      }),
    );

    const enqueued: BotHarness['enqueued'] = [];
    const tickets: TicketEnqueuer = {
      async enqueue(reportId, priority) {
        enqueued.push({ reportId, priority });
      },
    };
    const reports = new ReportService({ store, tickets, logger });
    let failures = 0;
    let held: Promise<void> | undefined;
    const realSubmit = reports.submit.bind(reports);
    reports.submit = async (input, o) => {
      if (failures > 0) {
        failures--;
        throw new Error('MongoServerSelectionError: connection refused (simulated)');
      }
      await held;
      return realSubmit(input, o);
    };

    const channel = `${r.prefix}:live`;
    sub = new IORedis(r.url, { maxRetriesPerRequest: null });
    const bus = new RedisEventBus(r.redis, sub, channel);
    const events: LiveEvent[] = [];
    await bus.subscribe((e) => events.push(e));

    // The operators' file itself (what loadHelpNumbers in src/main.ts reads); importing main.ts
    // here would load every role's dependencies.
    const helpNumbers = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'help-numbers.json'), 'utf8')) as { numbers: HelpNumber[] }).numbers;
    // Limits count in Redis, so a restarted bot keeps counting where the old one stopped.
    const dailyLimit = opts.limits
      ? redisDailyReportLimit({ redis: r.redis, prefix: r.prefix, perDay: opts.limits.reportsPerDay, keyOf: rateLimitKeyOf(store.cipher, 'reports'), logger })
      : undefined;
    const intake = new IntakeService({ store, reports, logger, dailyLimit });
    const raised: string[] = [];
    const conversation = new ConversationService({ store, events: bus, logger, tickets: { reprioritise: async (id: string) => (raised.push(id), 'raised' as const) } });
    // Reopened tickets are queued through the same stand-in as intake's (`enqueued`).
    const reopen = new ReopenService({ store, events: bus, logger, conversation, reports });
    const reporters = new ReporterService({ store, logger });
    // Wired as src/main.ts wires it: retention's marks, the language kept in Redis.
    const forgetting = new ForgetService({ store, events: bus, logger, marks: (language) => withheldMarks(translator, language), forget: languageForgetter(r.redis, r.prefix, store.cipher) });
    const messagesPerMinute = opts.limits?.messagesPerMinute;
    const sendBudget = opts.sendBudget ? new RedisSendBudget(r.redis, r.prefix, { perSecond: opts.sendBudget.perSecond }) : undefined;
    const paced = sendBudget ? { sendBudget, slowAfterMs: opts.sendBudget?.slowAfterMs } : {};
    const build = () =>
      createBot({ token: tg.token, apiRoot: tg.apiRoot, redis: r!.redis, prefix: r!.prefix, cipher: store.cipher, sessionSealer: new SealedValues(dataKeys, 'bot-session'), intake, conversation, reopen, reporters, forgetting, translator, logger, helpNumbers, now: opts.now, messagesPerMinute, slaMinutes: opts.slaMinutes, typingAfterMs: opts.typingAfterMs, ...paced });

    const h: BotHarness = {
      tg,
      store,
      redis: r.redis,
      prefix: r.prefix,
      enqueued,
      raised,
      events,
      logs,
      failNextSubmits: (n) => {
        failures = n;
      },
      holdSubmits: () => {
        let release = () => undefined as void;
        held = new Promise<void>((resolve) => (release = resolve));
        return () => {
          held = undefined;
          release();
        };
      },
      current: build(),
      async restart() {
        await h.current.service.stop();
        h.current = build();
        await startAndWait(h.current, tg);
      },
      async close() {
        await h.current.service.stop().catch(() => undefined);
        await tg.stop();
        await sub?.quit();
        await r?.cleanup();
        await db?.drop();
      },
    };
    await startAndWait(h.current, tg);
    return h;
  } catch (err) {
    await tg.stop();
    sub?.disconnect();
    await r?.cleanup().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    throw err;
  }
}

/** Starts polling and waits until the bot's first getUpdates reached the double. */
async function startAndWait(bot: CreatedBot, tg: TelegramDouble): Promise<void> {
  const before = tg.calls('getUpdates').length;
  await bot.service.start();
  await tg.waitForCall('getUpdates', () => tg.calls('getUpdates').length > before);
}

/** Waits for a condition that becomes true asynchronously (bounded; no blind sleeps). */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/**
 * Agents' actions on the harness's store, with the replies queue stood in for: each reply or
 * notice goes straight out through the bot (DeliveryService's prepare, composeIfReachable and sent: the calls
 * the replies worker makes, without its pacing), buttons included.
 */
export function ticketsThroughBot(h: BotHarness, translator: Translator): TicketService {
  const logger = createLogger({ level: 'silent', name: 'tickets-through-bot' });
  const events = { publish: async () => undefined } as unknown as EventBus;
  const delivery = new DeliveryService({ store: h.store, translator, events, logger });
  const deliver = async (messageId: string) => {
    const plan = await delivery.prepare(messageId);
    if (!plan.due) return;
    const composed = await delivery.composeIfReachable(plan.message);
    if (!composed) return delivery.noRecipient(plan.message);
    const markup = replyMarkupOf(composed);
    const sent = await h.current.bot.telegram.sendMessage(plan.message.chatId, composed.text, markup ? { reply_markup: markup } : undefined);
    await delivery.sent(plan.message, sent.message_id);
  };
  const desk = { takeNext: async () => ({ ok: false }) as never, release: async () => null as never, dropWaiting: async () => undefined, maxPerAgent: 5 };
  return new TicketService({ store: h.store, desk, replies: { deliver }, events, logger });
}
