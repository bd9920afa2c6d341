/**
 * A reporter's request to be forgotten (/forget: ForgetService, retention's `forgetOnRequest`)
 * against the MongoDB test server: what goes, what stays, a repeat, and a request a crash stopped
 * half-way, finished by the next retention pass.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Types } from 'mongoose';
import { Translator } from '../../../src/i18n';
import { createLogger, type Logger } from '../../../src/logger';
import type { LiveEvent } from '../../../src/services/events';
import { ForgetService, type ForgetRequest } from '../../../src/services/forget-service';
import { ReporterService } from '../../../src/services/reporter-service';
import { TriageService } from '../../../src/services/triage-service';
import { purgeExpired } from '../../../src/services/retention';
import { withheldMarks } from '../../../src/services/withheld-marks';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { namedAs, seedReport } from '../../support/report-fixtures';

let db: TestDb;
let store: Store;
let translator: Translator;
const logs: string[] = [];
let logger: Logger;
const events: LiveEvent[] = [];
/** Every call to the language forgetter (what main.ts wires to Redis). */
const forgotten: ForgetRequest[] = [];
let failForget = 0;

function service(): ForgetService {
  const forget = async (who: ForgetRequest) => {
    if (failForget > 0) {
      failForget--;
      throw new Error('Redis connection lost (simulated)');
    }
    forgotten.push({ telegramUserId: who.telegramUserId, chatId: who.chatId });
  };
  return new ForgetService({ store, events: { publish: async (e) => void events.push(e) }, logger, marks: (language) => withheldMarks(translator, language), forget });
}

beforeAll(async () => {
  db = await connectTestDb('svc_forget');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
  translator = await Translator.create();
  logger = createLogger(
    { level: 'info', name: 'forget' },
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString());
        cb();
      },
    }),
  );
});

afterAll(async () => {
  await db?.drop();
});

/** A reporter named Wanjiru Kamau with three reports: open and named, closed and named, open and anonymous. */
async function reporterWithReports(telegramUserId: number) {
  const story = 'I am Wanjiru Kamau. The officer took 500 shillings; call me on 0712 345 678 or Otieno on 0733 111 222.';
  const who = { telegramUserId, firstName: 'Wanjiru', phone: '+254712345678' };
  const { reporter, report: open } = await seedReport(store, { description: { text: story } }, who);
  const { report: closed } = await seedReport(store, { description: { text: story } }, who);
  await store.models.Report.updateOne({ _id: closed._id }, { $set: { status: 'resolved', closedAt: new Date() } });
  const { report: anonymous } = await seedReport(store, { description: { text: story }, anonymous: true }, who);
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Wanjiru', lastName: 'Kamau' });
  return { reporter, open, closed, anonymous, story };
}

const historyOf = async (reportId: { toString(): string }) => (await store.reports.history(reportId.toString())).filter((e) => e.type === 'reporter_forgotten');

