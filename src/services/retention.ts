import type { Types } from 'mongoose';
import { CLOSED_STATUSES, DAY_MS, emailsIn, isOpen, keepOfficersNamed, keepVictimNamedAsIn, withoutForgottenIdentity, withoutOwnIdentity, type OwnIdentityWords } from '../domain';
import { canonicalWords } from '../domain/triage';
import type { Evidence, Lang, MessageDoc, ReportDoc, ReporterIdentity, Store } from '../store';
import type { Logger } from '../logger';
import type { Service } from '../lifecycle';

/** How long after its report was purged a reporter whose identity is still there is looked at again. */
const RECHECK_DAYS = 7;
/**
 * A reporter whose latest Confirm stored their record but no report (it failed: "nothing was
 * saved") is looked at this long after it: the draft they would send again lasts a day.
 */
const NO_REPORT_AFTER_DAYS = 2;
/** A place shared in the conversation as the bot stores it ("📍 " then the place: src/bot/features/replies.ts), not yet purged. */
const SHARED_PLACE = '^📍 ';
/**
 * A reporter seen (their Confirm, by the hour: src/store/reporter-repository.ts) this recently keeps
 * their identity this pass: the hour's rounding and a bot host's clock up to five hours behind fit in it.
 */
const SEEN_MARGIN_MS = 6 * 3600_000;
/** A `seenAt` this far ahead came from a clock that was wrong: it keeps nothing (it would for good). */
const SEEN_AHEAD_MS = 24 * 3600_000;

/** What stands for the reporter's own name, number and email address in text kept after their identity, in the report's language (an address without a mark of its own takes the number's). */
export type OwnMarks = (language: Lang) => { phone: string; name: string; email?: string };
const PLAIN_MARKS: OwnMarks = () => ({ phone: '[…]', name: '[…]', email: '[…]' });

export interface PurgeOptions {
  /** The marks for the reporter's own name and number (plain "[…]" when not given). */
  marks?: OwnMarks;
  /** What else holds a trace of this Telegram account (the language kept in Redis): deleted with the identity. */
  forget?: (who: { telegramUserId: number; chatId: number }) => Promise<void>;
  /** Where a reporter that could not be handled this pass is said (no identity in it). */
  logger?: Pick<Logger, 'warn'>;
}

export interface RetentionResult {
  reports: number;
  reporters: number;
}

/**
 * After `days`, a closed ticket keeps only what statistics need (kind, category, county, dates,
 * status). Its evidence file ids, voice description, forwarded texts, the files and places sent later in its
 * conversation go, and so does the reporter's identity
 * once none of their reports is still open or within the retention period; an identity stored by
 * a Confirm that failed, with no report at all, goes two days on.
 */
