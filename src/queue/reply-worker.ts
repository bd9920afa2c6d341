import type { Lang } from '../i18n';
import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Telegram, TelegramError } from 'telegraf';
import { replyMarkupOf, type DeliveryFailure, type DeliveryService, type DueMessage, type SupervisorAlert } from '../services/delivery-service';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import { redactToken, type Logger } from '../logger';
import { sendPaced, type SendBudget } from '../lib/send-budget';
import { sendThrough, type BotApiHttp } from '../lib/bot-api-http';
import { renewWhile } from '../lib/renew-while';
import { ChatPacer, EveryoneHeld } from './chat-pacer';
import { SupervisorAlerts } from './supervisor-alerts';
import { withScripts } from './scripts';
import { REPLIES_QUEUE, type ReplyJobData } from './types';

/** The part of telegraf's `Telegram` the worker uses (tests may pass a Telegram pointed at the Bot API double). */
export type MessageSender = Pick<Telegram, 'sendMessage'>;

export interface ReplyWorkerOptions {
  /** Blocking connection (maxRetriesPerRequest null). */
  connection: Redis;
  prefix: string;
  /** What delivering means: which message is due, its words, what is recorded (src/services). */
  delivery: DeliveryService;
  logger: Logger;
  metrics?: Metrics;
  /** `new Telegram(token, { apiRoot })`, built from config when omitted. */
  telegram?: MessageSender;
  token?: string;
  apiRoot?: string;
  /** Bot API calls over Node's http client, for the client built from `token` (src/lib/bot-api-http.ts). */
  botApi?: BotApiHttp;
  /** Overall rate (config.replies.ratePerSecond, at most 30), kept by the gate at the moment of sending. */
  ratePerSecond?: number;
  /** Tests: a BullMQ limiter that also sets the gate's overall rate (max per duration). */
  limiter?: { max: number; duration: number };
  /** Minimum gap between two messages to one chat (default 1000 ms). */
  perChatIntervalMs?: number;
  supervisorsChatId?: number;
  /** Least time between two messages to the supervisors' group (default 3 s: Telegram takes about 20 a minute into a group). */
  groupIntervalMs?: number;
  /** Least time between two messages to the supervisors' group while alerts keep coming (default 30 s). */
  supervisorsEveryMs?: number;
  /**
   * The shared outgoing budget (src/lib/send-budget.ts): when set, each send takes its overall
   * slot there, behind the bot's answers to reporters, and a 429 pauses every role; the per-chat
   * gate below stays the worker's own.
   */
  budget?: SendBudget;
  /** Sends carry `allow_paid_broadcast` (config TELEGRAM_PAID_BROADCAST). */
  paidBroadcast?: boolean;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
}

type Outcome = 'sent' | 'already' | 'missing' | 'unreachable' | 'digested';

/** The longest a message waits at once behind an earlier one to the same report that has not gone. */
const BEHIND_MAX_WAIT_MS = 60_000;
/** Waits behind an earlier message before going anyway (1 + 2 + 4 + ... + 60 s: about four minutes). */
const BEHIND_MAX_WAITS = 9;
/** During a surge, one message to the supervisors' group per this much time, listing what was raised. */
const SUPERVISORS_EVERY_MS = 30_000;
/** Telegram allows about 20 messages a minute into one group. */
const GROUP_INTERVAL_MS = 3000;
/** After the group refused the bot's message (400, 403): the next try. */
const GROUP_REFUSED_RETRY_MS = 10 * 60_000;
/** As every `replies` job (src/queue/reply-queue.ts); a courier's id is new each time, so it need not be kept long. */
const COURIER_JOB = { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } } as const;

/**
 * The gate spaces sends as it claims them; they reach Telegram a little unevenly (HTTP, event
 * loops), so `rate` sends are spread over 1,000 ms plus this, and no second as Telegram counts
 * it holds more than `rate` (at 25/s: 42 ms apart, 23.8/s at most). Seen without it: 26 in one second.
 */
const ARRIVAL_MARGIN_MS = 40;
/**
 * Jobs in hand at once. Many only park or wait a few ms for the gate, and each activation waits
 * on MongoDB: at 10 the worker fell behind the rate while 25+ chats waited (bench on a loaded
 * machine: 19.6/s of 25; 23-24/s at 30, before the arrival margin).
 */
const CONCURRENCY = 30;