it('deletes who they are for every report, open or closed; the reports stay, marked, and the same Telegram user is then someone new', async () => {
  const telegramUserId = 810_000_001;
  const { reporter, open, closed, anonymous, story } = await reporterWithReports(telegramUserId);
  const loggedBefore = logs.length;

  expect(await service().forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 3, open: 2 });

  // The identity and the hash it was found by are gone.
  const record = await store.models.Reporter.findById(reporter._id).lean();
  expect(record).toMatchObject({ purged: true, lookupHash: `purged:${reporter._id.toString()}` });
  expect(record?.forgetAskedAt).toBeInstanceOf(Date);
  expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();
  // The language kept in Redis: by the identity, and by the chat they asked in.
  expect(forgotten.filter((w) => w.telegramUserId === telegramUserId).length).toBeGreaterThanOrEqual(1);

  for (const r of [open, closed, anonymous]) {
    const now = await store.reports.findById(r._id);
    // Never deleted: the report and its reference stay.
    expect(now?.reference).toBe(r.reference);
    expect(now?.reporterForgottenAt).toBeInstanceOf(Date);
    expect(now?.reporterUnreachable).toBe(true);
  }
  // A history line on their named reports; none on the anonymous one (its moment would link it to them).
  for (const r of [open, closed]) {
    const lines = await historyOf(r._id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: { kind: 'reporter' } });
    expect(lines[0].data).toBeUndefined();
  }
  expect(await historyOf(anonymous._id)).toEqual([]);
  expect(events).toContainEqual({ type: 'ticket', reportId: open._id.toString(), what: 'reach' });
  expect(events).toContainEqual({ type: 'queue' });
  // Their own name and number are blanked in their named reports, open and closed; someone else's stay.
  for (const r of [open, closed]) {
    const text = (await store.reports.findById(r._id))?.description.text;
    expect(text).toBe('I am [name withheld] [name withheld]. The officer took 500 shillings; call me on [phone number withheld] or Otieno on 0733 111 222.');
  }
  // An anonymous report keeps its words: a blank would show who read it before which word was their name.
  expect((await store.reports.findById(anonymous._id))?.description.text).toBe(story);

  // Counts only in the log: no name, number, Telegram id, nor report ids side by side.
  // The fields pino adds of its own (the time in ms, the pid) are left out: "712" could be in them by chance.
  const lines = logs
    .slice(loggedBefore)
    .map((l) => JSON.stringify({ ...JSON.parse(l), time: undefined, pid: undefined }))
    .join('\n');
  expect(lines).toContain('reporter_forgotten');
  for (const secret of ['Wanjiru', 'Kamau', '712', String(telegramUserId), open.reference, closed.reference, open._id.toString()]) expect(lines).not.toContain(secret);

  // Writing again: a new reporter record, never linked to the old reports.
  const { reporter: again } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Wanjiru' }, 'en');
  expect(again._id.equals(reporter._id)).toBe(false);
  const reporters = new ReporterService({ store, logger });
  expect(await reporters.status(telegramUserId, open.reference)).toEqual({ ok: false, reason: 'not_found' });
  expect(await reporters.openReports(telegramUserId)).toEqual([]);
});

it('asked again (a second tap, a retried update), does nothing more and says it is done', async () => {
  const telegramUserId = 810_000_002;
  const { open } = await reporterWithReports(telegramUserId);
  await service().forget({ telegramUserId, chatId: telegramUserId });
  const eventsBefore = events.length;
  const textBefore = (await store.reports.findById(open._id))?.description.text;

  expect(await service().forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 0, open: 0 });
  expect(await historyOf(open._id)).toHaveLength(1);
  expect((await store.reports.findById(open._id))?.description.text).toBe(textBefore);
  expect(events.slice(eventsBefore).filter((e) => e.type === 'ticket')).toEqual([]);
  // Someone who never reported: nothing to delete but the language of this chat.
  expect(await service().forget({ telegramUserId: 810_000_099, chatId: 810_000_099 })).toEqual({ ok: true, reports: 0, open: 0 });
  expect(forgotten).toContainEqual({ telegramUserId: 810_000_099, chatId: 810_000_099 });
});

it('stopped half-way (the language could not be deleted), leaves the identity to the next /forget or retention pass, which finish it', async () => {
  const telegramUserId = 810_000_003;
  const { reporter, open } = await reporterWithReports(telegramUserId);
  failForget = 1;
  await expect(service().forget({ telegramUserId, chatId: telegramUserId })).rejects.toThrow('simulated');
  // The request is recorded and the tickets say so already; the identity is still there.
  expect((await store.models.Reporter.findById(reporter._id).lean())?.forgetAskedAt).toBeInstanceOf(Date);
  expect((await store.reports.findById(open._id))?.reporterForgottenAt).toBeInstanceOf(Date);
  expect(await store.reporters.identityOf(reporter._id)).not.toBeNull();

  // The hourly pass (nothing expired: the reports are open or just closed) finishes it.
  const forget = async (who: ForgetRequest) => void forgotten.push({ telegramUserId: who.telegramUserId, chatId: who.chatId });
  const pass = await purgeExpired(store, 365, new Date(), { marks: (language) => withheldMarks(translator, language), forget });
  expect(pass.reporters).toBeGreaterThanOrEqual(1);
  expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();
  expect((await store.reports.findById(open._id))?.description.text).toContain('[name withheld]');
  expect(forgotten).toContainEqual({ telegramUserId, chatId: telegramUserId });
  expect(await historyOf(open._id)).toHaveLength(1);

  // A report stored under the record while it was being forgotten (another process's Confirm) is marked by a later pass.
  const { report: late } = await seedReport(store, {}, { telegramUserId: 810_000_077 });
  await store.models.Report.updateOne({ _id: late._id }, { $set: { reporterId: reporter._id } });
  await purgeExpired(store, 365, new Date(), { forget });
  expect((await store.reports.findById(late._id))?.reporterForgottenAt).toBeInstanceOf(Date);
  expect(await historyOf(late._id)).toHaveLength(1);
});

