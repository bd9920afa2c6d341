import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { agent, createHarness, reporter, reportInput, waitFor, withSupervisorsGroup, type Harness } from '../../support/tickets-harness';

jest.setTimeout(30_000);

describe('SLA escalation', () => {
  let tg: TelegramDouble;
  let supervisors: TelegramUser;
  let h: Harness;
  beforeAll(async () => {
    // Tiny SLAs: 400 ms per priority level instead of minutes. Priority 4 keeps a long one: its
    // test takes the ticket first and then runs the check itself, however slow the machine is.
    ({ tg, group: supervisors, h } = await withSupervisorsGroup('q-sla', { slaMs: (p) => (p === 4 ? 600_000 : 400), relay: { intervalMs: 200 } }));
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  it('raises an untaken ticket, re-prioritises its job, records it, tells supervisors, and keeps checking', async () => {
    const r = await reporter(h.store);
    const input = reportInput(r._id, { category: 'p_bribery' }); // priority 3
    const { report } = await h.reports.submit(input);
    const id = report._id.toString();
    expect(report.priority).toBe(3);

    const escalated = await waitFor(async () => {
      const doc = await h.store.reports.findById(id);
      return doc && doc.escalations >= 1 ? doc : null;
    }, 'the first escalation');
    expect(escalated.priority).toBe(2);
    expect(escalated.lastEscalatedAt).toBeInstanceOf(Date);
    await waitFor(async () => (await h.queues.tickets.queue.getJob(id))?.priority === 2, 'the waiting job at priority 2');
    await waitFor(() => h.events.find((e) => e.type === 'escalated' && e.reportId === id && e.priority === 2), 'the live event');

    const ping = await waitFor(() => supervisors.messages().find((m) => m.text?.includes(report.reference)), 'the supervisors message');
    // The reference only: nothing about the reporter or the story.
    expect(ping.text).not.toContain(input.description.text ?? '');
    expect(ping.text).not.toContain('Wanjiru');
    expect(ping.text).not.toContain(input.place ?? '');

    // Priority 2 is as high as escalation goes, but the next check still fires and reminds them.
    await waitFor(async () => ((await h.store.reports.findById(id))?.escalations ?? 0) >= 2, 'the second check');
    expect((await h.store.reports.findById(id))?.priority).toBe(2);
    const history = (await h.store.reports.history(id)).filter((e) => e.type === 'escalated');
    expect(history.length).toBeGreaterThanOrEqual(2);

    // Taking it stops the clock.
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(id);
    const after = (await h.store.reports.findById(id))?.escalations ?? 0;
    await waitFor(async () => (await h.queues.sla.queue.getJobCounts('delayed', 'wait', 'active')).delayed === 0, 'the pending check to run');
    expect((await h.store.reports.findById(id))?.escalations).toBe(after);
  });

  it('starts a fresh clock when a ticket is released, and the clock from before the take does nothing', async () => {
    const r = await reporter(h.store);
    // Priority 4's long SLA: the first clock cannot run before the take on a slow machine.
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_other' }));
    const id = report._id.toString();
    const a = agent();
    const t = await h.tickets.takeNext(a);
    expect(t.ok && t.report._id.toString()).toBe(id);
    expect(await h.tickets.release(id, a)).toEqual({ ok: true });
    const assignedAt = (await h.store.reports.findById(id))!.assignedAt!.getTime();
    const fresh = await h.queues.sla.queue.getJob(`${id}-${assignedAt}-0`);
    expect(fresh).toBeDefined();
    // The first waiting period's clock (generation 0) is stale once the ticket was taken.
    expect(await h.sla.check({ reportId: id, generation: 0, escalations: 0, priority: 4 })).toBe('stale');
    expect((await h.store.reports.findById(id))?.escalations).toBe(0);

    await fresh!.promote(); // the fresh clock falls due
    await waitFor(async () => ((await h.store.reports.findById(id))?.escalations ?? 0) >= 1, 'the new clock to escalate');
    // The fresh clock's check raised it one step, from 4 (a later one may have raised it again since).
    const first = (await h.store.reports.history(id)).find((e) => e.type === 'escalated');
    expect(first?.data).toMatchObject({ to: 3, escalations: 1 });
    const again = await h.tickets.takeNext(agent());
    expect(again.ok && again.report._id.toString()).toBe(id);
  });

  it('leaves a ticket alone when an agent took it within the SLA', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_other' }));
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(report._id.toString());
    const clock = `${report._id.toString()}-0-0`;
    // The check falls due now (its job made due at once), after the take.
    await (await waitFor(() => h.queues.sla.queue.getJob(clock), 'the SLA clock to start')).promote();
    await waitFor(async () => !(await h.queues.sla.queue.getJob(clock)), 'the SLA check to run');
    const doc = await h.store.reports.findById(report._id);
    expect(doc?.escalations).toBe(0);
    expect(doc?.priority).toBe(4);
  });
});

describe('an SLA check that was lost', () => {
  let h: Harness;
  beforeAll(async () => {
    // The clock's real minutes: only the relay's look can make this ticket's check run.
    h = await createHarness({ label: 'q-sla-lost', workers: true });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
  });
  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, sla: h.sla, reconcileEveryMs: 1 });

  it('is run by the relay\'s look once it is past due, so the ticket still escalates; a clock still pending is left alone', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_bribery' })); // priority 3
    const id = report._id.toString();
    const clock = `${id}-0-0`;
    await waitFor(async () => (await h.queues.sla.queue.getJobState(clock)) === 'delayed', 'the ticket\'s clock');
    // Waiting for two hours, and its check delayed: the relay leaves it to run.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { createdAt: twoHoursAgo, queuedAt: twoHoursAgo } });
    expect((await relay().runOnce({ reconcile: true })).clocks).toBe(0);
    expect(await h.queues.sla.queue.getJobState(clock)).toBe('delayed');
    // Redis loses the check: without the relay nothing would ever raise this ticket.
    await (await h.queues.sla.queue.getJob(clock))!.remove();
    expect((await relay().runOnce({ reconcile: true })).clocks).toBe(1);
    const raised = await waitFor(async () => {
      const doc = await h.store.reports.findById(id);
      return doc && doc.escalations >= 1 ? doc : null;
    }, 'the escalation');
    expect(raised.priority).toBe(2);
    // Its next check is set from the escalation: nothing lost now. (The check adds it, and its own
    // job is removed once that follow-up is done, both a moment after the escalation is written.)
    await waitFor(async () => (await h.queues.sla.queue.getJobState(`${id}-0-1`)) === 'delayed', 'the next check');
    await waitFor(async () => !(await h.queues.sla.queue.getJob(clock)), 'the check run again to finish');
    expect((await relay().runOnce({ reconcile: true })).clocks).toBe(0);
    // A relay that read the ticket before that escalation does not run the finished check again
    // (its job is gone once done), and a check run again as lost never repeats the escalation's work.
    const stalePage = { _id: report._id, createdAt: twoHoursAgo, queuedAt: twoHoursAgo, priority: 3 as const, escalations: 0 };
    expect(await h.sla.restartIfLost(stalePage)).toBe(false);
    expect(await h.queues.sla.queue.getJob(clock)).toBeUndefined();
    expect(await h.sla.check({ reportId: id, generation: 0, escalations: 0, priority: 3, restarted: true })).toBe('stale');
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'escalated')).toHaveLength(1);
  });

  it('is run again when it failed through every retry (its failed job dropped, its id used again)', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_bribery' }));
    const id = report._id.toString();
    const clock = `${id}-0-0`;
    await waitFor(async () => (await h.queues.sla.queue.getJobState(clock)) === 'delayed', 'the ticket\'s clock');
    // In its place, a check under the same id that fails at once and is not retried.
    await (await h.queues.sla.queue.getJob(clock))!.remove();
    await h.queues.sla.queue.add('sla', { reportId: id, generation: 0, escalations: 0, priority: 9 as never }, { jobId: clock, attempts: 1 });
    await waitFor(async () => (await h.queues.sla.queue.getJobState(clock)) === 'failed', 'the check to fail');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await h.store.models.Report.collection.updateOne({ _id: report._id }, { $set: { createdAt: twoHoursAgo, queuedAt: twoHoursAgo } });
    expect((await relay().runOnce({ reconcile: true })).clocks).toBe(1);
    await waitFor(async () => ((await h.store.reports.findById(id))?.escalations ?? 0) >= 1, 'the escalation');
  });
});
