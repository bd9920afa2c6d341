import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import type { TicketQueuePort } from '../../../src/services/ports';
import { seedReport } from '../../support/report-fixtures';
import { createHarness, type Harness } from '../../support/tickets-harness';

/**
 * In a surge more tickets wait than one look reads. A ticket whose job Redis lost (a restart
 * without persistence, a failover) must come back wherever it stands in the line, not only when
 * it is among the oldest. The relay's passes are run here one at a time, not on its timer.
 */
describe('outbox relay: checking that every waiting ticket has its job', () => {
  let h: Harness;
  const relay = (reconcilePage?: number, tickets: TicketQueuePort = h.queues.tickets) =>
    new OutboxRelay({ store: h.store, reports: h.reports, tickets, replies: h.queues.replies, logger: h.logger, reconcileEveryMs: 1, ...(reconcilePage ? { reconcilePage } : {}) });
  const stateOf = (id: string) => h.queues.tickets.queue.getJobState(id);
  const loseJob = async (id: string) => {
    const job = await h.queues.tickets.queue.getJob(id);
    expect(job).toBeDefined();
    await job?.remove();
  };
  /** Reconciles until the ticket has its job again; how many it took (0: none did within `most`). */
  const reconcilesUntilBack = async (r: OutboxRelay, id: string, most: number) => {
    for (let n = 1; n <= most; n++) {
      await r.runOnce({ reconcile: true });
      if ((await stateOf(id)) === 'prioritized') return n;
    }
    return 0;
  };

  /** `count` waiting tickets queued a second apart, an hour ago, each with its job; oldest first. */
  async function waitingTickets(count: number): Promise<string[]> {
    const { report } = await seedReport(h.store);
    const template = await h.store.models.Report.collection.findOne({ _id: report._id });
    await h.store.models.Report.collection.deleteOne({ _id: report._id });
    const start = Date.now() - 3600_000;
    const docs = Array.from({ length: count }, (_, i) => ({
      ...template,
      _id: new Types.ObjectId(),
      idempotencyKey: randomUUID(),
      reference: `R-TEST-${String(i).padStart(5, '0')}-${randomUUID().slice(0, 8)}`,
      status: 'received',
      queuedAt: new Date(start + i * 1000),
    }));
    await h.store.models.Report.collection.insertMany(docs);
    const ids = docs.map((d) => d._id.toString());
    await h.queues.tickets.queue.addBulk(ids.map((id) => ({ name: 'ticket', data: { reportId: id }, opts: { jobId: id, priority: 3 } })));
    return ids;
  }

  beforeEach(async () => {
    h = await createHarness({ label: 'q-reconcile', workers: false });
  });
  afterEach(async () => {
    await h.close();
  });

  it('restores the lost job of the newest of 600 waiting tickets in one look, and queues nothing twice', async () => {
    const ids = await waitingTickets(600);
    const newest = ids[ids.length - 1];
    await loseJob(newest);

    expect((await relay().runOnce({ reconcile: true })).restored).toBe(1);
    expect(await stateOf(newest)).toBe('prioritized');
    expect((await h.queues.tickets.queue.getJobCounts()).prioritized).toBe(600);
  });

  it('goes on where the last look stopped, and starts again from the oldest after the newest', async () => {
    // Pages of 2 stand in for the 500 of production: one look reads 4 pages, 8 of the 11 tickets.
    const ids = await waitingTickets(11);
    const r = relay(2);
    await loseJob(ids[10]);
    expect(await reconcilesUntilBack(r, ids[10], 2)).toBeGreaterThan(0);

    await loseJob(ids[0]);
    expect(await reconcilesUntilBack(r, ids[0], 2)).toBeGreaterThan(0);
    expect((await h.queues.tickets.queue.getJobCounts()).prioritized).toBe(11);
  });

  it('gives a take that a database failover rolled back its job again: the ticket waits for the next agent', async () => {
    const [id] = await waitingTickets(1);
    const agent = { id: new Types.ObjectId().toString(), role: 'agent' as const };
    expect(await h.tickets.takeNext(agent)).toMatchObject({ ok: true });
    expect(await h.queues.tickets.jobState(id)).toBe('gone');
    // The assignment was acknowledged by one node only and lost with it: the ticket is as it was before the take.
    await h.store.models.Report.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { status: 'received', assignedTo: null, assignedAt: null } });

    expect((await relay().runOnce({ reconcile: true })).restored).toBe(1);
    const next = { id: new Types.ObjectId().toString(), role: 'agent' as const };
    expect(await h.tickets.takeNext(next)).toMatchObject({ ok: true, report: { _id: new Types.ObjectId(id) } });
  });

  it('restores the others when one ticket\'s job cannot be added again', async () => {
    const ids = await waitingTickets(6);
    const port = h.queues.tickets;
    const refusing: TicketQueuePort = {
      enqueue: (id, priority, clock) => (id === ids[0] ? Promise.reject(new Error('refused')) : port.enqueue(id, priority, clock)),
      jobState: (id) => port.jobState(id),
      remove: (id) => port.remove(id),
      waitingCount: () => port.waitingCount(),
      reprioritise: (id, priority) => port.reprioritise(id, priority),
      jobPriorities: (ids) => port.jobPriorities(ids),
    };
    await loseJob(ids[0]);
    await loseJob(ids[5]);

    expect((await relay(undefined, refusing).runOnce({ reconcile: true })).restored).toBe(1);
    expect(await stateOf(ids[5])).toBe('prioritized');
    // Its turn comes again on the next look.
    expect((await relay().runOnce({ reconcile: true })).restored).toBe(1);
    expect(await stateOf(ids[0])).toBe('prioritized');
  });
});