it('marks an anonymous report of theirs as of when it was sent, with no history line and its last change left as it was: nothing in it shares their named reports\' moment', async () => {
  const telegramUserId = 810_000_004;
  const { open, anonymous } = await reporterWithReports(telegramUserId);
  const sent = new Date(Date.now() - 2 * 86_400_000);
  const lastChanged = new Date(Date.now() - 86_400_000);
  await store.models.Report.collection.updateOne({ _id: anonymous._id }, { $set: { createdAt: sent, updatedAt: lastChanged } });
  const asked = new Date();

  await service().forget({ telegramUserId, chatId: telegramUserId });

  const after = await store.reports.findById(anonymous._id);
  expect(after?.reporterForgottenAt).toEqual(sent);
  expect(after?.updatedAt).toEqual(lastChanged);
  expect(after?.reporterUnreachable).toBe(true);
  expect((await store.reports.history(anonymous._id.toString())).filter((e) => e.at >= asked)).toEqual([]);
  // The named one is marked at the request, with its line.
  expect((await store.reports.findById(open._id))?.reporterForgottenAt?.getTime()).toBeGreaterThanOrEqual(asked.getTime());
  expect(await historyOf(open._id)).toHaveLength(1);
});

it('tells only the pages of their open named tickets that they can no longer be reached, and the queue once; nothing when only anonymous reports are theirs', async () => {
  const telegramUserId = 810_000_005;
  const { open } = await reporterWithReports(telegramUserId);
  const { report: another } = await seedReport(store, {}, { telegramUserId });
  const before = events.length;

  expect(await service().forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 4, open: 3 });

  const told = events.slice(before);
  expect(told.at(-1)).toEqual({ type: 'queue' });
  expect(told.slice(0, -1)).toHaveLength(2);
  expect(told.slice(0, -1)).toEqual(expect.arrayContaining([open, another].map((r) => ({ type: 'ticket', reportId: r._id.toString(), what: 'reach' }))));

  // Someone whose only report is anonymous: no page is told, nor the queue, at the moment they ask.
  const alone = 810_000_015;
  const { report: anonymous } = await seedReport(store, { anonymous: true }, { telegramUserId: alone });
  const quiet = events.length;
  expect(await service().forget({ telegramUserId: alone, chatId: alone })).toEqual({ ok: true, reports: 1, open: 1 });
  expect((await store.reports.findById(anonymous._id))?.reporterForgottenAt).toBeInstanceOf(Date);
  expect(events.slice(quiet)).toEqual([]);
});

describe('the same Telegram user writing while, or after, they are forgotten', () => {
  it('never reuses a record whose /forget is under way: a new one is made, the old one gives up its lookup hash and keeps its identity for the rest of the job', async () => {
    const telegramUserId = 810_000_006;
    const { reporter } = await reporterWithReports(telegramUserId);
    failForget = 1;
    await expect(service().forget({ telegramUserId, chatId: telegramUserId })).rejects.toThrow('simulated');
    const { Reporter } = store.models;
    expect((await Reporter.findById(reporter._id).lean())?.lookupHash).not.toMatch(/^purged:/);

    // A language tap, and a look-up by the bot, do not reach it.
    await store.reporters.setLanguageOf(telegramUserId, 'sw');
    expect((await Reporter.findById(reporter._id).lean())?.language).toBe('en');
    expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();

    // A new report's Confirm: a new record; who they say they are now is not written into the old one.
    const { reporter: fresh } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Wanjiru', lastName: 'Njeri' }, 'sw', { phone: '+254700000001' });
    expect(fresh._id.equals(reporter._id)).toBe(false);
    expect(fresh.forgetAskedAt).toBeUndefined();
    expect(await store.reporters.identityOf(fresh._id)).toMatchObject({ lastName: 'Njeri', phone: '+254700000001' });
    const old = await Reporter.findById(reporter._id).lean();
    expect(old?.lookupHash).toBe(`purged:${reporter._id.toString()}`);
    expect(await store.reporters.identityOf(reporter._id)).toMatchObject({ firstName: 'Wanjiru', lastName: 'Kamau', phone: '+254712345678' });
    expect((await store.reporters.findByTelegramUser(telegramUserId))?._id.equals(fresh._id)).toBe(true);
    const { reporter: again, report: late } = await seedReport(store, {}, { telegramUserId });
    expect(again._id.equals(fresh._id)).toBe(true);

    // Retention finishes the old request; the new record and its report are left alone.
    const forget = async (who: ForgetRequest) => void forgotten.push({ telegramUserId: who.telegramUserId, chatId: who.chatId });
    await purgeExpired(store, 365, new Date(), { marks: (language) => withheldMarks(translator, language), forget });
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect(await store.reporters.identityOf(fresh._id)).not.toBeNull();
    expect((await store.reports.findById(late._id))?.reporterForgottenAt ?? null).toBeNull();
    expect((await store.reporters.findByTelegramUser(telegramUserId))?._id.equals(fresh._id)).toBe(true);
  });

  it('never reuses a purged record that still holds its lookup hash (purged by an older release): a new one is made', async () => {
    const telegramUserId = 810_000_007;
    const { reporter } = await seedReport(store, {}, { telegramUserId });
    const { Reporter } = store.models;
    await Reporter.updateOne({ _id: reporter._id }, { $set: { purged: true } });
    const sealed = (await Reporter.findById(reporter._id).lean())?.identity;

    const { reporter: fresh } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Akinyi' }, 'en');
    expect(fresh._id.equals(reporter._id)).toBe(false);
    const old = await Reporter.findById(reporter._id).lean();
    expect(old).toMatchObject({ purged: true, lookupHash: `purged:${reporter._id.toString()}` });
    expect(old?.identity).toEqual(sealed);
    expect(await store.reporters.identityOf(fresh._id)).toMatchObject({ firstName: 'Akinyi' });
  });
});

