import { Types, type Model, type mongo } from 'mongoose';
import { CLOSED_STATUSES, type Status } from '../domain';
import type { ReportDoc, SimilarLink } from './models';

type Id = Types.ObjectId | string;
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** What the linker reads of a stored report (a projection: no identity, no evidence). */
export type TriageFields = Pick<ReportDoc, '_id' | 'updatedAt' | 'kind' | 'category' | 'county' | 'createdAt' | 'incidentAt' | 'when' | 'place' | 'description' | 'officers' | 'pollingStation'>;
const TRIAGE_PROJECTION = { updatedAt: 1, kind: 1, category: 1, county: 1, createdAt: 1, incidentAt: 1, when: 1, place: 1, 'description.text': 1, 'officers.station': 1, 'officers.vehiclePlates': 1, pollingStation: 1 };

/** The fields a linked or joined ticket shows on another ticket's page. */
export type LinkedSummary = Pick<ReportDoc, '_id' | 'reference' | 'category' | 'kind' | 'county' | 'incidentAt' | 'when' | 'createdAt' | 'status' | 'assignee' | 'incident' | 'language' | 'priority' | 'dangerNow' | 'purgedAt'>;
const SUMMARY_PROJECTION = { reference: 1, category: 1, kind: 1, county: 1, incidentAt: 1, when: 1, createdAt: 1, status: 1, assignee: 1, incident: 1, language: 1, priority: 1, dangerNow: 1, purgedAt: 1 };

/** What an answer to all reads of each report of an incident: whether it goes, and in which language (no story, no identity). */
export type AnswerFacts = Pick<ReportDoc, '_id' | 'reference' | 'status' | 'priority' | 'assignee' | 'incident' | 'anonymous' | 'language' | 'reporterId' | 'purgedAt' | 'reporterForgottenAt'>;
const ANSWER_PROJECTION = { reference: 1, status: 1, priority: 1, assignee: 1, incident: 1, anonymous: 1, language: 1, reporterId: 1, purgedAt: 1, reporterForgottenAt: 1 };

/** A report as the link writes see it through the driver (typed, so `$push` is checked against `similar`). */
export type WithLinks = Pick<ReportDoc, '_id' | 'similar' | 'updatedAt' | 'queuedAt' | 'triagedAt'>;

/** The most links one report keeps (the strongest): what a ticket page can show usefully. */
export const MAX_LINKS = 20;

/** One link to add to one report's `similar` list. */
export interface LinkWrite {
  id: Id;
  link: SimilarLink;
}

/**
 * The updates that add each link once (guarded by the other report's id), for one bulk write on
 * the reports collection. A report keeps its `MAX_LINKS` strongest: on a busy event every later
 * report links back to the first ones, and their documents (read and rewritten on every link)
 * grew without end. Through the driver: the links are built from typed values, and mongoose's
 * casting of a bulk write cost more CPU than its round trip (BENCHMARKS.md, issue 17). No
 * `updatedAt`: a link changes no words the linker keeps, and moving it made every other process's
 * next Confirm in the county read the report again (`versionsInWindow`).
 */
export function linkUpdates(entries: readonly LinkWrite[]): mongo.AnyBulkWriteOperation<WithLinks>[] {
  return entries.map(({ id, link }) => ({
    updateOne: {
      filter: { _id: oid(id), 'similar.reportId': { $ne: link.reportId } },
      update: { $push: { similar: { $each: [link], $sort: { score: -1 }, $slice: MAX_LINKS } } },
    },
  }));
}

/**
 * Links between reports of one event and the incidents they are joined into (issue 16). Every
 * write is a guarded single-document update, so two agents acting at once cannot leave a
 * report in two incidents or joined while someone else changed it.
 */
export class IncidentRepository {
  constructor(private readonly Report: Model<ReportDoc>) {}

  /**
   * The reports of these counties whose incident time is in [from, to] (the index {county,
   * incidentAt} answers it), each with its `updatedAt`: the linker keeps each report's words, and
   * a report's text can change (its reporter's name blanked on /forget), so it reads again one
   * whose `updatedAt` moved. Every write through mongoose moves it (timestamps); only the marks a
   * Confirm writes through the driver, which change no text (`ReportRepository.markQueued`, the
   * links), leave it.
   */
  versionsInWindow(counties: readonly number[], from: Date, to: Date): Promise<{ _id: Types.ObjectId; updatedAt?: Date }[]> {
    // Through the driver (on every Confirm; see ReportRepository.setQueuedAt), its rows as they come:
    // a busy county's window is thousands of them.
    return this.Report.collection.find<{ _id: Types.ObjectId; updatedAt?: Date }>({ county: { $in: [...counties] }, incidentAt: { $gte: from, $lte: to } }, { projection: { _id: 1, updatedAt: 1 } }).toArray();
  }

  /** What the linker reads of these reports. */
  triageFields(ids: Id[]): Promise<TriageFields[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.Report.find({ _id: { $in: ids.map(oid) } }, TRIAGE_PROJECTION).lean<TriageFields[]>().exec();
  }

