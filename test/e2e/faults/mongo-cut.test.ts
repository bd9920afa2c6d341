/**
 * Fault (issue 7, 5b): the MongoDB connection drops while a reporter taps Confirm.
 *
 * The real app (`createApp`, roles bot + worker) reaches the MongoDB test server through a TCP
 * proxy (test/support/tcp-proxy.ts). The proxy watches the wire protocol and cuts every
 * connection (and refuses new ones) at the exact moment the report's `insert` passes:
 * - before it reaches MongoDB: nothing is stored;
 * - after MongoDB stored it but before the answer gets back: the write happened, the app cannot
 *   know (the honest limit of any remote write).
 * In both cases the reporter is told, in their language, that the report could not be saved and
 * to tap Confirm again, with the draft kept; once MongoDB is reachable again one more tap stores
 * (or finds) exactly one report and answers "received" with its reference. A cut after the
 * report's insert was answered (its history entries, its queued mark) is no failure of the
 * report: it is stored and its ticket job added, so the reporter is told "received" at once, and
 * the outbox relay writes what is missing once MongoDB is back. The test checks the database
 * through its own connection, not through the proxy.
 */
import type { Lang } from '../../../src/i18n';
import { eventually } from '../../support/bot-harness';
import { REDIS_URL, connectTestRedis, deleteByPrefix } from '../../support/redis';
import { TcpProxy, mongoTarget, type CutMoment } from '../../support/tcp-proxy';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, lastText, walkTo, SEND_ANONYMOUSLY } from '../bot/helpers';
import { startFaultApp, type FaultApp } from './app';

jest.setTimeout(60_000);

const CONFIRM = SEND_ANONYMOUSLY;
/** The button offered after "nothing was saved": sends the kept draft as the reporter chose. */
const RETRY: Record<Lang, string> = { en: '✅ Send again', sw: '✅ Tuma tena' };
const REFERENCE = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/;

let proxy: TcpProxy;
let f: FaultApp;

beforeAll(async () => {
  proxy = await TcpProxy.start(mongoTarget(process.env.MONGODB_URI ?? ''));
  f = await startFaultApp({ label: 'fault_mongo', roles: ['bot', 'worker'], redisUrl: REDIS_URL, mongoHostPort: `127.0.0.1:${proxy.port}` });
});

afterAll(async () => {
  proxy?.restore();
  await f?.close();
  await proxy?.close();
  // The app's Redis keys live under its own prefix on the shared Redis.
  const r = await connectTestRedis('fault_mongo_cleanup');
  if (f) await deleteByPrefix(r.redis, f.prefix);
  await r.cleanup();
});

/** What the test's own connection (not the proxy) sees for this reporter. */
async function stored(u: TelegramUser) {
  const models = f.app.store.models;
  const hash = f.app.store.cipher.lookupHash(u.id);
  const reporter = await f.db.conn.collection(models.Reporter.collection.collectionName).findOne({ lookupHash: hash });
  const reports = reporter ? await f.db.conn.collection(models.Report.collection.collectionName).find({ reporterId: reporter._id }).toArray() : [];
  const events = await f.db.conn
    .collection(models.ReportEvent.collection.collectionName)
    .find({ reportId: { $in: reports.map((r) => r._id) } })
    .toArray();
  return { reports, events };
}

type Where = 'report insert' | 'history insert' | 'queued mark';
const cases: { where: Where; moment: CutMoment; lang: Lang; landed: boolean }[] = [
  // Nothing reached MongoDB.
  { where: 'report insert', moment: 'before-request', lang: 'sw', landed: false },
  // The report was stored; the answer was lost.
  { where: 'report insert', moment: 'before-reply', lang: 'en', landed: true },
];
/** Cuts after the report's insert was answered: stored and queued, only its marks are missing. */
const afterStored: { where: Where; moment: CutMoment; lang: Lang }[] = [
  // Its "submitted" and first "queued" history entries were not written.
  { where: 'history insert', moment: 'before-request', lang: 'sw' },
  // Its queued mark was not written.
  { where: 'queued mark', moment: 'before-request', lang: 'en' },
];

function commandAt(where: Where) {
  const { Report, ReportEvent } = f.app.store.models;
  if (where === 'report insert') return { command: 'insert', collection: Report.collection.collectionName };
  if (where === 'history insert') return { command: 'insert', collection: ReportEvent.collection.collectionName };
  return { command: 'update', collection: Report.collection.collectionName };
}

/** A reporter at the review taps Confirm as the connection is cut at `where`: the chat, and where it stood before. */
async function confirmDuringCut(where: Where, moment: CutMoment, lang: Lang): Promise<{ u: TelegramUser; before: number }> {
  const u = f.tg.user({ firstName: `Cut ${where} ${moment}`, languageCode: lang });
  await walkTo(u, 'review', lang, `Polling clerk was chased away (${where}, ${moment}).`);
  const before = u.messages().length;
  const cut = proxy.cutAt(commandAt(where), moment);
  await u.press(CONFIRM[lang], { timeoutMs: 30_000 });
  await cut;
  expect(proxy.cutActive).toBe(true);
  return { u, before };
}

