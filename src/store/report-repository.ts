import { createHash } from 'node:crypto';
import { Types, type Model, type mongo } from 'mongoose';
import { generateReference, heldWork, sourcesOf, CLOSED_STATUSES, type Status, type Priority, type Agency, type RejectReason } from '../domain';
import { linkUpdates, type LinkWrite, type WithLinks } from './incident-repository';
import { isDuplicateKey } from './reporter-repository';
import type { Actor, EventType, OwedNotice, ReportDoc, ReportEventDoc } from './models';
import type { Logger } from '../logger';

export type NewReport = Omit<
  ReportDoc,
  '_id' | 'reference' | 'status' | 'assignee' | 'assignedAt' | 'queuedAt' | 'escalations' | 'lastEscalatedAt' | 'referral' | 'holderSeen' | 'reporterUnreachable' | 'closedAt' | 'reopenedByReporterAt' | 'reporterForgottenAt' | 'purgedAt' | 'createdAt' | 'updatedAt'
>;

/**
 * The place, the location, the time of day or the injury answers a report stored early no longer
 * has (a location shared instead of the place typed before, a county changed, a day tapped after
 * one typed with its time, a category changed to one that does not ask about injuries): gone from
 * the report too, not left from an earlier write.
 */
function noLongerGiven(answers: Partial<Pick<NewReport, 'place' | 'location' | 'timeOfDay' | 'injuries'>>): Record<string, 1> {
  return Object.fromEntries((['place', 'location', 'timeOfDay', 'injuries'] as const).filter((k) => answers[k] === undefined).map((k) => [k, 1 as const]));
}

/** What a report stored early may carry before Send: the story, injuries, where and when, as answered so far. */
export type UrgentAnswers = Partial<Pick<NewReport, 'description' | 'county' | 'place' | 'location' | 'when' | 'incidentAt' | 'timeOfDay' | 'evidence' | 'injuries'>>;

type Id = Types.ObjectId | string;
/** The statuses of a ticket an agent holds (and works on). */
const HELD_STATUSES: Status[] = ['assigned', 'in_progress', 'waiting_reporter', 'referred'];
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** Where a walk through the waiting tickets stands: the last ticket seen, by (queuedAt, _id). */
export interface WaitingCursor {
  _id: Types.ObjectId;
  queuedAt: Date;
}

/**
 * A report as the reporter's "which report?" shows it: with the place and story they gave, so two
 * of one kind and day can be told apart (shown to the reporter only).
 */
export type ReportSummary = Pick<ReportDoc, '_id' | 'reference' | 'category' | 'createdAt' | 'anonymous' | 'place'> & { description?: { text?: string } };
const SUMMARY = { _id: 1, reference: 1, category: 1, createdAt: 1, anonymous: 1, place: 1, 'description.text': 1 } as const;

/** What a supervisors' alert names: references, kind, category and county, never the reporter or their words. */
export type AlertedTicket = Pick<ReportDoc, '_id' | 'reference' | 'priority' | 'escalations' | 'kind' | 'category' | 'county'>;
/** A held ticket as its held-danger alert reads it: the reference, and who holds it and last opened it. */
export type HeldAlertTicket = Pick<ReportDoc, '_id' | 'reference' | 'status' | 'assignee' | 'holderSeen'>;

/** A waiting ticket raised by its reporter's danger, as the relay reads it (`findRaisedWaiting`). */
export type RaisedTicket = Pick<ReportDoc, '_id' | 'priority' | 'dangerSaidAt' | 'dangerAlertOwed'>;

/** A waiting ticket as the relay's walk reads it: where it stands, and what its SLA clock reads. */
export type WaitingTicket = WaitingCursor & Pick<ReportDoc, 'createdAt' | 'assignedAt' | 'lastEscalatedAt' | 'priority' | 'escalations'>;

export interface NewEvent {
  reportId: Id;
  type: EventType;
  actor: Actor;
  data?: Record<string, unknown>;
  /** Fixed by the caller: the entry is written once however often it is added (as `addEvent`'s `id`). */
  id?: Types.ObjectId;
}

/**
 * A history entry as stored: ids as ObjectIds, the actor without anything but kind and agent.
 * Written through the driver (`insertEvents`), so absent fields are left out here rather than
 * stored as null.
 */
function eventDoc(e: NewEvent, at: Date, id = new Types.ObjectId()): ReportEventDoc {
  const actor: Actor = e.actor.agentId ? { kind: e.actor.kind, agentId: oid(e.actor.agentId) } : { kind: e.actor.kind };
  return { _id: id, reportId: oid(e.reportId), type: e.type, actor, ...(e.data ? { data: e.data } : {}), at };
}

/** The report's first history entry; its _id is the report's own, so it is written once whatever the retries. */
function submittedDoc(report: Pick<ReportDoc, '_id' | 'priority' | 'createdAt'>): ReportEventDoc {
  return eventDoc({ reportId: report._id, type: 'submitted', actor: { kind: 'reporter' }, data: { priority: report.priority } }, report.createdAt ?? new Date(), report._id);
}

/**
 * A line whose change is marked on the report itself, in the same write (completed, made
 * anonymous, reopened): its id is fixed by the report, what it says and the mark's time, so the
 * line written again by a retry (after it failed once the change was made) is written once.
 */
function markedLine(reportId: Types.ObjectId, type: EventType, at: Date, data?: Record<string, unknown>): ReportEventDoc {
  const seconds = Buffer.alloc(4);
  seconds.writeUInt32BE(Math.floor(at.getTime() / 1000));
  return eventDoc({ reportId, type, actor: { kind: 'reporter' }, ...(data ? { data } : {}) }, at, fixedEntryId(seconds, type, reportId.id, String(at.getTime())));
}

/**
 * The lines of a send's changes marked on the report (`markedLine`): a send again writes any a
 * failure left out, with its "submitted" entry (one write, each a no-op if already there).
 */
function markedLines(report: Pick<ReportDoc, '_id' | 'unfinished' | 'completedAt' | 'madeAnonymousAt'>): ReportEventDoc[] {
  const lines: ReportEventDoc[] = [];
  const reopen = report.unfinished;
  if (reopen?.reopenedAt) lines.push(markedLine(report._id, 'reopened', reopen.reopenedAt, { from: reopen.reopenedFrom }));
  if (report.completedAt) lines.push(markedLine(report._id, 'completed', report.completedAt));
  if (report.madeAnonymousAt) lines.push(markedLine(report._id, 'made_anonymous', report.madeAnonymousAt));
  return lines;
}