/** Every text a report of theirs keeps, with its messages' and its history's: where their identity must not be. */
async function everythingKept(reportId: Types.ObjectId) {
  const report = await store.models.Report.findById(reportId).select({ reporterForgottenAt: 0, reporterUnreachable: 0, updatedAt: 0 }).lean();
  const messages = await store.models.Message.find({ reportId }).select({ updatedAt: 0 }).sort({ _id: 1 }).lean();
  const events = await store.models.ReportEvent.find({ reportId, type: { $ne: 'reporter_forgotten' } }).sort({ _id: 1 }).lean();
  return JSON.stringify({ report, messages, events });
}

it('blanks their name in any case, their username and their number from every field they or staff typed; an anonymous report keeps every word; a pass that repeats it changes nothing', async () => {
  const telegramUserId = 810_000_024;
  const who = { telegramUserId, firstName: 'Baraka', phone: '+254712345678' };
  const file = (n: string) => ({ kind: 'photo' as const, fileId: `f-${n}`, fileUniqueId: `u-${n}`, fileName: `baraka-mwangi-${n}.jpg`, caption: 'baraka mwangi at the gate, 0712 345 678', forwardedFrom: '@bmwangi_ke' });
  const typed = {
    description: { text: 'mimi ni baraka mwangi (@bmwangi_ke), nipigie 0712 345 678. Otieno 0733 111 222 aliona.', voice: { kind: 'voice' as const, fileId: 'v', fileUniqueId: 'uv', fileName: 'BARAKA.ogg', caption: 'sauti ya baraka' } },
    place: 'nje ya duka la mwangi',
    timeOfDay: 'saa nne, baraka alikuwa pale',
    reporterRole: 'on_behalf' as const,
    victim: 'kaka wa baraka, 0712345678',
    officers: { answer: 'Sgt Mwangi na baraka 0712 345 678, 84512', names: 'Sgt Mwangi na baraka', serviceNumbers: ['0712 345 678', '84512'], rank: 'Cpl', station: 'Kilimani, uliza baraka', vehiclePlates: ['GK 123A'], vehicleDescription: 'probox, mwangi aliendesha', uniform: 'kama ya baraka' },
    perpetrator: { kind: 'agents' as const, words: 'vijana wanaomjua baraka' },
    pollingStation: { name: 'Kibra Primary, uliza mwangi', code: '0712345678' },
    passedOn: [{ text: 'kwa baraka: lipa au', from: 'Baraka Mwangi' }],
    evidence: [file('1'), file('2')],
    referral: { agency: 'IPOA' as const, note: 'baraka mwangi agreed, 0712345678' },
  };
  const { reporter, report } = await seedReport(store, typed, who);
  const { report: anonymous } = await seedReport(store, { ...typed, anonymous: true }, who);
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Baraka', lastName: 'Mwangi', username: 'bmwangi_ke' });
  for (const r of [report, anonymous]) {
    await store.messages.addIncoming(r._id, { text: 'BARAKA tena', media: { ...file('3'), kind: 'document' }, passedOn: { from: 'baraka mwangi' } });
    await store.messages.addOutgoing(r._id, { text: 'Asante baraka', texts: { en: 'Thank you baraka', sw: 'Asante baraka, tutakupigia 0712345678' } });
    await store.reports.addEvent(r._id, 'note', { kind: 'system' }, { text: 'called baraka mwangi' });
    await store.reports.addEvent(r._id, 'status_changed', { kind: 'system' }, { from: 'in_progress', to: 'waiting_reporter', note: 'asked baraka for the plate' });
    await store.reports.addEvent(r._id, 'referred', { kind: 'system' }, { from: 'in_progress', to: 'referred', agency: 'IPOA', note: 'mwangi said yes' });
  }
  const anonymousBefore = await everythingKept(anonymous._id);
  // The first attempt stops after the blanking (the language could not be deleted); the next pass blanks again.
  failForget = 1;
  await expect(service().forget({ telegramUserId, chatId: telegramUserId })).rejects.toThrow('simulated');
  const once = await everythingKept(report._id);
  expect(once.replace(/Sgt Mwangi/g, '').match(/baraka|mwangi|bmwangi|7\D{0,3}1\D{0,3}2\D{0,3}3\D{0,3}4\D{0,3}5\D{0,3}6\D{0,3}7\D{0,3}8/gi)).toBeNull();
  // Each field is marked where their words were; someone else's name and number, the plate and tapped codes stay.
  const after = (await store.reports.findById(report._id))!;
  expect(after.description.text).toBe('mimi ni [name withheld] [name withheld] ([name withheld]), nipigie [phone number withheld]. Otieno 0733 111 222 aliona.');
  expect(after.officers).toMatchObject({ answer: 'Sgt Mwangi na [name withheld] [phone number withheld], 84512', names: 'Sgt Mwangi na [name withheld]', serviceNumbers: ['[phone number withheld]', '84512'], vehiclePlates: ['GK 123A'] });
  expect(after.evidence.map((e) => e.caption)).toEqual(['[name withheld] [name withheld] at the gate, [phone number withheld]', '[name withheld] [name withheld] at the gate, [phone number withheld]']);
  expect(after.timeOfDay).toBe('saa nne, [name withheld] alikuwa pale');
  expect(after.pollingStation).toEqual({ name: 'Kibra Primary, uliza [name withheld]', code: '[phone number withheld]' });
  const history = await store.reports.history(report._id);
  expect(history.find((e) => e.type === 'status_changed')?.data).toEqual({ from: 'in_progress', to: 'waiting_reporter', note: 'asked [name withheld] for the plate' });

  const forget = async (w: ForgetRequest) => void forgotten.push({ telegramUserId: w.telegramUserId, chatId: w.chatId });
  await purgeExpired(store, 365, new Date(), { marks: (language) => withheldMarks(translator, language), forget });
  expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  expect(await everythingKept(report._id)).toBe(once);
  expect(await everythingKept(anonymous._id)).toBe(anonymousBefore);
});

