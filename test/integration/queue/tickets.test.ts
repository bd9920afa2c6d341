import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { TICKETS_QUEUE } from '../../../src/queue';
import type { CategoryCode } from '../../../src/domain';
import { agent, createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import { testRedisTarget } from '../../support/redis';
import { createRedis } from '../../../src/redis';
import { ConversationService } from '../../../src/services/conversation-service';

/** Categories covering every default priority: p_bribery 3, p_force 2, p_other 4; dangerNow gives 1. */
const MIX: { category: CategoryCode; dangerNow: boolean }[] = [
  { category: 'p_other', dangerNow: false },
  { category: 'p_bribery', dangerNow: false },
  { category: 'p_force', dangerNow: false },
  { category: 'p_bribery', dangerNow: true },
];

jest.setTimeout(30_000);
describe('tickets queue and desk', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ label: 'q-tickets', env: { MAX_TICKETS_PER_AGENT: '50' }, workers: true, overrides: { relay: { intervalMs: 100, stalledIntervalMs: 500, graceMs: 0 } } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('turns 100 reports from 20 concurrent reporters into exactly 100 tickets, and 10 agents never share one', async () => {
    const reporters = await Promise.all(Array.from({ length: 20 }, () => reporter(h.store)));
    const submitted = await Promise.all(
      reporters.map(async (r, i) => {
        const out = [];
        for (let n = 0; n < 5; n++) {
          const input = reportInput(r._id, MIX[(i + n) % MIX.length]);
          out.push(await h.reports.submit(input));
          // A double tap on Confirm re-submits the same draft: still one report, one ticket.
          if (n === 0) expect((await h.reports.submit(input)).created).toBe(false);
        }
        return out;
      }),
    );
    const ids = submitted.flat().map((s) => s.report._id.toString());
    expect(new Set(ids).size).toBe(100);
    expect(submitted.flat().every((s) => s.queued)).toBe(true);
    expect(await h.queues.tickets.waitingCount()).toBe(100);

    const agents = Array.from({ length: 10 }, () => agent());
    const taken = new Map<string, string>();
    await Promise.all(
      agents.map(async (a) => {
        for (;;) {
          const r = await h.tickets.takeNext(a);
          if (!r.ok) {
            expect(r.reason).toBe('empty');
            return;
          }
          const id = r.report._id.toString();
          expect(taken.has(id)).toBe(false);
          taken.set(id, a.id);
        }
      }),
    );
    expect(taken.size).toBe(100);
    expect(new Set(taken.keys())).toEqual(new Set(ids));
    // MongoDB agrees with what each agent was handed.
    for (const [id, agentId] of taken) {
      const report = await h.store.reports.findById(id);
      expect(report?.status).toBe('assigned');
      expect(report?.assignee?.toString()).toBe(agentId);
    }
    expect(await h.queues.tickets.waitingCount()).toBe(0);
    const wait = await h.metrics.registry.getSingleMetricAsString('ripoti_ticket_wait_seconds');
    expect(wait).toMatch(/ripoti_ticket_wait_seconds_count\{priority="1"\} 25/);
  });

  it('serves danger-now first, then by priority, oldest first within a priority', async () => {
    const r = await reporter(h.store);
    const order: { id: string; priority: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const { report } = await h.reports.submit(reportInput(r._id, MIX[(i * 3) % MIX.length]));
      order.push({ id: report._id.toString(), priority: report.priority });
    }
    const expected = [...order].sort((a, b) => a.priority - b.priority).map((o) => o.id);
    const a = agent();
    const got: string[] = [];
    for (;;) {
      const t = await h.tickets.takeNext(a);
      if (!t.ok) break;
      got.push(t.report._id.toString());
    }
    expect(new Set(order.map((o) => o.priority))).toEqual(new Set([1, 2, 3, 4]));
    expect(got).toEqual(expected);
  });

  it('caps the tickets one agent holds', async () => {
    await h.close();
    h = await createHarness({ label: 'q-cap', env: { MAX_TICKETS_PER_AGENT: '2' } });
    const r = await reporter(h.store);
    for (let i = 0; i < 4; i++) await h.reports.submit(reportInput(r._id));
    const a = agent();
    const results = await Promise.all([1, 2, 3].map(() => h.tickets.takeNext(a)));
    expect(results.filter((x) => x.ok)).toHaveLength(2);
    expect(results.filter((x) => !x.ok && x.reason === 'limit')).toHaveLength(1);
    // Another agent can still take the rest.
    expect((await h.tickets.takeNext(agent())).ok).toBe(true);
  });

  it('counts an incident once against the cap: an agent who joined three reports into one can still take another', async () => {
    await h.close();
    h = await createHarness({ label: 'q-cap-incident', env: { MAX_TICKETS_PER_AGENT: '2' } });
    const r = await reporter(h.store);
    const reports = [];
    for (let i = 0; i < 5; i++) reports.push((await h.reports.submit(reportInput(r._id))).report);
    const a = agent();
    const held = [await h.tickets.takeNext(a), await h.tickets.takeNext(a)].map((t) => (t.ok ? t.report._id.toString() : ''));
    expect(await h.tickets.takeNext(a)).toEqual({ ok: false, reason: 'limit' });
    // The two held and a third (taken by a supervisor's join) become one incident.
    const third = await h.tickets.takeNext(agent('supervisor'));
    const members = [...held, third.ok ? third.report._id.toString() : ''];
    for (const id of members) {
      await h.store.models.Report.updateOne({ _id: id }, { $set: { assignee: a.id } });
      expect(await h.store.incidents.setIncident(id, members[0], a.id)).toBe(true);
    }
    const next = await h.tickets.takeNext(a);
    expect(next.ok).toBe(true);
    expect(await h.tickets.takeNext(a)).toEqual({ ok: false, reason: 'limit' });
  });

  it('does not count referred tickets against the cap: an agent whose cases wait on agencies can take more', async () => {
    await h.close();
    h = await createHarness({ label: 'q-cap-referred', env: { MAX_TICKETS_PER_AGENT: '2' } });
    const r = await reporter(h.store);
    for (let i = 0; i < 4; i++) await h.reports.submit(reportInput(r._id));
    const a = agent();
    const held = [await h.tickets.takeNext(a), await h.tickets.takeNext(a)].map((t) => (t.ok ? t.report._id.toString() : ''));
    expect(await h.tickets.takeNext(a)).toEqual({ ok: false, reason: 'limit' });
    expect(await h.tickets.refer(held[0], a, 'IPOA')).toEqual({ ok: true });
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    expect(await h.tickets.takeNext(a)).toEqual({ ok: false, reason: 'limit' });
    // Taken back from the agency, it counts again.
    expect(await h.tickets.changeStatus(held[0], a, 'in_progress')).toEqual({ ok: true });
    expect(await h.store.reports.countAssignedTo(a.id)).toBe(3);
  });

  it('skips a withdrawn report instead of handing it out', async () => {
    const r = await reporter(h.store);
    const first = (await h.reports.submit(reportInput(r._id))).report;
    const second = (await h.reports.submit(reportInput(r._id))).report;
    expect(await h.store.reports.transition(first._id, 'withdrawn', { kind: 'reporter' })).not.toBeNull();
    const a = agent();
    const t = await h.tickets.takeNext(a);
    expect(t.ok && t.report._id.toString()).toBe(second._id.toString());
    expect(await h.tickets.takeNext(a)).toEqual({ ok: false, reason: 'empty' });
    expect((await h.store.reports.findById(first._id))?.status).toBe('withdrawn');
  });

  it('hands an agent the ticket whose take was written but reported as an error (a write-concern timeout); a take that was not written is given back', async () => {
    const r = await reporter(h.store);
    const first = (await h.reports.submit(reportInput(r._id))).report;
    const second = (await h.reports.submit(reportInput(r._id))).report;
    const transition = h.store.reports.transition.bind(h.store.reports);
    const written = jest.spyOn(h.store.reports, 'transition').mockImplementationOnce(async (...args) => {
      await transition(...args);
      throw new Error('waiting for replication timed out');
    });
    const a = agent();
    const t = await h.tickets.takeNext(a);
    written.mockRestore();
    expect(t.ok && t.report._id.toString()).toBe(first._id.toString());
    expect(await h.queues.tickets.jobState(first._id.toString())).toBe('gone');
    // Its reporter is told it was taken, as for any take; the history says it once.
    expect((await h.store.messages.listForReport(first._id)).filter((m) => m.notice?.key === 'notices:taken')).toHaveLength(1);
    expect((await h.store.reports.history(first._id)).filter((e) => e.type === 'assigned')).toHaveLength(1);


    // Not written: the agent sees the error, and the ticket is the next one for anyone.
    const failing = jest.spyOn(h.store.reports, 'transition').mockRejectedValueOnce(new Error('connection reset'));
    await expect(h.tickets.takeNext(a)).rejects.toThrow('connection reset');
    failing.mockRestore();
    const b = agent();
    const next = await h.tickets.takeNext(b);
    expect(next.ok && next.report._id.toString()).toBe(second._id.toString());
    expect((await h.store.reports.findById(first._id))?.assignee?.toString()).toBe(a.id);
  });

  it('writes the history line of a take whose error came between the assignment and that line', async () => {
    const r = await reporter(h.store);
    const only = (await h.reports.submit(reportInput(r._id))).report;
    const halfWay = jest.spyOn(h.store.reports, 'addEvent').mockRejectedValueOnce(new Error('waiting for replication timed out'));
    const a = agent();
    const t = await h.tickets.takeNext(a);
    halfWay.mockRestore();
    expect(t.ok && t.report._id.toString()).toBe(only._id.toString());
    expect((await h.store.reports.history(only._id)).filter((e) => e.type === 'assigned')).toMatchObject([{ actor: { kind: 'agent', agentId: expect.anything() } }]);
    expect(await h.queues.tickets.jobState(only._id.toString())).toBe('gone');
  });

  it('carries out a status change or a release that MongoDB made but answered with an error: the reporter is told, the ticket is queued again', async () => {
    const r = await reporter(h.store);
    const report = (await h.reports.submit(reportInput(r._id))).report;
    const id = report._id.toString();
    const a = agent();
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    // The next status change is written on the primary, then its majority wait times out.
    const { Report } = h.store.models;
    const realUpdate = Report.findOneAndUpdate.bind(Report);
    const writtenThenFailed = () =>
      jest.spyOn(Report, 'findOneAndUpdate').mockImplementationOnce(((...args: Parameters<typeof realUpdate>) => ({
        lean: async () => {
          await realUpdate(...args).lean();
          throw new Error('waiting for replication timed out');
        },
      })) as never);
    let spy = writtenThenFailed();
    // Its history line times out too, twice (the majority still lags): the change stands all the same.
    const events = h.store.models.ReportEvent.collection;
    const lineFails = jest.spyOn(events, 'insertMany').mockRejectedValueOnce(new Error('waiting for replication timed out')).mockRejectedValueOnce(new Error('waiting for replication timed out'));
    const warned = jest.spyOn(h.logger, 'warn');
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter')).toEqual({ ok: true });
    spy.mockRestore();
    lineFails.mockRestore();
    expect((await h.store.messages.listForReport(id)).filter((m) => m.notice?.key === 'notices:waitingReporter')).toHaveLength(1);
    expect(warned).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'history_line_missing', to: 'waiting_reporter' }), expect.any(String));
    warned.mockRestore();
    // The next change's line is written as usual.
    expect(await h.tickets.changeStatus(id, a, 'in_progress')).toEqual({ ok: true });
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'status_changed')).toMatchObject([{ data: { to: 'in_progress' } }]);

    spy = writtenThenFailed();
    expect(await h.tickets.release(id, a)).toEqual({ ok: true });
    spy.mockRestore();
    expect(await h.store.reports.findById(id)).toMatchObject({ status: 'received', assignee: null, queuedAt: expect.any(Date) });
    expect(['waiting', 'prioritized']).toContain(await h.queues.tickets.jobState(id));
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'released')).toHaveLength(1);
    const next = await h.tickets.takeNext(agent());
    expect(next.ok && next.report._id.toString()).toBe(id);

    // Not made: the error stands, and nothing changed.
    const failing = jest.spyOn(Report, 'findOneAndUpdate').mockImplementationOnce((() => ({ lean: () => Promise.reject(new Error('connection reset')) })) as never);
    await expect(h.tickets.changeStatus(id, agent('supervisor'), 'resolved')).rejects.toThrow('connection reset');
    failing.mockRestore();
    expect((await h.store.reports.findById(id))?.status).toBe('assigned');
  });

  it('drops the job of a ticket a supervisor rejects from the queue: the queue counts only what waits', async () => {
    const r = await reporter(h.store);
    const spam = (await h.reports.submit(reportInput(r._id))).report;
    const real = (await h.reports.submit(reportInput(r._id))).report;
    expect(await h.queues.tickets.waitingCount()).toBe(2);
    expect(await h.tickets.changeStatus(spam._id.toString(), agent('supervisor'), 'rejected', { rejectReason: 'spam' })).toEqual({ ok: true });
    expect(await h.queues.tickets.waitingCount()).toBe(1);
    expect(await h.queues.tickets.jobState(spam._id.toString())).toBe('gone');
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(real._id.toString());
  });

  it("refuses a supervisor's action meant for the ticket as their page showed it, once another agent has taken or released it", async () => {
    const r = await reporter(h.store);
    const report = (await h.reports.submit(reportInput(r._id))).report;
    const id = report._id.toString();
    const sup = agent('supervisor');
    const amina = agent();
    const baraka = agent();
    expect((await h.tickets.takeNext(amina)).ok).toBe(true);
    // The supervisor's page shows Amina holding it; meanwhile she releases it and Baraka takes it.
    const seen = { holder: amina.id };
    expect(await h.tickets.release(id, amina)).toEqual({ ok: true });
    expect((await h.tickets.takeNext(baraka)).ok).toBe(true);
    expect(await h.tickets.release(id, sup, seen)).toEqual({ ok: false, reason: 'changed' });
    expect(await h.tickets.changeStatus(id, sup, 'resolved', { seen })).toEqual({ ok: false, reason: 'changed' });
    expect(await h.tickets.refer(id, sup, 'IPOA', undefined, undefined, seen)).toEqual({ ok: false, reason: 'changed' });
    expect(await h.store.reports.findById(id)).toMatchObject({ status: 'assigned', assignee: expect.anything() });
    expect(String((await h.store.reports.findById(id))!.assignee)).toBe(baraka.id);
    // A page showing it waiting, after Baraka released it: a rejection as spam goes through, and its job goes.
    expect(await h.tickets.release(id, baraka)).toEqual({ ok: true });
    expect(await h.tickets.changeStatus(id, sup, 'rejected', { rejectReason: 'spam', seen })).toEqual({ ok: false, reason: 'changed' });
    expect(await h.tickets.changeStatus(id, sup, 'rejected', { rejectReason: 'spam', seen: { holder: null } })).toEqual({ ok: true });
    expect(await h.queues.tickets.jobState(id)).toBe('gone');
    // Without what the page showed (an older form), the action applies to the ticket as it is, as before.
    const other = (await h.reports.submit(reportInput(r._id))).report;
    expect((await h.tickets.takeNext(baraka)).ok).toBe(true);
    expect(await h.tickets.release(other._id.toString(), sup)).toEqual({ ok: true });
  });

  it('puts a released ticket back at its priority, for another agent to take', async () => {
    const r = await reporter(h.store);
    const low = (await h.reports.submit(reportInput(r._id, { category: 'p_other' }))).report;
    const urgent = (await h.reports.submit(reportInput(r._id, { dangerNow: true }))).report;
    const amina = agent();
    const taken = await h.tickets.takeNext(amina);
    expect(taken.ok && taken.report._id.toString()).toBe(urgent._id.toString());

    expect(await h.tickets.release(urgent._id.toString(), agent())).toEqual({ ok: false, reason: 'not_assignee' });
    expect(await h.tickets.release(urgent._id.toString(), amina)).toEqual({ ok: true });
    expect(await h.tickets.release(urgent._id.toString(), amina)).toEqual({ ok: false, reason: 'not_assignee' }); // back in the queue
    const back = await h.store.reports.findById(urgent._id);
    expect(back?.status).toBe('received');
    expect(back?.assignee ?? null).toBeNull();
    expect(back?.queuedAt).toBeInstanceOf(Date);

    const next = await h.tickets.takeNext(agent());
    expect(next.ok && next.report._id.toString()).toBe(urgent._id.toString());
    const after = await h.tickets.takeNext(agent());
    expect(after.ok && after.report._id.toString()).toBe(low._id.toString());
    const history = (await h.store.reports.history(urgent._id)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['submitted', 'queued', 'assigned', 'released']));
  });

  it('serves a released ticket before the ones of its priority that came after it, as the Waiting list shows them', async () => {
    const r = await reporter(h.store);
    const first = (await h.reports.submit(reportInput(r._id))).report;
    const amina = agent();
    const taken = await h.tickets.takeNext(amina);
    expect(taken.ok && taken.report._id.toString()).toBe(first._id.toString());
    const later = [(await h.reports.submit(reportInput(r._id))).report, (await h.reports.submit(reportInput(r._id))).report];
    expect(await h.tickets.release(first._id.toString(), amina)).toEqual({ ok: true });
    const served: string[] = [];
    for (let t = await h.tickets.takeNext(agent()); t.ok; t = await h.tickets.takeNext(agent())) served.push(t.report._id.toString());
    expect(served).toEqual([first, ...later].map((x) => x._id.toString()));
  });

  it('serves a ticket its SLA raised before the newer tickets of its new priority, as the Waiting list shows them', async () => {
    const r = await reporter(h.store);
    const old = (await h.reports.submit(reportInput(r._id, { category: 'p_bribery' }))).report; // priority 3
    const newer = [(await h.reports.submit(reportInput(r._id, { category: 'p_force' }))).report, (await h.reports.submit(reportInput(r._id, { category: 'p_force' }))).report]; // 2
    // Nobody took it in time: raised to 2, where the two newer ones already wait.
    expect(await h.sla.check({ reportId: old._id.toString(), generation: 0, escalations: 0, priority: 3 })).toBe('escalated');
    const listed = (await h.store.queries.waiting()).map((x) => x._id.toString());
    const served: string[] = [];
    for (let t = await h.tickets.takeNext(agent()); t.ok; t = await h.tickets.takeNext(agent())) served.push(t.report._id.toString());
    expect(served).toEqual([old, ...newer].map((x) => x._id.toString())); // the oldest of the highest priority
    expect(served).toEqual(listed);
  });

  it('makes a ticket waiting again when a desk died between fetching its job and assigning it', async () => {
    await h.startWorkers(); // the relay's stall guard checks every 500 ms here
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    // A desk process that pops the job and dies: short lock, no completion.
    const conn = createRedis(testRedisTarget(), 'worker');
    const doomed = new Worker(TICKETS_QUEUE, null, { connection: conn, prefix: h.prefix, autorun: false, lockDuration: 500, skipLockRenewal: true });
    const job = await doomed.getNextJob(randomUUID(), { block: false });
    expect(job?.id).toBe(report._id.toString());
    await doomed.close(true);
    conn.disconnect();
    expect(await h.tickets.takeNext(agent())).toEqual({ ok: false, reason: 'empty' });

    const a = agent();
    const t = await waitFor(async () => {
      const res = await h.tickets.takeNext(a);
      return res.ok ? res : null;
    }, 'the stalled ticket to be waiting again');
    expect(t.report._id.toString()).toBe(report._id.toString());
    expect((await h.store.reports.findById(report._id))?.assignee?.toString()).toBe(a.id);
  });

  it('asking the reporter for more while an agency has the case keeps it there: not "taken back", and not "passed to" again when it goes back', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const id = report._id.toString();
    const a = agent();
    for (let t = await h.tickets.takeNext(a); t.ok && !t.report._id.equals(report._id); t = await h.tickets.takeNext(a));
    const told = async () => (await h.store.messages.listForReport(id)).flatMap((m) => (m.notice ? [m.notice.key] : []));
    expect(await h.tickets.refer(id, a, 'IPOA')).toEqual({ ok: true });
    // IPOA asks for the plate number: staff ask the reporter; IPOA still has the case.
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter', { note: 'IPOA asked for the plate number' })).toEqual({ ok: true });
    expect(await told()).toEqual(['notices:taken', 'notices:referred', 'notices:waitingReporter']);
    expect(await h.tickets.refer(id, a, 'IPOA')).toEqual({ ok: true });
    expect(await told()).toEqual(['notices:taken', 'notices:referred', 'notices:waitingReporter']);
    // Taken back for real, then waiting, then to IPOA again: the reporter was told it left, so is told it went.
    expect(await h.tickets.changeStatus(id, a, 'in_progress')).toEqual({ ok: true });
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter')).toEqual({ ok: true });
    expect(await h.tickets.refer(id, a, 'IPOA')).toEqual({ ok: true });
    expect((await told()).slice(3)).toEqual(['notices:referralTakenBack', 'notices:waitingReporter', 'notices:referred']);
    // Waiting for IPOA, then sent to ODPP instead: a different agency is always said.
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter')).toEqual({ ok: true });
    expect(await h.tickets.refer(id, a, 'ODPP')).toEqual({ ok: true });
    expect((await told()).slice(6)).toEqual(['notices:waitingReporter', 'notices:referred']);
    // Waiting for ODPP, then "in progress": that takes it back from ODPP, and the reporter is told.
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter')).toEqual({ ok: true });
    expect(await h.tickets.changeStatus(id, a, 'in_progress')).toEqual({ ok: true });
    expect((await told()).slice(8)).toEqual(['notices:waitingReporter', 'notices:referralTakenBack']);
    // Waiting for IPOA, then released to the queue: back with Ripoti, said so.
    expect(await h.tickets.refer(id, a, 'IPOA')).toEqual({ ok: true });
    expect(await h.tickets.changeStatus(id, a, 'waiting_reporter')).toEqual({ ok: true });
    expect(await h.tickets.release(id, a)).toEqual({ ok: true });
    expect((await told()).slice(10)).toEqual(['notices:referred', 'notices:waitingReporter', 'notices:referralTakenBack']);
  });

  it('a waiting ticket whose reporter writes of danger now is the next one taken, ahead of older ones; no SLA escalation is counted', async () => {
    const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger, tickets: h.queues.tickets, sla: h.sla });
    const older = await reporter(h.store);
    const first = (await h.reports.submit(reportInput(older._id, { category: 'p_force' }))).report; // priority 2
    const telegramUserId = 7_300_001;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_bribery' })); // priority 3
    const sent = await conversation.take(telegramUserId, { text: 'Wamerudi, wako nje ya nyumba yangu sasa hivi' });
    expect(sent).toMatchObject({ ok: true, waiting: true, danger: { raised: true, category: 'p_bribery' } });
    expect(await h.queues.tickets.queue.getJob(report._id.toString())).toMatchObject({ priority: 1 });
    // Its SLA check, set for priority 3's time, now falls due at priority 1's.
    const check = await h.queues.sla.queue.getJob(`${report._id.toString()}-0-0`);
    expect(check).toBeDefined();
    expect(check!.timestamp + check!.delay - Date.now()).toBeLessThanOrEqual(h.sla.slaMsFor(1));
    const a = agent();
    const t = await h.tickets.takeNext(a);
    expect(t.ok && t.report._id.toString()).toBe(report._id.toString());
    expect((await h.store.reports.findById(report._id))?.escalations).toBe(0);
    // Taken now: danger written again is said, nothing raised.
    expect(await conversation.take(telegramUserId, { text: 'They are back, help us' })).toMatchObject({ ok: true, danger: { raised: false } });
    const next = await h.tickets.takeNext(agent());
    expect(next.ok && next.report._id.toString()).toBe(first._id.toString());
  });
});
