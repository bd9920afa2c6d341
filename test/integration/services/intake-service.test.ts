/** Intake against real Redis (the daily limit) and the MongoDB test server (reporter and report). */
import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '../../../src/logger';
import type { Priority } from '../../../src/domain';
import { redisDailyReportLimit } from '../../../src/queue/daily-report-limit';
import { IntakeService, type IntakeRequest } from '../../../src/services/intake-service';
import { ReportService } from '../../../src/services/report-service';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { connectTestRedis } from '../../support/redis';

let db: TestDb;
let r: Awaited<ReturnType<typeof connectTestRedis>>;
let store: Store;
const enqueued: { reportId: string; priority: Priority }[] = [];
let failSubmits = 0;
let nextUser = 810_000_000;

function service(perDay?: number): IntakeService {
  const logger = createLogger({ level: 'silent' });
  const reports = new ReportService({ store, logger, tickets: { enqueue: async (reportId, priority) => void enqueued.push({ reportId, priority }) } });
  const realSubmit = reports.submit.bind(reports);
  reports.submit = async (input, opts) => {
    if (failSubmits > 0) {
      failSubmits--;
      throw new Error('MongoServerSelectionError: connection refused (simulated)');
    }
    return realSubmit(input, opts);
  };
  const dailyLimit = perDay === undefined ? undefined : redisDailyReportLimit({ redis: r.redis, prefix: r.prefix, perDay, keyOf: (id) => store.cipher.lookupHash(id), logger });
  return new IntakeService({ store, reports, logger, dailyLimit });
}

function request(telegramUserId: number, over: Partial<IntakeRequest['report']> = {}, extra: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    reporter: { telegramUserId, chatId: telegramUserId, firstName: 'Achieng' },
    language: 'sw',
    report: {
      draftId: randomUUID(),
      kind: 'police',
      category: 'p_bribery',
      description: { text: 'They demanded kitu kidogo at the roadblock.' },
      county: 42,
      place: 'Kisumu bus park',
      when: 'today',
      incidentAt: new Date(),
      dangerNow: false,
      anonymous: true,
      evidence: [],
      ...over,
    },
    ...extra,
  };
}

beforeAll(async () => {
  db = await connectTestDb('svc_intake');
  r = await connectTestRedis('svc-intake');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
});

afterAll(async () => {
  await r?.cleanup();
  await db?.drop();
});