/**
 * The id of a report's "reporter asked to be forgotten" entry: one per report, however often the
 * request is finished (a rerun has another time, so the report's own creation second leads it).
 */
function forgottenEntryId(reportId: Types.ObjectId): Types.ObjectId {
  return fixedEntryId(reportId.id, 'reporter_forgotten', reportId.id);
}

/**
 * The id of a report's first "queued" entry: the report's id with its 5 per-process random bytes
 * inverted, so it is the same on every retry and matches no id any process draws (that would
 * need another process's random bytes to be exactly these inverted: 1 in 2^40).
 */
function firstQueuedId(reportId: Types.ObjectId): Types.ObjectId {
  const b = Buffer.from(reportId.id);
  for (let i = 4; i < 9; i++) b[i] = ~b[i] & 0xff;
  return new Types.ObjectId(b);
}

/**
 * The id of the "linked" entry that triage of report `by` writes in report `on`'s history (`on`
 * is `by` itself for the entry listing all its links): `by`'s creation second, then 8 bytes of a
 * hash of the two. The same on every retry, so a retried triage writes each entry once without
 * first reading which were written; sorted by time like any other entry.
 */
function linkedEntryId(on: Types.ObjectId, by: Types.ObjectId): Types.ObjectId {
  return fixedEntryId(by.id, 'linked', on.id, by.id);
}

/** The id of a report's "escalated" entry number `escalations`: its time, then 8 bytes of a hash of the two. */
function escalatedEntryId(reportId: Types.ObjectId, escalations: number, at: Date): Types.ObjectId {
  const seconds = Buffer.alloc(4);
  seconds.writeUInt32BE(Math.floor(at.getTime() / 1000));
  return fixedEntryId(seconds, 'escalated', reportId.id, String(escalations));
}

/** An entry id the same on every retry: 4 bytes of time (so entries sort by it), then 8 of a hash of what it records. */
function fixedEntryId(time: Uint8Array, what: string, ...parts: (Uint8Array | string)[]): Types.ObjectId {
  const hash = createHash('sha256').update(what);
  for (const part of parts) hash.update(part);
  return new Types.ObjectId(Buffer.concat([Buffer.from(time).subarray(0, 4), hash.digest().subarray(0, 8)]));
}

/** A bulk insert whose only failures were entries already there (a retried write). */
function onlyDuplicates(err: unknown): boolean {
  const writeErrors = (err as { writeErrors?: unknown } | null)?.writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  // Every failed entry must be a duplicate (the error's own code is only the first one's).
  return list.length > 0 ? list.every((w) => (w as { code?: unknown }).code === 11000) : isDuplicateKey(err);
}

/** A report's links as triage found them (issue 16), to be written with its queued mark or alone. */
export interface TriageLinks {
  /** Each link on a `similar` list: the new report's own, and the back side on each other report. */
  similar: LinkWrite[];
  /** For the "linked" history entries: each other report with the score from each side. */
  entries: { reportId: Id; score: number; backScore: number }[];
}

/**
 * Work done on a report that is written with its queued mark when both finish together: triage's
 * `triagedAt`, and the links it found (`triagedAt` is only ever written with all of them).
 */
export interface ReportMarks {
  triagedAt?: Date;
  links?: TriageLinks;
}

/** Whether the links that rode with a queued mark were written; the mark itself always was. */
export type LinksOutcome = { ok: true } | { ok: false; reason: 'links_not_written'; err: unknown };

/** The "linked" entries of report `by`'s triage: one in its own history listing them all, one in each linked report's. */
function linkedDocs(by: Types.ObjectId, links: TriageLinks['entries'], at: Date): ReportEventDoc[] {
  if (!links.length) return [];
  const actor = { kind: 'system' as const };
  const own = eventDoc({ reportId: by, type: 'linked', actor, data: { reportIds: links.map((l) => l.reportId.toString()), scores: links.map((l) => l.score) } }, at, linkedEntryId(by, by));
  const back = links.map((l) => eventDoc({ reportId: l.reportId, type: 'linked', actor, data: { reportIds: [by.toString()], scores: [l.backScore] } }, at, linkedEntryId(oid(l.reportId), by)));
  return [own, ...back];
}

/**
 * What was done on the report (`triagedAt`): last in a write of its links; none when nothing was.
 * The marks a Confirm writes (queued, triaged, links) leave `updatedAt`: they change no words the
 * linker keeps, and its index reads again every report whose `updatedAt` moved (issue 17).
 */
function marksUpdate(id: Types.ObjectId, set: Omit<ReportMarks, 'links'>): mongo.AnyBulkWriteOperation<WithLinks>[] {
  return Object.keys(set).length ? [{ updateOne: { filter: { _id: id }, update: { $set: set } } }] : [];
}

/**
 * A bulk write whose failures all came at or after operation `from` (what came before it was
 * written: an ordered write stops at its first failure; an entry already there is no failure).
 */
function failedOnlyFrom(err: unknown, from: number): boolean {
  const writeErrors = (err as { writeErrors?: unknown } | null)?.writeErrors;
  const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as { index?: unknown; code?: unknown }[];
  return list.length > 0 && list.every((w) => w.code === 11000 || (typeof w.index === 'number' && w.index >= from));
}

