/** A reporter's language and the status of their own reports, against the MongoDB test server. */
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../../src/logger';
import { ReporterService } from '../../../src/services/reporter-service';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { seedReport } from '../../support/report-fixtures';

let db: TestDb;
let store: Store;
let reporters: ReporterService;

beforeAll(async () => {
  db = await connectTestDb('svc_reporter');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
  reporters = new ReporterService({ store, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await db?.drop();
});

it('shows a report’s status only to the reporter who filed it', async () => {
  const { telegramUserId, report } = await seedReport(store);
  const { telegramUserId: other } = await seedReport(store);
  expect(await reporters.status(telegramUserId, report.reference)).toEqual({
    ok: true,
    report: { reportId: report._id.toString(), reference: report.reference, category: 'p_bribery', status: 'received', createdAt: new Date(report.createdAt), withdrawable: true },
  });
  // Someone else's reference and an unknown one look the same.
  expect(await reporters.status(other, report.reference)).toEqual({ ok: false, reason: 'not_found' });
  expect(await reporters.status(other, 'R-2222-2222')).toEqual({ ok: false, reason: 'not_found' });
  expect(await reporters.status(999_999_002, report.reference)).toEqual({ ok: false, reason: 'not_found' });
});

it('lists only open reports of the reporter', async () => {
  const { telegramUserId, report } = await seedReport(store);
  const { report: closed } = await seedReport(store, {}, { telegramUserId });
  await store.models.Report.updateOne({ _id: closed._id }, { $set: { status: 'resolved' } });
  expect((await reporters.openReports(telegramUserId)).map((r) => r.reference)).toEqual([report.reference]);
  expect(await reporters.openReports(999_999_003)).toEqual([]);
});

it('keeps a chosen language on the reporter record, and does nothing for someone who never reported', async () => {
  const { telegramUserId, reporter } = await seedReport(store);
  await reporters.setLanguage(telegramUserId, 'sw');
  expect((await store.reporters.findById(reporter._id))?.language).toBe('sw');
  await reporters.setLanguage(999_999_004, 'sw');
  expect(await store.reporters.findByTelegramUser(999_999_004)).toBeNull();
});