it("keeps the victim they reported for as they named them, though the victim shares their family name; their own name, number, username and email go", async () => {
  const telegramUserId = 810_000_054;
  const who = { telegramUserId, firstName: 'Grace', phone: '+254712300054' };
  const story = 'Men who said they were police took my son Brian Kamau at Githurai market. I am Grace Kamau (@gracekamau, grace.k54@gmail.com), call 0712 300 054. Kamau is our family name.';
  const victim = 'My son Brian Kamau, 19';
  const { report } = await seedReport(store, { category: 'p_disappear', reporterRole: 'on_behalf', victim, description: { text: story }, officers: { names: 'Sgt Kamau' } }, who);
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Grace', lastName: 'Kamau', username: 'gracekamau' });
  const later = await store.messages.addIncoming(report._id, { text: 'Brian Kamau is still missing. Grace Kamau' });
  const note = await store.messages.addOutgoing(report._id, { text: 'Mama Kamau, has Brian Kamau called?' });

  await service().forget({ telegramUserId, chatId: telegramUserId });

  const after = (await store.reports.findById(report._id))!;
  expect(after.victim).toBe(victim);
  expect(after.description.text).toBe('Men who said they were police took my son Brian Kamau at Githurai market. I am [name withheld] [name withheld] ([name withheld], [email address withheld]), call [phone number withheld]. [name withheld] is our family name.');
  expect(after.officers?.names).toBe('Sgt Kamau');
  expect((await store.messages.findById(later._id))?.text).toBe('Brian Kamau is still missing. [name withheld] [name withheld]');
  expect((await store.messages.findById(note._id))?.text).toBe('Mama [name withheld], has Brian Kamau called?');
});

