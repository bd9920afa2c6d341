/**
 * A reporter asks staff to look at a closed ticket again (ReopenService): against the MongoDB
 * test server and the real `tickets` queue in Redis, as main.ts wires it.
 */
import { Writable } from 'node:stream';
import { Types } from 'mongoose';
import { createLogger } from '../../../src/logger';
import { ConversationService } from '../../../src/services/conversation-service';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { ReopenService } from '../../../src/services/reopen-service';
import { ReportService } from '../../../src/services/report-service';
import { slaCheckDueAt } from '../../../src/domain';
import { agent, createHarness, reportInput, reporter, type Harness } from '../../support/tickets-harness';

let h: Harness;
let reopen: ReopenService;
const logs: string[] = [];

beforeAll(async () => {
  h = await createHarness({ label: 'svc-reopen' });
  const logger = createLogger({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, cb) => (logs.push(chunk.toString()), cb()) }));
  const conversation = new ConversationService({ store: h.store, events: h.bus, logger, tickets: h.queues.tickets, sla: h.sla });
  reopen = new ReopenService({ store: h.store, events: h.bus, logger, conversation, reports: h.reports });
});

afterAll(async () => {
  await h?.close();
});

let nextUser = 8_100_000;

/** A report of a new reporter, taken by an agent and closed as the console closes it. */
async function closedReport(close: { to: 'resolved' | 'rejected'; rejectReason?: 'spam' | 'duplicate' } = { to: 'resolved' }) {
  const telegramUserId = nextUser++;
  const r = await reporter(h.store, { telegramUserId, language: 'sw' });
  const { report } = await h.reports.submit(reportInput(r._id, { language: 'sw' }));
  const a = agent();
  const taken = await h.tickets.takeNext(a);
  expect(taken.ok && taken.report._id.toString()).toBe(report._id.toString());
  expect(await h.tickets.changeStatus(report._id.toString(), a, close.to, close.rejectReason ? { rejectReason: close.rejectReason } : {})).toEqual({ ok: true });
  return { report, telegramUserId, reportId: report._id.toString() };
}

/** What the reporter wrote on the ticket (the notices to them aside). */
const written = async (reportId: Types.ObjectId) => (await h.store.messages.listForReport(reportId)).filter((m) => m.direction === 'from_reporter').map((m) => m.text);

/** One Telegram message: its id and date are Telegram's, the same on every retry (the stored message's id is made from both). */
const SENT_AT = Math.floor(Date.now() / 1000);
const dispute = (n: number, text: string) => ({ text, telegram: { messageId: n, date: SENT_AT } });