  /** Short facts of other tickets, for a ticket page's lists; in the order of `ids`. */
  async summaries(ids: Id[]): Promise<LinkedSummary[]> {
    if (!ids.length) return [];
    const rows = await this.Report.find({ _id: { $in: ids.map(oid) } }, SUMMARY_PROJECTION).lean<LinkedSummary[]>().exec();
    const byId = new Map(rows.map((r) => [r._id.toString(), r]));
    return ids.flatMap((id) => byId.get(id.toString()) ?? []);
  }

  /** Every report of the incident, oldest first. */
  members(incidentId: Id): Promise<ReportDoc[]> {
    return this.Report.find({ 'incident.id': oid(incidentId) }).sort({ createdAt: 1, _id: 1 }).lean<ReportDoc[]>().exec();
  }

  /** The ids of the incident's reports. */
  async memberIds(incidentId: Id): Promise<Types.ObjectId[]> {
    const rows = await this.Report.find({ 'incident.id': oid(incidentId) }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec();
    return rows.map((r) => r._id);
  }

  /** The incident's reports still held (open, not waiting), oldest id first: the order every hand-over claims them in. */
  async heldMemberIds(incidentId: Id): Promise<Types.ObjectId[]> {
    const rows = await this.Report.find({ 'incident.id': oid(incidentId), status: { $nin: [...CLOSED_STATUSES, 'received'] } }, { _id: 1 }).sort({ _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec();
    return rows.map((r) => r._id);
  }

  /**
   * Waiting reports in no incident whose own links point at one of `members` with at least
   * `minScore`, oldest first (`limit` of them, as summaries), and how many there are (counted up
   * to `countUpTo`). In a surge each new report links to a few of the incident's many reports:
   * this is how the rest are found. Someone in danger (priority 1) and a report not finished are
   * left out: they are taken from the queue one by one, first.
   */
  async waitingLinkedInto(members: readonly Types.ObjectId[], opts: { limit: number; countUpTo: number; minScore: number }): Promise<{ rows: LinkedSummary[]; total: number }> {
    if (!members.length) return { rows: [], total: 0 };
    const filter = {
      status: 'received' as const,
      incident: null,
      priority: { $gt: 1 as const },
      unfinished: null,
      similar: { $elemMatch: { reportId: { $in: [...members] }, score: { $gte: opts.minScore } } },
    };
    const [rows, total] = await Promise.all([
      opts.limit > 0 ? this.Report.find(filter, SUMMARY_PROJECTION).sort({ createdAt: 1, _id: 1 }).limit(opts.limit).lean<LinkedSummary[]>().exec() : Promise.resolve([]),
      // countDocuments with limit 0 is a `$limit: 0`, which MongoDB refuses.
      opts.countUpTo > 0 ? this.Report.countDocuments(filter).limit(opts.countUpTo).exec() : Promise.resolve(0),
    ]);
    return { rows, total };
  }

  /** Every report of the incident as a list shows it (no story, no links): an incident may hold thousands. */
  memberSummaries(incidentId: Id): Promise<LinkedSummary[]> {
    return this.Report.find({ 'incident.id': oid(incidentId) }, SUMMARY_PROJECTION).sort({ createdAt: 1, _id: 1 }).lean<LinkedSummary[]>().exec();
  }

  /** Every report of the incident as an answer to all (and a refer or close of all) reads it (an incident may hold thousands). */
  answerFacts(incidentId: Id): Promise<AnswerFacts[]> {
    return this.Report.find({ 'incident.id': oid(incidentId) }, ANSWER_PROJECTION).lean<AnswerFacts[]>().exec();
  }

  /**
   * Puts an open report into the incident, unless it is closed or meanwhile in another one; with
   * `holder`, only while that agent holds it (not released or moved since the caller looked).
   */
  async setIncident(id: Id, incidentId: Id, holder?: Id): Promise<boolean> {
    const inc = oid(incidentId);
    const notHeld: Status[] = holder ? [...CLOSED_STATUSES, 'received'] : [...CLOSED_STATUSES];
    const held = { status: { $nin: notHeld }, ...(holder ? { assignee: oid(holder) } : {}) };
    const res = await this.Report.updateOne(
      { _id: oid(id), ...held, $or: [{ incident: null }, { 'incident.id': inc }] },
      { $set: { incident: { id: inc, joinedAt: new Date() } } },
    ).exec();
    return res.matchedCount === 1;
  }

  /** Takes a report out of the incident; false if it was not (or no longer) in it. */
  async clearIncident(id: Id, incidentId: Id): Promise<boolean> {
    const res = await this.Report.updateOne({ _id: oid(id), 'incident.id': oid(incidentId) }, { $set: { incident: null } }).exec();
    return res.modifiedCount === 1;
  }

  /** Moves a held, open ticket from `from` to `to` (a supervisor joining it into an incident). */
  async reassign(id: Id, from: Id, to: Id): Promise<boolean> {
    const res = await this.Report.updateOne(
      { _id: oid(id), assignee: oid(from), status: { $nin: [...CLOSED_STATUSES, 'received'] } },
      { $set: { assignee: oid(to), assignedAt: new Date(), holderSeen: null } },
    ).exec();
    return res.modifiedCount === 1;
  }
}
