import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Telegram, TelegramError } from 'telegraf';
import type { Store, MessageDoc, ReportDoc } from '../store';
import type { Translator } from '../i18n';
import type { EventBus } from '../services/events';
import type { Metrics } from '../metrics';
import type { Service } from '../lifecycle';
import { redactToken, type Logger } from '../logger';
import { ChatPacer } from './chat-pacer';
import { REPLIES_QUEUE, type ReplyJobData } from './types';

/** The part of telegraf's `Telegram` the worker uses (tests may pass a Telegram pointed at the Bot API double). */
export type MessageSender = Pick<Telegram, 'sendMessage'>;

export interface ReplyWorkerOptions {
  /** Blocking connection (maxRetriesPerRequest null). */
  connection: Redis;
  prefix: string;
  store: Store;
  translator: Translator;
  events: EventBus;
  logger: Logger;
  metrics?: Metrics;
  /** `new Telegram(token, { apiRoot })`, built from config when omitted. */
  telegram?: MessageSender;
  token?: string;
  apiRoot?: string;
  /** Overall rate (config.replies.ratePerSecond, at most 30); or a full BullMQ limiter. */
  ratePerSecond?: number;
  limiter?: { max: number; duration: number };
  /** Minimum gap between two messages to one chat (default 1000 ms). */
  perChatIntervalMs?: number;
  supervisorsChatId?: number;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
}

type Outcome = 'sent' | 'already' | 'missing' | 'unreachable';

/**
 * Delivers the `replies` queue to Telegram.
 * - overall rate: BullMQ's global `limiter`; per chat: ChatPacer, and a job whose chat is busy
 *   is moved to delayed (`moveToDelayed` + DelayedError) instead of holding a worker slot;
 * - 429: the whole queue waits `retry_after` (`worker.rateLimit` + RateLimitError, no attempt
 *   spent); other transient errors retry with exponential backoff;
 * - 403 (blocked) and 400 (chat gone): the ticket is marked "reporter unreachable", the message
 *   failed, no retry (UnrecoverableError);
 * - a message already `sent` is never sent again (markSent flips pending only).
 * Delivery is at-least-once: a crash after Telegram accepted a message but before markSent
 * stored it would send that one message again on redelivery; no other path duplicates.
 */
export class ReplyWorker implements Service {
  readonly name = 'reply-worker';
  private worker: Worker<ReplyJobData> | null = null;
  private readonly telegram: MessageSender;
  private readonly pacer: ChatPacer;
  /** Telegram allows about 20 messages a minute into one group. */
  private readonly groupPacer: ChatPacer;

  constructor(private readonly opts: ReplyWorkerOptions) {
    if (opts.telegram) this.telegram = opts.telegram;
    else if (opts.token) this.telegram = new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
    else throw new Error('ReplyWorker needs a telegram client or a bot token');
    this.pacer = new ChatPacer(opts.connection, opts.prefix, { intervalMs: opts.perChatIntervalMs ?? 1000 });
    this.groupPacer = new ChatPacer(opts.connection, opts.prefix, { intervalMs: 3000 });
  }

  /** Spacing of all sends together: the configured overall rate, never above Telegram's 30/s. */
  private get globalIntervalMs(): number {
    const limiter = this.opts.limiter;
    return limiter ? limiter.duration / limiter.max : 1000 / Math.min(this.opts.ratePerSecond ?? 25, 30);
  }

  async start(): Promise<void> {
    const o = this.opts;
    const rate = Math.min(o.ratePerSecond ?? 25, 30);
    this.worker = new Worker<ReplyJobData>(REPLIES_QUEUE, (job, token) => this.process(job, token), {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency ?? 10,
      limiter: o.limiter ?? { max: rate, duration: 1000 },
      lockDuration: o.lockDuration ?? 30_000,
      stalledInterval: o.stalledInterval ?? 30_000,
      // A worker killed mid-job leaves it active; the stalled check puts it back rather than failing it.
      maxStalledCount: 10,
    });
    this.worker.on('error', (err) => o.logger.warn({ err, queue: REPLIES_QUEUE }, 'replies worker error'));
    this.worker.on('failed', (job, err) => {
      const ids = job?.data.kind === 'message' ? { messageId: job.data.messageId } : { reportId: job?.data.reportId };
      o.logger.warn({ ...ids, attempt: job?.attemptsMade, err }, 'delivery attempt failed');
    });
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    // Lets in-flight deliveries finish (and be marked sent) before the connection goes.
    await this.worker?.close();
    this.worker = null;
  }

  private async process(job: Job<ReplyJobData>, token?: string): Promise<Outcome> {
    if (job.data.kind === 'supervisors') return this.processSupervisors(job, job.data, token);
    return this.processMessage(job, job.data, token);
  }