export async function purgeExpired(store: Store, days: number, now = new Date(), opts: PurgeOptions = {}): Promise<RetentionResult> {
  const { Report } = store.models;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const expired = await Report.find({ status: { $in: CLOSED_STATUSES }, closedAt: { $lte: cutoff }, purgedAt: null })
    .select({ _id: 1, reporterId: 1, 'description.voice.kind': 1 })
    .lean<{ _id: Types.ObjectId; reporterId: Types.ObjectId; description?: { voice?: unknown } }[]>();
  for (const r of expired) {
    // Files the reporter sent later in the conversation first (a voice can name them as well as
    // the report's own): a pass stopped between the two leaves the report to the next pass.
    await store.models.Message.updateMany({ reportId: r._id, media: { $exists: true } }, { $unset: { media: 1 } });
    // A place the reporter shared later (a 📍 message: coordinates and a map link) is where they were.
    await store.models.Message.updateMany(laterPlaces([r._id]), { $set: { text: '📍' } });
    // Who sent a message the reporter forwarded names someone else, as the report's own forwarded texts do.
    await store.models.Message.updateMany({ reportId: r._id, passedOn: { $exists: true } }, { $unset: { passedOn: 1 } });
    // Words written after a voice-note story stay: the case file still says the story was spoken too.
    const spoken = r.description?.voice ? { 'description.voiceDeleted': true } : {};
    const res = await Report.updateOne({ _id: r._id, purgedAt: null }, { $set: { evidence: [], purgedAt: now, ...spoken }, $unset: { 'description.voice': 1, location: 1, victim: 1, 'perpetrator.words': 1, passedOn: 1 } });
    if (res.modifiedCount) await store.reports.addEvent(r._id, 'purged', { kind: 'system' }, { what: ['evidence', 'voice', 'location', 'victim', 'perpetrator_words', 'passed_on', 'later_files', 'later_places'] });
  }
  // Besides this pass's, the reporters of reports purged in the last week: a pass that stopped
  // between a report and its reporter (a crash, a lost connection) would otherwise leave that
  // identity for good, as no later pass lists the report.
  const earlier = await Report.find({ purgedAt: { $gte: new Date(now.getTime() - RECHECK_DAYS * DAY_MS) } })
    .select({ reporterId: 1 })
    .lean<{ reporterId: Types.ObjectId }[]>();
  const ids = [...new Set([...expired, ...earlier].map((r) => r.reporterId.toString()))];
  const unpurged = await store.models.Reporter.find({ _id: { $in: ids }, purged: { $ne: true } }).select({ _id: 1, forgetAskedAt: 1 }).lean<Candidate[]>();
  // Seen this late, a reporter may have a report between its Confirm's two writes (their record,
  // then the report): not purged now, looked at again on the next pass.
  const notSeenSince = new Date(now.getTime() - SEEN_MARGIN_MS);
  let reporters = 0;
  for (const candidate of unpurged) {
    const { _id } = candidate;
    // Keep the identity while any report still needs it: open, or closed but not yet expired.
    if (await Report.exists({ reporterId: _id, purgedAt: null })) continue;
    if (await forgetReporter(store, candidate, { notSeenSince, aheadAfter: new Date(now.getTime() + SEEN_AHEAD_MS) }, opts)) reporters++;
  }
  reporters += await purgeWithoutReports(store, now, opts);
  reporters += await finishForgetting(store, now, opts);
  return { reports: expired.length, reporters };
}

/** A reporter a pass looks at: read with whether they asked to be forgotten, so that is not read again. */
type Candidate = { _id: Types.ObjectId; forgetAskedAt?: Date | null };

/**
 * One reporter's identity purged, after their own name and number are blanked from what stays
 * and the traces named by it are deleted: both need the identity, so they come first (a pass
 * stopped in between does them again on the next). An identity that cannot be read (sealed under
 * a key no longer configured) is purged with only what needs no identity blanked (the email
 * addresses they wrote: `blankOwnIdentity`); any other failure leaves this reporter to the next
 * pass and the rest of this one goes on. True when purged.
 */
async function forgetReporter(store: Store, { _id: reporterId, forgetAskedAt }: Candidate, seen: { notSeenSince: Date; aheadAfter: Date }, opts: PurgeOptions): Promise<boolean> {
  try {
    // One who asked to be forgotten (a request a crash stopped) is finished as they asked: every
    // report, their name in any case. This blanking would purge the identity the request still needs
    // (one who asks after the pass read them is left by purgeIdentity's guard to finishForgetting).
    if (forgetAskedAt) return (await forgetOnRequest(store, reporterId, opts)).purged;
    const identity = await readIdentity(store, reporterId, opts);
    await blankOwnIdentity(store, reporterId, identity, opts.marks ?? PLAIN_MARKS);
    if (identity) await opts.forget?.(identity);
    return await store.reporters.purgeIdentity(reporterId, seen);
  } catch (err) {
    opts.logger?.warn({ err }, 'retention: a reporter could not be purged this pass; tried again on the next');
    return false;
  }
}

/**
 * The identity, or null when it cannot be opened (sealed under a key no longer in DATA_KEY): then
 * their name, username and number cannot be known, so stay wherever they wrote them, and the log
 * says so (the error names the key id only, never the reporter).
 */
async function readIdentity(store: Store, reporterId: Types.ObjectId, opts: PurgeOptions): Promise<ReporterIdentity | null> {
  try {
    return await store.reporters.identityOf(reporterId);
  } catch (err) {
    opts.logger?.warn({ err, outcome: 'name_not_blanked' }, 'retention: an identity could not be opened; its name, username and number could not be blanked from what stays (only the email addresses its reporter wrote were); the identity is purged all the same');
    return null;
  }
}

