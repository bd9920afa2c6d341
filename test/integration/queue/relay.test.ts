import { agent, createHarness, reporter, reportInput, sentMessage, waitFor, type Harness } from '../../support/tickets-harness';
import { RedisProcess } from '../../support/redis-process';

jest.setTimeout(30_000);
describe('outbox relay: a report submitted while Redis is down', () => {
  let redis: RedisProcess;
  let h: Harness;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    h = await createHarness({ label: 'q-relay', redisUrl: redis.url, workers: true, overrides: { relay: { intervalMs: 100, graceMs: 0, reconcileEveryMs: 200 } } });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
    await redis.stop();
  }, 30_000);

  it('is stored for the reporter at once, and queued by the relay once Redis is back, exactly once', async () => {
    const r = await reporter(h.store);
    await redis.stop();

    // The reporter is told "received" (the report is in MongoDB) without waiting on Redis: Redis
    // stays down until this resolves, so a submit that waited for it would never return. No clock:
    // on a loaded machine MongoDB's writes alone took 5.8 s.
    const result = await h.reports.submit(reportInput(r._id, { dangerNow: true }));
    expect(result.created).toBe(true);
    expect(result.queued).toBe(false);
    const id = result.report._id.toString();
    expect((await h.store.reports.findById(id))?.queuedAt ?? null).toBeNull();

    await redis.start();
    await waitFor(async () => (await h.store.reports.findById(id))?.queuedAt, 'the relay to queue the report', 15_000);
    expect(await h.queues.tickets.queue.getJobState(id)).toBe('prioritized');
    // Later passes (and a second submit of the same draft) add nothing.
    await h.reports.submit({ ...reportInput(r._id), draftId: result.report.idempotencyKey });
    await waitFor(async () => (await h.queues.tickets.queue.getJobCounts()).prioritized === 1, 'one job');
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(id);
    expect(await h.tickets.takeNext(agent())).toEqual({ ok: false, reason: 'empty' });
    const history = (await h.store.reports.history(id)).map((e) => e.type);
    expect(history.filter((x) => x === 'queued')).toHaveLength(1);
    expect(history.filter((x) => x === 'submitted')).toHaveLength(1);
  });

  it('re-queues a waiting ticket whose job Redis lost (restart without persistence)', async () => {
    const r = await reporter(h.store);
    const { report, queued } = await h.reports.submit(reportInput(r._id));
    expect(queued).toBe(true);
    await redis.stop(); // --save "" --appendonly no: every job is gone
    await redis.start();
    const id = report._id.toString();
    // queuedAt is set, so only the reconciliation pass can notice the missing job.
    await waitFor(async () => (await h.queues.tickets.queue.getJobState(id).catch(() => 'unknown')) === 'prioritized', 'the job to be restored', 15_000);
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(id);
  });

  it('queues agent replies stored while Redis was down', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const a = agent();
    const t = await h.tickets.takeNext(a);
    expect(t.ok).toBe(true);
    await redis.stop();
    const msg = sentMessage(await h.tickets.reply(report._id.toString(), a, 'Tuko kwenye kesi yako.'));
    expect(msg?.delivery).toBe('pending');
    await redis.start();
    await waitFor(async () => (await h.queues.replies.queue.getJob(msg!._id.toString()).catch(() => null)) ?? null, 'the relay to queue the reply', 15_000);
  });

  it('completes the history of a report stored just before a crash (no "submitted" entry yet): both entries, once', async () => {
    const r = await reporter(h.store);
    // What intake leaves when the process dies between the report insert and its queueing: the
    // "submitted" entry is written with the first "queued" one, so neither exists yet.
    const { draftId, ...rest } = reportInput(r._id);
    const { report } = await h.store.reports.create({ ...rest, idempotencyKey: draftId, priority: 3 }, { submittedWithQueued: true });
    const id = report._id.toString();
    expect(await h.store.reports.history(id)).toEqual([]);

    await waitFor(async () => (await h.store.reports.findById(id))?.queuedAt, 'the relay to queue the report', 15_000);
    // A later tap on Confirm for the same draft adds nothing either.
    await h.reports.submit({ ...reportInput(r._id), draftId });
    expect((await h.store.reports.history(id)).map((e) => e.type)).toEqual(['submitted', 'queued']);
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(id);
  });
});
