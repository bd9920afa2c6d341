import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import { freePort } from '../../support/ports';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { Types } from 'mongoose';

jest.setTimeout(30_000);

describe('a reply that cannot be delivered at all', () => {
  let h: Harness;
  beforeAll(async () => {
    // Nothing listens on this port: every send fails with a network error.
    h = await createHarness({
      label: 'q-reply-fail',
      env: { TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` },
      workers: true,
      // The relay's own passes are left out: the first test runs one itself.
      overrides: { replies: { attempts: 3, backoffMs: 100 }, relay: { intervalMs: 3_600_000 } },
    });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
  });
  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });

  it('a fresh message outlives its attempts (Telegram unreachable for minutes): still pending, nothing marked failed, and the relay gives it a new job', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const msg = await h.store.messages.addOutgoing(report._id, { text: 'Hello' });
    await h.queues.replies.deliver(msg._id);

    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'failed', 'the job failed');
    expect((await h.queues.replies.queue.getJob(msg._id.toString()))?.attemptsMade).toBe(3);
    expect((await h.store.messages.findById(msg._id))?.delivery).toBe('pending');
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'delivery_failed')).toEqual([]);
    // A new job (the failed one kept its id for the board): added now, whatever its workers do with it next.
    const failedAt = (await h.queues.replies.queue.getJob(msg._id.toString()))!.timestamp;
    await relay().runOnce();
    expect((await h.queues.replies.queue.getJob(msg._id.toString()))!.timestamp).toBeGreaterThan(failedAt);
  });

  it('a message failing for a day is marked failed after the last attempt, recorded, counted, and the bot token never reaches Redis', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const msg = await h.store.messages.addOutgoing(report._id, { text: 'Hello' });
    await h.store.models.Message.collection.updateOne({ _id: msg._id }, { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    await h.queues.replies.deliver(msg._id);

    await waitFor(async () => (await h.store.messages.findById(msg._id))?.delivery === 'failed', 'the message marked failed', 15_000);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'failed', 'the job failed');
    const job = await h.queues.replies.queue.getJob(msg._id.toString());
    expect(job?.attemptsMade).toBe(3);
    const secret = h.config.telegram.token.split(':')[1];
    expect(job?.failedReason).toBeTruthy();
    expect(JSON.stringify([job?.failedReason, job?.stacktrace])).not.toContain(secret);
    const events = (await h.store.reports.history(report._id)).filter((e) => e.type === 'delivery_failed');
    expect(events.map((e) => e.data?.reason)).toEqual(['gave_up']);
    expect(await h.metrics.registry.getSingleMetricAsString('ripoti_deliveries_total')).toMatch(/outcome="failed"\} 1/);
  });

  it('a reply held behind a notice owed first says so at info once, also when the relay queues it again after its attempts are spent', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    // A notice owed before the reply is written (its storing failed): the reply waits behind it.
    await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { noticesOwed: [{ _id: new Types.ObjectId(), key: 'notices:taken', at: new Date(Date.now() - 1000) }] } });
    const msg = await h.store.messages.addOutgoing(report._id, { text: 'Hello' });
    const info = jest.spyOn(h.logger, 'info');
    const held = () => info.mock.calls.filter(([fields, what]) => (fields as { messageId?: string }).messageId === msg._id.toString() && String(what).startsWith('reply held behind a notice')).length;
    try {
      await h.queues.replies.deliver(msg._id);
      await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'failed', 'the held job to spend its attempts');
      expect(held()).toBe(1);
      // The relay's first step: a pending message whose job failed gets a new one, held the same way.
      const failedAt = (await h.queues.replies.queue.getJob(msg._id.toString()))!.timestamp;
      expect(await h.queues.replies.redeliver(msg._id.toString(), { retryFailed: true })).toBe('queued');
      await waitFor(async () => {
        const job = await h.queues.replies.queue.getJob(msg._id.toString());
        return (job && job.timestamp > failedAt && (await job.getState()) === 'failed') || undefined;
      }, 'the new job to spend its attempts too');
      expect(held()).toBe(1);
    } finally {
      info.mockRestore();
    }
  });
});