/**
 * Reporters whose Confirm stored their record and then failed, never sent again: no report of
 * theirs will expire and take the identity with it. Those last seen within a week before
 * NO_REPORT_AFTER_DAYS ago are looked at (a pass stopped on one day is made up on the next).
 */
async function purgeWithoutReports(store: Store, now: Date, opts: PurgeOptions): Promise<number> {
  const before = new Date(now.getTime() - NO_REPORT_AFTER_DAYS * DAY_MS);
  const seen = await store.models.Reporter.find({ seenAt: { $gte: new Date(before.getTime() - RECHECK_DAYS * DAY_MS), $lt: before }, purged: { $ne: true } })
    .select({ _id: 1, forgetAskedAt: 1 })
    .lean<Candidate[]>();
  let purged = 0;
  for (const candidate of seen) {
    const { _id } = candidate;
    if (await store.models.Report.exists({ reporterId: _id })) continue;
    // Seen again since (a Confirm under way) keeps them: purgeIdentity checks seenAt in its write.
    if (await forgetReporter(store, candidate, { notSeenSince: before, aheadAfter: new Date(now.getTime() + SEEN_AHEAD_MS) }, opts)) purged++;
  }
  return purged;
}

/** What a reporter's request to be forgotten did: the reports it marked now, and whether the identity was there to purge. */
export interface Forgotten {
  /** Reports marked by this call (a repeat marks none), open ones first among them by status. */
  marked: { reportId: string; reference: string; open: boolean; anonymous: boolean }[];
  /** The identity was purged by this call (false: gone already). */
  purged: boolean;
}

/**
 * The reporter asked us to delete their details (/forget), now, for all their reports, open or
 * closed: the reports stay ("a report, once received, is never lost"), without who sent them.
 * Each step is safe to repeat, and they run in this order so that a process dying after any of
 * them leaves what the next /forget, or retention's hourly pass (`finishForgetting`), needs to
 * finish the job:
 * 1. the request on the reporter's record (`forgetAskedAt`): what both find it by afterwards, and
 *    what makes the same Telegram user writing again someone new at once (a record of their own);
 * 2. every report of theirs marked, a named one with its history line (staff can no longer write
 *    to them); an anonymous one as of when it was sent, with no line, so no shared moment links it to them;
 * 3. their own name and number blanked from all their reports, and the traces the identity names
 *    (the language kept in Redis) deleted: both need the identity, so before it goes;
 * 4. the identity and its lookup hash purged: last, since the steps before need them.
 * 5. the reports again: one stored under the record between 2 and 4 (a Confirm in another
 *    process) is marked too (and retention looks again for a week).
 * Failures are thrown: the caller tells the reporter it is not done yet.
 */
export async function forgetOnRequest(store: Store, reporterId: Types.ObjectId, opts: PurgeOptions & { now?: Date } = {}): Promise<Forgotten> {
  const now = opts.now ?? new Date();
  await store.reporters.askedToForget(reporterId, now);
  const marked = await markForgotten(store, reporterId, now);
  const record = await store.reporters.findById(reporterId);
  let purged = false;
  if (record && !record.purged) {
    // One that cannot be opened (sealed under a key no longer configured) still loses the email
    // addresses they wrote, which need no identity; their name and number cannot be found (logged).
    const identity = await readIdentity(store, reporterId, opts);
    await blankOwnIdentity(store, reporterId, identity, opts.marks ?? PLAIN_MARKS, 'all');
    if (identity) await opts.forget?.(identity);
    purged = await store.reporters.purgeIdentity(reporterId);
  }
  marked.push(...(await markForgotten(store, reporterId, now)));
  return { marked, purged };
}

