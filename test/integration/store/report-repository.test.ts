import { randomUUID } from 'node:crypto';
import { connectTestDb } from '../../support/db';
import { createStore, type Store, type WaitingCursor } from '../../../src/store';
import { purgeExpired, purgeLaterFilesOfPurged } from '../../../src/services/retention';
import { seedReport } from '../../support/report-fixtures';
import { Types, type Connection } from 'mongoose';

const keys = [{ id: 'k1', key: Buffer.alloc(32, 3) }];
let db: Awaited<ReturnType<typeof connectTestDb>>;
let conn: Connection;
let store: Store;

beforeAll(async () => {
  db = await connectTestDb('store');
  conn = db.conn;
  store = createStore(conn, keys);
  await store.ready();
});
afterAll(() => db.drop());

describe('reports', () => {
  it('stores one report per idempotency key, however often it is submitted', async () => {
    const key = randomUUID();
    const { reporter } = await seedReport(store);
    const input = {
      idempotencyKey: key, reporterId: reporter._id, language: 'sw' as const, kind: 'election' as const, category: 'e_bribery',
      description: { text: 'Pesa zinagawanywa nje ya kituo' }, county: 42, when: 'now' as const, incidentAt: new Date(),
      dangerNow: false, anonymous: true, evidence: [], priority: 3 as const,
    };
    const results = await Promise.all([store.reports.create(input), store.reports.create(input), store.reports.create(input)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.report.reference)).size).toBe(1);
    expect(await store.models.Report.countDocuments({ idempotencyKey: key })).toBe(1);
    expect(results[0].report.reference).toMatch(/^R-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('stores a report exactly as mongoose\'s own create would, and still refuses an invalid one', async () => {
    const { reporter } = await seedReport(store);
    const input = {
      reporterId: reporter._id, language: 'en' as const, kind: 'police' as const, category: 'p_bribery',
      description: { text: 'He took 500 shillings' }, county: 47, when: 'today' as const, incidentAt: new Date('2026-11-01T08:00:00Z'),
      dangerNow: true, anonymous: false, priority: 1 as const, place: 'Kencom stage',
      evidence: [{ kind: 'photo' as const, fileId: 'f1', fileUniqueId: 'u1', size: 10 }],
    };
    // Nothing deprecated on the way (mongoose warns once per call, on every report).
    const warn = jest.spyOn(process, 'emitWarning');
    let warned: unknown[][] = [];
    const { report } = await store.reports.create({ ...input, idempotencyKey: randomUUID() }).finally(() => {
      warned = [...warn.mock.calls];
      warn.mockRestore();
    });
    expect(warned).toEqual([]);
    const viaCreate = await store.models.Report.create({ ...input, idempotencyKey: randomUUID(), reference: 'R-2222-3333', status: 'received' });
    const raw = (id: unknown) => conn.collection('reports').findOne({ _id: id as never });
    const strip = ({ _id: _i, idempotencyKey: _k, reference: _r, createdAt, updatedAt, ...rest }: Record<string, unknown>) => {
      expect(createdAt).toBeInstanceOf(Date);
      expect(updatedAt).toEqual(createdAt);
      return rest;
    };
    const ours = strip((await raw(report._id))!);
    expect(ours).toEqual(strip((await raw(viaCreate._id))!));
    expect(ours).toMatchObject({ __v: 0, status: 'received', queuedAt: null, escalations: 0, description: { text: 'He took 500 shillings' } });
    // What the caller gets is what was stored.
    expect(strip(report as unknown as Record<string, unknown>)).toEqual(ours);

    const key = randomUUID();
    await expect(store.reports.create({ ...input, county: 48, idempotencyKey: key })).rejects.toThrow(/county/);
    expect(await store.models.Report.countDocuments({ idempotencyKey: key })).toBe(0);
  });

  it('draws a new reference when one is already taken', async () => {
    const { report } = await seedReport(store);
    const refs = [report.reference, 'R-2345-6789'];
    const { ReportRepository } = await import('../../../src/store/report-repository');
    const repo = new ReportRepository(store.models.Report, store.models.ReportEvent, () => refs.shift() ?? 'R-ZZZZ-ZZZZ');
    const { reporterId, language, kind, category, description, county, when, incidentAt, dangerNow, anonymous, evidence, priority } = report;
    const { report: second } = await repo.create({ reporterId, language, kind, category, description, county, when, incidentAt, dangerNow, anonymous, evidence, priority, idempotencyKey: randomUUID() });
    expect(second.reference).toBe('R-2345-6789');
  });

  it('only allows transitions from the table, atomically', async () => {
    const { report } = await seedReport(store);
    const agent = '64b000000000000000000001';
    expect(await store.reports.transition(report._id, 'resolved', { kind: 'agent', agentId: agent })).toBeNull();
    const takes = await Promise.all([1, 2, 3].map(() => store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent }, { assignee: agent })));
    expect(takes.filter(Boolean)).toHaveLength(1);
    expect(await store.reports.transition(report._id, 'in_progress', { kind: 'agent', agentId: agent }, { requireAssignee: '64b000000000000000000002' })).toBeNull();
    expect(await store.reports.transition(report._id, 'in_progress', { kind: 'agent', agentId: agent }, { requireAssignee: agent })).not.toBeNull();
    const history = await store.reports.history(report._id);
    expect(history.map((e) => e.type)).toEqual(['submitted', 'assigned', 'status_changed']);
    expect(await store.reports.countAssignedTo(agent)).toBe(1);
  });

  it('keeps the first time notices were left owed, so a ticket changed again does not go to the back of the relay\'s list', async () => {
    const { report } = await seedReport(store);
    const agent = '64b000000000000000000001';
    const owe = (key: string) => [{ _id: new Types.ObjectId(), key }];
    await store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent }, { assignee: agent });
    await store.reports.transition(report._id, 'referred', { kind: 'agent', agentId: agent }, { referral: { agency: 'IPOA' }, notices: owe('notices:referred') });
    const first = (await store.reports.findById(report._id))!.noticesOwedAt!;
    await store.reports.transition(report._id, 'resolved', { kind: 'agent', agentId: agent }, { notices: owe('notices:resolved') });
    const after = (await store.reports.findById(report._id))!;
    expect(after.noticesOwed?.map((n) => n.key)).toEqual(['notices:referred', 'notices:resolved']);
    expect(after.noticesOwedAt).toEqual(first);
  });

  it('lists a reporter\'s open reports newest first, without closed ones', async () => {
    const { reporter, telegramUserId } = await seedReport(store);
    const second = await seedReport(store, {}, { telegramUserId });
    const third = await seedReport(store, {}, { telegramUserId });
    await store.reports.transition(third.report._id, 'withdrawn', { kind: 'reporter' });
    const open = await store.reports.findOpenByReporter(reporter._id);
    expect(open.map((r) => r.reference)).toEqual([second.report.reference, open[1].reference]);
    expect(open).toHaveLength(2);
  });

  it('lists "submitted" before "queued" when a report is stored and queued within one millisecond', async () => {
    // The clock stands still (a Confirm quicker than a millisecond); the report's id has the
    // process bytes that make the derived "queued" entry's id sort before the report's own.
    jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'], now: Date.now() });
    try {
      const hex = new Types.ObjectId().toHexString();
      const id = new Types.ObjectId(`${hex.slice(0, 8)}ff${hex.slice(10)}`);
      await store.reports.markQueued(id, { _id: id, priority: 3, createdAt: new Date() });
      expect((await store.reports.history(id)).map((e) => e.type)).toEqual(['submitted', 'queued']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('finds reports that were stored but never queued', async () => {
    const { report } = await seedReport(store);
    expect((await store.reports.findUnqueued(1000)).map((r) => r.reference)).toContain(report.reference);
    await store.reports.markQueued(report._id);
    expect((await store.reports.findUnqueued(1000)).map((r) => r.reference)).not.toContain(report.reference);
  });
});

describe('waiting tickets, page by page', () => {
  it('lists each waiting ticket once, oldest queued first, even when several were queued at the same instant', async () => {
    const reports = await Promise.all([0, 1, 2, 3, 4].map(async () => (await seedReport(store)).report));
    // Queued long ago (other tests' tickets are left out by the cut-off), three of them at one instant.
    const at = (s: number) => new Date(Date.UTC(2001, 0, 1, 0, 0, s));
    const queuedAt = [at(2), at(1), at(1), at(1), at(0)];
    for (const [i, r] of reports.entries()) await store.models.Report.updateOne({ _id: r._id }, { $set: { queuedAt: queuedAt[i] } });
    await store.models.Report.updateOne({ _id: reports[3]._id }, { $set: { status: 'in_progress' } }); // taken: not waiting
    const before = at(10);

    const seen: string[] = [];
    let after: WaitingCursor | undefined;
    for (let page = 0; page < 5; page++) {
      const got = await store.reports.findQueuedWaiting(2, before, after);
      seen.push(...got.map((r) => r._id.toString()));
      if (got.length < 2) break;
      after = got[got.length - 1];
    }
    const ids = (i: number[]) => i.map((n) => reports[n]._id.toString());
    const sameInstant = ids([1, 2]).sort();
    expect(seen).toEqual([...ids([4]), ...sameInstant, ...ids([0])]);
  });
});

describe('reporters', () => {
  it('keeps identity encrypted at rest and finds it by keyed hash', async () => {
    const { reporter, telegramUserId } = await seedReport(store, {}, { firstName: 'Nyokabi', phone: '+254711223344' });
    const raw = await conn.db!.collection('reporters').findOne({ _id: reporter._id });
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain('Nyokabi');
    expect(rawText).not.toContain('254711223344');
    expect(rawText).not.toContain(String(telegramUserId));
    expect(await store.reporters.identityOf(reporter._id)).toMatchObject({ firstName: 'Nyokabi', phone: '+254711223344', chatId: telegramUserId });
    expect((await store.reporters.findByTelegramUser(telegramUserId))?._id.toString()).toBe(reporter._id.toString());
  });

  it('still finds and reads reporters after the data key is rotated, and re-seals them', async () => {
    const { reporter, telegramUserId } = await seedReport(store, {}, { firstName: 'Kamau' });
    const rotated = createStore(conn, [{ id: 'k2', key: Buffer.alloc(32, 9) }, ...keys]);
    const found = await rotated.reporters.findByTelegramUser(telegramUserId);
    expect(found?._id.toString()).toBe(reporter._id.toString());
    expect(await rotated.reporters.identityOf(reporter._id)).toMatchObject({ firstName: 'Kamau' });
    await rotated.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Kamau' }, 'en');
    const raw = await conn.db!.collection('reporters').findOne({ _id: reporter._id });
    expect(raw?.identity.k).toBe('k2');
    expect((await rotated.reporters.findByTelegramUser(telegramUserId))?._id.toString()).toBe(reporter._id.toString());
  });

  it('finds a record again as a report comes in without writing its names, language or phone: only a stored named report does', async () => {
    const telegramUserId = 888_000_321;
    const { reporter: first } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Wairimu' }, 'en', { phone: '+254711000135' });
    expect(await store.reporters.identityOf(first._id)).toMatchObject({ firstName: 'Wairimu', phone: '+254711000135' });
    // Her next Confirm, with a new Telegram name, a new number and Swahili: nothing of it is kept before the report is stored.
    const renamed = { telegramUserId, chatId: telegramUserId, firstName: 'Mama Wairimu', username: 'mama_wairimu' };
    const { reporter: found } = await store.reporters.upsertFromTelegram(renamed, 'sw', { phone: '+254722000246' });
    expect(found._id.equals(first._id)).toBe(true);
    expect(await store.reporters.identityOf(first._id)).toEqual({ telegramUserId, chatId: telegramUserId, firstName: 'Wairimu', phone: '+254711000135' });
    expect((await store.reporters.findById(first._id))?.language).toBe('en');
    // The named report stored: the record takes them.
    await store.reporters.refreshIdentity(found, renamed, 'sw', '+254722000246');
    expect(await store.reporters.identityOf(first._id)).toEqual({ ...renamed, phone: '+254722000246' });
    expect((await store.reporters.findById(first._id))?.language).toBe('sw');
  });

  it('creates one reporter when two first messages race', async () => {
    const telegramUserId = 888_000_123;
    const made = await Promise.all([1, 2, 3].map(() => store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Achieng' }, 'sw')));
    expect(new Set(made.map((r) => r.reporter._id.toString())).size).toBe(1);
    expect(made.filter((r) => r.created)).toHaveLength(1);
  });
});

describe('retention', () => {
  it('purges evidence and identity of tickets closed longer ago than the setting, and nothing else', async () => {
    const ev = [{ kind: 'photo' as const, fileId: 'AgAC-photo', fileUniqueId: 'u1', size: 1000 }];
    const passedOn = [{ text: 'Kesho tunawafukuza wote, msipige kura', from: 'Sauti ya Mtaa (@sautiyamtaa)', sentAt: new Date(Date.now() - 50 * 86400_000) }];
    const old = await seedReport(store, { evidence: ev, passedOn, kind: 'election', category: 'e_hate', victim: 'Mama Achieng', perpetrator: { kind: 'agents', words: 'Councillor Odhiambo\'s youths' } }, { firstName: 'Wekesa', phone: '+254722000111' });
    const recent = await seedReport(store, { evidence: ev, passedOn });
    const open = await seedReport(store, { evidence: ev });
    for (const r of [old, recent]) await store.reports.transition(r.report._id, 'rejected', { kind: 'system' });
    await store.models.Report.updateOne({ _id: old.report._id }, { $set: { closedAt: new Date(Date.now() - 40 * 86400_000) } });
    await lastSeen(old.reporter._id, 40);
    // A voice note the reporter sent later in the conversation, on each closed report.
    const voice = { kind: 'voice' as const, fileId: 'AwAC-voice', fileUniqueId: 'v1', size: 4000, durationSec: 6 };
    const oldVoice = await store.messages.addIncoming(old.report._id, { text: 'my voice', media: voice });
    const recentVoice = await store.messages.addIncoming(recent.report._id, { media: voice });
    // And a place shared later ("where are you now?"), stored as the bot keeps it.
    const place = '📍 Mama Lucy shop, Kayole\n-1.27500, 36.91000 https://www.openstreetmap.org/?mlat=-1.27500&mlon=36.91000#map=17/-1.27500/36.91000';
    const oldPlace = await store.messages.addIncoming(old.report._id, { text: place });
    // And a message forwarded to the ticket later: who first sent it names someone else.
    const forwardedLater = await store.messages.addIncoming(old.report._id, { text: 'Wote watoke kesho', passedOn: { from: 'Kamau Mwangi', sentAt: new Date() } });
    const recentForwarded = await store.messages.addIncoming(recent.report._id, { text: 'Wote watoke kesho', passedOn: { from: 'Kamau Mwangi' } });
    const recentPlace = await store.messages.addIncoming(recent.report._id, { text: place });

    const result = await purgeExpired(store, 30);
    expect((await store.messages.findById(oldVoice._id))?.media).toBeUndefined();
    expect((await store.messages.findById(oldVoice._id))?.text).toBe('my voice');
    expect((await store.messages.findById(recentVoice._id))?.media).toMatchObject({ fileId: 'AwAC-voice' });
    expect((await store.messages.findById(oldPlace._id))?.text).toBe('📍');
    expect((await store.messages.findById(recentPlace._id))?.text).toBe(place);
    expect((await store.messages.findById(forwardedLater._id))?.passedOn).toBeUndefined();
    expect((await store.messages.findById(recentForwarded._id))?.passedOn).toEqual({ from: 'Kamau Mwangi' });
    expect(result.reports).toBeGreaterThanOrEqual(1);
    const after = await store.reports.findById(old.report._id);
    expect(after?.evidence).toEqual([]);
    expect(after?.purgedAt).toBeInstanceOf(Date);
    expect(after?.category).toBe('e_hate');
    // Words that can name a person go; the kind of actor stays for the statistics.
    expect(after?.victim).toBeUndefined();
    expect(after?.perpetrator).toEqual({ kind: 'agents' });
    // Someone else's words forwarded (and who sent them) go with the files; a recent report keeps them.
    expect(after?.passedOn).toBeUndefined();
    expect((await store.reports.findById(recent.report._id))?.passedOn).toEqual(passedOn);
    expect(await store.reporters.identityOf(old.reporter._id)).toBeNull();
    expect(await store.reporters.findByTelegramUser(old.telegramUserId)).toBeNull();
    expect((await store.reports.findById(recent.report._id))?.evidence).toHaveLength(1);
    expect((await store.reports.findById(open.report._id))?.evidence).toHaveLength(1);
    expect(await store.reporters.identityOf(recent.reporter._id)).not.toBeNull();
    expect((await store.reports.history(old.report._id)).map((e) => e.type)).toContain('purged');
  });

  it('a story told in a voice note with words written after it keeps the words and a mark that it was spoken too', async () => {
    const voice = { kind: 'voice' as const, fileId: 'AwAC-story', fileUniqueId: 'v2', size: 4000, durationSec: 40 };
    const both = await seedReport(store, { description: { voice, text: 'They also took his ID card.' } });
    const written = await seedReport(store, { description: { text: 'Only written.' } });
    for (const r of [both, written]) {
      await store.reports.transition(r.report._id, 'rejected', { kind: 'system' });
      await store.models.Report.updateOne({ _id: r.report._id }, { $set: { closedAt: new Date(Date.now() - 40 * 86400_000) } });
    }
    await purgeExpired(store, 30);
    expect((await store.reports.findById(both.report._id))?.description).toEqual({ text: 'They also took his ID card.', voiceDeleted: true });
    expect((await store.reports.findById(written.report._id))?.description).toEqual({ text: 'Only written.' });
  });

  it('migrate removes files sent later on reports an older release purged without them', async () => {
    const { report } = await seedReport(store);
    await store.reports.transition(report._id, 'rejected', { kind: 'system' });
    const voice = { kind: 'voice' as const, fileId: 'AwAC-old', fileUniqueId: 'v9', size: 4000, durationSec: 3 };
    const m = await store.messages.addIncoming(report._id, { media: voice });
    const place = await store.messages.addIncoming(report._id, { text: '📍 -1.27500, 36.91000 https://www.openstreetmap.org/?mlat=-1.27500&mlon=36.91000#map=17/-1.27500/36.91000' });
    // What an older release's purge left: the report purged, the later voice note and place kept.
    await store.models.Report.updateOne({ _id: report._id }, { $set: { purgedAt: new Date(Date.now() - 90 * 86400_000), evidence: [] } });
    expect(await purgeLaterFilesOfPurged(store, { dryRun: true })).toBeGreaterThanOrEqual(1);
    expect((await store.messages.findById(m._id))?.media).toMatchObject({ fileId: 'AwAC-old' });
    expect(await purgeLaterFilesOfPurged(store, { batch: 1 })).toBeGreaterThanOrEqual(1);
    expect((await store.messages.findById(m._id))?.media).toBeUndefined();
    expect((await store.messages.findById(place._id))?.text).toBe('📍');
    expect(await purgeLaterFilesOfPurged(store)).toBe(0);
  });

  it('migrate takes the chosen language off reporter records an older release purged with it, and only those', async () => {
    const purged = await seedReport(store, {}, { firstName: 'Wanjiru' });
    const live = await seedReport(store, {}, { firstName: 'Otieno' });
    await store.reporters.purgeIdentity(purged.reporter._id);
    // What an older release's purge left: the identity gone, the language still on the record.
    await store.models.Reporter.updateOne({ _id: purged.reporter._id }, { $set: { language: 'sw' } });
    expect(await store.reporters.dropLanguageOfPurged({ dryRun: true })).toBeGreaterThanOrEqual(1);
    expect((await store.reporters.findById(purged.reporter._id))?.language).toBe('sw');
    expect(await store.reporters.dropLanguageOfPurged()).toBeGreaterThanOrEqual(1);
    expect((await store.reporters.findById(purged.reporter._id))?.language).toBeUndefined();
    expect((await store.reporters.findById(live.reporter._id))?.language).toBeDefined();
    expect(await store.reporters.dropLanguageOfPurged()).toBe(0);
  });

  it('purges the identity of a reporter whose last report an earlier pass purged before it stopped', async () => {
    const { report, reporter, telegramUserId } = await seedReport(store, {}, { firstName: 'Chebet', phone: '+254733000222' });
    await store.reports.transition(report._id, 'resolved', { kind: 'system' });
    // What a pass that crashed between the report and its reporter leaves: the report purged an hour ago, the identity kept.
    const hourAgo = new Date(Date.now() - 3600_000);
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000), purgedAt: hourAgo, evidence: [] } });
    expect(await store.reporters.identityOf(reporter._id)).not.toBeNull();
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30);
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();
  });

  it('keeps the identity of a returning reporter whose new report is between its Confirm\'s two writes', async () => {
    const who = { firstName: 'Njoki', phone: '+254711000333' };
    const { report, reporter, telegramUserId } = await seedReport(store, {}, who);
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 40 * 86400_000) } });
    await lastSeen(reporter._id, 40);
    // Forty days on she reports again: her Confirm has read her record, and retention runs
    // before it stores the report.
    await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: who.firstName }, 'en');
    await purgeExpired(store, 30);
    expect(await store.reporters.identityOf(reporter._id)).toMatchObject({ phone: who.phone });
    // Her report stored, the next pass keeps her while it is open.
    const again = await seedReport(store, {}, { telegramUserId, firstName: who.firstName });
    expect(again.reporter._id.toString()).toBe(reporter._id.toString());
    await purgeExpired(store, 30, new Date(Date.now() + 7 * 3600_000));
    expect(await store.reporters.identityOf(reporter._id)).toMatchObject({ phone: who.phone });
  });

  it('purges a reporter seen lately on a later pass when no report of theirs followed (a Confirm that failed)', async () => {
    const { report, reporter, telegramUserId } = await seedReport(store, {}, { firstName: 'Odera' });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 40 * 86400_000) } });
    await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Odera' }, 'en');
    await purgeExpired(store, 30);
    expect(await store.reporters.identityOf(reporter._id)).not.toBeNull();
    await purgeExpired(store, 30, new Date(Date.now() + 7 * 3600_000));
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  });

  it('blanks the reporter\'s own name and number from what stays of their reports when their identity goes', async () => {
    const who = { firstName: 'Njeri Wambui', phone: '+254711000555' };
    const { report, reporter } = await seedReport(store, { description: { text: 'I am Njeri. Call me on 0711 000 555. The officer took 500 shillings; his number is 0722 123 456.' }, place: 'Njeri\'s kiosk, Gikomba' }, who);
    const own = await store.messages.addIncoming(report._id, { text: 'Njeri here again, my number is +254 711-000-555' });
    const staff = await store.messages.addOutgoing(report._id, { text: 'Thank you Njeri, we called IPOA on 0800 000 000.' });
    await store.reports.addEvent(report._id, 'note', { kind: 'system' }, { text: 'Called Wambui on 0711000555' });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000), referral: { agency: 'IPOA', note: 'Njeri will speak to IPOA' } } });
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]' }) });
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    const after = await store.reports.findById(report._id);
    expect(after?.description.text).toBe('I am [name]. Call me on [number]. The officer took 500 shillings; his number is 0722 123 456.');
    expect(after?.place).toBe("[name]'s kiosk, Gikomba");
    expect(after?.referral?.note).toBe('[name] will speak to IPOA');
    expect((await store.messages.findById(own._id))?.text).toBe('[name] here again, my number is [number]');
    expect((await store.messages.findById(staff._id))?.text).toBe('Thank you [name], we called IPOA on 0800 000 000.');
    const note = (await store.reports.history(report._id)).find((e) => e.type === 'note');
    expect(note?.data).toEqual({ text: 'Called [name] on [number]' });
  });

  it('blanks the email addresses the reporter wrote to us when their identity goes, in staff\'s words quoting them too; an address only staff wrote stays', async () => {
    const who = { firstName: 'Kevin', phone: '+254711000777' };
    const { report, reporter } = await seedReport(store, { description: { text: 'My phone was taken. Write to me at kevin.otieno@gmail.com.' } }, who);
    const own = await store.messages.addIncoming(report._id, { text: 'KEVIN.OTIENO@GMAIL.COM is best' });
    const staff = await store.messages.addOutgoing(report._id, { text: 'We wrote to kevin.otieno@gmail.com and to complaints@ipoa.go.ke' });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]', email: '[email]' }) });
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect((await store.reports.findById(report._id))?.description.text).toBe('My phone was taken. Write to me at [email].');
    expect((await store.messages.findById(own._id))?.text).toBe('[email] is best');
    expect((await store.messages.findById(staff._id))?.text).toBe('We wrote to [email] and to complaints@ipoa.go.ke');
  });

  it('blanks an address the reporter wrote when their identity goes, and keeps an @ written as "at" (a place, a time, a price)', async () => {
    const who = { firstName: 'Otieno', phone: '+254711000778' };
    const story = 'They held me @ the station till 4@10.30 and sold us water 2@150.00. Email j_otieno@yahoo.co.ke or WANJIKU.M@gmail.com.';
    const { report, reporter } = await seedReport(store, { description: { text: story }, place: 'Police post @Kisumu' }, who);
    const own = await store.messages.addIncoming(report._id, { text: 'Back again@2.00am, write to wanjiku.m@gmail.com' });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]', email: '[email]' }) });
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect((await store.reports.findById(report._id))?.description.text).toBe('They held me @ the station till 4@10.30 and sold us water 2@150.00. Email [email] or [email].');
    expect((await store.messages.findById(own._id))?.text).toBe('Back again@2.00am, write to [email]');
  });

  it('blanks it from every typed field that stays after the purge too (time of day, officers, polling station, staff notes, both languages of an answer), a name only where capitalised', async () => {
    const who = { firstName: 'Neema', phone: '+254711000666' };
    const { report, reporter } = await seedReport(store, {
      timeOfDay: 'saa nne, Neema alikuwa',
      officers: { names: 'Sgt Neema and Neema', serviceNumbers: ['0711 000 666', '84512'], rank: 'Cpl', station: 'Neema post, 0711000666', vehicleDescription: 'probox, ask Neema', uniform: 'neema ya Mungu', vehiclePlates: ['GK 123A'] },
      pollingStation: { name: 'Neema Primary', code: '047-281-1234-01' },
    }, who);
    const answer = await store.messages.addOutgoing(report._id, { text: 'Thank you Neema', texts: { en: 'Thank you Neema', sw: 'Asante Neema' } });
    await store.reports.addEvent(report._id, 'status_changed', { kind: 'system' }, { from: 'in_progress', to: 'waiting_reporter', note: 'Asked Neema for the plate' });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]' }) });
    const after = (await store.reports.findById(report._id))!;
    expect(after.timeOfDay).toBe('saa nne, [name] alikuwa');
    // The officer named by rank stays the officer's name; "neema" as a word (grace) stays.
    expect(after.officers).toMatchObject({ names: 'Sgt Neema and [name]', serviceNumbers: ['[number]', '84512'], station: '[name] post, [number]', vehicleDescription: 'probox, ask [name]', uniform: 'neema ya Mungu', vehiclePlates: ['GK 123A'] });
    expect(after.pollingStation).toEqual({ name: '[name] Primary', code: '047-281-1234-01' });
    expect((await store.messages.findById(answer._id))?.texts).toEqual({ en: 'Thank you [name]', sw: 'Asante [name]' });
    expect((await store.reports.history(report._id)).find((e) => e.type === 'status_changed' && e.data?.note)?.data?.note).toBe('Asked [name] for the plate');
  });

  it('blanks a name only where it is written as one, a username only whole, link reasons too, and not a report stored since', async () => {
    const telegramUserId = 7_800_000 + Math.floor(Math.random() * 100_000);
    await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Haki', username: 'nairobi_watch254' }, 'sw');
    const story = 'Haki here (@nairobi_watch254). The police in Nairobi want haki to be denied.';
    const { report, reporter } = await seedReport(store, { description: { text: story }, place: 'Haki stall, Nairobi' }, { telegramUserId, firstName: 'Haki' });
    const other = await seedReport(store, { description: { text: 'Another report near the stall.' } }, { firstName: 'Otieno' });
    const reasons = [{ type: 'place', a: 'Haki stall, Nairobi', b: 'the stall', words: ['Haki', 'stall'] }];
    await store.models.Report.updateOne({ _id: other.report._id }, { $set: { similar: [{ reportId: report._id, score: 0.8, reasons, at: new Date() }] } });
    await store.models.Report.updateOne({ _id: report._id }, { $set: { similar: [{ reportId: other.report._id, score: 0.8, reasons, at: new Date() }] } });
    expect(await store.reports.transition(report._id, 'rejected', { kind: 'system' })).not.toBeNull();
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    await lastSeen(reporter._id, 31);
    const marks = { marks: () => ({ phone: '[number]', name: '[name]' }) };

    await purgeExpired(store, 30, new Date(), marks);
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    const after = (await store.reports.findById(report._id))!;
    expect(after.description.text).toBe('[name] here ([name]). The police in Nairobi want haki to be denied.');
    expect(after.place).toBe('[name] stall, Nairobi');
    const expected = [{ type: 'place', a: '[name] stall, Nairobi', b: 'the stall', words: ['[name]', 'stall'] }];
    expect(after.similar?.[0].reasons).toEqual(expected);
    expect((await store.reports.findById(other.report._id))!.similar?.[0].reasons).toEqual(expected);
    // The other reporter's own report is theirs: its story is untouched.
    expect((await store.reports.findById(other.report._id))!.description.text).toBe('Another report near the stall.');
  });

  it('leaves an anonymous report\'s words, and links quoting them, as they were: a blank would show which word was the reporter\'s name', async () => {
    const telegramUserId = 7_900_000 + Math.floor(Math.random() * 100_000);
    const who = { telegramUserId, firstName: 'Achieng Otieno' };
    const story = 'Officer Otieno and two others beat the boda rider outside Mama Achieng kiosk.';
    const { report, reporter } = await seedReport(store, { anonymous: true, description: { text: story }, place: 'Achieng kiosk' }, who);
    const own = await store.messages.addIncoming(report._id, { text: 'Achieng kiosk is near the stage.' });
    // The same reporter's named report, linked to the anonymous one: it is blanked, the link is not.
    const named = await seedReport(store, { description: { text: 'I am Achieng. They came back to the kiosk.' } }, who);
    expect(named.reporter._id.equals(reporter._id)).toBe(true);
    const other = await seedReport(store, { description: { text: 'A boda rider was beaten near the kiosk.' } }, { firstName: 'Wekesa' });
    const reasons = [{ type: 'place', a: 'Achieng kiosk', b: 'the kiosk', words: ['Achieng', 'kiosk'] }];
    const link = (to: Types.ObjectId) => ({ similar: [{ reportId: to, score: 0.8, reasons, at: new Date() }] });
    await store.models.Report.updateOne({ _id: other.report._id }, { $set: link(report._id) });
    await store.models.Report.updateOne({ _id: named.report._id }, { $set: link(report._id) });
    for (const r of [report, named.report]) {
      expect(await store.reports.transition(r._id, 'rejected', { kind: 'system' })).not.toBeNull();
      await store.models.Report.updateOne({ _id: r._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    }
    await lastSeen(reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]' }) });
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect((await store.reports.findById(report._id))!).toMatchObject({ description: { text: story }, place: 'Achieng kiosk' });
    expect((await store.messages.findById(own._id))?.text).toBe('Achieng kiosk is near the stage.');
    expect((await store.reports.findById(other.report._id))!.similar?.[0].reasons).toEqual(reasons);
    const namedAfter = (await store.reports.findById(named.report._id))!;
    expect(namedAfter.description.text).toBe('I am [name]. They came back to the kiosk.');
    expect(namedAfter.similar?.[0].reasons).toEqual(reasons);
  });

  it('leaves a link to anyone\'s anonymous report as written, not only to the reporter\'s own: keeping only theirs would show which one is theirs', async () => {
    const telegramUserId = 7_950_000 + Math.floor(Math.random() * 40_000);
    const who = { telegramUserId, firstName: 'Achieng' };
    const named = await seedReport(store, { description: { text: 'I am Achieng. They came back to the kiosk.' } }, who);
    const own = await seedReport(store, { anonymous: true, description: { text: 'Mama Achieng kiosk was raided.' } }, who);
    const stranger = await seedReport(store, { anonymous: true, description: { text: 'Police raided Achieng kiosk again.' } }, { firstName: 'Wekesa' });
    const reasons = [{ type: 'place', a: 'Achieng kiosk', b: 'the kiosk', words: ['achieng', 'kiosk'] }];
    const link = (to: Types.ObjectId) => ({ reportId: to, score: 0.8, reasons, at: new Date() });
    await store.models.Report.updateOne({ _id: named.report._id }, { $set: { similar: [link(own.report._id), link(stranger.report._id)] } });
    await store.models.Report.updateOne({ _id: own.report._id }, { $set: { similar: [link(named.report._id)] } });
    await store.models.Report.updateOne({ _id: stranger.report._id }, { $set: { similar: [link(named.report._id)] } });
    for (const r of [named.report, own.report]) {
      expect(await store.reports.transition(r._id, 'rejected', { kind: 'system' })).not.toBeNull();
      await store.models.Report.updateOne({ _id: r._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
    }
    await lastSeen(named.reporter._id, 31);

    await purgeExpired(store, 30, new Date(), { marks: () => ({ phone: '[number]', name: '[name]' }) });
    expect(await store.reporters.identityOf(named.reporter._id)).toBeNull();
    const namedAfter = (await store.reports.findById(named.report._id))!;
    expect(namedAfter.description.text).toBe('I am [name]. They came back to the kiosk.');
    // Both links from the named report read alike, and so do both anonymous reports' links back.
    expect(namedAfter.similar?.map((l) => l.reasons)).toEqual([reasons, reasons]);
    expect((await store.reports.findById(own.report._id))!.similar?.[0].reasons).toEqual(reasons);
    expect((await store.reports.findById(stranger.report._id))!.similar?.[0].reasons).toEqual(reasons);
  });

  it('purges an identity it cannot open (a key no longer configured) without stopping the pass', async () => {
    const seeded = [];
    for (const firstName of ['Kerubo', 'Langat']) {
      const s = await seedReport(store, {}, { firstName });
      await store.reports.transition(s.report._id, 'rejected', { kind: 'system' });
      await store.models.Report.updateOne({ _id: s.report._id }, { $set: { closedAt: new Date(Date.now() - 31 * 86400_000) } });
      await lastSeen(s.reporter._id, 31);
      seeded.push(s);
    }
    await store.models.Reporter.collection.updateOne({ _id: seeded[0].reporter._id }, { $set: { 'identity.k': 'a-key-since-removed' } });
    const warned: unknown[] = [];
    await purgeExpired(store, 30, new Date(), { logger: { warn: (o: unknown) => void warned.push(o) } });
    expect((await store.reporters.findById(seeded[0].reporter._id))?.purged).toBe(true);
    expect(await store.reporters.identityOf(seeded[1].reporter._id)).toBeNull();
    expect(warned).toHaveLength(1);
  });

  it('forgets a reporter whose Confirm stored their record but no report, once they did not send it again', async () => {
    const telegramUserId = 7_700_000 + Math.floor(Math.random() * 100_000);
    // The Confirm wrote her record with her phone, then the report's insert failed: "nothing was saved".
    const { reporter } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Chebet' }, 'en', { phone: '+254711000444' });
    await purgeExpired(store, 30);
    expect(await store.reporters.identityOf(reporter._id)).toMatchObject({ phone: '+254711000444' });
    // A day on she could still send the draft again; three days on she has not.
    await purgeExpired(store, 30, new Date(Date.now() + 1 * 86400_000));
    expect(await store.reporters.identityOf(reporter._id)).not.toBeNull();
    await purgeExpired(store, 30, new Date(Date.now() + 3 * 86400_000));
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
    expect(await store.reporters.findByTelegramUser(telegramUserId)).toBeNull();
  });

  it('keeps a reporter who has a report when their last Confirm is days old', async () => {
    const { reporter, telegramUserId } = await seedReport(store, {}, { firstName: 'Wafula' });
    await purgeExpired(store, 30, new Date(Date.now() + 3 * 86400_000));
    expect(await store.reporters.identityOf(reporter._id)).not.toBeNull();
    expect((await store.reporters.findByTelegramUser(telegramUserId))?._id.toString()).toBe(reporter._id.toString());
  });

  it('does not keep an identity for good because a wrong clock wrote a time days ahead', async () => {
    const { report, reporter } = await seedReport(store, {}, { firstName: 'Akinyi' });
    await store.reports.transition(report._id, 'rejected', { kind: 'system' });
    await store.models.Report.updateOne({ _id: report._id }, { $set: { closedAt: new Date(Date.now() - 40 * 86400_000) } });
    await store.models.Reporter.collection.updateOne({ _id: reporter._id }, { $set: { seenAt: new Date(Date.now() + 30 * 86400_000) } });
    await purgeExpired(store, 30);
    expect(await store.reporters.identityOf(reporter._id)).toBeNull();
  });
});

/** A reporter whose last Confirm was `days` ago (the store writes `seenAt` only on a Confirm). */
async function lastSeen(reporterId: Types.ObjectId, days: number): Promise<void> {
  await store.models.Reporter.collection.updateOne({ _id: reporterId }, { $set: { seenAt: new Date(Date.now() - days * 86400_000) } });
}

describe('console accounts', () => {
  it('a password hashed at another cost than the configured one is hashed again at the first sign-in', async () => {
    const before = createStore(conn, keys, { agents: { hashOptions: { memoryCost: 1024, timeCost: 1, parallelism: 1 } } });
    const agent = await before.agents.create({ username: 'rehash-me', name: 'Rehash', role: 'agent', password: 'a long enough password' });
    expect(agent.passwordHash).toContain('m=1024,p=1,t=1');
    // The operator raised PASSWORD_HASH_COST.
    const after = createStore(conn, keys, { agents: { hashOptions: { memoryCost: 2048, timeCost: 2, parallelism: 1 } } });
    expect(await after.agents.signIn('rehash-me', 'a wrong password')).toMatchObject({ ok: false, reason: 'bad_password' });
    expect((await after.agents.findByUsername('rehash-me'))?.passwordHash).toBe(agent.passwordHash);
    expect(await after.agents.signIn('rehash-me', 'a long enough password')).toMatchObject({ ok: true });
    const rehashed = (await after.agents.findByUsername('rehash-me'))!.passwordHash;
    expect(rehashed).toContain('m=2048,p=1,t=2');
    expect(await after.agents.signIn('rehash-me', 'a long enough password')).toMatchObject({ ok: true });
    expect((await after.agents.findByUsername('rehash-me'))?.passwordHash).toBe(rehashed);
  });
});