describe('ReopenService', () => {
  it('puts a resolved ticket back in the queue with the reporter\'s message, a history line saying why, and the console told; the next agent takes it', async () => {
    const { report, telegramUserId, reportId } = await closedReport();
    const logged = logs.length;
    const words = 'hakuna kitu kilifanyika, polisi bado wananitishia';
    expect(await reopen.offer(telegramUserId, reportId)).toEqual({ ok: true, reference: report.reference });

    expect(await reopen.askAgain(telegramUserId, reportId, [dispute(501, words), dispute(502, 'Nimeogopa sana')])).toEqual({ ok: true, reference: report.reference, reopened: true, sent: 2 });

    const now = (await h.store.reports.findById(reportId))!;
    expect(now).toMatchObject({ status: 'received', assignee: null });
    expect(now.closedAt ?? null).toBeNull();
    expect(now.queuedAt).toBeInstanceOf(Date);
    expect(now.reopenedByReporterAt).toBeInstanceOf(Date);
    expect(await written(report._id)).toEqual([words, 'Nimeogopa sana']);
    const history = await h.store.reports.history(report._id);
    expect(history.filter((e) => e.type === 'reopened').map((e) => ({ actor: e.actor.kind, data: e.data }))).toEqual([{ actor: 'reporter', data: { from: 'resolved', reason: 'reporter_asked' } }]);
    expect(history.filter((e) => e.type === 'reporter_message')).toHaveLength(2);
    expect(h.events).toEqual(expect.arrayContaining([{ type: 'ticket', reportId, what: 'status' }, { type: 'ticket', reportId, what: 'message' }, { type: 'queue' }]));
    // Back in front of staff: the next "take" hands it out.
    expect(await h.queues.tickets.jobState(reportId)).toBe('waiting');
    const next = await h.tickets.takeNext(agent());
    expect(next.ok && next.report._id.toString()).toBe(reportId);
    // The log names the ticket, never the reporter's words or who they are.
    const lines = logs.slice(logged).join('\n');
    expect(lines).toContain(report.reference);
    for (const secret of [words, 'Nimeogopa', 'Wanjiru', String(telegramUserId)]) expect(lines).not.toContain(secret);
  });

  it('only once per ticket: a second tap is told it is open; closed again, another try is told they already asked; nothing is reopened twice', async () => {
    const { report, telegramUserId, reportId } = await closedReport({ to: 'rejected' });
    expect(await reopen.askAgain(telegramUserId, reportId, [dispute(601, 'Mbona mmefunga?')])).toMatchObject({ ok: true, reopened: true, sent: 1 });
    // The same tap again (the message already sent): nothing new, "open" said.
    expect(await reopen.askAgain(telegramUserId, reportId, [])).toEqual({ ok: false, reason: 'open', reference: report.reference });
    // The same message again (a retry after a failure half-way): stored once.
    expect(await reopen.askAgain(telegramUserId, reportId, [dispute(601, 'Mbona mmefunga?')])).toMatchObject({ ok: true, reopened: false, sent: 1 });
    expect(await written(report._id)).toEqual(['Mbona mmefunga?']);

    const a = agent();
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    expect(await h.tickets.changeStatus(reportId, a, 'resolved')).toEqual({ ok: true });
    // Closed twice, told twice, asked "did we help?" once: the first question's buttons answer it.
    const notices = (await h.store.messages.listForReport(report._id)).flatMap((m) => (m.notice ? [m.notice.key] : []));
    expect(notices.filter((k) => k === 'notices:closed' || k === 'notices:resolved')).toHaveLength(2);
    expect(notices.filter((k) => k === 'notices:ratingAsk')).toHaveLength(1);
    expect(await reopen.offer(telegramUserId, reportId)).toEqual({ ok: false, reason: 'already_asked', reference: report.reference });
    expect(await reopen.askAgain(telegramUserId, reportId, [dispute(602, 'Bado!')])).toEqual({ ok: false, reason: 'already_asked', reference: report.reference });
    expect((await h.store.reports.findById(reportId))?.status).toBe('resolved');
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reopened')).toHaveLength(1);
  });

  it('reopened while its history line failed (MongoDB gave up once the ticket was back in the queue): the tap again writes the line, once', async () => {
    const { report, telegramUserId, reportId } = await closedReport();
    const repo = h.store.reports as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = repo.reopenForReporter;
    const admin = h.store.models.ReportEvent.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.ReportEvent.collection.collectionName}`;
    // While the reopening runs (once), the history's insert fails: the ticket is reopened, its line is not written.
    repo.reopenForReporter = async (...args: unknown[]) => {
      delete repo.reopenForReporter;
      await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
      try {
        return await original.apply(h.store.reports, args);
      } finally {
        await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
      }
    };
    await expect(reopen.askAgain(telegramUserId, reportId, [dispute(651, 'Bado wananitishia')])).rejects.toThrow();
    expect((await h.store.reports.findById(reportId))?.status).toBe('received');
    // The reporter taps again (the bot said something went wrong): the message goes to it, once, and the line is written.
    expect(await reopen.askAgain(telegramUserId, reportId, [dispute(651, 'Bado wananitishia')])).toMatchObject({ ok: true, reopened: false, sent: 1 });
    expect(await reopen.askAgain(telegramUserId, reportId, [])).toEqual({ ok: false, reason: 'open', reference: report.reference });
    expect(await written(report._id)).toEqual(['Bado wananitishia']);
    const history = await h.store.reports.history(report._id);
    expect(history.filter((e) => e.type === 'reopened').map((e) => ({ actor: e.actor.kind, data: e.data }))).toEqual([{ actor: 'reporter', data: { from: 'resolved', reason: 'reporter_asked' } }]);
    // Taken, so the next test's take finds its own ticket first.
    const taken = await h.tickets.takeNext(agent());
    expect(taken.ok && taken.report._id.toString()).toBe(reportId);
  });

  it('two taps at once (two devices) reopen it once', async () => {
    const { telegramUserId, reportId, report } = await closedReport();
    const both = await Promise.all([reopen.askAgain(telegramUserId, reportId, [dispute(701, 'one')]), reopen.askAgain(telegramUserId, reportId, [dispute(701, 'one')])]);
    expect(both.filter((r) => r.ok && r.reopened)).toHaveLength(1);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reopened')).toHaveLength(1);
    expect(await written(report._id)).toEqual(['one']);
    // Taken, so the next test's take finds its own ticket first.
    const taken = await h.tickets.takeNext(agent());
    expect(taken.ok && taken.report._id.toString()).toBe(reportId);
  });

  it('a ticket closed inside an incident comes back out of it; the incident, one report short of two, is no more', async () => {
    const lead = await closedReport();
    const other = await closedReport();
    const sara = agent('supervisor');
    // Joined while open (a join takes open tickets only), then both closed.
    await h.store.models.Report.updateMany({ _id: { $in: [lead.report._id, other.report._id] } }, { $set: { status: 'in_progress' } });
    expect(await h.incidents.join(lead.reportId, sara, [other.reportId])).toMatchObject({ ok: true });
    await h.store.models.Report.updateMany({ _id: { $in: [lead.report._id, other.report._id] } }, { $set: { status: 'resolved', closedAt: new Date() } });
    expect((await h.store.reports.findById(other.reportId))?.incident).toBeTruthy();

    expect(await reopen.askAgain(other.telegramUserId, other.reportId, [dispute(1001, 'Bado hawajarudisha simu yangu')])).toMatchObject({ ok: true, reopened: true });
    expect((await h.store.reports.findById(other.reportId))?.incident ?? null).toBeNull();
    expect((await h.store.reports.findById(lead.reportId))?.incident ?? null).toBeNull();
    const split = (await h.store.reports.history(lead.report._id)).find((e) => e.type === 'incident_split');
    expect(split?.data).toMatchObject({ split: other.report.reference, reopened: true, dissolved: true });
    const taken = await h.tickets.takeNext(agent());
    expect(taken.ok && taken.report._id.toString()).toBe(other.reportId);
  });

  it('refuses someone else\'s tap, spam, a duplicate and a closure older than the week, each with its reason, changing nothing', async () => {
    const mine = await closedReport();
    expect(await reopen.askAgain(mine.telegramUserId + 50_000, mine.reportId, [dispute(801, 'not mine')])).toEqual({ ok: false, reason: 'not_yours' });
    expect(await reopen.offer(mine.telegramUserId, new Types.ObjectId().toString())).toEqual({ ok: false, reason: 'not_yours' });
    expect(await reopen.askAgain(mine.telegramUserId, 'not-an-id', [])).toEqual({ ok: false, reason: 'not_yours' });

    const spam = await closedReport({ to: 'rejected', rejectReason: 'spam' });
    expect(await reopen.askAgain(spam.telegramUserId, spam.reportId, [dispute(802, 'x')])).toEqual({ ok: false, reason: 'spam', reference: spam.report.reference });
    const duplicate = await closedReport({ to: 'rejected', rejectReason: 'duplicate' });
    expect(await reopen.offer(duplicate.telegramUserId, duplicate.reportId)).toEqual({ ok: false, reason: 'duplicate', reference: duplicate.report.reference });

    const old = await closedReport();
    await h.store.models.Report.updateOne({ _id: old.report._id }, { $set: { closedAt: new Date(Date.now() - 8 * 86400_000) } });
    expect(await reopen.askAgain(old.telegramUserId, old.reportId, [dispute(803, 'x')])).toEqual({ ok: false, reason: 'too_old', reference: old.report.reference });

    for (const t of [mine, spam, duplicate, old]) {
      expect((await h.store.reports.findById(t.reportId))?.status).not.toBe('received');
      expect(await written(t.report._id)).toEqual([]);
    }
  });

  it('with Redis refusing the job, the ticket is still reopened and the outbox relay queues it: nothing is lost', async () => {
    const { telegramUserId, reportId } = await closedReport();
    const down = new ReportService({ store: h.store, tickets: { enqueue: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) }, logger: h.logger });
    const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger });
    const offline = new ReopenService({ store: h.store, events: h.bus, logger: h.logger, conversation, reports: down });
    expect(await offline.askAgain(telegramUserId, reportId, [dispute(901, 'Bado wananitishia')])).toMatchObject({ ok: true, reopened: true });
    const waiting = (await h.store.reports.findById(reportId))!;
    expect(waiting.status).toBe('received');
    expect(waiting.queuedAt ?? null).toBeNull();
    expect(await h.queues.tickets.jobState(reportId)).toBe('gone');

    const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
    await relay.runOnce({ reconcile: false });
    expect(await h.queues.tickets.jobState(reportId)).toBe('waiting');
    expect((await h.store.reports.findById(reportId))?.queuedAt).toBeInstanceOf(Date);
  });

  it('starts a new wait for a ticket rejected from the queue days ago, never taken: no escalation at once, no "not taken in time" to supervisors', async () => {
    const telegramUserId = nextUser++;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id));
    const reportId = report._id.toString();
    // Submitted three days ago and rejected straight from the queue (no reason): never assigned.
    const threeDays = new Date(Date.now() - 3 * 86_400_000);
    await h.queues.tickets.remove(reportId);
    await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { createdAt: threeDays, status: 'rejected', closedAt: new Date() } });
    expect((await reopen.askAgain(telegramUserId, reportId, [dispute(901, 'Hamjanisaidia bado')])).ok).toBe(true);

    const fresh = (await h.store.reports.findById(reportId))!;
    expect(fresh.assignedAt ?? null).toBeNull();
    const slaMs = h.sla.slaMsFor(fresh.priority);
    expect(slaCheckDueAt(fresh, slaMs)).toBeGreaterThan(Date.now() + slaMs - 60_000);
    // The first wait's check, left from before the closing, does nothing.
    expect(await h.sla.check({ reportId, generation: 0, escalations: 0, priority: fresh.priority })).toBe('stale');
    expect((await h.store.reports.findById(reportId))).toMatchObject({ priority: fresh.priority, escalations: 0 });
  });
});