it('takes their name out of the shared words of links to their reports, written in lower case there as the linker keeps words', async () => {
  const telegramUserId = 810_000_034;
  const at = { county: 35, when: 'now' as const, incidentAt: new Date(Date.now() - 20 * 60_000), place: 'Kericho market' };
  const { report: own } = await seedReport(store, { ...at, description: { text: 'I am Wanjiru Kamau. Police officers beat me at Kericho market and took my phone and 2,000 shillings.' } }, { telegramUserId, firstName: 'Wanjiru' });
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Wanjiru', lastName: 'Kamau' });
  // A witness names her too: the link's shared words hold "wanjiru".
  const { report: witness } = await seedReport(store, { ...at, description: { text: 'Police officers beat Wanjiru the vegetable seller at Kericho market and took her phone and 2,000 shillings.' } });
  await new TriageService({ store, logger }).link(witness);
  const wordsOf = async (r: { _id: Types.ObjectId }) => {
    const reasons = (await store.reports.findById(r._id))?.similar?.[0]?.reasons ?? [];
    return reasons.flatMap((x) => [x.words, x.concepts].flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [])));
  };
  for (const r of [own, witness]) expect(await wordsOf(r)).toEqual(expect.arrayContaining(['wanjiru', 'kericho']));

  await service().forget({ telegramUserId, chatId: telegramUserId });
  for (const r of [own, witness]) {
    const words = await wordsOf(r);
    expect(words).toContain('kericho');
    expect(words).not.toContain('wanjiru');
  }
  // The witness's own story is theirs: it keeps the name.
  expect((await store.reports.findById(witness._id))?.description.text).toContain('Wanjiru');
});

it('blanks the email addresses they wrote to us, in their story, their messages and staff\'s words quoting them; an address only staff or someone forwarded wrote, and an anonymous report, stay', async () => {
  const telegramUserId = 810_000_044;
  const who = { telegramUserId, firstName: 'Achieng', phone: '+254712300044' };
  const story = 'Police took my phone at Kondele. Email me at achieng.o88@gmail.com, the phone is gone.';
  const { report } = await seedReport(store, { description: { text: story } }, who);
  const { report: anonymous } = await seedReport(store, { description: { text: story }, anonymous: true }, who);
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Achieng' });
  const work = await store.messages.addIncoming(report._id, { text: 'Or at work: A.Odhiambo@Kplc.co.ke' });
  const forwarded = await store.messages.addIncoming(report._id, { text: 'Lipa kwa chief.kondele@gmail.com', passedOn: { from: 'Chief Kondele' } });
  const answer = await store.messages.addOutgoing(report._id, { text: 'We will write to ACHIENG.O88@GMAIL.COM. IPOA reads complaints@ipoa.go.ke too.' });
  await store.reports.addEvent(report._id, 'note', { kind: 'system' }, { text: 'Sent the form to a.odhiambo@kplc.co.ke' });
  const anonymousBefore = await everythingKept(anonymous._id);

  await service().forget({ telegramUserId, chatId: telegramUserId });

  expect((await store.reports.findById(report._id))?.description.text).toBe('Police took my phone at Kondele. Email me at [email address withheld], the phone is gone.');
  expect((await store.messages.findById(work._id))?.text).toBe('Or at work: [email address withheld]');
  expect((await store.messages.findById(answer._id))?.text).toBe('We will write to [email address withheld]. IPOA reads complaints@ipoa.go.ke too.');
  expect((await store.reports.history(report._id)).find((e) => e.type === 'note')?.data).toEqual({ text: 'Sent the form to [email address withheld]' });
  // Someone else's words passed on, and an anonymous report's, are not theirs to blank.
  expect((await store.messages.findById(forwarded._id))?.text).toBe('Lipa kwa chief.kondele@gmail.com');
  expect(await everythingKept(anonymous._id)).toBe(anonymousBefore);
  expect(JSON.stringify(await everythingKept(report._id))).not.toMatch(/o88|odhiambo@/i);
});

