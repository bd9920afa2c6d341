/**
 * TriageService against the MongoDB test server: the process's cache of each report's words
 * follows the text in MongoDB when it changes (a /forget blanks the reporter's own name in their
 * reports), and the marks retention writes are no words two reports share.
 */
import { randomBytes } from 'node:crypto';
import { Translator } from '../../../src/i18n';
import { createLogger } from '../../../src/logger';
import { forgetOnRequest } from '../../../src/services/retention';
import { TriageService } from '../../../src/services/triage-service';
import { withheldMarks } from '../../../src/services/withheld-marks';
import { createStore, type NewReport, type ReportDoc, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { seedReport } from '../../support/report-fixtures';

let db: TestDb;
let store: Store;
let translator: Translator;
const logger = createLogger({ level: 'silent', name: 'triage' });

beforeAll(async () => {
  db = await connectTestDb('svc_triage');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
  translator = await Translator.create();
});

afterAll(async () => {
  await db?.drop();
});

const triage = () => new TriageService({ store, logger });
const fresh = async (r: ReportDoc) => (await store.reports.findById(r._id))!;
/** The reporter asks to be forgotten (/forget), with the marks main.ts gives retention. */
const forget = (reporterId: ReportDoc['reporterId']) => forgetOnRequest(store, reporterId, { marks: (language) => withheldMarks(translator, language) });
const seed = (over: Partial<NewReport>, firstName?: string) => seedReport(store, { when: 'now', incidentAt: new Date(Date.now() - 20 * 60_000), ...over }, { firstName });

it('reads again a report whose text was blanked after this process read it: a new link does not quote the forgotten name', async () => {
  const service = triage();
  const story = 'Police at the Likoni ferry roadblock demanded 500 shillings from every matatu driver.';
  const first = await seed({ county: 1, place: "Likoni ferry roadblock near Wanjiru's kiosk", description: { text: `I am Wanjiru. ${story}` } }, 'Wanjiru');
  // This process reads and keeps the first report's words (no link yet).
  expect(await service.link(first.report)).toEqual([]);
  await forget(first.reporter._id);
  expect((await fresh(first.report)).place).toBe("Likoni ferry roadblock near [name withheld]'s kiosk");

  const second = await seed({ county: 1, place: 'Likoni ferry roadblock', description: { text: story } }, 'Otieno');
  const links = await service.link(second.report);
  expect(links.map((l) => l.id)).toEqual([first.report._id.toString()]);
  for (const r of [second.report, first.report]) {
    const stored = (await fresh(r)).similar ?? [];
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0].reasons)).not.toMatch(/wanjiru/i);
  }
  const place = (await fresh(second.report)).similar?.[0].reasons.find((x) => x.code === 'similar_place');
  expect(place?.b).toBe("Likoni ferry roadblock near [name withheld]'s kiosk");
});

it('does not count the marks of two blanked reports as words they share', async () => {
  const story = (name: string) => `Mimi ni ${name}, nipigieni. Polisi wa Lodwar walimpiga mwendesha boda boda karibu na soko.`;
  const first = await seed({ county: 23, language: 'sw', place: 'Soko la Lodwar', description: { text: story('Akinyi') } }, 'Akinyi');
  const second = await seed({ county: 23, language: 'sw', place: 'Soko la Lodwar', description: { text: story('Chebet') } }, 'Chebet');
  await forget(first.reporter._id);
  await forget(second.reporter._id);
  const blanked = await fresh(second.report);
  expect(blanked.description.text).toBe(story('[jina limefichwa]'));

  const links = await triage().link(blanked);
  expect(links.map((l) => l.id)).toEqual([first.report._id.toString()]);
  const words = links[0].reasons.flatMap((r) => ('words' in r ? r.words : 'concepts' in r ? r.concepts : []));
  expect(words.length).toBeGreaterThan(0);
  for (const mark of ['jina', 'limefichwa']) expect(words).not.toContain(mark);
});