/**
 * Carries the `replies` queue to Telegram (DeliveryService decides what is due and records it).
 * - overall rate and per chat: ChatPacer's gate at the moment of sending (and the shared budget
 *   when there is one). BullMQ's `limiter` is only a coarse guard above the rate: it counts a
 *   job each time it becomes active, in fixed windows, so it cannot hold a sliding second, and at
 *   the rate itself it spent a slot on every job parked for its chat's turn (the queue ran at
 *   about half its rate while many chats waited; bench: 10/s of 25). A parked job gives its slot back;
 * - a job whose chat is busy is moved to delayed (`moveToDelayed` + DelayedError) instead of
 *   holding a worker slot, so other chats' messages fill the rate meanwhile;
 * - 429 (no attempt spent): the chat waits `retry_after` (the job delayed) while other chats keep
 *   going; when another chat is already waiting out one, every chat and role does (`worker.rateLimit`
 *   + RateLimitError, and the shared budget): `waitOutFlood`, by the rule the bot's answers follow
 *   too (flood-wait.lua); while everyone waits, the send gate starts no send (claim-send.lua), and
 *   a job already past its slot goes back to delayed. On the supervisors' group, only the group
 *   waits. Other transient errors retry with exponential backoff;
 * - 403 (blocked) and 400 "chat not found" (chat gone): the ticket is marked "reporter
 *   unreachable", the message failed (sent once they are back), no retry (UnrecoverableError);
 *   any other 400 is about the message itself: only it fails (`refusalOf`);
 * - a message already `sent` is never sent again (markSent flips pending only), and one Telegram
 *   accepted whose recording failed is only recorded on its retry (`sentAs` in the job's data);
 * - a second job for a message being sent (Redis lost the first mid-send; the outbox relay queued
 *   the still-pending message again) waits for that send: each send claims the message in MongoDB
 *   first (`DeliveryService.claimSend`, for a job's lock, renewed while the send lasts), not only
 *   the chat in Redis;
 * - attempts spent on transient errors: the message stays pending for the outbox relay to queue
 *   again (for a day, `DeliveryService.gaveUp`), so a Telegram outage of minutes loses nothing.
 * Delivery is at-least-once: a send whose answer never came back (a crash, or a timeout after
 * Telegram had accepted it) is sent again by its retry; a recording that failed after an answer
 * came back is not (`sentAs`).
 */
export class ReplyWorker implements Service {
  readonly name = 'reply-worker';
  private worker: Worker<ReplyJobData> | null = null;
  private readonly telegram: MessageSender;
  private readonly pacer: ChatPacer;
  /** Telegram allows about 20 messages a minute into one group. */
  private readonly groupPacer: ChatPacer;
  private readonly alerts: SupervisorAlerts;
  /** Adds the next supervisors' courier job (on first use). */
  private followUps: Queue<ReplyJobData> | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  /** BullMQ's limiter: a coarse guard, and what makes a 429's pause (`worker.rateLimit`) hold every worker. */
  private readonly limiter: { max: number; duration: number };

  constructor(private readonly opts: ReplyWorkerOptions) {
    if (opts.telegram) this.telegram = opts.telegram;
    else if (opts.token) this.telegram = this.client(opts.token, opts.apiRoot, opts.botApi);
    else throw new Error('ReplyWorker needs a telegram client or a bot token');
    const onReleaseError = (err: unknown) => opts.logger.warn({ err }, 'could not free a chat after a send; its lease runs out instead');
    const onRenewError = (err: unknown) => opts.logger.warn({ err }, 'could not renew a chat\'s hold during a slow send');
    // A send holds its chat as long as it claims the message (`sendClaimMs`), both renewed while
    // the send lasts, as BullMQ renews the job's lock: a worker that died mid-send frees both when
    // BullMQ hands its job to another, not 30 s later whatever the lock.
    const leaseMs = this.sendClaimMs;
    this.pacer = new ChatPacer(opts.connection, opts.prefix, { intervalMs: opts.perChatIntervalMs ?? 1000, leaseMs, onReleaseError, onRenewError });
    this.groupPacer = new ChatPacer(opts.connection, opts.prefix, { intervalMs: opts.groupIntervalMs ?? GROUP_INTERVAL_MS, leaseMs, onReleaseError, onRenewError });
    this.alerts = new SupervisorAlerts(opts.connection, opts.prefix);
    // Above what the gate lets through plus the jobs in hand (one activation each), so it never binds.
    this.limiter = opts.limiter ?? { max: 2 * Math.min(opts.ratePerSecond ?? 25, 30) + (opts.concurrency ?? CONCURRENCY), duration: 1000 };
  }

