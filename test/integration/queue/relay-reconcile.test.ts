import { agent, createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

/**
 * In a surge more tickets wait than one reconcile reads. A ticket whose job Redis lost must come
 * back wherever it stands in the line, not only among the oldest (pages of 2 here stand in for
 * the 500 of production: one check reads 4 pages, 8 tickets, and 11 wait).
 */
describe('outbox relay: checking that every waiting ticket has its job', () => {
  let h: Harness;
  const ids: string[] = [];
  const stateOf = (id: string) => h.queues.tickets.queue.getJobState(id);
  const loseJob = async (id: string) => {
    const job = await h.queues.tickets.queue.getJob(id);
    expect(job).toBeDefined();
    await job?.remove();
  };

  beforeAll(async () => {
    h = await createHarness({ label: 'q-reconcile', workers: true, overrides: { relay: { intervalMs: 50, graceMs: 0, reconcileEveryMs: 50, reconcilePage: 2 } } });
    for (let i = 0; i < 11; i++) {
      const r = await reporter(h.store);
      const { report, queued } = await h.reports.submit(reportInput(r._id));
      expect(queued).toBe(true);
      ids.push(report._id.toString());
    }
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
  });

  it('restores the job of the newest of more waiting tickets than one check reads, then of the oldest', async () => {
    const newest = ids[ids.length - 1];
    await loseJob(newest);
    await waitFor(async () => (await stateOf(newest)) === 'prioritized', 'the newest ticket to get its job back');

    // The walk starts over from the oldest once it has passed the newest.
    await loseJob(ids[0]);
    await waitFor(async () => (await stateOf(ids[0])) === 'prioritized', 'the oldest ticket to get its job back');

    // Each waiting ticket has one job: nothing was queued twice.
    expect((await h.queues.tickets.queue.getJobCounts()).prioritized).toBe(ids.length);
    const taken = new Set<string>();
    for (const _ of ids) {
      const t = await h.tickets.takeNext(agent());
      if (t.ok) taken.add(t.report._id.toString());
    }
    expect([...taken].sort()).toEqual([...ids].sort());
    expect(await h.tickets.takeNext(agent())).toEqual({ ok: false, reason: 'empty' });
  });
});
