/**
 * "Someone is in danger" before the story (issue 14): intake stores and queues an unfinished
 * priority-1 report at once; sending completes that same report; cancelling leaves its ticket.
 * Real Redis (the daily limit) and the MongoDB test server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '../../../src/logger';
import type { Priority } from '../../../src/domain';
import { redisDailyReportLimit } from '../../../src/queue/daily-report-limit';
import type { LiveEvent } from '../../../src/services/events';
import { IntakeService, type IntakeRequest, type UrgentRequest } from '../../../src/services/intake-service';
import { ReportService } from '../../../src/services/report-service';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { connectTestRedis } from '../../support/redis';

let db: TestDb;
let r: Awaited<ReturnType<typeof connectTestRedis>>;
let store: Store;
const enqueued: { reportId: string; priority: Priority }[] = [];
const published: LiveEvent[] = [];
let redisDown = 0;
let nextUser = 830_000_000;

function service(perDay?: number): IntakeService {
  const logger = createLogger({ level: process.env.DEBUG_URGENT ? 'debug' : 'silent' });
  const tickets = {
    enqueue: async (reportId: string, priority: Priority) => {
      if (redisDown > 0) {
        redisDown--;
        throw new Error('Connection is closed (simulated)');
      }
      // As the ticket queue: the job id is the report id, so adding it again is a no-op (two
      // simultaneous "yes" may both queue before either marks the report queued; the relay may too).
      if (!enqueued.some((e) => e.reportId === reportId)) enqueued.push({ reportId, priority });
    },
  };
  const reports = new ReportService({ store, logger, tickets, events: { publish: async (e: LiveEvent) => void published.push(e) } });
  const dailyLimit = perDay === undefined ? undefined : redisDailyReportLimit({ redis: r.redis, prefix: r.prefix, perDay, keyOf: (id) => store.cipher.lookupHash(id), logger });
  return new IntakeService({ store, reports, logger, dailyLimit });
}

const reporter = (telegramUserId: number) => ({ telegramUserId, chatId: telegramUserId, firstName: 'Achieng', lastName: 'Otieno' });

function urgent(telegramUserId: number, draftId: string): UrgentRequest {
  return { reporter: reporter(telegramUserId), language: 'sw', report: { draftId, kind: 'police', category: 'p_force' } };
}

function finished(telegramUserId: number, draftId: string, over: Partial<IntakeRequest['report']> = {}, extra: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    reporter: reporter(telegramUserId),
    language: 'sw',
    report: {
      draftId,
      kind: 'police',
      category: 'p_force',
      description: { text: 'Polisi wanampiga kijana nje ya duka sasa hivi.' },
      county: 42,
      place: 'Kondele',
      when: 'now',
      incidentAt: new Date(),
      dangerNow: true,
      anonymous: true,
      evidence: [{ kind: 'photo', fileId: 'AgAC1', fileUniqueId: 'AQAD1' }],
      ...over,
    },
    ...extra,
  };
}

const jobsFor = (reportId: string) => enqueued.filter((e) => e.reportId === reportId);
const eventTypes = async (reportId: string) => (await store.reports.history(reportId)).map((e) => e.type);

beforeAll(async () => {
  db = await connectTestDb('svc_urgent');
  r = await connectTestRedis('svc-urgent');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
});

afterAll(async () => {
  await r?.cleanup();
  await db?.drop();
});

describe('IntakeService.urgent: someone is in danger, before anything else is typed', () => {
  it('stores the report as far as it is known, priority 1, anonymous, marked as being written, and queues it', async () => {
    const user = nextUser++;
    const result = await service().urgent(urgent(user, randomUUID()));
    if (!result.ok) throw new Error('urgent refused');
    expect(result.created).toBe(true);
    const report = await store.reports.findById(result.reportId);
    expect(report).toMatchObject({ reference: result.reference, kind: 'police', category: 'p_force', dangerNow: true, priority: 1, anonymous: true, status: 'received', language: 'sw', evidence: [] });
    expect(report?.unfinished).toMatchObject({ state: 'writing' });
    // No story yet, but the object every reader expects is there.
    expect(report?.description).toEqual({});
    expect(report?.county).toBeUndefined();
    expect(report?.when).toBeUndefined();
    expect(report?.queuedAt).toBeInstanceOf(Date);
    expect(jobsFor(result.reportId)).toEqual([{ reportId: result.reportId, priority: 1 }]);
    expect(await eventTypes(result.reportId)).toEqual(['submitted', 'queued']);
    // Who is reporting is kept as for any report (encrypted, apart); no phone was given.
    const identity = await store.reporters.identityOf(report!.reporterId);
    expect(identity).toMatchObject({ telegramUserId: user, firstName: 'Achieng' });
    expect(identity?.phone).toBeUndefined();
    // The reporter's open tickets include it: an agent's message can reach them, and they can answer.
    expect((await store.reports.findOpenByReporter(report!.reporterId)).map((x) => x.reference)).toEqual([result.reference]);
  });

  it('sending completes that same report: same reference, one ticket, every detail, the phone when chosen', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const first = await intake.urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    const sent = await intake.submit(finished(user, draftId, { anonymous: false, place: 'Kondele stage' }, { phone: '+254711000222' }));
    expect(sent).toEqual({ ok: true, reportId: first.reportId, reference: first.reference, created: false, priority: 1 });
    const report = await store.reports.findById(first.reportId);
    expect(report).toMatchObject({ description: { text: 'Polisi wanampiga kijana nje ya duka sasa hivi.' }, county: 42, place: 'Kondele stage', when: 'now', dangerNow: true, anonymous: false, priority: 1, status: 'received' });
    expect(report?.evidence).toHaveLength(1);
    expect(report?.unfinished ?? null).toBeNull();
    expect(await store.models.Report.countDocuments({ idempotencyKey: draftId })).toBe(1);
    expect(jobsFor(first.reportId)).toHaveLength(1);
    expect(await eventTypes(first.reportId)).toEqual(['submitted', 'queued', 'completed']);
    expect((await store.reporters.identityOf(report!.reporterId))?.phone).toBe('+254711000222');
  });

  it('is idempotent: yes twice, then Send tapped three times at once, make one report, one ticket, one reference', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const [a, b] = await Promise.all([intake.urgent(urgent(user, draftId)), intake.urgent(urgent(user, draftId))]);
    if (!a.ok || !b.ok) throw new Error('urgent refused');
    expect(b.reference).toBe(a.reference);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const sends = await Promise.all([1, 2, 3].map(() => intake.submit(finished(user, draftId))));
    for (const s of sends) expect(s).toMatchObject({ ok: true, reportId: a.reportId, reference: a.reference, created: false });
    expect(await store.models.Report.countDocuments({ idempotencyKey: draftId })).toBe(1);
    expect(jobsFor(a.reportId)).toHaveLength(1);
    expect((await eventTypes(a.reportId)).filter((t) => t === 'completed')).toHaveLength(1);
    // A retry of the old "someone is in danger" after sending changes nothing.
    await intake.urgent(urgent(user, draftId));
    const after = await store.reports.findById(a.reportId);
    expect(after).toMatchObject({ county: 42 });
    expect(after?.unfinished ?? null).toBeNull();
  });

  it('tells the console live: a new ticket in the queue, then the ticket and its queue row when it is completed or cancelled', async () => {
    const user = nextUser++;
    const intake = service();
    const sent = randomUUID();
    const dropped = randomUUID();
    published.length = 0;
    const a = await intake.urgent(urgent(user, sent));
    const b = await intake.urgent(urgent(user, dropped));
    if (!a.ok || !b.ok) throw new Error('urgent refused');
    expect(published).toEqual([{ type: 'queue' }, { type: 'queue' }]);
    published.length = 0;
    await intake.submit(finished(user, sent));
    await intake.abandon(dropped);
    expect(published).toEqual([
      { type: 'ticket', reportId: a.reportId, what: 'status' },
      { type: 'queue' },
      { type: 'ticket', reportId: b.reportId, what: 'status' },
      { type: 'queue' },
    ]);
  });

  it('a ticket raised for danger keeps priority 1 when the reporter later answers "no danger"', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const first = await intake.urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    await intake.submit(finished(user, draftId, { dangerNow: false }));
    expect(await store.reports.findById(first.reportId)).toMatchObject({ dangerNow: false, priority: 1 });
  });

  it('injury answers the reporter no longer gives (a category changed to a bribe) leave the report, while written and when sent', async () => {
    const user = nextUser++;
    const intake = service();
    const written = randomUUID();
    const first = await intake.urgent(urgent(user, written));
    if (!first.ok) throw new Error('urgent refused');
    await intake.progress(written, { injuries: { hurt: 'untreated' } });
    expect((await store.reports.findById(first.reportId))?.injuries).toEqual({ hurt: 'untreated' });
    await intake.progress(written, { county: 42 });
    expect((await store.reports.findById(first.reportId))?.injuries).toBeUndefined();

    const sent = randomUUID();
    const second = await intake.urgent(urgent(user, sent));
    if (!second.ok) throw new Error('urgent refused');
    await intake.progress(sent, { injuries: { hurt: 'untreated' } });
    await intake.submit(finished(user, sent, { category: 'p_bribery' }));
    const report = await store.reports.findById(second.reportId);
    expect(report).toMatchObject({ category: 'p_bribery' });
    expect(report?.injuries).toBeUndefined();
  });

  it('cancelling leaves the ticket, open and queued, marked not finished; a later cancel or send changes nothing more', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const first = await intake.urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    await intake.abandon(draftId);
    await intake.abandon(draftId);
    const report = await store.reports.findById(first.reportId);
    expect(report).toMatchObject({ status: 'received', priority: 1, unfinished: { state: 'cancelled' } });
    expect(report?.queuedAt).toBeInstanceOf(Date);
    expect((await eventTypes(first.reportId)).filter((t) => t === 'abandoned')).toHaveLength(1);
    expect((await store.reports.findOpenByReporter(report!.reporterId)).map((x) => x.reference)).toEqual([first.reference]);
    // Cancelling a draft that stored nothing early, or one already sent, is quietly nothing.
    await intake.abandon(randomUUID());
  });

  it('with Redis down the urgent report is stored anyway and the outbox relay finds it to queue', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    redisDown = 1;
    const first = await service().urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    expect((await store.reports.findById(first.reportId))?.queuedAt ?? null).toBeNull();
    expect((await store.reports.findUnqueued(500)).map((x) => x.reference)).toContain(first.reference);
    // Sending (Redis back) queues it, once.
    await service().submit(finished(user, draftId));
    expect(jobsFor(first.reportId)).toHaveLength(1);
    expect((await store.reports.findById(first.reportId))?.queuedAt).toBeInstanceOf(Date);
  });

  it('counts as the day’s report once: sending it later is not a second one', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service(1);
    expect(await intake.urgent(urgent(user, draftId))).toMatchObject({ ok: true });
    expect(await intake.submit(finished(user, draftId))).toMatchObject({ ok: true });
    expect(await intake.urgent(urgent(user, randomUUID()))).toEqual({ ok: false, reason: 'daily_limit', limit: 1, retryAfterSec: expect.any(Number) });
  });
});

describe('history lines of a send that failed once its change was written (MongoDB gave up on the line)', () => {
  /**
   * While `step` runs, the next insert into the history fails (MaxTimeMSExpired): the change it
   * makes is written, its history line is not. Armed around the one step so an earlier line of the
   * same send (its "submitted" entry, written again) is not the one that fails.
   */
  async function lineFailsDuring(name: 'complete' | 'makeAnonymous' | 'reopenUnfinished'): Promise<void> {
    const repo = store.reports as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = repo[name];
    const admin = store.models.ReportEvent.db.getClient().db('admin');
    const namespace = `${db.dbName}.${store.models.ReportEvent.collection.collectionName}`;
    // Once: the instance's own property hides the method until this call takes it away.
    repo[name] = async (...args: unknown[]) => {
      delete repo[name];
      await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
      try {
        return await original.apply(store.reports, args);
      } finally {
        await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
      }
    };
  }

  const count = async (reportId: string, type: string) => (await eventTypes(reportId)).filter((t) => t === type).length;

  it('"completed": Send again writes the line the first Send lacked, once', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const first = await intake.urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    await lineFailsDuring('complete');
    expect(await intake.submit(finished(user, draftId))).toEqual({ ok: false, reason: 'store_unavailable' });
    expect((await store.reports.findById(first.reportId))?.unfinished ?? null).toBeNull();
    expect(await intake.submit(finished(user, draftId))).toMatchObject({ ok: true, reportId: first.reportId });
    expect(await intake.submit(finished(user, draftId))).toMatchObject({ ok: true, reportId: first.reportId });
    expect(await count(first.reportId, 'completed')).toBe(1);
  });

  it('"made_anonymous": Send again anonymously writes the line the first anonymous Send lacked, once', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const named = await intake.submit(finished(user, draftId, { anonymous: false, dangerNow: false }));
    if (!named.ok) throw new Error('send refused');
    await lineFailsDuring('makeAnonymous');
    expect(await intake.submit(finished(user, draftId, { anonymous: true, dangerNow: false }))).toEqual({ ok: false, reason: 'store_unavailable' });
    expect((await store.reports.findById(named.reportId))?.anonymous).toBe(true);
    expect(await intake.submit(finished(user, draftId, { anonymous: true, dangerNow: false }))).toMatchObject({ ok: true, reportId: named.reportId });
    expect(await intake.submit(finished(user, draftId, { anonymous: true, dangerNow: false }))).toMatchObject({ ok: true, reportId: named.reportId });
    expect(await count(named.reportId, 'made_anonymous')).toBe(1);
  });

  it('"reopened": a closed unfinished ticket reopened by a Send whose line failed has it after Send again, once', async () => {
    const user = nextUser++;
    const draftId = randomUUID();
    const intake = service();
    const first = await intake.urgent(urgent(user, draftId));
    if (!first.ok) throw new Error('urgent refused');
    // An agent closed the empty ticket while the reporter was still writing.
    expect(await store.reports.transition(first.reportId, 'rejected', { kind: 'system' })).not.toBeNull();
    await lineFailsDuring('reopenUnfinished');
    expect(await intake.submit(finished(user, draftId))).toEqual({ ok: false, reason: 'store_unavailable' });
    expect((await store.reports.findById(first.reportId))?.status).toBe('received');
    expect(await intake.submit(finished(user, draftId))).toMatchObject({ ok: true, reportId: first.reportId });
    expect(await intake.submit(finished(user, draftId))).toMatchObject({ ok: true, reportId: first.reportId });
    const reopened = (await store.reports.history(first.reportId)).filter((e) => e.type === 'reopened');
    expect(reopened.map((e) => ({ from: e.data?.from, actor: e.actor.kind }))).toEqual([{ from: 'rejected', actor: 'reporter' }]);
    expect(await count(first.reportId, 'completed')).toBe(1);
  });
});