it('blanks an address they wrote in a Swahili story, the place, the officers\' details and a later message, and keeps an @ written as "at" (a place, a time, a price)', async () => {
  const telegramUserId = 810_000_045;
  const who = { telegramUserId, firstName: 'Wanjiku', phone: '+254712300045' };
  const { report } = await seedReport(
    store,
    {
      language: 'sw',
      description: { text: 'Walinikamata @ kituo cha polisi saa 4@10.30 usiku, wakataka kreti 2@150.00. Niandikie wanjiku.m@gmail.com.' },
      place: 'Kituo @Kisumu, uliza wanjiku.m@gmail.com',
      officers: { answer: 'Sgt Ouma, j_otieno@yahoo.co.ke anamjua', names: 'Sgt Ouma', station: 'Kisumu Central, tuma kwa j_otieno@yahoo.co.ke' },
    },
    who,
  );
  const later = await store.messages.addIncoming(report._id, { text: 'Au J_Otieno@Yahoo.co.ke. Tuonane kesho@8.30 @ the stage.' });

  await service().forget({ telegramUserId, chatId: telegramUserId });

  const after = await store.reports.findById(report._id);
  expect(after?.description.text).toBe('Walinikamata @ kituo cha polisi saa 4@10.30 usiku, wakataka kreti 2@150.00. Niandikie [barua pepe imefichwa].');
  expect(after?.place).toBe('Kituo @Kisumu, uliza [barua pepe imefichwa]');
  expect(after?.officers?.answer).toBe('Sgt Ouma, [barua pepe imefichwa] anamjua');
  expect(after?.officers?.station).toBe('Kisumu Central, tuma kwa [barua pepe imefichwa]');
  expect((await store.messages.findById(later._id))?.text).toBe('Au [barua pepe imefichwa]. Tuonane kesho@8.30 @ the stage.');
});

const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

/**
 * Wanjiru Kamau, who wrote her name in lower case, with one report closed long ago and not seen
 * for weeks: the routine purge would take her on the next pass.
 */
async function expiringReporter(telegramUserId: number) {
  const { reporter, report } = await seedReport(store, { description: { text: 'mimi ni wanjiru kamau, nipigie 0712 345 678.' } }, { telegramUserId, firstName: 'Wanjiru', phone: '+254712345678' });
  await namedAs(store, { telegramUserId, chatId: telegramUserId, firstName: 'Wanjiru', lastName: 'Kamau' });
  await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved', closedAt: daysAgo(60) } });
  await store.models.Reporter.updateOne({ _id: reporter._id }, { $set: { seenAt: daysAgo(60) } });
  return { reporter, report };
}

it('stopped once the request was recorded, with every report of theirs expiring on the next pass: that pass finishes it as they asked (their name in any case), not as the routine purge would', async () => {
  const { reporter, report } = await expiringReporter(810_000_044);
  // /forget died right after step 1 (the request on the record), before any report was marked or blanked.
  await store.reporters.askedToForget(reporter._id, now);
  // Another whose request was left more than a week ago (the passes that would finish it failed): the routine purge still does.
  const { reporter: older, report: olderReport } = await seedReport(store, { description: { text: 'mimi ni akinyi, nipigie 0722 000 111.' } }, { telegramUserId: 810_000_046, firstName: 'Akinyi', phone: '+254722000111' });
  await store.models.Report.updateOne({ _id: olderReport._id }, { $set: { status: 'resolved', closedAt: daysAgo(60) } });
  await store.models.Reporter.updateOne({ _id: older._id }, { $set: { seenAt: daysAgo(60) } });
  await store.reporters.askedToForget(older._id, daysAgo(10));

  const forget = async (w: ForgetRequest) => void forgotten.push({ telegramUserId: w.telegramUserId, chatId: w.chatId });
  await purgeExpired(store, 30, now, { marks: (language) => withheldMarks(translator, language), forget });

  expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  const after = await store.reports.findById(report._id);
  expect(after?.reporterForgottenAt).toBeInstanceOf(Date);
  expect(after?.description.text).toBe('mimi ni [name withheld] [name withheld], nipigie [phone number withheld].');
  expect(await store.reporters.identityOf(older._id)).toBeNull();
  expect((await store.reports.findById(olderReport._id))?.description.text).toBe('mimi ni [name withheld], nipigie [phone number withheld].');
});