describe('IntakeService.submit', () => {
  it('stores and queues the report, creates the reporter in their language, and answers with the reference', async () => {
    const userId = nextUser++;
    const result = await service().submit(request(userId, { dangerNow: true }));
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.created).toBe(true);
    expect(result.reference).toMatch(/^R-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const report = await store.reports.findById(result.reportId);
    expect(report?.reference).toBe(result.reference);
    expect(report?.queuedAt).toBeTruthy();
    expect(enqueued.filter((e) => e.reportId === result.reportId)).toHaveLength(1);
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(reporter?.language).toBe('sw');
    expect(report?.reporterId.equals(reporter!._id)).toBe(true);
  });

  it('returns the same report for the same draft, without a second one', async () => {
    const userId = nextUser++;
    const req = request(userId);
    const intake = service();
    const first = await intake.submit(req);
    const second = await intake.submit(req);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false, reference: first.ok ? first.reference : '' });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(await store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
  });

  it('keeps the shared phone for a contactable report and drops it for an anonymous one', async () => {
    const contactable = nextUser++;
    await service().submit(request(contactable, { anonymous: false }, { phone: '+254711000222' }));
    const anonymous = nextUser++;
    await service().submit(request(anonymous, { anonymous: true }, { phone: '+254711000333' }));
    const withPhone = await store.reporters.findByTelegramUser(contactable);
    const without = await store.reporters.findByTelegramUser(anonymous);
    expect(store.cipher.open<{ phone?: string }>(withPhone!.identity).phone).toBe('+254711000222');
    expect(store.cipher.open<{ phone?: string }>(without!.identity).phone).toBeUndefined();
  });

  it('an anonymous report leaves the name their named tickets show as it was; their next named report brings it up to date', async () => {
    const who = nextUser++;
    await service().submit(request(who, { anonymous: false }));
    const named = () => store.reporters.findByTelegramUser(who).then((r) => store.cipher.open<{ firstName: string; username?: string }>(r!.identity));
    expect((await named()).firstName).toBe('Achieng');
    // They renamed themselves on Telegram, then reported anonymously: the named ticket's name
    // changing as the anonymous report came in would tell staff whose it is.
    await service().submit(request(who, { anonymous: true }, { reporter: { telegramUserId: who, chatId: who, firstName: 'Mama Shiru', username: 'shiru_ke' } }));
    expect(await named()).toMatchObject({ firstName: 'Achieng' });
    expect((await named()).username).toBeUndefined();
    await service().submit(request(who, { anonymous: false }, { reporter: { telegramUserId: who, chatId: who, firstName: 'Mama Shiru', username: 'shiru_ke' } }));
    expect(await named()).toMatchObject({ firstName: 'Mama Shiru', username: 'shiru_ke' });
  });

  it("an anonymous report in another language leaves the language their named tickets show; a named one, or /lugha, changes it", async () => {
    const who = nextUser++;
    await service().submit(request(who, { anonymous: false }, { language: 'en' }));
    const language = async () => (await store.reporters.findByTelegramUser(who))!.language;
    // Written in Kiswahili, chosen without /lugha (their saved choice lost, the bot guessed from
    // their words): "now reads Swahili" on the named ticket as the anonymous one came in would pair them.
    await service().submit(request(who, { anonymous: true }, { language: 'sw' }));
    expect(await language()).toBe('en');
    await service().submit(request(who, { anonymous: false }, { language: 'sw' }));
    expect(await language()).toBe('sw');
  });

  it('a report sent again anonymously after its first send was stored (the answer lost) becomes anonymous, and never back', async () => {
    const userId = nextUser++;
    const intake = service();
    const identified = request(userId, { anonymous: false }, { phone: '+254711000444' });
    expect(await intake.submit(identified)).toMatchObject({ ok: true, created: true });
    // The reporter was told it failed (a write-concern timeout after the insert) and chose "Send anonymously".
    const again = await intake.submit({ ...identified, phone: undefined, report: { ...identified.report, anonymous: true } });
    expect(again).toMatchObject({ ok: true, created: false });
    const report = await store.models.Report.findOne({ idempotencyKey: identified.report.draftId }).lean();
    expect(report?.anonymous).toBe(true);
    expect(await store.models.ReportEvent.countDocuments({ reportId: report!._id, type: 'made_anonymous' })).toBe(1);
    // The number came with the report that is now anonymous: no report carries it, so the record does not.
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBeUndefined();
    // A later send with the number does not undo the choice.
    await intake.submit(identified);
    expect((await store.models.Report.findById(report!._id).lean())?.anonymous).toBe(true);
    expect(await store.models.ReportEvent.countDocuments({ reportId: report!._id, type: 'made_anonymous' })).toBe(1);
  });

  it('a number shared for a send that failed is not kept when the reporter then sends anonymously', async () => {
    const userId = nextUser++;
    const intake = service();
    const named = request(userId, { anonymous: false }, { phone: '+254711000666' });
    failSubmits = 1;
    expect(await intake.submit(named)).toEqual({ ok: false, reason: 'store_unavailable' });
    // "Send anonymously" on the same draft: no report carries the number, so no record does.
    expect(await intake.submit({ ...named, phone: undefined, report: { ...named.report, anonymous: true } })).toMatchObject({ ok: true, created: true });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBeUndefined();
  });

  it('a failed send with a new number and name, then sent anonymously, leaves the number and name their named ticket shows', async () => {
    const userId = nextUser++;
    const intake = service();
    expect(await intake.submit(request(userId, { anonymous: false }, { phone: '+254711000777' }))).toMatchObject({ ok: true, created: true });
    const renamed = request(userId, { anonymous: false }, { phone: '+254722000888', reporter: { telegramUserId: userId, chatId: userId, firstName: 'Mama Shiru' } });
    failSubmits = 1;
    expect(await intake.submit(renamed)).toEqual({ ok: false, reason: 'store_unavailable' });
    // The named ticket's number and name changing just before an anonymous report came in would say whose it is.
    expect(await intake.submit({ ...renamed, phone: undefined, report: { ...renamed.report, anonymous: true } })).toMatchObject({ ok: true, created: true });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string; firstName?: string }>(reporter!.identity)).toMatchObject({ phone: '+254711000777', firstName: 'Achieng' });
  });

  it('a named send whose number could not be written after the report was stored says so, and sending again anonymously keeps no number', async () => {
    const userId = nextUser++;
    const intake = service();
    // A returning reporter: their record exists, so a named report's number is written after it is stored.
    expect(await intake.submit(request(userId))).toMatchObject({ ok: true, created: true });
    const named = request(userId, { anonymous: false }, { phone: '+254711000999' });
    const real = store.reporters.refreshIdentity.bind(store.reporters);
    store.reporters.refreshIdentity = async () => {
      store.reporters.refreshIdentity = real;
      throw new Error('MongoWriteConcernError: waiting for replication timed out (simulated)');
    };
    expect(await intake.submit(named)).toEqual({ ok: false, reason: 'store_unavailable' });
    expect(await intake.submit({ ...named, phone: undefined, report: { ...named.report, anonymous: true } })).toMatchObject({ ok: true, created: false });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBeUndefined();
    expect((await store.models.Report.findOne({ idempotencyKey: named.report.draftId }).lean())?.anonymous).toBe(true);
  });

  it('a named send whose number could not be written is whole when sent again with the number', async () => {
    const userId = nextUser++;
    const intake = service();
    expect(await intake.submit(request(userId))).toMatchObject({ ok: true, created: true });
    const named = request(userId, { anonymous: false }, { phone: '+254711000123' });
    const real = store.reporters.refreshIdentity.bind(store.reporters);
    store.reporters.refreshIdentity = async () => {
      store.reporters.refreshIdentity = real;
      throw new Error('MongoWriteConcernError: waiting for replication timed out (simulated)');
    };
    expect(await intake.submit(named)).toEqual({ ok: false, reason: 'store_unavailable' });
    // Not in the queue yet: an agent taking it would find a named ticket without its number.
    const stored = await store.models.Report.findOne({ idempotencyKey: named.report.draftId }).lean();
    expect(enqueued.filter((e) => e.reportId === stored!._id.toString())).toHaveLength(0);
    expect(await intake.submit(named)).toMatchObject({ ok: true, created: false });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBe('+254711000123');
    expect(enqueued.filter((e) => e.reportId === stored!._id.toString())).toHaveLength(1);
  });

  it("a new reporter's first named report is whole at once: their record was made with its name and number, nothing is left to write after it", async () => {
    const userId = nextUser++;
    const intake = service();
    const named = request(userId, { anonymous: false }, { phone: '+254711000975' });
    const real = store.reporters.refreshIdentity.bind(store.reporters);
    store.reporters.refreshIdentity = async () => {
      store.reporters.refreshIdentity = real;
      throw new Error('MongoWriteConcernError: waiting for replication timed out (simulated)');
    };
    const result = await intake.submit(named);
    store.reporters.refreshIdentity = real;
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.created).toBe(true);
    expect(enqueued.filter((e) => e.reportId === result.reportId)).toHaveLength(1);
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open(reporter!.identity)).toEqual({ telegramUserId: userId, chatId: userId, firstName: 'Achieng', phone: '+254711000975' });
    expect(reporter?.language).toBe('sw');
  });

  it('an anonymous report keeps the number a named report of theirs was sent with: their named ticket still shows it', async () => {
    const userId = nextUser++;
    const intake = service();
    expect(await intake.submit(request(userId, { anonymous: false }, { phone: '+254711000321' }))).toMatchObject({ ok: true, created: true });
    expect(await intake.submit(request(userId, { anonymous: true }))).toMatchObject({ ok: true, created: true });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBe('+254711000321');
  });

  it('a number kept before on a record no named report carries goes at the reporter\'s next anonymous report', async () => {
    const userId = nextUser++;
    const intake = service();
    // As an older release left it: the number of a send that failed, on the record.
    const { reporter: who } = await store.reporters.upsertFromTelegram({ telegramUserId: userId, chatId: userId, firstName: 'Achieng' }, 'sw', { phone: '+254711000654' });
    expect(await intake.submit(request(userId, { anonymous: true }))).toMatchObject({ ok: true, created: true });
    const reporter = await store.reporters.findById(who._id);
    expect(store.cipher.open<{ phone?: string; firstName?: string }>(reporter!.identity)).toEqual({ telegramUserId: userId, chatId: userId, firstName: 'Achieng' });
  });

  it('says "received" when only the queued mark fails after the report was stored and queued: the outbox relay writes the mark', async () => {
    const userId = nextUser++;
    const intake = service();
    const req = request(userId);
    const markQueued = store.reports.markQueued.bind(store.reports);
    store.reports.markQueued = async () => {
      store.reports.markQueued = markQueued;
      throw new Error('MongoWriteConcernError: waiting for replication timed out (simulated)');
    };
    const result = await intake.submit(req);
    expect(result).toMatchObject({ ok: true, created: true });
    const stored = await store.models.Report.findOne({ idempotencyKey: req.report.draftId }).lean();
    expect(stored).toMatchObject({ status: 'received', queuedAt: null });
    expect(enqueued.filter((e) => e.reportId === stored!._id.toString())).toHaveLength(1);
    // The relay's pass (`findUnqueued`) queues it again under the same job id and writes the mark.
    const logger = createLogger({ level: 'silent' });
    const again: string[] = [];
    const reports = new ReportService({ store, logger, tickets: { enqueue: async (reportId) => void again.push(reportId) } });
    const unused = () => Promise.reject(new Error('not used by this pass'));
    const relay = new OutboxRelay({ store, reports, logger, graceMs: 0, tickets: { enqueue: unused, jobState: unused, remove: unused, waitingCount: unused, reprioritise: unused, jobPriorities: unused }, replies: { redeliver: unused } as never });
    expect((await relay.runOnce({ reconcile: false })).tickets).toBeGreaterThanOrEqual(1);
    expect(again).toContain(stored!._id.toString());
    expect((await store.models.Report.findById(stored!._id).lean())?.queuedAt).toBeTruthy();
    expect(await store.models.ReportEvent.countDocuments({ reportId: stored!._id, type: 'submitted' })).toBe(1);
  });

  it('refuses a report over the daily limit with the limit, storing nothing', async () => {
    const userId = nextUser++;
    const intake = service(2);
    expect((await intake.submit(request(userId))).ok).toBe(true);
    expect((await intake.submit(request(userId))).ok).toBe(true);
    expect(await intake.submit(request(userId))).toEqual({ ok: false, reason: 'daily_limit', limit: 2, retryAfterSec: expect.any(Number) });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(await store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(2);
  });

  it('a contactable report refused by the daily limit leaves no phone on the reporter\'s record', async () => {
    const userId = nextUser++;
    const intake = service(1);
    expect((await intake.submit(request(userId))).ok).toBe(true);
    const refused = await intake.submit(request(userId, { anonymous: false }, { phone: '+254711000555' }));
    expect(refused).toMatchObject({ ok: false, reason: 'daily_limit' });
    const reporter = await store.reporters.findByTelegramUser(userId);
    expect(store.cipher.open<{ phone?: string }>(reporter!.identity).phone).toBeUndefined();
  });

  it('does not count a repeated Confirm of a stored draft against the day', async () => {
    const userId = nextUser++;
    const intake = service(1);
    const req = request(userId);
    expect(await intake.submit(req)).toMatchObject({ ok: true, created: true });
    // The same draft again (the answer was lost): same reference, and the day's single report is not used twice.
    expect(await intake.submit(req)).toMatchObject({ ok: true, created: false });
    expect(await intake.submit(request(userId))).toEqual({ ok: false, reason: 'daily_limit', limit: 1, retryAfterSec: expect.any(Number) });
  });

  it('says the store is unavailable when saving fails, and gives the day’s allowance back', async () => {
    const userId = nextUser++;
    const intake = service(1);
    const req = request(userId);
    failSubmits = 1;
    expect(await intake.submit(req)).toEqual({ ok: false, reason: 'store_unavailable' });
    expect(await store.models.Report.countDocuments({ idempotencyKey: req.report.draftId })).toBe(0);
    // The refused attempt did not use the allowance: tapping Confirm again files it.
    expect(await intake.submit(req)).toMatchObject({ ok: true, created: true });
  });
});