  private client(token: string, apiRoot: string | undefined, botApi: BotApiHttp | undefined): Telegram {
    const tg = new Telegram(token, apiRoot ? { apiRoot } : {});
    if (botApi) sendThrough(tg, botApi);
    return tg;
  }

  /**
   * Spacing of this worker's sends: the configured overall rate, never above Telegram's 30/s. Kept
   * with the shared budget too (which caps every role together): REPLY_RATE_PER_SECOND is the
   * replies' own share. A send granted by the budget may then wait a few ms for this spacing.
   */
  private get globalIntervalMs(): number {
    const limiter = this.opts.limiter;
    return limiter ? limiter.duration / limiter.max : (1000 + ARRIVAL_MARGIN_MS) / Math.min(this.opts.ratePerSecond ?? 25, 30);
  }

  async start(): Promise<void> {
    const o = this.opts;
    this.worker = new Worker<ReplyJobData>(REPLIES_QUEUE, (job, token) => this.process(job, token), {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency ?? CONCURRENCY,
      limiter: this.limiter,
      lockDuration: o.lockDuration ?? 30_000,
      stalledInterval: o.stalledInterval ?? 30_000,
      // A worker killed mid-job leaves it active; the stalled check puts it back rather than failing it.
      maxStalledCount: 10,
    });
    this.worker.on('error', (err) => o.logger.warn({ err, queue: REPLIES_QUEUE }, 'replies worker error'));
    this.worker.on('failed', (job, err) => {
      const ids = job?.data.kind === 'message' ? { messageId: job.data.messageId } : { reportId: job?.data.reportId };
      const attempt = job?.attemptsMade ?? 0;
      // A hold behind an owed notice is no failure, and comes back at every retry until the relay
      // stores the notice: said once, at its first hold (whichever attempt that was); its last attempt, spent, is a failure.
      if (err instanceof NoticeOwedFirst && attempt < (job?.opts.attempts ?? 1)) {
        o.logger[err.first ? 'info' : 'debug']({ ...ids, attempt }, 'reply held behind a notice owed to the reporter first; retried until it is stored');
      } else o.logger.warn({ ...ids, attempt, err }, 'delivery attempt failed');
    });
    await this.worker.waitUntilReady();
    if (o.supervisorsChatId !== undefined) {
      this.sweeper = setInterval(() => {
        this.resumeAlerts().catch((err: unknown) => o.logger.warn({ err }, 'could not look for supervisors\' alerts left without a courier'));
      }, o.supervisorsEveryMs ?? SUPERVISORS_EVERY_MS);
      this.sweeper.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    // Lets in-flight deliveries finish (and be marked sent) before the connection goes.
    await this.worker?.close();
    this.worker = null;
    await this.followUps?.close();
    this.followUps = null;
  }

  private async process(job: Job<ReplyJobData>, token?: string): Promise<Outcome> {
    if (job.data.kind === 'supervisors') return this.processSupervisors(job, job.data, token);
    return this.processMessage(job, job.data, token);
  }

  private async processMessage(job: Job<ReplyJobData>, data: Extract<ReplyJobData, { kind: 'message' }>, token?: string): Promise<Outcome> {
    const { delivery, metrics } = this.opts;
    const plan = await delivery.prepare(data.messageId);
    if (!plan.due) return plan.outcome;
    const due = plan.message;
    const log = this.opts.logger.child({ messageId: data.messageId, reportId: due.reportId, reference: due.reference, job: job.id });
    // A notice owed before it is not stored yet: this attempt fails, before any send, and BullMQ
    // tries again after its backoff. Spent attempts leave the message pending: a relay pass
    // re-queues pending messages first, then stores owed notices, so the new job is held the same
    // way until the notice is stored, then waits behind it. Nothing went out, so no retry sends it twice.
    if (data.sentAs === undefined && delivery.owedFirst(due)) throw await this.heldForNotice(job, data, log);
    const sent = data.sentAs !== undefined ? { id: data.sentAs, language: data.sentIn } : await this.send(job, due, log, token);
    if (!sent) {
      // They asked to be forgotten while it waited for its turn: nothing more reaches their chat.
      await delivery.noRecipient(due);
      await this.wakeNext(due, log);
      return 'unreachable';
    }
    const telegramMessageId = sent.id;
    try {
      await delivery.sent(due, telegramMessageId, sent.language);
    } catch (err) {
      // Telegram has it: the retry records it and sends nothing (a retry that sent again would
      // give the reporter the message twice). If even this fails, the retry sends it again.
      await job.updateData({ ...data, sentAs: telegramMessageId, ...(sent.language ? { sentIn: sent.language } : {}) }).catch((e: unknown) => log.warn({ err: e }, 'could not note a sent message on its job'));
      throw err;
    }
    metrics?.deliveries.inc({ outcome: 'sent' });
    log.info({ kind: due.kind }, 'message delivered');
    await this.wakeNext(due, log);
    return 'sent';
  }

  /** The hold's error; its first hold is noted on the job, so that the retries (on any worker) know it was said. */
  private async heldForNotice(job: Job<ReplyJobData>, data: Extract<ReplyJobData, { kind: 'message' }>, log: Logger): Promise<NoticeOwedFirst> {
    if (data.heldForNotice) return new NoticeOwedFirst(false);
    // Not noted: the next hold is said again, better than never.
    await job.updateData({ ...data, heldForNotice: true }).catch((err: unknown) => log.debug({ err }, 'could not note a held reply on its job'));
    return new NoticeOwedFirst(true);
  }

  /**
   * Paces, renders and sends the message; Telegram's message id, and the language it went in.
   * Null when the reporter asked to be forgotten before its turn came: nothing was sent.
   */
  private async send(job: Job<ReplyJobData>, due: DueMessage, log: Logger, token?: string): Promise<{ id: number; language: Lang } | null> {
    const { delivery } = this.opts;
    await this.pace(job, this.pacer, due.recipientKey, token);
    await this.keepOrder(job, due, log, token);
    const by = randomUUID();
    try {
      // The overall slot first, then the chat: a long wait in the shared budget (a surge) must not
      // hold the chat's send lease (claim-send.lua), which only guards against a worker dying mid-send.
      return await this.budgeted(async () => {
        // Rendered once its turn has come (one read, the language's): a notice is in the language the
        // reporter has when it goes out, and one who asked to be forgotten during the wait gets nothing.
        const composed = await delivery.composeIfReachable(due);
        if (!composed) return null;
        const markup = replyMarkupOf(composed);
        const extra = { ...(markup ? { reply_markup: markup } : {}), ...this.extra } as Parameters<MessageSender['sendMessage']>[2];
        const sent = await this.pacer.send(due.recipientKey, this.globalIntervalMs, async () => {
          // Claimed in MongoDB at the last moment: the chat's gate above lives in Redis, and is lost with it.
          const claim = await delivery.claimSend(due, by, this.sendClaimMs);
          if (!claim.ok) throw new SendingElsewhere(claim.lookAgainAt);
          // A 429 is decided here, not by the shared budget (which would hold every chat and role for it).
          return this.whileClaimed(due, by, log, () => this.telegram.sendMessage(due.chatId, composed.text, extra).catch(throwFloodWait));
        });
        return { id: sent.message_id, language: composed.language };
      });
    } catch (err) {
      if (err instanceof SendingElsewhere) return this.waitForOtherSend(job, err.lookAgainAt, log, token);
      // Nothing claimed in MongoDB yet: the gate refused before the send.
      if (err instanceof EveryoneHeld) return this.holdUntil(job, err.until, token);
      // A 429 is recorded first: until it is, other jobs' sends may go into the bot's limit.
      const flood = err instanceof FloodWait ? await this.recordFlood(due, err.seconds, log) : null;
      await delivery.releaseSend(due, by).catch((e: unknown) => log.warn({ err: e }, 'could not give back a failed send\'s claim; it runs out instead'));
      if (flood) return this.waitOutFlood(job, flood, token);
      await this.onSendError(err, job, log, (reason) => (reason === 'gave_up' ? delivery.gaveUp(due) : delivery.failed(due, reason)));
      // Marked failed, the next one need not wait for it; still pending, the next one looks and waits again.
      await this.wakeNext(due, log);
      throw redacted(err);
    }
  }

  /**
   * After an earlier message to the same report that has not gone yet (`waitBehind`), but not
   * for ever: one that keeps failing stays pending for a day (the outbox relay retries it), and
   * what the agent wrote since must not wait that long.
   */
  private async keepOrder(job: Job<ReplyJobData>, due: DueMessage, log: Logger, token?: string): Promise<void> {
    const behind = (job.data as Extract<ReplyJobData, { kind: 'message' }>).behind ?? 0;
    if (!(await this.opts.delivery.behindAnother(due))) return;
    if (behind < BEHIND_MAX_WAITS) await this.waitBehind(job, token);
    log.info({ waits: behind }, 'an earlier message to this reporter has still not gone; this one goes first');
  }

  /**
   * Another job for the same message is sending it right now (Redis lost this message's first job
   * mid-send, and the outbox relay queued it again): parked until that send's claim runs out, an
   * attempt not spent. Back then, it finds the message recorded as sent and stops; if that worker
   * died before recording it, it sends (the one repeat README names).
   */
  private async waitForOtherSend(job: Job<ReplyJobData>, lookAgainAt: Date, log: Logger, token?: string): Promise<never> {
    log.warn({ until: lookAgainAt.toISOString() }, 'this message is being sent by another job; waiting for its outcome');
    await this.returnLimiterSlot();
    await job.moveToDelayed(Math.max(lookAgainAt.getTime(), Date.now()), token);
    throw new DelayedError();
  }

  /**
   * Telegram refused the send with 429: nothing was sent, and no attempt is spent. Only this chat
   * waits retry_after when it is the first chat refused (its own limit; other chats keep going),
   * every chat and role when another chat is already waiting (the bot's limit): the rule the bot's
   * answers follow too (flood-wait.lua, which pauses the shared budget itself, and which the send
   * gate then honours for jobs already past their booking).
   */
  private async recordFlood(due: DueMessage, seconds: number, log: Logger): Promise<{ scope: 'chat' | 'all'; until: number; ms: number }> {
    const ms = seconds * 1000;
    this.opts.metrics?.deliveries.inc({ outcome: 'rate_limited' });
    // Redis unreachable: everyone waits, as a 429 always made them before.
    const wait = await this.pacer.floodWait(due.recipientKey, ms, due.chatKey).catch((err: unknown) => {
      log.warn({ err }, 'could not hold one chat after a 429; holding every chat');
      return { scope: 'all' as const, until: Date.now() + ms };
    });
    log.warn({ retryAfter: seconds, scope: wait.scope }, 'Telegram rate limit: pausing deliveries');
    return { ...wait, ms };
  }

  private async waitOutFlood(job: Job<ReplyJobData>, wait: { scope: 'chat' | 'all'; until: number; ms: number }, token?: string): Promise<never> {
    if (wait.scope === 'all') {
      if (this.worker) await this.worker.rateLimit(wait.ms);
      throw Worker.RateLimitError();
    }
    // Its slot kept: back at the end of the wait it goes first, before what was written after it.
    return this.holdUntil(job, Math.max(wait.until, Date.now() + wait.ms), token);
  }

  /** Parks the job, no attempt spent and its booked slot kept, until `at` (ms). */
  private async holdUntil(job: Job<ReplyJobData>, at: number, token?: string): Promise<never> {
    await job.updateData({ ...job.data, slot: { at, attempt: job.attemptsMade } });
    await this.returnLimiterSlot();
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }

  /**
   * The message's send claim kept while Telegram has not answered (renewed as BullMQ renews the
   * job's lock): a second job for the message (Redis lost the first) must not find it run out and
   * send it again. Lost to another claim (this process stalled past it): not taken back.
   */
  private whileClaimed<T>(due: DueMessage, by: string, log: Logger, send: () => Promise<T>): Promise<T> {
    const renew = async () => (await this.opts.delivery.claimSend(due, by, this.sendClaimMs)).ok;
    return renewWhile(this.sendClaimMs / 2, renew, (err) => log.warn({ err }, 'could not renew a message\'s send claim during a slow send'), send);
  }

  /** How long a send's claim lasts: as long as a job's lock, the time BullMQ itself lets one job's run go unseen. */
  private get sendClaimMs(): number {
    return this.opts.lockDuration ?? 30_000;
  }

  /** Through the shared budget when there is one (lane `other`: after every answer to a reporter mid-report). */
  private budgeted<T>(send: () => Promise<T>): Promise<T> {
    const { budget, metrics } = this.opts;
    if (!budget) return send();
    return sendPaced(budget, { lane: 'other', onRateLimited: () => metrics?.deliveries.inc({ outcome: 'rate_limited' }), onBudgetError: (err) => this.opts.logger.warn({ err }, 'send budget unreachable: sending unpaced') }, send);
  }

  /** `allow_paid_broadcast` when configured (telegraf's types predate the parameter). */
  private get extra(): Parameters<MessageSender['sendMessage']>[2] {
    return this.opts.paidBroadcast ? ({ allow_paid_broadcast: true } as Parameters<MessageSender['sendMessage']>[2]) : undefined;
  }

  /**
   * Per-chat pacing: book a slot once per attempt; if it lies in the future, park the job in
   * delayed until then (DelayedError tells BullMQ it moved) instead of holding a worker slot.
   */
  private async pace(job: Job<ReplyJobData>, pacer: ChatPacer, recipientKey: string, token?: string): Promise<void> {
    const slot = job.data.slot;
    if (slot && slot.attempt === job.attemptsMade) return;
    const wait = await pacer.reserve(recipientKey);
    if (wait <= 0) return;
    const at = Date.now() + wait;
    await job.updateData({ ...job.data, slot: { at, attempt: job.attemptsMade } });
    await job.moveToDelayed(at, token);
    await this.returnLimiterSlot();
    throw new DelayedError();
  }

  /**
   * An earlier message to the same report has not gone yet: parked until it has (`wakeNext`
   * promotes it), or for a chat interval, then twice as long each time, up to a minute (an
   * earlier one may be failing and retrying), without booking a slot: when it comes back the
   * send gate still spaces it from the earlier one.
   */
  private async waitBehind(job: Job<ReplyJobData>, token?: string): Promise<never> {
    const data = job.data as Extract<ReplyJobData, { kind: 'message' }>;
    const behind = (data.behind ?? 0) + 1;
    const at = Date.now() + Math.min((this.opts.perChatIntervalMs ?? 1000) * 2 ** (behind - 1), BEHIND_MAX_WAIT_MS);
    await job.updateData({ ...data, behind, slot: { at, attempt: job.attemptsMade } });
    // The slot back first: once delayed, the job may be promoted (`wakeNext`) and taken again at once.
    await this.returnLimiterSlot();
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }

  /**
   * The next message to the same report, if it is parked behind this one (`waitBehind`), goes now
   * rather than at the end of its wait. Never fails the delivery: its wait runs out anyway.
   */
  private async wakeNext(due: DueMessage, log: Logger): Promise<void> {
    try {
      const next = await this.opts.delivery.nextAfter(due);
      const job = next ? await this.repliesQueue().getJob(next) : undefined;
      if (job?.data.kind === 'message' && job.data.behind && (await job.isDelayed())) await job.promote();
    } catch (err) {
      log.debug({ err }, 'could not wake the next message to this reporter; it goes when its wait ends');
    }
  }

  private repliesQueue(): Queue<ReplyJobData> {
    return (this.followUps ??= new Queue<ReplyJobData>(REPLIES_QUEUE, { connection: this.opts.connection, prefix: this.opts.prefix }));
  }

  /**
   * BullMQ's limiter counted this job when it became active; a parked job sent nothing, so its
   * slot goes back to the window (src/queue/lua/return-slot.lua). Otherwise every paced message
   * costs two slots and the queue sends at about half its rate while many chats wait.
   */
  private async returnLimiterSlot(): Promise<void> {
    if (!this.worker) return;
    // The job is parked already: a failure here costs one slot, never the message.
    await withScripts(this.opts.connection)
      .ripotiReturnSlot(this.worker.keys.limiter)
      .catch((err: unknown) => this.opts.logger.warn({ err }, 'could not give back a limiter slot'));
  }

  /**
   * A supervisors' alert joins the pending set; the courier job (one at a time) sends all that is
   * pending in one message at the group's turn, then hands over to a job added with a delay
   * (src/queue/supervisor-alerts.ts). Any other alert job ends here: the courier carries it.
   */
  private async processSupervisors(job: Job<ReplyJobData>, data: Extract<ReplyJobData, { kind: 'supervisors' }>, token?: string): Promise<Outcome> {
    const chatId = this.opts.supervisorsChatId;
    if (chatId === undefined) return 'unreachable';
    const jobId = job.id ?? '';
    if (data.reportId !== undefined) {
      // A ticket taken meanwhile has nothing to add, but this job may be the courier coming back
      // from its wait: it still sends (or hands over) what others left pending.
      const alert = alertOfJob({ ...data, reportId: data.reportId });
      const entry = await this.opts.delivery.supervisorAlertEntry(alert);
      if (entry) await this.alerts.add(alert, entry.priority, entry.raisedAt);
    }
    if (!(await this.alerts.claim(jobId))) return 'digested';
    if ((await this.alerts.pendingCount()) === 0 && (await this.alerts.release(jobId))) return 'missing';
    await this.pace(job, this.groupPacer, 'supervisors', token);
    // Read after the wait for the group's turn: the message carries everything raised until then.
    const message = await this.opts.delivery.supervisorsMessage(await this.alerts.read());
    await this.alerts.drop(message.gone);
    if (message.text && !(await this.sendToGroup(job, chatId, message.text, message.included, token))) return 'digested';
    await this.alertsDone([...message.gone, ...message.included]);
    await this.alerts.drop(message.included);
    await this.nextCourier(jobId);
    return message.text ? 'sent' : 'missing';
  }

  /** Said (or news to nobody): owed no more in MongoDB. Not marked (MongoDB failing): the relay queues it again under its job id, kept a day, so nothing more is said. */
  private async alertsDone(alerts: SupervisorAlert[]): Promise<void> {
    await this.opts.delivery.supervisorAlertsDone(alerts).catch((err: unknown) => this.opts.logger.warn({ err, alerts: alerts.length }, 'supervisors\' alerts told, not marked so; the relay queues them again'));
  }

  /**
   * False when this job lost the courier's lease during a long wait for the budget: another
   * courier carries them, or already did and let go (the lease is then taken back only while all
   * of `alerts` are still pending, else the group would read them twice).
   */
  private async sendToGroup(job: Job<ReplyJobData>, chatId: number, text: string, alerts: SupervisorAlert[], token?: string): Promise<boolean> {
    const jobId = job.id ?? '';
    const log = this.opts.logger.child({ job: job.id, alerts: alerts.length });
    let sent: boolean;
    try {
      sent = await this.budgeted(() =>
        this.groupPacer.send('supervisors', this.globalIntervalMs, async () => {
          if (!(await this.alerts.claim(jobId, alerts))) return false;
          // The group's own limit: decided here, as a reporter's chat's (the budget would hold everyone).
          await this.telegram.sendMessage(chatId, text, this.extra).catch(throwFloodWait);
          return true;
        }),
      );
    } catch (err) {
      if (err instanceof FloodWait) return this.waitOutGroupFlood(job, err.seconds, log, token);
      // Every chat is held (the bot's limit): the courier keeps its lease and alerts, and comes back then.
      if (err instanceof EveryoneHeld) return this.holdUntil(job, err.until, token);
      // Given up on: the alerts stay pending for the next courier, soon after used-up attempts, in
      // 10 minutes when the group refused the bot (a courier every 30 s would only fail again).
      await this.onSendError(err, job, log, async (reason) => {
        if (reason !== 'gave_up') log.error({ reason }, 'the supervisors\' group refused the bot\'s message: check TELEGRAM_SUPERVISORS_CHAT_ID and that the bot is in the group');
        await this.nextCourier(jobId, reason === 'gave_up' ? undefined : GROUP_REFUSED_RETRY_MS);
      });
      throw redacted(err);
    }
    if (sent) this.opts.metrics?.deliveries.inc({ outcome: 'supervisors' });
    return sent;
  }

  /**
   * Telegram refused the group's message with 429: the group's own limit (about 20 messages a
   * minute), so only the group waits retry_after; replies to reporters and the bot's answers go
   * on. The courier keeps its lease and its alerts, no attempt spent, and comes back first in the
   * group's line when the wait ends.
   */
  private async waitOutGroupFlood(job: Job<ReplyJobData>, seconds: number, log: Logger, token?: string): Promise<never> {
    const ms = seconds * 1000;
    this.opts.metrics?.deliveries.inc({ outcome: 'rate_limited' });
    // Redis unreachable: the courier still waits retry_after (delayed), only the group's gate does not know.
    const until = await this.groupPacer.groupFloodWait('supervisors', ms).catch((err: unknown) => {
      log.warn({ err }, 'could not hold the supervisors\' group after a 429');
      return Date.now() + ms;
    });
    log.warn({ retryAfter: seconds, scope: 'group' }, 'Telegram rate limit on the supervisors\' group: holding its alerts');
    return this.holdUntil(job, Math.max(until, Date.now() + ms), token);
  }

  /**
   * The next courier: added (delayed) before the hand-over names it, so the courier is never a job
   * that does not exist; dropped again when nothing was pending to hand over.
   */
  private async nextCourier(jobId: string, delayMs = this.opts.supervisorsEveryMs ?? SUPERVISORS_EVERY_MS): Promise<void> {
    const next = await this.addCourier(`sup-next-${randomUUID()}`, delayMs);
    if (await this.alerts.handOver(jobId, next.id ?? '')) return;
    await next.remove().catch((err: unknown) => this.opts.logger.debug({ err }, 'could not drop an unneeded courier job'));
  }

  private addCourier(jobId: string, delayMs: number): Promise<Job<ReplyJobData>> {
    return this.repliesQueue().add('supervisors', { kind: 'supervisors' }, { jobId, delay: delayMs, ...COURIER_JOB });
  }

  /**
   * Alerts pending with no courier (one failed for good outside a send, and its lease ran out): a
   * new courier, made the courier before it is added (so workers looking at once add one between
   * them), sends them without waiting for another escalation.
   */
  private async resumeAlerts(): Promise<void> {
    if (!(await this.alerts.orphaned())) return;
    const jobId = `sup-next-${randomUUID()}`;
    if (await this.alerts.claim(jobId)) await this.addCourier(jobId, 0);
  }

  /**
   * Decides what a failed send means. Throws the BullMQ error that carries the decision; when it
   * returns, the caller rethrows the original error for an ordinary retry with backoff.
   */
  private async onSendError(err: unknown, job: Job<ReplyJobData>, log: Logger, fail: (reason: DeliveryFailure) => Promise<'failed' | 'left_pending' | void>): Promise<void> {
    const metrics = this.opts.metrics;
    if (err instanceof TelegramError) {
      if (err.code === 403 || err.code === 400) {
        const reason = refusalOf(err);
        await fail(reason);
        metrics?.deliveries.inc({ outcome: reason });
        log.warn({ code: err.code, reason }, 'recipient unreachable; message marked failed');
        throw new UnrecoverableError(`telegram ${err.code}`);
      }
    }
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      if ((await fail('gave_up')) === 'left_pending') {
        log.warn({ attempts, err }, 'delivery attempts spent; the outbox relay queues the message again');
        return;
      }
      metrics?.deliveries.inc({ outcome: 'failed' });
      log.error({ attempts, err }, 'delivery failed after all attempts');
    }
  }
}