export class ReportRepository {
  constructor(
    private readonly Report: Model<ReportDoc>,
    private readonly ReportEvent: Model<ReportEventDoc>,
    private readonly makeReference: () => string = generateReference,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {}

  /**
   * Insert a report once per idempotency key. A second call with the same key (double tap,
   * re-delivered update, retry after a timeout) returns the first report with `created: false`.
   */
  async create(input: NewReport, opts: { submittedWithQueued?: boolean } = {}): Promise<{ report: ReportDoc; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const report = await this.insertNew({ ...input, reference: this.makeReference(), status: 'received' });
        // The caller queues it next and writes "submitted" with "queued" (`markQueued`): one round trip less.
        if (!opts.submittedWithQueued) await this.addSubmitted(report);
        return { report, created: true };
      } catch (err) {
        if (isDuplicateKey(err, 'idempotencyKey')) {
          const existing = await this.Report.findOne({ idempotencyKey: input.idempotencyKey }).lean<ReportDoc>();
          if (existing) {
            // The first attempt may have stored the report and then lost the connection before
            // its "submitted" entry was written: complete the history (a no-op if it is there),
            // with the lines of its changes marked on it (completed, made anonymous, reopened).
            await this.insertEvents([submittedDoc(existing), ...markedLines(existing)]);
            return { report: existing, created: false };
          }
        }
        // A reference collision (1 in billions) just draws again.
        if (!isDuplicateKey(err, 'reference')) throw err;
      }
    }
    throw new Error('could not draw a unique reference');
  }

  /**
   * The report as mongoose's `create` stores it (cast, defaults, validated, timestamps, version 0),
   * inserted by the driver. These are the steps of mongoose's own `insertMany`; `create`'s save
   * machinery on top of them (hooks, change tracking, `$__save`) showed in the bot's profile
   * (BENCHMARKS.md, "telegraf's composition, a report's save"). A test holds the stored document
   * equal to `create`'s. No `save` hook runs here: the schema has none but timestamps, and one
   * added later must be run here too (or this go back to `create`).
   */
  private async insertNew(fields: NewReport & { reference: string; status: 'received' }): Promise<ReportDoc> {
    const doc = new this.Report(fields);
    await doc.validate();
    const versionKey = this.Report.schema.get('versionKey');
    if (typeof versionKey === 'string') doc.set(versionKey, 0);
    (doc as unknown as { initializeTimestamps(): void }).initializeTimestamps();
    const report = doc.toObject() as ReportDoc;
    await this.Report.collection.insertOne(report as never);
    return report;
  }

  /**
   * The reporter sent a report that was stored early (someone in danger): its answers replace the
   * placeholders, once. The ticket's status and holder are left alone (an agent may hold it), and
   * the priority only ever rises (`$min`): a ticket raised for a life at risk is not lowered by
   * a later edit. Null when there is nothing unfinished under this key (already completed).
   */
  async complete(key: string, answers: Partial<NewReport> & { priority: Priority }): Promise<ReportDoc | null> {
    const { priority, ...rest } = answers;
    // Marked done in the same write: a send again after the line failed writes it (`markedLines`).
    const done = await this.Report.findOneAndUpdate(
      { idempotencyKey: key, unfinished: { $ne: null } },
      { $set: { ...rest, completedAt: new Date() }, $min: { priority }, $unset: { unfinished: 1, ...noLongerGiven(rest) } },
      { returnDocument: 'after' },
    ).lean<ReportDoc>();
    if (done) await this.insertEvents([markedLine(done._id, 'completed', done.completedAt!)]);
    return done;
  }

  /**
   * What the reporter of a report stored early (someone in danger) has answered so far, while
   * they still write it: staff read the story and the place before Send, in case Send never
   * comes (a phone taken or dead). Only while it is being written: never after Send or cancel.
   */
  async progress(key: string, answers: UrgentAnswers): Promise<Types.ObjectId | null> {
    const unset = noLongerGiven(answers);
    const doc = await this.Report.findOneAndUpdate(
      { idempotencyKey: key, 'unfinished.state': 'writing' },
      { $set: { ...answers, 'unfinished.lastAt': new Date() }, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
      { projection: { _id: 1 } },
    ).lean<Pick<ReportDoc, '_id'>>();
    return doc?._id ?? null;
  }

  /** The reporter chose anonymity on a second send of a stored report: never the other way. Null when it already was. */
  async makeAnonymous(id: Id): Promise<ReportDoc | null> {
    // Marked in the same write: a send again after the line failed writes it (`markedLines`).
    const done = await this.Report.findOneAndUpdate({ _id: oid(id), anonymous: false }, { $set: { anonymous: true, madeAnonymousAt: new Date() } }, { returnDocument: 'after' }).lean<ReportDoc>();
    if (done) await this.insertEvents([markedLine(done._id, 'made_anonymous', done.madeAnonymousAt!)]);
    return done;
  }

  /**
   * A report stored early (someone in danger) whose ticket was closed before the reporter sent the
   * rest (an agent rejected or resolved the empty ticket, or the reporter withdrew it from /status
   * mid-report): back in the queue, unheld, so that someone reads what is now sent. Before the
   * answers are written (`complete`), so a retried Confirm after a failure in between still finds
   * it unfinished and queues it. Null when there is no such report.
   */
  async reopenUnfinished(key: string): Promise<ReportDoc | null> {
    const at = new Date();
    // Marked in the same write, with the status it left (a pipeline reads it): a send again after the line failed writes it (`markedLines`).
    const before = await this.Report.findOneAndUpdate(
      { idempotencyKey: key, unfinished: { $ne: null }, status: { $in: CLOSED_STATUSES } },
      [{ $set: { status: 'received', assignee: null, unfinished: { $mergeObjects: ['$unfinished', { reopenedAt: at, reopenedFrom: '$status' }] } } }, { $unset: ['closedAt', 'queuedAt'] }],
      { returnDocument: 'before', updatePipeline: true },
    ).lean<ReportDoc>();
    if (before) await this.insertEvents([markedLine(before._id, 'reopened', at, { from: before.status })]);
    return before;
  }

  /**
   * Its reporter asked staff to look at a closed ticket again (ReopenService): back in the queue,
   * unheld, marked so it is done once per ticket. Guarded as the domain rule decided it
   * (`mayReporterReopen`): theirs, resolved or rejected, closed since `closedSince`, not purged,
   * never reopened so before; two taps at once reopen it once. Its history says why. `queuedAt`
   * is unset, so the outbox relay queues it if the caller cannot (Redis down). Null: not reopened.
   */
  async reopenForReporter(id: Id, reporterId: Id, closedSince: Date): Promise<ReportDoc | null> {
    const at = new Date();
    // Marked with the status it left in the same write (a pipeline reads it): a tap again after the line failed writes it (`recordReporterReopen`).
    const before = await this.Report.findOneAndUpdate(
      { _id: oid(id), reporterId: oid(reporterId), status: { $in: ['resolved', 'rejected'] }, closedAt: { $gte: closedSince }, purgedAt: null, reopenedByReporterAt: null },
      [{ $set: { status: 'received', assignee: null, reopenedByReporterAt: at, reopenedByReporterFrom: '$status' } }, { $unset: ['closedAt', 'queuedAt'] }],
      { returnDocument: 'before', updatePipeline: true },
    ).lean<ReportDoc>();
    if (!before) return null;
    const reopened: ReportDoc = { ...before, status: 'received', assignee: null, reopenedByReporterAt: at, reopenedByReporterFrom: before.status, closedAt: null, queuedAt: null };
    await this.recordReporterReopen(reopened);
    return reopened;
  }

  /** The history line of its reporter's reopening (`reopenForReporter`), once however often: its id is fixed by the reopening's time. */
  async recordReporterReopen(report: Pick<ReportDoc, '_id' | 'reopenedByReporterAt' | 'reopenedByReporterFrom'>): Promise<void> {
    if (!report.reopenedByReporterAt) return;
    const line = markedLine(report._id, 'reopened', report.reopenedByReporterAt, { from: report.reopenedByReporterFrom, reason: 'reporter_asked' });
    await this.insertEvents([line]);
  }

  /** Why the ticket was last closed as rejected, as the agent chose it (undefined: another close, or none given). */
  async rejectReasonOf(id: Id): Promise<RejectReason | undefined> {
    const closing = await this.ReportEvent.findOne({ reportId: oid(id), type: 'status_changed', 'data.to': 'rejected' }, { data: 1 }).sort({ at: -1, _id: -1 }).lean<Pick<ReportEventDoc, 'data'>>().exec();
    const reason = closing?.data?.rejectReason;
    return reason === 'spam' || reason === 'duplicate' ? reason : undefined;
  }

  /** The reporter cancelled a report stored early: it stays as a ticket, marked not finished. Null when none was being written. */
  async abandon(key: string): Promise<ReportDoc | null> {
    const left = await this.Report.findOneAndUpdate(
      { idempotencyKey: key, 'unfinished.state': 'writing' },
      { $set: { unfinished: { state: 'cancelled', at: new Date() } } },
      { returnDocument: 'after' },
    ).lean<ReportDoc>();
    if (left) await this.addEvent(left._id, 'abandoned', { kind: 'reporter' });
    return left;
  }

  findById(id: Id): Promise<ReportDoc | null> {
    return this.Report.findById(id).lean<ReportDoc>().exec();
  }

  findByReference(reference: string): Promise<ReportDoc | null> {
    return this.Report.findOne({ reference }).lean<ReportDoc>().exec();
  }

  /** The report's status alone (null: no such report). */
  async statusOf(id: Id): Promise<ReportDoc['status'] | null> {
    const r = await this.Report.findById(id, { status: 1 }).lean<Pick<ReportDoc, 'status'>>().exec();
    return r?.status ?? null;
  }

  findByIdempotencyKey(key: string): Promise<ReportDoc | null> {
    return this.Report.findOne({ idempotencyKey: key }).lean<ReportDoc>().exec();
  }

  /**
   * Records that the ticket's job exists. `first`: the report's first queueing (just created with
   * `submittedWithQueued`, or never taken by an agent): its "submitted" and first "queued" entries
   * are written in one round trip, under ids derived from the report's, BEFORE `queuedAt` is set,
   * so a failure of those leaves `queuedAt` unset and the retry (a tap again, the outbox relay)
   * writes them again as no-ops: each exactly once, and `queuedAt` set means both are there.
   * Triage's links ride along: their history entries in the same insert, the links in the same
   * write as the queued mark (two round trips on the reporter's Confirm where there were four).
   * A failure of only the links never fails the mark: `ok: false`, the report queued and untriaged.
   */
  async markQueued(id: Id, first?: Pick<ReportDoc, '_id' | 'priority' | 'createdAt'>, marks?: Promise<ReportMarks>): Promise<LinksOutcome> {
    const m = (await marks) ?? {};
    if (!first) return this.requeued(id, m);
    // After "submitted" (stamped with the creation time): within the same millisecond the two
    // entries would sort by id, and the derived id of "queued" sorts first for half of processes.
    const createdAt = first.createdAt ?? new Date();
    const at = new Date(Math.max(Date.now(), createdAt.getTime() + 1));
    const self = oid(id);
    const linked = linkedDocs(self, m.links?.entries ?? [], at);
    const own = [submittedDoc({ ...first, createdAt }), eventDoc({ reportId: first._id, type: 'queued', actor: { kind: 'system' } }, at, firstQueuedId(first._id))];
    try {
      await this.insertEvents([...own, ...linked]);
    } catch (err) {
      // Only "linked" entries failed (the insert is unordered): the report's own are there.
      if (!linked.length || !failedOnlyFrom(err, own.length)) throw err;
      await this.setQueuedAt(id);
      return { ok: false, reason: 'links_not_written', err };
    }
    if (!m.links?.similar.length) {
      await this.setQueuedAt(id, m);
      return { ok: true };
    }
    return this.queuedWithLinks(self, m, at);
  }

  /** A report an agent had taken, queued again (rare on a Confirm): the mark first, then what triage found, alone. */
  private async requeued(id: Id, m: ReportMarks): Promise<LinksOutcome> {
    const res = await this.setQueuedAt(id);
    if (res.modifiedCount) await this.addEvent(id, 'queued', { kind: 'system' });
    if (!m.triagedAt && !m.links) return { ok: true };
    try {
      await this.setMarks(id, m);
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: 'links_not_written', err };
    }
  }

  /**
   * The queued mark, then each link, then `triagedAt`, in one ordered write: it stops at the first
   * update that fails, so `triagedAt` is written only with every link. A failure after the queued
   * mark leaves the report queued and untriaged (the outbox relay links it later, or a Confirm of
   * the same draft).
   */
  private async queuedWithLinks(id: Types.ObjectId, { links, ...set }: ReportMarks, now: Date): Promise<LinksOutcome> {
    try {
      await this.withLinks.bulkWrite(
        [{ updateOne: { filter: { _id: id, queuedAt: null }, update: { $set: { queuedAt: now } } } }, ...linkUpdates(links?.similar ?? []), ...marksUpdate(id, set)],
        { ordered: true },
      );
      return { ok: true };
    } catch (err) {
      if (!failedOnlyFrom(err, 1)) throw err;
      return { ok: false, reason: 'links_not_written', err };
    }
  }

  /**
   * Through the driver: on every Confirm, and an id and a date need no casting (mongoose's query
   * layer cost more CPU than the round trip; BENCHMARKS.md). No `updatedAt` (`marksUpdate`).
   * `marks` (without links) ride in the same write; on a report queued meanwhile (the relay) they are written alone.
   */
  private async setQueuedAt(id: Id, { links: _none, ...marks }: ReportMarks = {}) {
    const now = new Date();
    const res = await this.Report.collection.updateOne({ _id: oid(id), queuedAt: null }, { $set: { queuedAt: now, ...marks } });
    if (!res.matchedCount && Object.keys(marks).length) await this.setMarks(id, marks);
    return res;
  }

  /**
   * Marks written on their own: the report was queued before, could not be queued now, or triage
   * ran by itself. Links first (history entries, then each link), `triagedAt` last and only after
   * all of them. Through the driver, without `updatedAt` (`marksUpdate`).
   */
  async setMarks(id: Id, { links, ...set }: ReportMarks): Promise<void> {
    const self = oid(id);
    if (!links?.similar.length) {
      if (Object.keys(set).length) await this.Report.collection.updateOne({ _id: self }, { $set: set });
      return;
    }
    await this.insertEvents(linkedDocs(self, links.entries, new Date()));
    await this.withLinks.bulkWrite([...linkUpdates(links.similar), ...marksUpdate(self, set)], { ordered: true });
  }

  /** The reports collection as the link writes see it through the driver (typed, so `$push` is checked against `similar`). */
  private get withLinks(): mongo.Collection<WithLinks> {
    return this.Report.collection as unknown as mongo.Collection<WithLinks>;
  }

  /**
   * Reports created since `from` whose triage never finished (a database error on the Confirm),
   * unchanged since `settled` (created or its story sent just now: its Confirm may still be linking
   * it; the Confirm's own marks leave `updatedAt`, and the one that ends it is `triagedAt`), newest
   * first; not one still being written (someone in danger, story not sent).
   * The index `{ createdAt: -1, _id: -1 }` narrows it to the window by creation; every report in
   * it is read to test the rest (BENCHMARKS.md, issue 17: the cost of the relay's relinking).
   */
  findUntriaged(limit: number, from: Date, settled: Date): Promise<ReportDoc[]> {
    return this.Report.find({ createdAt: { $gte: from, $lte: settled }, updatedAt: { $lte: settled }, triagedAt: null, unfinished: null })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<ReportDoc[]>()
      .exec();
  }

  /** Reports stored but never queued (Redis was down): the outbox relay's work list. */
  findUnqueued(limit = 100, olderThan?: Date): Promise<ReportDoc[]> {
    const filter: Record<string, unknown> = { status: 'received', queuedAt: null };
    if (olderThan) filter.createdAt = { $lte: olderThan };
    return this.Report.find(filter).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<ReportDoc[]>().exec();
  }

  /**
   * A ticket put back in the queue (release) counts as not queued until its job exists again, so
   * the outbox relay re-adds it if Redis fails in between.
   */
  async markUnqueued(id: Id): Promise<void> {
    await this.Report.updateOne({ _id: oid(id), status: 'received' }, { $set: { queuedAt: null } });
  }

  /**
   * Waiting tickets that should have a `tickets` job, oldest queued first: the relay checks these
   * still do. A page at a time after `after` (the last of the previous page), so a surge's
   * thousands are all checked over a few passes, not only the oldest page again and again. Ids, the
   * sort key and the SLA clock's fields: the few whose job is gone are read again whole.
   */
  findQueuedWaiting(limit = 500, queuedBefore?: Date, after?: WaitingCursor): Promise<WaitingTicket[]> {
    // The lower bound lets the index scan start at the cursor; the $or then splits ties on queuedAt by _id.
    const queuedAt = { $ne: null, ...(queuedBefore ? { $lte: queuedBefore } : {}), ...(after ? { $gte: after.queuedAt } : {}) };
    const filter: Record<string, unknown> = { status: 'received', queuedAt };
    if (after) filter.$or = [{ queuedAt: { $gt: after.queuedAt } }, { queuedAt: after.queuedAt, _id: { $gt: after._id } }];
    const fields = { _id: 1, queuedAt: 1, createdAt: 1, assignedAt: 1, lastEscalatedAt: 1, priority: 1, escalations: 1 };
    return this.Report.find(filter, fields).sort({ queuedAt: 1, _id: 1 }).limit(limit).lean<WaitingTicket[]>().exec();
  }

  /**
   * SLA escalation, atomic and at most once per clock: only a ticket still waiting whose
   * escalation count is the one the clock saw is raised. Returns the updated report or null.
   * `from`: the priority the clock read, kept in the history line (an Urgent or High ticket waits
   * on at its priority: the line says so rather than "priority raised").
   */
  async escalate(id: Id, to: Priority, expected: { escalations: number; from?: Priority }): Promise<ReportDoc | null> {
    const updated = await this.Report.findOneAndUpdate(
      { _id: oid(id), status: 'received', escalations: expected.escalations },
      // $min: never lower than it is now (a reporter's danger may have raised it since the clock read it).
      { $set: { lastEscalatedAt: new Date() }, $min: { priority: to }, $inc: { escalations: 1 } },
      { returnDocument: 'after' },
    ).lean<ReportDoc>();
    if (updated) await this.recordEscalation(updated, expected.from);
    return updated;
  }

  /**
   * A waiting ticket to danger-now's priority (1), when its reporter wrote of danger now: no SLA
   * escalation (nobody waited too long), and a history line naming the message. The report as it
   * was before, or null (taken, or first already).
   */
  /**
   * `alertOwed`: the supervisors' alert for the raise is owed (marked in the same write, so a
   * process that dies before queuing it leaves it for the outbox relay; `clearDangerAlert` clears it).
   */
  async raiseToUrgent(id: Id, messageId: string, opts: { alertOwed?: boolean } = {}): Promise<ReportDoc | null> {
    const set = { priority: 1, dangerSaidAt: new Date(), ...(opts.alertOwed ? { dangerAlertOwed: true } : {}) };
    const before = await this.Report.findOneAndUpdate({ _id: oid(id), status: 'received', priority: { $gt: 1 } }, { $set: set }, { returnDocument: 'before' }).lean<ReportDoc>();
    if (!before) return null;
    const entry = eventDoc({ reportId: before._id, type: 'danger_said', actor: { kind: 'reporter' }, data: { from: before.priority, to: 1, messageId } }, new Date());
    // Raised whatever the history write does (the line is tried twice, as a transition's is).
    await this.insertEvents([entry])
      .catch(() => this.insertEvents([entry]))
      .catch((err: unknown) => this.logger?.warn({ err, reportId: String(id), outcome: 'history_line_missing' }, 'ticket raised; its history line could not be written'));
    return before;
  }

  /** The supervisors' alert for a raise by danger is no longer owed: too old to say. */
  async clearDangerAlert(id: Id): Promise<void> {
    await this.clearDangerAlerts([id]);
  }

  /** These supervisors' alerts for raises by danger are no longer owed: a message to the group carried them (or their tickets no longer wait). */
  async clearDangerAlerts(ids: readonly Id[]): Promise<void> {
    await this.Report.updateMany({ _id: { $in: ids.map(oid) }, dangerAlertOwed: true }, { $unset: { dangerAlertOwed: 1 } }).exec();
  }

  /**
   * Waiting tickets a reporter's message raised to priority 1 (`raiseToUrgent`), the latest raised
   * first: the only waiting tickets whose job can lag behind MongoDB at priority 1 (every other
   * one was queued at it), and the ones whose supervisors' alert may be owed. Read through the
   * `{ status, priority, createdAt }` index: a surge's other urgent tickets are scanned, not returned.
   */
  findRaisedWaiting(limit = 200): Promise<RaisedTicket[]> {
    return this.Report.find({ status: 'received', priority: 1, dangerSaidAt: { $ne: null } }, { _id: 1, priority: 1, dangerSaidAt: 1, dangerAlertOwed: 1 })
      .sort({ dangerSaidAt: -1, _id: -1 })
      .limit(limit)
      .lean<RaisedTicket[]>()
      .exec();
  }

  /**
   * The "escalated" history entry of the report's latest escalation, once: its id is fixed by the
   * report and the escalation count, so an SLA check retried after a failure does not write it twice.
   */
  async recordEscalation(report: Pick<ReportDoc, '_id' | 'priority' | 'escalations' | 'lastEscalatedAt'>, from?: Priority): Promise<void> {
    const at = report.lastEscalatedAt ?? new Date();
    const data = { ...(from !== undefined ? { from } : {}), to: report.priority, escalations: report.escalations };
    const entry = eventDoc({ reportId: report._id, type: 'escalated', actor: { kind: 'system' }, data }, at, escalatedEntryId(report._id, report.escalations, at));
    await this.insertEvents([entry]);
  }

  /** Whether any report of this reporter was sent with their contact details (not anonymous): one is their phone's only reason to be kept. */
  async hasNamed(reporterId: Id): Promise<boolean> {
    return (await this.Report.exists({ reporterId: oid(reporterId), anonymous: false })) !== null;
  }

  /** Open reports of a reporter, newest first (for replies and /status). */
  findOpenByReporter(reporterId: Id): Promise<ReportDoc[]> {
    return this.Report.find({ reporterId: oid(reporterId), status: { $nin: CLOSED_STATUSES } })
      .sort({ createdAt: -1, _id: -1 })
      .lean<ReportDoc[]>()
      .exec();
  }

  /** The same, only what a reporter's message needs (id, reference, category): a smaller read. */
  findOpenSummariesByReporter(reporterId: Id): Promise<ReportSummary[]> {
    return this.Report.find({ reporterId: oid(reporterId), status: { $nin: CLOSED_STATUSES } }, SUMMARY)
      .sort({ createdAt: -1, _id: -1 })
      .lean<ReportSummary[]>()
      .exec();
  }

  /**
   * A reporter's open reports and those closed since `closedSince`, newest first, in one read: a
   * message may be about either (see ConversationService.take).
   */
  findWritableByReporter(reporterId: Id, closedSince: Date): Promise<(ReportSummary & Pick<ReportDoc, 'status'>)[]> {
    return this.Report.find({ reporterId: oid(reporterId), $or: [{ status: { $nin: CLOSED_STATUSES } }, { closedAt: { $gte: closedSince }, purgedAt: null }] }, { ...SUMMARY, status: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<(ReportSummary & Pick<ReportDoc, 'status'>)[]>()
      .exec();
  }

  /** Of these reports, the ones still waiting for an agent: reference, priority and escalations only. */
  findWaitingAmong(ids: Id[]): Promise<AlertedTicket[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.Report.find({ _id: { $in: ids.map(oid) }, status: 'received' }, { _id: 1, reference: 1, priority: 1, escalations: 1, kind: 1, category: 1, county: 1 })
      .lean<AlertedTicket[]>()
      .exec();
  }

  /** The reporter's closed reports, newest first (a reply to a message about one is told it reached no one). */
  findClosedSummariesByReporter(reporterId: Id): Promise<Pick<ReportDoc, '_id' | 'reference'>[]> {
    return this.Report.find({ reporterId: oid(reporterId), status: { $in: CLOSED_STATUSES } }, { _id: 1, reference: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<Pick<ReportDoc, '_id' | 'reference'>[]>()
      .exec();
  }

  /** The reporter's most recent closed report (retention's purge aside), for "that report is closed". */
  findLatestClosedByReporter(reporterId: Id): Promise<Pick<ReportDoc, '_id' | 'reference'> | null> {
    return this.Report.findOne({ reporterId: oid(reporterId), status: { $in: CLOSED_STATUSES }, purgedAt: null }, { _id: 1, reference: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<Pick<ReportDoc, '_id' | 'reference'>>()
      .exec();
  }

  /**
   * The open tickets an agent holds, an incident counted once: its reports are one piece of work,
   * held together and not released one by one, so joining them must not leave the agent unable to take another.
   */
  async countAssignedTo(agentId: Id): Promise<number> {
    const held = await this.Report.find({ assignee: oid(agentId), status: { $in: HELD_STATUSES } }, { _id: 1, status: 1, incident: 1 }).lean<Pick<ReportDoc, '_id' | 'status' | 'incident'>[]>().exec();
    return heldWork(held.map((r) => ({ id: r._id, status: r.status, incident: r.incident })));
  }

  /** What each agent holds against the cap (as `countAssignedTo` counts), for the given agents. */
  async heldWorkOf(agentIds: readonly Id[]): Promise<Map<string, number>> {
    const load = await this.heldLoadOf(agentIds);
    return new Map([...load].map(([id, l]) => [id, l.work]));
  }

  /**
   * What each agent holds against the cap (`work`, as `countAssignedTo` counts) and how many open
   * reports that is (`reports`: an incident's each, referred ones too), for the given agents.
   */
  async heldLoadOf(agentIds: readonly Id[]): Promise<Map<string, { work: number; reports: number }>> {
    const held = await this.Report.find({ assignee: { $in: agentIds.map(oid) }, status: { $in: HELD_STATUSES } }, { _id: 1, assignee: 1, status: 1, incident: 1 })
      .lean<Pick<ReportDoc, '_id' | 'assignee' | 'status' | 'incident'>[]>()
      .exec();
    const of = (id: Id) => held.filter((r) => String(r.assignee) === String(id)).map((r) => ({ id: r._id, status: r.status, incident: r.incident }));
    return new Map(
      agentIds.map((id) => {
        const mine = of(id);
        return [String(id), { work: heldWork(mine), reports: mine.length }];
      }),
    );
  }

  /** Records that the agent holding the ticket has seen it now; nothing if they no longer hold it. */
  async markSeenByHolder(id: Id, agentId: Id, at = new Date()): Promise<void> {
    await this.Report.updateOne({ _id: oid(id), assignee: oid(agentId) }, { $set: { holderSeen: { agentId: oid(agentId), at } } }).exec();
  }

  /** A held ticket's danger run began at `at` (HeldDangerService); nothing once it is closed or back in the queue. */
  async markHeldDanger(id: Id, at: Date): Promise<void> {
    await this.Report.updateOne({ _id: oid(id), status: { $in: HELD_STATUSES } }, { $set: { heldDangerAt: at } }).exec();
  }

  /** Of these reports, the ones an agent holds: what the held-danger verdict and its alert read (never the reporter or their words). */
  findHeldAmong(ids: Id[]): Promise<HeldAlertTicket[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.Report.find({ _id: { $in: ids.map(oid) }, status: { $in: HELD_STATUSES } }, { _id: 1, reference: 1, status: 1, assignee: 1, holderSeen: 1 })
      .lean<HeldAlertTicket[]>()
      .exec();
  }

  findAssignedTo(agentId: Id): Promise<ReportDoc[]> {
    return this.Report.find({ assignee: oid(agentId), status: { $in: HELD_STATUSES } })
      .sort({ priority: 1, createdAt: 1, _id: 1 })
      .lean<ReportDoc[]>()
      .exec();
  }

  /**
   * Atomic status change guarded by the transition table: only succeeds when the current status
   * may move to `to` (and, if given, the ticket is held by `requireAssignee`, or by nobody for
   * null). Returns null otherwise. An error does not say the change was not made (a write-concern
   * timeout): the change carries its own mark, and a change found made is returned, so the
   * caller's follow-ups (the reporter's notice, the queue) run. Its history line, under that mark
   * (once, however often), is tried twice; one that still fails is logged, and does not undo a
   * change that was made.
   */
  async transition(
    id: Id,
    to: Status,
    actor: Actor,
    opts: { assignee?: Id | null; requireAssignee?: Id | null; referral?: { agency: Agency; note?: string; name?: string }; eventData?: Record<string, unknown>; notices?: readonly OwedNotice[] } = {},
  ): Promise<ReportDoc | null> {
    const filter: Record<string, unknown> = { _id: oid(id), status: { $in: sourcesOf(to) } };
    if (opts.requireAssignee !== undefined) filter.assignee = opts.requireAssignee === null ? null : oid(opts.requireAssignee);
    const mark = new Types.ObjectId();
    const set: Record<string, unknown> = { status: to, transitionMark: mark };
    if (to === 'assigned') {
      set.assignee = opts.assignee ? oid(opts.assignee) : null;
      set.assignedAt = new Date();
    }
    if (to === 'received') set.assignee = null;
    // Its time kept apart from the history line's data (the line has its own).
    if (to === 'referred' && opts.referral) set.referral = { ...opts.referral, at: new Date() };
    if (CLOSED_STATUSES.includes(to)) set.closedAt = new Date();
    const type: EventType = to === 'assigned' ? 'assigned' : to === 'received' ? 'released' : to === 'referred' ? 'referred' : 'status_changed';
    const add = (from?: Status) => this.addEvent(oid(id), type, actor, { ...(from ? { from } : {}), to, ...(opts.referral ?? {}), ...(opts.eventData ?? {}) }, mark);
    const line = (from?: Status) =>
      add(from)
        .catch(() => add(from))
        .catch((err: unknown) => this.logger?.warn({ err, reportId: String(id), to, outcome: 'history_line_missing' }, 'status changed; its history line could not be written'));
    let before: ReportDoc | null;
    try {
      // The notices it owes its reporter, in the same write: a failure storing them leaves them here for the outbox relay.
      // `$min`: the oldest still owed keeps its place in the relay's order (a later change must not push it back).
      const owe = opts.notices?.length ? { $set: set, $min: { noticesOwedAt: new Date() }, $push: { noticesOwed: { $each: [...opts.notices] } } } : { $set: set };
      before = await this.Report.findOneAndUpdate(filter, owe, { returnDocument: 'before' }).lean<ReportDoc>();
    } catch (err) {
      const made = await this.Report.findOne({ _id: oid(id), transitionMark: mark }).lean<ReportDoc>().catch(() => null);
      if (!made) throw err;
      await line();
      return made;
    }
    if (!before) return null;
    await line(before.status);
    // With what it owes now (the caller stores them), as the write left it.
    const owed = opts.notices?.length ? { noticesOwed: [...(before.noticesOwed ?? []), ...opts.notices] } : {};
    return { ...before, ...set, ...owed, assignee: (set.assignee as Types.ObjectId | null | undefined) ?? before.assignee } as ReportDoc;
  }

  /**
   * Reports whose status change still owes its reporter notices, written before `settled` (a
   * younger one: the change's own caller may be storing them now), the oldest first: the outbox
   * relay's work list, read from the sparse `noticesOwedAt` index (only these are in it).
   */
  findOwedNotices(limit: number, settled: Date): Promise<Pick<ReportDoc, '_id' | 'reference' | 'reporterForgottenAt' | 'noticesOwed'>[]> {
    return this.Report.find({ noticesOwedAt: { $lte: settled } }, { _id: 1, reference: 1, reporterForgottenAt: 1, noticesOwed: 1 })
      .sort({ noticesOwedAt: 1, _id: 1 })
      .limit(limit)
      .lean<Pick<ReportDoc, '_id' | 'reference' | 'reporterForgottenAt' | 'noticesOwed'>[]>()
      .exec();
  }

  /**
   * Notices an action with no status change owes (the consent question), in a write of their
   * own, only while the report still matches `guard`; false when it no longer does. An error does
   * not say the write was not made (a write-concern timeout): notices found owed count as made,
   * so a retry of the action does not owe them twice.
   */
  async oweNotices(id: Id, notices: readonly OwedNotice[], guard: Record<string, unknown> = {}): Promise<boolean> {
    if (!notices.length) return true;
    try {
      const res = await this.Report.updateOne({ ...guard, _id: oid(id) }, { $min: { noticesOwedAt: new Date() }, $push: { noticesOwed: { $each: [...notices] } } }).exec();
      return res.matchedCount > 0;
    } catch (err) {
      const made = await this.Report.exists({ _id: oid(id), 'noticesOwed._id': notices[0]._id }).catch(() => null);
      if (!made) throw err;
      return true;
    }
  }

  /** These owed notices are stored: no longer owed. Others owed since (a later change's) stay. */
  async clearOwedNotices(id: Id, ids: readonly Types.ObjectId[]): Promise<void> {
    // Usually these are all it owes: one write takes the list off.
    if (ids.length) {
      const all = await this.Report.updateOne({ _id: oid(id), noticesOwed: { $size: ids.length }, 'noticesOwed._id': { $all: [...ids] } }, { $unset: { noticesOwed: 1, noticesOwedAt: 1 } }).exec();
      if (all.modifiedCount) return;
      await this.Report.updateOne({ _id: oid(id) }, { $pull: { noticesOwed: { _id: { $in: [...ids] } } } }).exec();
    }
    await this.Report.updateOne({ _id: oid(id), $or: [{ noticesOwed: { $size: 0 } }, { noticesOwed: { $exists: false } }] }, { $unset: { noticesOwed: 1, noticesOwedAt: 1 } }).exec();
  }

  async setPriority(id: Id, priority: Priority, escalated: boolean): Promise<ReportDoc | null> {
    const update: Record<string, unknown> = { $set: { priority, ...(escalated ? { lastEscalatedAt: new Date() } : {}) } };
    if (escalated) update.$inc = { escalations: 1 };
    return this.Report.findOneAndUpdate({ _id: oid(id) }, update, { returnDocument: 'after' }).lean<ReportDoc>();
  }

  /**
   * Each of the reporter's named tickets with its "reporter unreachable" mark (the reporterId index
   * reads them): an anonymous one changing with them would tell staff whose it is.
   */
  async namedReachOf(reporterId: Id): Promise<Pick<ReportDoc, '_id' | 'reference' | 'reporterUnreachable'>[]> {
    return this.Report.find({ reporterId: oid(reporterId), anonymous: { $ne: true } }, { _id: 1, reference: 1, reporterUnreachable: 1 }).lean<Pick<ReportDoc, '_id' | 'reference' | 'reporterUnreachable'>[]>().exec();
  }

  /**
   * The reports of this reporter not yet marked as forgotten (their reporter asked us to delete
   * their details): what `markReporterForgotten` and `markAnonymousReporterForgotten` need.
   */
  notYetForgotten(reporterId: Id): Promise<Pick<ReportDoc, '_id' | 'reference' | 'status' | 'anonymous' | 'createdAt'>[]> {
    return this.Report.find({ reporterId: oid(reporterId), reporterForgottenAt: null }, { _id: 1, reference: 1, status: 1, anonymous: 1, createdAt: 1 })
      .lean<Pick<ReportDoc, '_id' | 'reference' | 'status' | 'anonymous' | 'createdAt'>[]>()
      .exec();
  }

  /**
   * Its reporter asked us to delete their details: the ticket says so, and that they are out of
   * reach, with one line in its history (no data: nothing about who they were). The line first,
   * under an id made from the report's, then the mark: a process that dies between the two writes
   * the line once when it is done again. True when this call set the mark.
   */
  async markReporterForgotten(id: Id, at: Date): Promise<boolean> {
    await this.insertEvents([eventDoc({ reportId: id, type: 'reporter_forgotten', actor: { kind: 'reporter' } }, at, forgottenEntryId(oid(id)))]);
    const res = await this.Report.updateOne({ _id: oid(id), reporterForgottenAt: null }, { $set: { reporterForgottenAt: at, reporterUnreachable: true } });
    return res.modifiedCount === 1;
  }

  /**
   * `markReporterForgotten` for an anonymous report, without a moment staff could match: its
   * reporter asked when they asked for their named reports too, and the same time on both (the
   * mark, a history line, `updatedAt`) would tell who sent it. So the mark reads the report's own
   * `createdAt`, no line is written, and `updatedAt` stays. True when this call set the mark.
   */
  async markAnonymousReporterForgotten(id: Id, createdAt: Date): Promise<boolean> {
    const res = await this.Report.updateOne({ _id: oid(id), anonymous: true, reporterForgottenAt: null }, { $set: { reporterForgottenAt: createdAt, reporterUnreachable: true } }, { timestamps: false });
    return res.modifiedCount === 1;
  }

  /** True when the mark changed. */
  async setReporterUnreachable(id: Id, unreachable: boolean): Promise<boolean> {
    // A reporter who asked to be forgotten stays out of reach: a message already on its way when they asked does not undo it.
    const reach = unreachable ? {} : { reporterForgottenAt: null };
    const res = await this.Report.updateOne({ _id: oid(id), reporterUnreachable: !unreachable, ...reach }, { $set: { reporterUnreachable: unreachable } });
    if (res.modifiedCount && unreachable) await this.addEvent(id, 'reporter_unreachable', { kind: 'system' });
    return res.modifiedCount === 1;
  }

  /**
   * The report's first history entry. Its _id is the report's own id, so writing it twice is a
   * no-op (duplicate key), even from two bot processes at once.
   */
  addSubmitted(report: Pick<ReportDoc, '_id' | 'priority' | 'createdAt'>): Promise<void> {
    return this.insertEvents([submittedDoc(report)]);
  }

  /** `id` fixed by the caller: the entry is written once however often it is added (a retried message). */
  async addEvent(reportId: Id, type: EventType, actor: Actor, data?: Record<string, unknown>, id?: Types.ObjectId, at = new Date()): Promise<void> {
    await this.insertEvents([eventDoc({ reportId, type, actor, data }, at, id)]);
  }

  /** Several entries in one write (an answer to every reporter of an incident: one each). */
  async addEvents(events: readonly NewEvent[]): Promise<void> {
    const at = new Date();
    await this.insertEvents(events.map(({ id, ...e }) => eventDoc(e, at, id)));
  }

  /**
   * History entries straight through the driver: they are built here from typed values (nothing
   * for the schema to cast or check), and a mongoose document per entry cost more CPU than the
   * write (BENCHMARKS.md, issue 17). An entry already there (same _id: a retried "submitted") is skipped.
   */
  private async insertEvents(entries: ReportEventDoc[]): Promise<void> {
    if (!entries.length) return;
    try {
      await this.ReportEvent.collection.insertMany(entries, { ordered: false });
    } catch (err) {
      if (!onlyDuplicates(err)) throw err;
    }
  }

  /** Whether this agent's view of the report since `since` is already in its audit trail. */
  async viewedBy(reportId: Id, agentId: Id, since: Date): Promise<boolean> {
    return (await this.ReportEvent.exists({ reportId: oid(reportId), type: 'viewed', 'actor.agentId': oid(agentId), at: { $gte: since } })) !== null;
  }

  history(reportId: Id): Promise<ReportEventDoc[]> {
    return this.ReportEvent.find({ reportId: oid(reportId) }).sort({ at: 1, _id: 1 }).lean<ReportEventDoc[]>().exec();
  }
}