/** Every report of the reporter not yet marked as forgotten, marked (open first). */
async function markForgotten(store: Store, reporterId: Types.ObjectId, at: Date): Promise<Forgotten['marked']> {
  const reports = await store.reports.notYetForgotten(reporterId);
  const marked: Forgotten['marked'] = [];
  for (const r of reports.sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)))) {
    // An anonymous report is marked as of its own sending: `at` beside their named reports' would link it to them.
    const done = r.anonymous ? await store.reports.markAnonymousReporterForgotten(r._id, r.createdAt) : await store.reports.markReporterForgotten(r._id, at);
    if (done) marked.push({ reportId: r._id.toString(), reference: r.reference, open: isOpen(r.status), anonymous: r.anonymous });
  }
  return marked;
}

/**
 * Requests to be forgotten of the last week, finished: one a crash stopped half-way (the identity
 * still there), and reports stored under a forgotten record meanwhile. A repeat does nothing.
 * How many identities this pass purged.
 */
async function finishForgetting(store: Store, now: Date, opts: PurgeOptions): Promise<number> {
  let purged = 0;
  for (const reporterId of await store.reporters.askedToForgetSince(new Date(now.getTime() - RECHECK_DAYS * DAY_MS))) {
    try {
      if ((await forgetOnRequest(store, reporterId, { ...opts, now })).purged) purged++;
    } catch (err) {
      opts.logger?.warn({ err }, 'retention: a request to be forgotten could not be finished this pass; tried again on the next');
    }
  }
  return purged;
}

/**
 * The reporter's own name and numbers out of what stays of their reports (every field they or
 * staff typed: `typedTexts`; the messages both ways, their files' names and captions; agents'
 * notes; `which`: their purged reports, or all of them when they asked to be forgotten): "we
 * delete your details" covers what they wrote about themselves too. Other people's names and
 * numbers stay. Not in an anonymous report, nor in a link that quotes one: there the blank would
 * show everyone who read it before (the agent, the agency's case file) which word was the
 * reporter's name, as SECURITY.md says of case files. `identity` null (it cannot be opened): only
 * the email addresses they wrote, which the reports themselves tell (`emailsWrittenBy`).
 */
async function blankOwnIdentity(store: Store, reporterId: Types.ObjectId, identity: ReporterIdentity | null, marks: OwnMarks, which: 'purged' | 'all' = 'purged'): Promise<void> {
  const { Report } = store.models;
  // Purged reports only: one stored since the pass looked (a new Confirm) keeps every word for its
  // agent. Every report, open or closed, when the reporter asked to be forgotten.
  const purged = await Report.find({ reporterId, ...(which === 'purged' ? { purgedAt: { $ne: null } } : {}) }).select(TYPED_FIELDS).lean<TypedReport[]>();
  const named = purged.filter((r) => !r.anonymous);
  // Without the identity (it cannot be opened) only the addresses they wrote, read from the reports themselves.
  const own: OwnIdentityWords = {
    names: [identity?.firstName, identity?.lastName].filter((n): n is string => Boolean(n)),
    username: identity?.username,
    phones: identity?.phone ? [identity.phone] : [],
    emails: await emailsWrittenBy(store, named),
  };
  const blankIn = ownIdentityBlank(own, marks, which);
  await blankLinkReasons(store, named.map((r) => r._id), blankIn, [...own.names, ...(own.emails ?? []).map((e) => e.split('@')[0])]);
  for (const r of named) {
    const ownBlank = blankIn(r.language);
    // The victim as the reporter named them ("My son Brian Kamau", from Grace Kamau) stays, as case
    // files keep it: the agency needs whom to look for. Their own name beside it still goes.
    const blank = (text: string) => keepVictimNamedAsIn(text, ownBlank, r.victim, own.names);
    // An officer named by rank ("Sgt Kamau") is the officer, even when the reporter is a Kamau too (as case files keep it).
    const $set = { ...changed(typedTexts(r), blank), ...changed({ 'officers.answer': r.officers?.answer, 'officers.names': r.officers?.names }, (text) => keepOfficersNamed(text, blank)) };
    if (Object.keys($set).length) await Report.updateOne({ _id: r._id }, { $set });
    await blankMessages(store, r._id, blank);
    await blankNotes(store, r._id, blank);
  }
}