/** Telegram answered 429 (telegraf's error, carried past the shared budget so the worker decides whom it holds). */
class FloodWait extends Error {
  constructor(readonly seconds: number) {
    super(`telegram 429: retry after ${seconds}`);
  }
}

/**
 * What a 403 or 400 means. 403 (blocked, account deleted, kicked): the recipient refuses the bot.
 * A 400 saying the chat (or user) is not found: their chat is gone, and they are just as
 * unreachable until they write again. Any other 400 is about the message itself (too long, bad
 * markup): that message fails, the reporter is still reachable.
 */
function refusalOf(err: TelegramError): DeliveryFailure {
  if (err.code === 403) return 'blocked';
  return /\b(chat|user) not found\b/i.test(err.description) ? 'gone' : 'rejected';
}

/** Rethrows a send's error, a 429 as FloodWait: the worker, not the shared budget, decides whom it holds. */
function throwFloodWait(err: unknown): never {
  throw err instanceof TelegramError && err.code === 429 ? new FloodWait(err.parameters?.retry_after ?? 1) : err;
}

/** A notice owed to the reporter before this message is not stored yet (`DeliveryService.owedFirst`): retried after BullMQ's backoff. */
class NoticeOwedFirst extends Error {
  /** `first`: the message's first hold, whichever attempt it came at. */
  constructor(readonly first: boolean) {
    super('a notice owed to the reporter before this message is not stored yet');
  }
}

/** The message's send is claimed by another job (`DeliveryService.claimSend`): nothing was sent. */
class SendingElsewhere extends Error {
  constructor(readonly lookAgainAt: Date) {
    super('message being sent by another job');
  }
}

/**
 * What a transient failure is recorded as. BullMQ keeps the reason and stack in Redis and shows
 * them on the board; network errors quote the request URL, which holds the bot token (telegraf
 * 4.16 masks it itself; this keeps it masked whatever the client does).
 */
function redacted(err: unknown): Error {
  const e = new Error(redactToken(err instanceof Error ? err.message : String(err)));
  e.name = err instanceof Error ? err.name : 'Error';
  return e;
}

/** The alert an alert job carries: a held ticket's danger, a waiting ticket's danger, or an escalation. */
function alertOfJob(data: Extract<ReplyJobData, { kind: 'supervisors' }> & { reportId: string }): SupervisorAlert {
  if (data.held) return { reportId: data.reportId, held: data.held };
  return data.danger ? { reportId: data.reportId, danger: true } : { reportId: data.reportId, escalations: data.escalations ?? 0 };
}

export function createReplyWorker(opts: ReplyWorkerOptions): ReplyWorker {
  return new ReplyWorker(opts);
}