describe.each(cases)('MongoDB cut at the $where ($moment)', ({ where, moment, lang, landed }) => {
  it(`tells the reporter nothing was saved and to tap Confirm again (${lang}); the next tap stores exactly one report`, async () => {
    const { u, before } = await confirmDuringCut(where, moment, lang);

    // Told in their language that nothing was saved, with a Confirm button to try again.
    const failed = f.app.translator.t(lang, 'bot:submit.failed');
    expect(lastText(u)).toBe(failed);
    expect(u.buttons()).toEqual([RETRY[lang]]);
    expect(allTexts(u).slice(before).some((t) => REFERENCE.test(t))).toBe(false);

    const during = await stored(u);
    if (landed) {
      // MongoDB stored the report but the app never heard: a whole report (reference, status,
      // the reporter's story), queued by the relay once MongoDB is back. Its history may lack the
      // "submitted" entry, which was never written; see the assertions after the retry.
      expect(during.reports).toHaveLength(1);
      expect(during.reports[0]).toMatchObject({ status: 'received', language: lang });
      expect(during.reports[0].reference).toMatch(REFERENCE);
    } else {
      expect(during.reports).toHaveLength(0);
      expect(during.events).toHaveLength(0);
    }

    proxy.restore();
    // The draft was kept: the same button stores it now (the driver reconnects on demand).
    const retry = u.messages().length;
    await u.press(RETRY[lang], { timeoutMs: 30_000 });
    const told = allTexts(u)
      .slice(retry)
      .map((t) => REFERENCE.exec(t)?.[0])
      .filter((x): x is string => !!x);
    expect(told).toHaveLength(1);

    const after = await stored(u);
    expect(after.reports).toHaveLength(1);
    expect(after.reports[0].reference).toBe(told[0]);
    if (landed) expect(after.reports[0].reference).toBe(during.reports[0].reference);
    // A whole record: exactly one "submitted" entry in its history, and it is queued once.
    expect(after.events.filter((e) => e.type === 'submitted')).toHaveLength(1);
    const id = String(after.reports[0]._id);
    await eventually(async () => ['waiting', 'prioritized'].includes(await f.app.queues.tickets.queue.getJobState(id)), 'the report to be queued', 15_000);
    await eventually(async () => (await stored(u)).reports[0].queuedAt, 'queuedAt to be set', 15_000);
    expect((await stored(u)).events.filter((e) => e.type === 'queued')).toHaveLength(1);
  });
});

describe.each(afterStored)('MongoDB cut at the $where ($moment), after the report was stored', ({ where, moment, lang }) => {
  it(`tells the reporter "received" with the reference (${lang}); once MongoDB is back the relay writes its history and mark, once`, async () => {
    const { u, before } = await confirmDuringCut(where, moment, lang);
    const told = allTexts(u)
      .slice(before)
      .map((t) => REFERENCE.exec(t)?.[0])
      .filter((x): x is string => !!x);
    expect(told).toHaveLength(1);
    const during = await stored(u);
    expect(during.reports).toHaveLength(1);
    expect(during.reports[0]).toMatchObject({ reference: told[0], status: 'received', language: lang, queuedAt: null });
    const id = String(during.reports[0]._id);
    expect(['waiting', 'prioritized']).toContain(await f.app.queues.tickets.queue.getJobState(id));

    proxy.restore();
    await eventually(async () => (await stored(u)).reports[0].queuedAt, 'the relay to write the queued mark', 20_000);
    const after = await stored(u);
    expect(after.reports).toHaveLength(1);
    expect(after.events.filter((e) => e.type === 'submitted')).toHaveLength(1);
    expect(after.events.filter((e) => e.type === 'queued')).toHaveLength(1);
    expect(['waiting', 'prioritized']).toContain(await f.app.queues.tickets.queue.getJobState(id));
  });
});

describe('MongoDB unreachable before any report', () => {
  it('a new reporter still chooses a language and starts a report: the choice does not wait on MongoDB', async () => {
    const t = f.app.translator;
    const u = f.tg.user({ firstName: 'Cut first tap', languageCode: 'en' });
    proxy.cut();
    try {
      await u.sendText('/start');
      await u.press(t.t('sw', 'bot:start.kind.police'), { timeoutMs: 30_000 });
      // The category question (the wizard needs only Redis), not an apology.
      expect(lastText(u)).toContain(t.t('sw', 'bot:category.ask', { kind: t.t('sw', 'common:kind.police') }));
      await u.sendText('/lugha');
      await u.press('English', { timeoutMs: 30_000 });
      expect(allTexts(u)).toContain(t.t('en', 'bot:language.set'));
      const apologies = ['generic', 'retry', 'resend'].flatMap((k) => [t.t('en', `bot:error.${k}`), t.t('sw', `bot:error.${k}`)]);
      expect(allTexts(u).filter((x) => apologies.includes(x))).toEqual([]);
    } finally {
      proxy.restore();
    }
  });
});