/**
 * How the reporter's own words are blanked. Asked to be forgotten: their name in any case
 * (`withoutForgottenIdentity`: "my name is john kamau" is theirs as much as "John Kamau"), never
 * touching a mark of either language left by an earlier pass. The routine purge keeps blanking
 * only a capitalised name (`withoutOwnIdentity`): nobody asked it to, it runs on every old
 * report, and many names are everyday words ("Haki", "Amani", "Baraka", "Neema") that would go
 * from every sentence of the kept story where they mean justice, peace, blessing or grace.
 */
function ownIdentityBlank(own: OwnIdentityWords, marks: OwnMarks, which: 'purged' | 'all'): (language: Lang) => (text: string) => string {
  if (which === 'purged') return (language) => (text) => withoutOwnIdentity(text, own, marks(language));
  const keep = (['en', 'sw'] as const).flatMap((l) => [marks(l).name, marks(l).phone, marks(l).email ?? '']).filter(Boolean);
  return (language) => (text) => withoutForgottenIdentity(text, own, marks(language), keep);
}

/** The fields of a report that hold typed words (the select and its shape: `typedTexts` reads them). */
const TYPED_FIELDS = {
  language: 1, anonymous: 1, 'description.text': 1, 'description.voice': 1, place: 1, timeOfDay: 1, victim: 1, referral: 1,
  officers: 1, perpetrator: 1, pollingStation: 1, passedOn: 1, evidence: 1,
} as const;
type TypedReport = Pick<ReportDoc, '_id' | 'language' | 'anonymous' | 'place' | 'timeOfDay' | 'victim' | 'referral' | 'officers' | 'perpetrator' | 'pollingStation' | 'passedOn'> & { description?: Pick<ReportDoc['description'], 'text' | 'voice'>; evidence?: Evidence[] };

/** A file's words: its name ("wanjiru-0733..pdf"), caption, and who Telegram says first sent it. */
const fileTexts = (path: string, e: Evidence | undefined): Record<string, string | undefined> =>
  e ? { [`${path}.fileName`]: e.fileName, [`${path}.caption`]: e.caption, [`${path}.forwardedFrom`]: e.forwardedFrom } : {};

/**
 * Every text of a report the reporter typed (the story, the place, the time of day, the victim,
 * the officers, who did it, the polling station, what they forwarded and who sent it, their
 * files' names and captions) or staff did (the referral note), by its path; the officers' answer
 * and names apart. Not the agency's own name for "another agency": it names an organisation, and the
 * consent answers are matched to it. Codes and plates, tapped or normalised, carry none.
 */
function typedTexts(r: TypedReport): Record<string, string | undefined> {
  const o = r.officers;
  return {
    'description.text': r.description?.text,
    ...fileTexts('description.voice', r.description?.voice),
    place: r.place,
    timeOfDay: r.timeOfDay,
    victim: r.victim,
    'referral.note': r.referral?.note ?? undefined,
    'officers.rank': o?.rank,
    'officers.station': o?.station,
    'officers.vehicleDescription': o?.vehicleDescription,
    'officers.uniform': o?.uniform,
    ...Object.fromEntries((o?.serviceNumbers ?? []).map((n, i) => [`officers.serviceNumbers.${i}`, n])),
    'perpetrator.words': r.perpetrator?.words,
    'pollingStation.name': r.pollingStation?.name,
    'pollingStation.code': r.pollingStation?.code,
    ...Object.fromEntries((r.passedOn ?? []).flatMap((p, i) => [[`passedOn.${i}.text`, p.text], [`passedOn.${i}.from`, p.from]])),
    // By position, so a file added meanwhile (a report still being written) is not overwritten.
    ...Object.fromEntries((r.evidence ?? []).flatMap((e, i) => Object.entries(fileTexts(`evidence.${i}`, e)))),
  };
}

/** Fields of `typedTexts` someone else wrote: staff's referral note, texts forwarded from others and who sent them. */
const NOT_THEIR_WORDS = /^(?:referral\.|passedOn\.)|\.forwardedFrom$/;

/**
 * The email addresses the reporter wrote to us in these named reports (every field they typed,
 * their own messages and their files' names and captions; not what they forwarded from someone
 * else, nor what staff wrote): theirs as the number they shared is, since Telegram gives us none.
 * Blanked wherever they stand, in staff's words that quote them too.
 */