it('asked while the routine purge is taking the same reporter (it read them just before): the routine purge leaves the identity to the request, which blanks as they asked', async () => {
  const { reporter, report } = await expiringReporter(810_000_045);
  // Their /forget records the request just after the routine purge read the record, as it reads their identity.
  const identityOf = store.reporters.identityOf.bind(store.reporters);
  const spy = jest.spyOn(store.reporters, 'identityOf').mockImplementationOnce(async (id) => {
    await store.reporters.askedToForget(reporter._id, now);
    return identityOf(id);
  });

  const forget = async (w: ForgetRequest) => void forgotten.push({ telegramUserId: w.telegramUserId, chatId: w.chatId });
  try {
    await purgeExpired(store, 30, now, { marks: (language) => withheldMarks(translator, language), forget });
  } finally {
    spy.mockRestore();
  }

  expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  expect((await store.reports.findById(report._id))?.description.text).toBe('mimi ni [name withheld] [name withheld], nipigie [phone number withheld].');
});

describe('an identity sealed under a key no longer in DATA_KEY', () => {
  /** The log lines written since `from`, without what pino adds of its own (the time, the pid: digits that could match by chance). */
  const logsSince = (from: number) => logs.slice(from).map((l) => JSON.stringify({ ...JSON.parse(l), time: undefined, pid: undefined })).join('\n');

  it('/forget still blanks the email addresses they wrote (they need no identity), purges the record, and logs that their name could not be blanked, without naming them', async () => {
    const telegramUserId = 810_000_050;
    const who = { telegramUserId, firstName: 'Nafula', phone: '+254712300050' };
    const story = 'Nafula here. Email me at nafula.w88@gmail.com, they took my phone.';
    const { reporter, report } = await seedReport(store, { description: { text: story } }, who);
    const { report: anonymous } = await seedReport(store, { description: { text: story }, anonymous: true }, who);
    const later = await store.messages.addIncoming(report._id, { text: 'Or at work: nafula@kplc.co.ke' });
    // Sealed under a key an operator has since taken out of DATA_KEY: the record is found by its hash, its identity cannot be opened.
    await store.models.Reporter.updateOne({ _id: reporter._id }, { $set: { 'identity.k': 'k0' } });
    await expect(store.reporters.identityOf(reporter._id)).rejects.toThrow(/no data key with id k0/);
    const loggedBefore = logs.length;

    expect(await service().forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 2, open: 2 });

    // The addresses go; the name stays, as nothing says which words are it.
    expect((await store.reports.findById(report._id))?.description.text).toBe('Nafula here. Email me at [email address withheld], they took my phone.');
    expect((await store.messages.findById(later._id))?.text).toBe('Or at work: [email address withheld]');
    expect((await store.reports.findById(anonymous._id))?.description.text).toBe(story);
    expect(await store.models.Reporter.findById(reporter._id).lean()).toMatchObject({ purged: true });
    expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();
    const lines = logsSince(loggedBefore);
    expect(lines).toContain('"outcome":"name_not_blanked"');
    for (const secret of ['Nafula', 'nafula', '712300050', String(telegramUserId), report.reference, reporter._id.toString()]) expect(lines).not.toContain(secret);
  });

  it('the routine retention pass still blanks the email addresses they wrote into an expired named report, and logs that their name could not be blanked', async () => {
    // The record written while the old key was the first; that key has since been removed.
    const before = createStore(db.conn, [{ id: 'k0', key: randomBytes(32) }]);
    const telegramUserId = 810_000_051;
    const { reporter, report } = await seedReport(before, { description: { text: 'Chebet here, write to chebet.k@yahoo.com.' } }, { telegramUserId, firstName: 'Chebet', phone: '+254712300051' });
    await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved', closedAt: daysAgo(60) } });
    await store.models.Reporter.updateOne({ _id: reporter._id }, { $set: { seenAt: daysAgo(60) } });
    const loggedBefore = logs.length;

    await purgeExpired(store, 30, now, { marks: (language) => withheldMarks(translator, language), logger });

    expect((await store.reports.findById(report._id))?.description.text).toBe('Chebet here, write to [email address withheld].');
    expect(await store.models.Reporter.findById(reporter._id).lean()).toMatchObject({ purged: true });
    const lines = logsSince(loggedBefore);
    expect(lines).toContain('"outcome":"name_not_blanked"');
    for (const secret of ['Chebet', 'chebet', '712300051', String(telegramUserId), report.reference, reporter._id.toString()]) expect(lines).not.toContain(secret);
  });
});
