import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  STATUSES, REPORT_KINDS, AGENCIES, PRIORITIES, REPORTER_ROLES, POLICE_UNITS, OFFICER_ATTIRES, ELECTION_ACTORS, HATE_CHANNELS,
  HURT_ANSWERS, MEDICAL_RECORD_ANSWERS, type Injuries,
  type Status, type ReportKind, type Agency, type Priority, type WhenChoice, type OfficerDetails, type PollingStation, type ReporterRole,
  type HateChannel, type Perpetrator,
} from '../domain';
import type { Sealed } from './identity-cipher';

export type Lang = 'en' | 'sw';

const sealedSchema = new Schema<Sealed>({ k: String, iv: String, tag: String, ct: String }, { _id: false });

/** A reporter's identity lives apart from reports, encrypted; found only by keyed hash. */
export interface ReporterDoc {
  _id: Types.ObjectId;
  lookupHash: string;
  identity: Sealed;
  /** The language they chose; gone with the identity (purged): readers fall back to the report's. */
  language?: Lang;
  /** True after retention purged the identity: the reporter can no longer be reached. */
  purged?: boolean;
  /**
   * The hour of their latest Confirm. Retention leaves an identity seen in the last six hours: a
   * Confirm may be between reading its reporter and storing its report.
   */
  seenAt?: Date;
  /**
   * When the reporter asked us to delete their details (/forget): set first, so that a request
   * stopped half-way (a crash) is finished by the next /forget or retention's hourly pass, which
   * also looks for a week at reports stored under the record meanwhile (src/services/retention.ts).
   */
  forgetAskedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const reporterSchema = new Schema<ReporterDoc>(
  {
    lookupHash: { type: String, required: true, unique: true },
    identity: { type: sealedSchema, required: true },
    language: { type: String, enum: ['en', 'sw'], default: 'en' },
    purged: { type: Boolean, default: false },
    seenAt: { type: Date },
    forgetAskedAt: { type: Date },
  },
  { timestamps: true },
);
reporterSchema.index({ seenAt: 1 }); // retention: reporters whose Confirm stored no report
reporterSchema.index({ forgetAskedAt: 1 }, { sparse: true }); // retention: requests to be forgotten left half-way

export const EVIDENCE_KINDS = ['photo', 'video', 'voice', 'audio', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  kind: EvidenceKind;
  fileId: string;
  fileUniqueId: string;
  size?: number;
  mimeType?: string;
  fileName?: string;
  caption?: string;
  durationSec?: number;
  /** Forwarded from someone else: who Telegram says first sent it (a channel's video of hate speech). */
  forwardedFrom?: string;
}

const evidenceSchema = new Schema<Evidence>(
  {
    kind: { type: String, enum: EVIDENCE_KINDS, required: true },
    fileId: { type: String, required: true },
    fileUniqueId: { type: String, required: true },
    size: Number,
    mimeType: String,
    fileName: String,
    caption: String,
    durationSec: Number,
    forwardedFrom: String,
  },
  { _id: false },
);

/**
 * A text the reporter passed on from someone else (Telegram's forward): evidence of what was said
 * or spread (a hate-speech post, a threat), never the reporter's own account. `from`: the sender
 * or channel as Telegram names it; `sentAt`: when the original was sent.
 */
export interface PassedOn {
  text: string;
  from?: string;
  sentAt?: Date;
}

const passedOnSchema = new Schema<PassedOn>({ text: { type: String, required: true }, from: String, sentAt: Date }, { _id: false });

export interface ElectoralUnitRef {
  code: number;
  name: string;
}

const unitRefSchema = new Schema<ElectoralUnitRef>({ code: { type: Number, required: true }, name: { type: String, required: true } }, { _id: false });

const officersSchema = new Schema<OfficerDetails>(
  {
    answer: String,
    names: String,
    serviceNumbers: { type: [String], default: undefined },
    rank: String,
    unit: { type: String, enum: POLICE_UNITS },
    station: String,
    vehiclePlates: { type: [String], default: undefined },
    vehicleDescription: String,
    attire: { type: String, enum: OFFICER_ATTIRES },
    uniform: String,
  },
  { _id: false },
);

/** Whether anyone was hurt and treated, and whether a P3 form or a medical report exists: codes only. */
const injuriesSchema = new Schema<Injuries>(
  { hurt: { type: String, enum: HURT_ANSWERS, required: true }, record: { type: String, enum: MEDICAL_RECORD_ANSWERS } },
  { _id: false },
);

export const UNFINISHED_STATES = ['writing', 'cancelled'] as const;
export type UnfinishedState = (typeof UNFINISHED_STATES)[number];

/** Where and when may wait while the report is unfinished; every finished report has them. */
function requiredUnlessUnfinished(this: { unfinished?: unknown }): boolean {
  return !this.unfinished;
}

export interface ReportDoc {
  _id: Types.ObjectId;
  reference: string;
  /** The wizard draft's id: a double-tapped Confirm or a re-delivered update finds the same report. */
  idempotencyKey: string;
  reporterId: Types.ObjectId;
  language: Lang;
  kind: ReportKind;
  category: string;
  /** `voiceDeleted`: a voice-note story went with the files (retention) while written words stayed. */
  description: { text?: string; voice?: Evidence; voiceDeleted?: boolean };
  /** Absent only while the report is `unfinished` (stored at "someone is in danger", before the reporter said where). */
  county?: number;
  place?: string;
  location?: { lat: number; lon: number };
  /** Absent only while `unfinished`, like `county`. */
  when?: WhenChoice;
  incidentAt?: Date;
  /** A time of day the reporter typed with the day ("saa nne usiku"), as typed. */
  timeOfDay?: string;
  dangerNow: boolean;
  anonymous: boolean;
  evidence: Evidence[];
  /** Texts forwarded from someone else: kept as evidence, apart from the story (absent when none). */
  passedOn?: PassedOn[];
  /** Optional details for the agency (issue 15); absent when the reporter skipped them. */
  reporterRole?: ReporterRole;
  /** Reporting for someone else: who it happened to, as the reporter wrote it (IPOA needs the victim). */
  victim?: string;
  officers?: OfficerDetails;
  /** Injuries and medical evidence, where the category asks (brutality, killing, sexual abuse, election violence); absent when skipped. */
  injuries?: Injuries;
  /** Election incidents: who did it (a kind, or the reporter's words), and for hate speech where it was said or spread. */
  perpetrator?: Perpetrator;
  hateChannel?: HateChannel;
  pollingStation?: PollingStation;
  /** IEBC units, code and name (the name is what supervisors search for). */
  constituency?: ElectoralUnitRef;
  ward?: ElectoralUnitRef;
  /**
   * Set when the report was stored and queued the moment the reporter said someone is in danger,
   * before the rest was typed (issue 14): `writing` while the wizard goes on, `cancelled` when the
   * reporter cancelled it (the ticket stays: an agent can still reach them). `at`: when the state
   * began. Removed when the reporter sends the report.
   */
  /** `at`: when it was stored; `lastAt`: the reporter's latest answer since (what they wrote shows as they go). */
  /**
   * `reopenedAt`/`reopenedFrom`: a send reopened it closed (`reopenUnfinished`), in the same write,
   * so a send again writes the history line a failure left out (once: its id is fixed by the time).
   */
  unfinished?: { state: UnfinishedState; at: Date; lastAt?: Date; reopenedAt?: Date; reopenedFrom?: Status } | null;
  /** When a send completed it, stored early (`complete`), in the same write: a send again writes the "completed" line a failure left out. */
  completedAt?: Date;
  /** When a send again made it anonymous (`makeAnonymous`), in the same write: a send again writes the "made_anonymous" line a failure left out. */
  madeAnonymousAt?: Date;
  status: Status;
  priority: Priority;
  assignee?: Types.ObjectId | null;
  assignedAt?: Date | null;
  /** Null until the `tickets` job exists: the outbox relay re-queues reports left null. */
  queuedAt?: Date | null;
  escalations: number;
  lastEscalatedAt?: Date | null;
  /** When a message from the reporter saying someone is in danger now raised this waiting ticket to priority 1 (once). */
  dangerSaidAt?: Date | null;
  /**
   * True from that raise until the supervisors' alert for it is queued: the outbox relay queues one
   * left owed (the process died or Redis failed between the raise and the alert). Absent otherwise.
   */
  dangerAlertOwed?: boolean;
  /**
   * Notices to the reporter an action owes (closed, referred, taken back, the rating question,
   * taken, the consent question), written in the same write as the action under ids chosen before it: stored as
   * messages under those ids (once, however often), then taken off. The outbox relay stores the
   * ones a failure left here. `noticesOwedAt`: when the oldest still owed was written (the relay's
   * sparse index holds only reports that owe some). Absent otherwise.
   */
  noticesOwed?: OwedNotice[];
  noticesOwedAt?: Date;
  /**
   * On a ticket an agent holds: when the reporter's danger message its holder has not opened began
   * (several in a row keep the first). A hand-over starts the new holder's watch from it.
   */
  heldDangerAt?: Date | null;
  /**
   * `name`: the agency's own name when it is none of the listed ones (OTHER). `at`: when it was
   * referred (absent on referrals made before it was kept).
   */
  referral?: { agency: Agency; note?: string; name?: string; at?: Date } | null;
  /** When the agent holding the ticket last looked at it (the console's unread marker). */
  holderSeen?: { agentId: Types.ObjectId; at: Date } | null;
  /** The last status change's own id (its history line's too): tells whether a change reported as failed was made. */
  transitionMark?: Types.ObjectId;
  reporterUnreachable: boolean;
  closedAt?: Date | null;
  /**
   * When its reporter, disagreeing with the closure, had it reopened (a tap under "your report is
   * closed"): at most once per ticket (src/domain/reopen.ts), so it stays set once written.
   */
  reopenedByReporterAt?: Date | null;
  /** The status that reopening left (resolved or rejected), in the same write: a tap again writes the history line a failure left out. */
  reopenedByReporterFrom?: Status;
  /**
   * When its reporter asked us to delete their details (/forget): the report stays, without who
   * sent it; staff can no longer write to them (domain policy refuses a reply). Set once.
   */
  reporterForgottenAt?: Date | null;
  purgedAt?: Date | null;
  /** Reports probably about the same event (issue 16), strongest first; written both ways on intake. */
  similar?: SimilarLink[];
  /** When intake linked this report against recent ones; null until then. */
  triagedAt?: Date | null;
  /** The incident this report was joined into (several reports of one event, one agent). */
  incident?: { id: Types.ObjectId; joinedAt: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One link to a report probably about the same event: the domain linker's score and reasons
 * (src/domain/triage, LinkReason), seen from this report. Reasons carry story words: shown to
 * agents, never logged.
 */
export interface SimilarLink {
  reportId: Types.ObjectId;
  score: number;
  reasons: Record<string, unknown>[];
  at: Date;
}

const similarSchema = new Schema<SimilarLink>(
  { reportId: { type: Schema.Types.ObjectId, required: true }, score: { type: Number, required: true }, reasons: { type: Schema.Types.Mixed, default: [] }, at: { type: Date, required: true } },
  { _id: false },
);

export const reportSchema = new Schema<ReportDoc>(
  {
    reference: { type: String, required: true, unique: true },
    idempotencyKey: { type: String, required: true, unique: true },
    reporterId: { type: Schema.Types.ObjectId, required: true },
    language: { type: String, enum: ['en', 'sw'], required: true },
    kind: { type: String, enum: REPORT_KINDS, required: true },
    category: { type: String, required: true },
    description: { text: String, voice: { type: evidenceSchema, default: undefined }, voiceDeleted: { type: Boolean, default: undefined } },
    county: { type: Number, min: 1, max: 47, required: requiredUnlessUnfinished },
    place: String,
    location: { type: new Schema({ lat: Number, lon: Number }, { _id: false }), default: undefined },
    when: { type: String, enum: ['now', 'today', 'yesterday', 'date'], required: requiredUnlessUnfinished },
    incidentAt: { type: Date, required: requiredUnlessUnfinished },
    timeOfDay: { type: String, maxlength: 60 },
    dangerNow: { type: Boolean, required: true },
    anonymous: { type: Boolean, required: true },
    evidence: { type: [evidenceSchema], default: [] },
    passedOn: { type: [passedOnSchema], default: undefined },
    reporterRole: { type: String, enum: REPORTER_ROLES },
    victim: String,
    officers: { type: officersSchema, default: undefined },
    injuries: { type: injuriesSchema, default: undefined },
    perpetrator: { type: new Schema<Perpetrator>({ kind: { type: String, enum: ELECTION_ACTORS }, words: String }, { _id: false }), default: undefined },
    hateChannel: { type: String, enum: HATE_CHANNELS },
    pollingStation: { type: new Schema<PollingStation>({ name: String, code: String }, { _id: false }), default: undefined },
    constituency: { type: unitRefSchema, default: undefined },
    ward: { type: unitRefSchema, default: undefined },
    unfinished: { type: new Schema({ state: { type: String, enum: UNFINISHED_STATES, required: true }, at: { type: Date, required: true }, lastAt: { type: Date }, reopenedAt: { type: Date }, reopenedFrom: { type: String, enum: STATUSES } }, { _id: false }), default: undefined },
    completedAt: { type: Date, default: undefined },
    madeAnonymousAt: { type: Date, default: undefined },
    status: { type: String, enum: STATUSES, required: true, default: 'received' },
    priority: { type: Number, enum: PRIORITIES, required: true },
    assignee: { type: Schema.Types.ObjectId, default: null },
    assignedAt: { type: Date, default: null },
    queuedAt: { type: Date, default: null },
    escalations: { type: Number, default: 0 },
    lastEscalatedAt: { type: Date, default: null },
    dangerSaidAt: { type: Date, default: undefined },
    dangerAlertOwed: { type: Boolean, default: undefined },
    noticesOwed: { type: [Schema.Types.Mixed], default: undefined },
    noticesOwedAt: { type: Date, default: undefined },
    heldDangerAt: { type: Date, default: undefined },
    referral: { type: new Schema({ agency: { type: String, enum: AGENCIES }, note: String, name: String, at: Date }, { _id: false }), default: null },
    holderSeen: { type: new Schema({ agentId: Schema.Types.ObjectId, at: Date }, { _id: false }), default: null },
    transitionMark: { type: Schema.Types.ObjectId, default: undefined },
    reporterUnreachable: { type: Boolean, default: false },
    closedAt: { type: Date, default: null },
    reopenedByReporterAt: { type: Date, default: undefined },
    reopenedByReporterFrom: { type: String, enum: STATUSES, default: undefined },
    reporterForgottenAt: { type: Date, default: undefined },
    purgedAt: { type: Date, default: null },
    similar: { type: [similarSchema], default: undefined },
    triagedAt: { type: Date, default: null },
    incident: { type: new Schema({ id: { type: Schema.Types.ObjectId, required: true }, joinedAt: { type: Date, required: true } }, { _id: false }), default: null },
  },
  // Keep an empty `description` ({}): a report stored at "someone is in danger" has no story yet,
  // and every reader expects the object (mongoose would drop it at save).
  { timestamps: true, minimize: false },
);
// Indexes for the queries the bot, queue and console make.
reportSchema.index({ reporterId: 1, status: 1, createdAt: -1 }); // reporter's open tickets, /status
// Outbox relay: unqueued reports, and the reconcile's walk through waiting tickets in (queuedAt, _id) order.
reportSchema.index({ status: 1, queuedAt: 1, _id: 1 });
reportSchema.index({ assignee: 1, status: 1 }); // an agent's tickets, per-agent cap
reportSchema.index({ status: 1, priority: 1, createdAt: 1 }); // queue page, supervisor filters
reportSchema.index({ category: 1, county: 1, createdAt: -1 }); // supervisor counts
// Retention: purgedAt first, so both its queries (not yet purged and closed before the cut-off;
// purged in the last week) read only what they return, not every report ever closed.
reportSchema.index({ purgedAt: 1, closedAt: 1 });
reportSchema.index({ createdAt: -1, _id: -1 }); // supervisor list, newest first (and the CSV export, read backwards)
reportSchema.index({ 'officers.vehiclePlates': 1 }, { sparse: true }); // supervisors: reports naming one vehicle
reportSchema.index({ 'constituency.code': 1, 'ward.code': 1 }, { sparse: true }); // supervisors: election reports by unit
reportSchema.index({ county: 1, incidentAt: 1 }); // triage: recent reports of a county within the link window
reportSchema.index({ 'incident.id': 1 }, { sparse: true }); // the members of an incident
reportSchema.index({ 'similar.reportId': 1, status: 1 }, { sparse: true }); // waiting reports linked into an incident
// Outbox relay: reports whose status change still owes its reporter a notice (a report is stored without one: intake writes no entry).
reportSchema.index({ noticesOwedAt: 1 }, { sparse: true });

export const EVENT_TYPES = [
  'submitted',
  'queued',
  'assigned',
  'released',
  'status_changed',
  'referred',
  'note',
  'viewed',
  'escalated',
  /** A waiting ticket put first because its reporter wrote of danger now: `data` { from, to: 1, messageId }. */
  'danger_said',
  'reply_queued',
  'reply_delivered',
  'delivery_failed',
  'reporter_message',
  'reporter_unreachable',
  'purged',
  /** A referral case file was produced: `data` { agency, withIdentity, format, language }. */
  'case_file',
  /** The evidence was downloaded as one archive: `data` { agency, withIdentity, language, files, missing, complete }. */
  'evidence_archive',
  /** The agent asked the reporter whether an agency may have their phone number: `data` { agency }. */
  'consent_asked',
  /** The reporter's answer: `data` { agency, answer: 'yes' | 'no' }. */
  'consent_answered',
  /** The reporter's one-tap answer after the ticket closed: `data` { rating }. */
  'rated',
  /** Intake linked this report to others probably about the same event: `data` { reportIds, scores }. */
  'linked',
  /** Joined into an incident: `data` { incidentId, holder }. */
  'incident_joined',
  /** Taken out of its incident: `data` { incidentId }. */
  'incident_split',
  /** One answer to every reporter of the incident: `data` { incidentId, messageId }. */
  'incident_reply',
  /** The reporter sent a report that was stored early because someone was in danger. */
  'completed',
  /** The reporter cancelled such a report before sending it: the ticket stays open. */
  'abandoned',
  /**
   * Back in the queue from a closed status. `data` { from }: a report stored early whose ticket was
   * closed before the rest was sent; `data` { from, reason: 'reporter_asked' }: its reporter asked
   * staff to look at it again after it was closed.
   */
  'reopened',
  /** Sent again anonymously after a send that failed once stored: the identity is withheld from then on. */
  'made_anonymous',
  /** A supervisor gave the held ticket to another account: `data` { fromAgent, toAgent } (agent ids). */
  'handed_over',
  /** The reporter asked us to delete their details (/forget): no `data`, nothing about who they were. */
  'reporter_forgotten',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Actor {
  kind: 'reporter' | 'agent' | 'system';
  agentId?: Types.ObjectId | string;
}

/** Per-report history and audit trail: every agent action (view, note, status, reply, release). */
export interface ReportEventDoc {
  _id: Types.ObjectId;
  reportId: Types.ObjectId;
  type: EventType;
  actor: Actor;
  data?: Record<string, unknown>;
  at: Date;
}

export const reportEventSchema = new Schema<ReportEventDoc>({
  reportId: { type: Schema.Types.ObjectId, required: true },
  type: { type: String, enum: EVENT_TYPES, required: true },
  actor: { kind: { type: String, enum: ['reporter', 'agent', 'system'], required: true }, agentId: Schema.Types.ObjectId },
  data: { type: Schema.Types.Mixed },
  at: { type: Date, required: true, default: () => new Date() },
});
reportEventSchema.index({ reportId: 1, at: 1 });

/**
 * A notice an action owes its reporter (`ReportDoc.noticesOwed`): the message's id, key and
 * variables; `line`: the history line that goes with it (the consent question's "asked"), written
 * under the same id just before the message, so it is there, once, whenever the message is.
 * `at`: when it was owed, the time its message is stored at however late (not in notices owed by
 * releases before it: their id's second stands in, `owedAt`).
 */
export interface OwedNotice {
  _id: Types.ObjectId;
  key: string;
  at?: Date;
  vars?: Record<string, string>;
  line?: { type: EventType; actor: Actor; data?: Record<string, unknown>; at: Date };
}

/** The conversation between agents and a reporter, relayed by the bot. */
export interface MessageDoc {
  _id: Types.ObjectId;
  reportId: Types.ObjectId;
  direction: 'to_reporter' | 'from_reporter';
  /** Agent replies and status notices are both sent to the reporter; notices are rendered in their language at send time. */
  kind: 'text' | 'notice' | 'photo' | 'voice' | 'video' | 'document';
  text?: string;
  /** An answer written in both languages (an incident's answer to all): each reporter gets theirs at send time. */
  texts?: { en?: string; sw?: string };
  notice?: { key: string; vars?: Record<string, string> };
  media?: Evidence;
  /** From the reporter, forwarded from someone else: who Telegram says sent it, and when (not the reporter's own words). */
  passedOn?: Omit<PassedOn, 'text'>;
  agentId?: Types.ObjectId | null;
  delivery: 'pending' | 'sent' | 'failed' | 'received';
  /** Why it failed: `blocked` (the reporter had blocked the bot) is sent again once they are back. */
  failedAs?: 'blocked';
  /** The language a message to the reporter went out in (notices and two-language answers are rendered at send time). */
  sentIn?: Lang;
  telegramMessageId?: number;
  /**
   * A send of this message in flight (`by` one attempt of one worker) until `until`: another job
   * for the same message (Redis lost the first one, and the outbox relay queued it again) waits
   * for it instead of sending it a second time. Cleared when the message is recorded.
   */
  sending?: { by: string; until: Date };
  createdAt: Date;
  updatedAt: Date;
}

export const messageSchema = new Schema<MessageDoc>(
  {
    reportId: { type: Schema.Types.ObjectId, required: true },
    direction: { type: String, enum: ['to_reporter', 'from_reporter'], required: true },
    kind: { type: String, enum: ['text', 'notice', 'photo', 'voice', 'video', 'document'], required: true },
    text: String,
    texts: { type: new Schema({ en: String, sw: String }, { _id: false }), default: undefined },
    notice: { type: new Schema({ key: String, vars: Schema.Types.Mixed }, { _id: false }), default: undefined },
    media: { type: evidenceSchema, default: undefined },
    passedOn: { type: new Schema({ from: String, sentAt: Date }, { _id: false }), default: undefined },
    agentId: { type: Schema.Types.ObjectId, default: null },
    delivery: { type: String, enum: ['pending', 'sent', 'failed', 'received'], required: true },
    failedAs: { type: String, enum: ['blocked'], default: undefined },
    sentIn: { type: String, enum: ['en', 'sw'], default: undefined },
    telegramMessageId: Number,
    sending: { type: new Schema({ by: String, until: Date }, { _id: false }), default: undefined },
  },
  { timestamps: true },
);
messageSchema.index({ reportId: 1, createdAt: 1 });
messageSchema.index({ delivery: 1, createdAt: 1 }); // outbox relay: pending outgoing messages

export interface Models {
  Reporter: Model<ReporterDoc>;
  Report: Model<ReportDoc>;
  ReportEvent: Model<ReportEventDoc>;
  Message: Model<MessageDoc>;
}

/** Models are bound to a connection (never the global mongoose) so tests can build many graphs. */
export function createModels(conn: Connection): Models {
  return {
    Reporter: conn.models.Reporter ?? conn.model<ReporterDoc>('Reporter', reporterSchema),
    Report: conn.models.Report ?? conn.model<ReportDoc>('Report', reportSchema),
    ReportEvent: conn.models.ReportEvent ?? conn.model<ReportEventDoc>('ReportEvent', reportEventSchema, 'report_events'),
    Message: conn.models.Message ?? conn.model<MessageDoc>('Message', messageSchema),
  };
}