async function emailsWrittenBy(store: Store, named: readonly TypedReport[]): Promise<string[]> {
  if (!named.length) return [];
  type Theirs = Pick<MessageDoc, 'text' | 'media'>;
  const messages = await store.models.Message.find({ reportId: { $in: named.map((r) => r._id) }, direction: 'from_reporter', passedOn: { $exists: false } })
    .select({ text: 1, media: 1 })
    .lean<Theirs[]>();
  const texts = [
    ...named.flatMap((r) => [...Object.entries(typedTexts(r)).filter(([path]) => !NOT_THEIR_WORDS.test(path)).map(([, text]) => text), r.officers?.answer, r.officers?.names]),
    ...messages.flatMap((m) => [m.text, m.media?.fileName, m.media?.caption]),
  ];
  return [...new Set(texts.flatMap((t) => emailsIn(t)))];
}

/** The messages both ways: their words (both languages of an answer to all), their files' words, who a forwarded one came from. */
async function blankMessages(store: Store, reportId: Types.ObjectId, blank: (text: string) => string): Promise<void> {
  const { Message } = store.models;
  type Kept = Pick<MessageDoc, '_id' | 'text' | 'texts' | 'media' | 'passedOn'>;
  for (const m of await Message.find({ reportId }).select({ text: 1, texts: 1, media: 1, passedOn: 1 }).lean<Kept[]>()) {
    const $set = changed({ text: m.text, 'texts.en': m.texts?.en, 'texts.sw': m.texts?.sw, ...fileTexts('media', m.media), 'passedOn.from': m.passedOn?.from }, blank);
    if (Object.keys($set).length) await Message.updateOne({ _id: m._id }, { $set });
  }
}

/** Staff's words in the history: notes, and the note typed with a status change or a referral. */
async function blankNotes(store: Store, reportId: Types.ObjectId, blank: (text: string) => string): Promise<void> {
  const { ReportEvent } = store.models;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const e of await ReportEvent.find({ reportId, type: { $in: ['note', 'status_changed', 'referred'] } }).select({ data: 1 }).lean<{ _id: Types.ObjectId; data?: { text?: unknown; note?: unknown } }[]>()) {
    const $set = changed({ 'data.text': text(e.data?.text), 'data.note': text(e.data?.note) }, blank);
    if (Object.keys($set).length) await ReportEvent.updateOne({ _id: e._id }, { $set });
  }
}

/**
 * Links between reports quote both sides' place and story words in their reasons (the console
 * shows them): blanked on these reports' own links and on every link to them, except a link with an
 * anonymous report at either end, whoever sent it: keeping only the links to the reporter's own
 * anonymous reports, beside blanked ones to other people's, would show staff which are theirs.
 * The shared words and details in them are the linker's canonical words, lower case: a name word
 * there cannot be told from the same word in a sentence ("haki"), so every entry equal to a
 * canonical form of one of `names` goes.
 */
async function blankLinkReasons(store: Store, reportIds: Types.ObjectId[], blankIn: (language: Lang) => (text: string) => string, names: readonly string[]): Promise<void> {
  if (!reportIds.length) return;
  const ids = new Set(reportIds.map(String));
  // Three letters or more, as withoutOwnIdentity blanks name words.
  const nameWords = new Set(names.flatMap((n) => canonicalWords(n)).filter((w) => w.length >= 3));
  type Holder = { _id: Types.ObjectId; language: Lang; anonymous?: boolean; similar?: { reportId: Types.ObjectId; reasons?: unknown }[] };
  const holders = await store.models.Report.find({ $or: [{ _id: { $in: reportIds } }, { 'similar.reportId': { $in: reportIds } }] }).select({ language: 1, anonymous: 1, similar: 1 }).lean<Holder[]>();
  const keep = await anonymousAmong(store, holders);
  for (const h of holders) {
    const blank = blankIn(h.language);
    for (const link of h.similar ?? []) {
      if (!ids.has(String(h._id)) && !ids.has(String(link.reportId))) continue;
      if (keep.has(String(h._id)) || keep.has(String(link.reportId))) continue;
      const reasons = blankDeep(link.reasons, blank, nameWords);
      // One link at a time, by its own element: triage may add links to an open report meanwhile.
      if (JSON.stringify(reasons) !== JSON.stringify(link.reasons)) await store.models.Report.updateOne({ _id: h._id, 'similar.reportId': link.reportId }, { $set: { 'similar.$.reasons': reasons } });
    }
  }
}

