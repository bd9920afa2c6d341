import type { Types } from 'mongoose';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { Metrics } from '../../../src/metrics';
import { agent, createHarness, reporter, reportInput, sentMessage, takeUntilHeld, waitFor, type Harness } from '../../support/tickets-harness';

/**
 * One piece of an outbox relay pass failing (one report's "queued" mark, one message's queueing)
 * must not leave the rest of the pass undone: other reports still get their tickets, owed notices
 * are still stored for their reporters, and the pass still says what it did.
 */
describe('outbox relay: a pass with one failure in it', () => {
  let h: Harness;
  beforeEach(async () => {
    // No workers: jobs stay where the relay puts them.
    h = await createHarness({ label: 'q-relay-partial', workers: false });
  });
  afterEach(async () => {
    await h.close();
  });

  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });

  /** `action` with MongoDB failing inserts into `collection` (`times` of them, or all). */
  async function withInsertsFailing<T>(collection: string, times: number | 'alwaysOn', action: () => Promise<T>): Promise<T> {
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${collection}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: times === 'alwaysOn' ? times : { times }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      return await action();
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
  }

  /** A report stored by a Confirm whose process died before queuing it: no job, queuedAt null. */
  async function unqueued(): Promise<Types.ObjectId> {
    const { draftId, ...rest } = reportInput((await reporter(h.store))._id);
    return (await h.store.reports.create({ ...rest, idempotencyKey: draftId, priority: 3 }, { submittedWithQueued: true })).report._id;
  }

  /** A ticket taken while storing its "taken" notice failed: the notice is owed to its reporter. */
  async function takenWithNoticeOwed(): Promise<Types.ObjectId> {
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id));
    await withInsertsFailing(h.store.models.Message.collection.collectionName, 'alwaysOn', () => takeUntilHeld(h, agent(), report._id));
    expect((await h.store.reports.findById(report._id))?.noticesOwed?.map((n) => n.key)).toEqual(['notices:taken']);
    return report._id;
  }

  const queuedAt = async (id: Types.ObjectId) => (await h.store.reports.findById(id))?.queuedAt ?? null;
  const takenNotices = async (id: Types.ObjectId) => (await h.store.messages.listForReport(id)).filter((m) => m.notice?.key === 'notices:taken').length;

  it('a report whose ticket is queued but whose "queued" mark fails: the other reports are queued and owed notices stored in the same pass', async () => {
    const owed = await takenWithNoticeOwed();
    const first = await unqueued();
    const second = await unqueued();
    const warn = jest.spyOn(h.logger, 'warn');
    try {
      // The first report's ticket is added; writing its "queued" mark (its history) fails once.
      const pass = await withInsertsFailing(h.store.models.ReportEvent.collection.collectionName, 1, () => relay().runOnce());
      expect(pass).toMatchObject({ tickets: 1, notices: 1 });
      expect(warn.mock.calls.some(([fields]) => (fields as { reportId?: string; err?: unknown }).reportId === first.toString() && (fields as { err?: unknown }).err instanceof Error)).toBe(true);
    } finally {
      warn.mockRestore();
    }
    expect(await h.queues.tickets.queue.getJobState(first.toString())).not.toBe('unknown');
    expect(await queuedAt(first)).toBeNull();
    expect(await queuedAt(second)).not.toBeNull();
    expect(await takenNotices(owed)).toBe(1);
    // The next pass writes the first one's mark; its ticket is not added twice.
    expect(await relay().runOnce()).toMatchObject({ tickets: 1 });
    expect(await queuedAt(first)).not.toBeNull();
    expect((await h.store.reports.history(first)).filter((e) => e.type === 'queued')).toHaveLength(1);
  });

  it('Redis away: the notices owed to reporters are still stored (they need only MongoDB), and queued once it is back', async () => {
    const owed = await takenWithNoticeOwed();
    const waiting = await unqueued();
    const down = new Error('Connection is closed.');
    const spies = [jest.spyOn(h.queues.tickets, 'enqueue').mockRejectedValue(down), jest.spyOn(h.queues.replies, 'redeliver').mockRejectedValue(down), jest.spyOn(h.queues.replies, 'deliver').mockRejectedValue(down)];
    try {
      expect(await relay().runOnce()).toMatchObject({ tickets: 0, notices: 1 });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(await takenNotices(owed)).toBe(1);
    expect((await h.store.reports.findById(owed))?.noticesOwed ?? []).toEqual([]);
    // Redis back: the ticket and the stored notice are queued; nothing is stored twice.
    expect(await relay().runOnce()).toMatchObject({ tickets: 1, messages: 1, notices: 0 });
    const [notice] = (await h.store.messages.listForReport(owed)).filter((m) => m.notice?.key === 'notices:taken');
    expect(await h.queues.replies.queue.getJobState(notice._id.toString())).not.toBe('unknown');
    expect(await queuedAt(waiting)).not.toBeNull();
    expect(await takenNotices(owed)).toBe(1);
  });

  it('a message whose queueing fails (Redis away): the pass stops there, and still logs what it did before', async () => {
    const waiting = await unqueued();
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id));
    const a = agent();
    await takeUntilHeld(h, a, report._id);
    const reply = sentMessage(await h.tickets.reply(report._id.toString(), a, 'Tuko kwenye kesi yako.'));
    const redeliver = jest.spyOn(h.queues.replies, 'redeliver').mockRejectedValueOnce(new Error('Connection is closed.'));
    const info = jest.spyOn(h.logger, 'info');
    const warn = jest.spyOn(h.logger, 'warn');
    try {
      expect(await relay().runOnce()).toMatchObject({ tickets: 1, messages: 0 });
      expect(info.mock.calls.filter((c) => c.includes('outbox relay did work'))).toEqual([[expect.objectContaining({ tickets: 1 }), 'outbox relay did work']]);
      // The first pending message of the pass (the "taken" notice, or the reply) could not be queued: said with its error.
      const pending = (await h.store.messages.listForReport(report._id)).map((m) => m._id.toString());
      expect(pending).toContain(reply._id.toString());
      expect(warn.mock.calls.some(([fields]) => pending.includes((fields as { messageId?: string }).messageId ?? '') && (fields as { err?: unknown }).err instanceof Error)).toBe(true);
    } finally {
      info.mockRestore();
      warn.mockRestore();
      redeliver.mockRestore();
    }
    expect(await queuedAt(waiting)).not.toBeNull();
  });

  it('a pass that fails drops the queue-depth gauges (no stale numbers shown as current), says so once, and the next good pass sets them again', async () => {
    const metrics = new Metrics();
    const depth = () => metrics.registry.getSingleMetricAsString('ripoti_queue_depth');
    await unqueued();
    const relayed = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, metrics, graceMs: 0, intervalMs: 50 });
    expect(await relayed.runOnce()).toMatchObject({ tickets: 1 });
    expect(await depth()).toMatch(/ripoti_queue_depth\{queue="tickets"\} 1/);

    const blip = new Error('MongoDB blip');
    let failed = 0;
    const unqueuedRead = jest.spyOn(h.store.reports, 'findUnqueued').mockImplementation(() => {
      failed++;
      return Promise.reject(blip);
    });
    const warn = jest.spyOn(h.logger, 'warn');
    await relayed.start();
    try {
      await waitFor(() => failed >= 2 || undefined, 'two failed passes');
      await waitFor(async () => !/ripoti_queue_depth\{/.test(await depth()) || undefined, 'the gauges dropped');
      unqueuedRead.mockRestore();
      await waitFor(async () => /ripoti_queue_depth\{queue="tickets"\} 1/.test(await depth()) || undefined, 'the gauges set again by a good pass');
      await relayed.stop();
      // Each failed pass is said once, with its error.
      expect(warn.mock.calls.filter(([fields]) => (fields as { err?: unknown }).err === blip)).toHaveLength(failed);
    } finally {
      await relayed.stop();
      unqueuedRead.mockRestore();
      warn.mockRestore();
    }
  });

  it('a pass that cannot read the queue depths (Redis away) drops the gauges rather than leave the last numbers', async () => {
    const metrics = new Metrics();
    const depth = () => metrics.registry.getSingleMetricAsString('ripoti_queue_depth');
    await unqueued();
    const relayed = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, metrics, graceMs: 0 });
    await relayed.runOnce();
    expect(await depth()).toMatch(/ripoti_queue_depth\{queue="tickets"\} 1/);
    const count = jest.spyOn(h.queues.replies, 'waitingCount').mockRejectedValue(new Error('Connection is closed.'));
    try {
      await relayed.runOnce();
      expect(await depth()).not.toMatch(/ripoti_queue_depth\{/);
    } finally {
      count.mockRestore();
    }
    await relayed.runOnce();
    expect(await depth()).toMatch(/ripoti_queue_depth\{queue="tickets"\} 1/);
  });
});