  private async processMessage(job: Job<ReplyJobData>, data: Extract<ReplyJobData, { kind: 'message' }>, token?: string): Promise<Outcome> {
    const { store, events, metrics } = this.opts;
    const msg = await store.messages.findById(data.messageId);
    if (!msg || msg.direction !== 'to_reporter') return 'missing';
    if (msg.delivery !== 'pending') return 'already';
    const report = await store.reports.findById(msg.reportId);
    const log = this.opts.logger.child({ messageId: data.messageId, reportId: msg.reportId.toString(), reference: report?.reference, job: job.id });
    const identity = report ? await store.reporters.identityOf(report.reporterId) : null;
    if (!report || !identity) {
      // Purged by retention (or the report is gone): nobody left to send to.
      await store.messages.markFailed(msg._id);
      if (report) await store.reports.addEvent(report._id, 'delivery_failed', { kind: 'system' }, { messageId: data.messageId, reason: 'no_recipient' });
      metrics?.deliveries.inc({ outcome: 'no_recipient' });
      log.warn('reporter identity unavailable; message not delivered');
      return 'unreachable';
    }

    await this.pace(job, this.pacer, report.reporterId.toString(), token);

    const reporter = await store.reporters.findById(report.reporterId);
    const text = this.render(msg, report, reporter?.language ?? report.language);
    await this.pacer.claimSend(report.reporterId.toString(), this.globalIntervalMs);
    let telegramMessageId: number;
    try {
      telegramMessageId = (await this.telegram.sendMessage(identity.chatId, text)).message_id;
    } catch (err) {
      await this.onSendError(err, job, log, async (reason) => {
        await store.messages.markFailed(msg._id);
        if (reason === 'blocked') await store.reports.setReporterUnreachable(report._id, true);
        await store.reports.addEvent(report._id, 'delivery_failed', { kind: 'system' }, { messageId: data.messageId, reason });
        await events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'delivery' });
      });
      throw redacted(err);
    }
    if (await store.messages.markSent(msg._id, telegramMessageId)) {
      await store.reports.addEvent(report._id, 'reply_delivered', { kind: 'system' }, { messageId: data.messageId });
      await events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'delivery' });
    }
    metrics?.deliveries.inc({ outcome: 'sent' });
    log.info({ kind: msg.kind }, 'message delivered');
    return 'sent';
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
    throw new DelayedError();
  }

  private async processSupervisors(job: Job<ReplyJobData>, data: Extract<ReplyJobData, { kind: 'supervisors' }>, token?: string): Promise<Outcome> {
    const chatId = this.opts.supervisorsChatId;
    if (chatId === undefined) return 'unreachable';
    const report = await this.opts.store.reports.findById(data.reportId);
    if (!report) return 'missing';
    const log = this.opts.logger.child({ reportId: data.reportId, reference: report.reference, job: job.id });
    await this.pace(job, this.groupPacer, 'supervisors', token);
    // Staff language; the reference only, no personal data (the chat is outside our access control).
    const text = this.opts.translator.t('en', 'notices:supervisors.escalated', {
      reference: report.reference,
      priority: this.opts.translator.t('en', `common:priority.${report.priority}`),
      escalations: data.escalations,
    });
    await this.groupPacer.claimSend('supervisors', this.globalIntervalMs);
    try {
      await this.telegram.sendMessage(chatId, text);
    } catch (err) {
      await this.onSendError(err, job, log, async () => undefined);
      throw redacted(err);
    }
    this.opts.metrics?.deliveries.inc({ outcome: 'supervisors' });
    return 'sent';
  }

  /** Notices are rendered now, in the reporter's current language; agent text is framed with the reference. */
  private render(msg: MessageDoc, report: ReportDoc, lang: 'en' | 'sw'): string {
    const t = this.opts.translator;
    if (msg.kind === 'notice' && msg.notice) return t.t(lang, msg.notice.key, { ...(msg.notice.vars ?? {}), reference: report.reference });
    return t.t(lang, 'notices:agentReply', { reference: report.reference, text: msg.text ?? '' });
  }

  /**
   * Decides what a failed send means. Throws the BullMQ error that carries the decision; when it
   * returns, the caller rethrows the original error for an ordinary retry with backoff.
   */
  private async onSendError(err: unknown, job: Job<ReplyJobData>, log: Logger, fail: (reason: 'blocked' | 'rejected' | 'gave_up') => Promise<void>): Promise<void> {
    const metrics = this.opts.metrics;
    if (err instanceof TelegramError) {
      if (err.code === 429) {
        const seconds = err.parameters?.retry_after ?? 1;
        metrics?.deliveries.inc({ outcome: 'rate_limited' });
        log.warn({ retryAfter: seconds }, 'Telegram rate limit: pausing deliveries');
        // Pauses the whole queue (a 429 is about the bot, not one chat); the job goes back to
        // waiting without spending an attempt.
        if (this.worker) await this.worker.rateLimit(seconds * 1000);
        throw Worker.RateLimitError();
      }
      if (err.code === 403 || err.code === 400) {
        const reason = err.code === 403 ? 'blocked' : 'rejected';
        await fail(reason);
        metrics?.deliveries.inc({ outcome: reason });
        log.warn({ code: err.code, reason }, 'recipient unreachable; message marked failed');
        throw new UnrecoverableError(`telegram ${err.code}`);
      }
    }
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      await fail('gave_up');
      metrics?.deliveries.inc({ outcome: 'failed' });
      log.error({ attempts, err }, 'delivery failed after all attempts');
    }
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

export function createReplyWorker(opts: ReplyWorkerOptions): ReplyWorker {
  return new ReplyWorker(opts);
}