/** The anonymous reports among the holders and the reports their links point at (one read for those not held). */
async function anonymousAmong(store: Store, holders: readonly { _id: Types.ObjectId; anonymous?: boolean; similar?: { reportId: Types.ObjectId }[] }[]): Promise<Set<string>> {
  const held = new Set(holders.map((h) => String(h._id)));
  const keep = new Set(holders.filter((h) => h.anonymous).map((h) => String(h._id)));
  const others = [...new Set(holders.flatMap((h) => (h.similar ?? []).map((l) => String(l.reportId))).filter((id) => !held.has(id)))];
  if (others.length) {
    const anonymous = await store.models.Report.find({ _id: { $in: others }, anonymous: true }).select({ _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    for (const r of anonymous) keep.add(String(r._id));
  }
  return keep;
}

/** Every string in a JSON-like value blanked, after the array entries that are one of `drop` are left out. */
function blankDeep(value: unknown, blank: (text: string) => string, drop: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return blank(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v !== 'string' || !drop.has(v)).map((v) => blankDeep(v, blank, drop));
  if (value && typeof value === 'object' && !(value instanceof Date) && value.constructor === Object) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blankDeep(v, blank, drop)]));
  return value;
}

/** The fields whose text `blank` changes, blanked (an update with nothing in it writes nothing). */
function changed(fields: Record<string, string | undefined>, blank: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(fields)) {
    if (text === undefined) continue;
    const after = blank(text);
    if (after !== text) out[key] = after;
  }
  return out;
}

/** The places shared later in the conversation of these reports, still there. */
function laterPlaces(reportIds: Types.ObjectId[]) {
  return { reportId: { $in: reportIds }, direction: 'from_reporter' as const, text: { $regex: SHARED_PLACE } };
}

/**
 * Files and places the reporter sent later on reports purged before retention took them too
 * (releases before 2026-12-01 for files, 2026-12-02 for places): run by `migrate`, a batch of
 * reports at a time; safe to run again. Returns how many messages lost their file or place (with
 * `dryRun`, how many would).
 */
export async function purgeLaterFilesOfPurged(store: Store, opts: { dryRun?: boolean; batch?: number } = {}): Promise<number> {
  const { Report, Message } = store.models;
  const batch = opts.batch ?? 1000;
  let cleared = 0;
  let ids: Types.ObjectId[] = [];
  const flush = async () => {
    const filter = { reportId: { $in: ids }, media: { $exists: true } };
    cleared += opts.dryRun ? await Message.countDocuments(filter) : (await Message.updateMany(filter, { $unset: { media: 1 } })).modifiedCount;
    const places = laterPlaces(ids);
    cleared += opts.dryRun ? await Message.countDocuments(places) : (await Message.updateMany(places, { $set: { text: '📍' } })).modifiedCount;
    ids = [];
  };
  for await (const r of Report.find({ purgedAt: { $ne: null } }).select({ _id: 1 }).lean<{ _id: Types.ObjectId }>().cursor()) {
    ids.push(r._id);
    if (ids.length >= batch) await flush();
  }
  if (ids.length) await flush();
  return cleared;
}

/** Runs the purge at start and then every `intervalMs` in the worker role. */
export class RetentionJob implements Service {
  readonly name = 'retention';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { store: Store; days: number; logger: Logger; intervalMs?: number } & Omit<PurgeOptions, 'logger'>) {}

  async start(): Promise<void> {
    const tick = () => {
      this.running = purgeExpired(this.deps.store, this.deps.days, new Date(), this.deps).then(
        (r) => (r.reports || r.reporters ? this.deps.logger.info(r, 'retention purge') : undefined),
        (err: unknown) => this.deps.logger.warn({ err }, 'retention purge failed; will retry'),
      );
    };
    tick();
    this.timer = setInterval(tick, this.deps.intervalMs ?? 3600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
