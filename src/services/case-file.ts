import PDFDocument from 'pdfkit';
import {
  asksAboutInjuries,
  asksAboutOthers,
  asksForMedicalRecord,
  countyByCode,
  DAY_MS,
  medicalFormFor,
  REFERENCE_ALPHABET,
  type Status,
  type Agency,
  type CategoryCode,
  type HateChannel,
  type Injuries,
  officersNamed,
  readTimeOfDay,
  type OfficerDetails,
  type OfficerNamed,
  type Perpetrator,
  type PollingStation,
  type ReportKind,
  type ReporterRole,
  type SharedIdentity,
  type WhenChoice,
} from '../domain';
import type { Lang, Translator } from '../i18n';

/**
 * The referral case file an agency (IPOA, ODPP, IEBC, NCIC...) can file: the facts of one report,
 * the identifying details, the evidence list and the messages exchanged with the reporter after the
 * report (the staff's questions with the answers), as a PDF or as an HTML print view. The input has
 * no field for internal notes, so they cannot leak; the reporter's identity is there only as a
 * `SharedIdentity`, which only the consent rule (`identityForCaseFile` in src/domain/consent.ts)
 * produces, and the messages come already stripped of what it withholds (`withheldFromConversation`).
 */
export const CASE_FILE_EVIDENCE_KINDS = ['photo', 'video', 'voice', 'audio', 'document'] as const;
export type CaseFileEvidenceKind = (typeof CASE_FILE_EVIDENCE_KINDS)[number];

export interface CaseFileEvidence {
  kind: CaseFileEvidenceKind;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
  caption?: string;
  /** Forwarded from someone else: who Telegram says first sent it. */
  forwardedFrom?: string;
  /** How long a video, voice note or recording is, as Telegram gave it. */
  durationSec?: number;
}

/**
 * A message after the report: the reporter's, or one Ripoti's staff sent them (an agency reading
 * an answer needs the question). Status notices and internal notes are not part of a case file.
 */
export interface CaseFileMessage {
  at: Date;
  from: 'reporter' | 'staff';
  text?: string;
  /** `archivePath`: where the evidence archive holds a file the reporter sent (`later-messages/01-photo.jpg`). */
  attachment?: { kind: CaseFileEvidenceKind; fileName?: string; archivePath?: string };
  /** The reporter forwarded it from someone else (`from`: as Telegram named them). */
  passedOn?: { from?: string };
}

export interface CaseFileInput {
  reference: string;
  agency: Agency;
  /** The agency's own name when it is none of the listed ones (a referral to OTHER). */
  agencyName?: string;
  /** When Ripoti referred it (absent on referrals made before it was kept). */
  referredAt?: Date;
  kind: ReportKind;
  category: CategoryCode;
  /** The reporter's account of what happened, as written. */
  story?: string;
  /** Told in a voice note instead (the first file of the evidence list): its length when known. */
  storyVoice?: { durationSec?: number };
  /** The story was told in a voice note too, deleted with the files (retention); written words stayed. */
  storyVoiceDeleted?: true;
  /** Texts the reporter forwarded from others: evidence of what was said, not their account. */
  passedOn?: readonly { text: string; from?: string; sentAt?: Date }[];
  /** The language the reporter wrote in (an agency may need an interpreter). */
  reporterLanguage?: Lang;
  /** The ticket's status when the file was made: a file made after the case came back or closed says so. */
  status?: Status;
  /** Stored the moment someone was in danger, and never sent: the reporter stopped (or went quiet) before the end. */
  notFinished?: boolean;
  /** When retention deleted the report's files (the evidence list is then empty for that reason). */
  filesDeletedAt?: Date;
  /** The other reports Ripoti joined into the same incident: references only, never who made them. */
  incidentReferences?: readonly string[];
  /** Absent only for a report stored when someone was in danger and never finished. */
  county?: number;
  constituency?: string;
  ward?: string;
  place?: string;
  location?: { lat: number; lon: number };
  incidentAt?: Date;
  /** The time of day the reporter typed with the day, as typed. */
  timeOfDay?: string;
  /** How the reporter gave the time: anything but "now" means only the day is known. */
  when?: WhenChoice;
  reportedAt: Date;
  dangerNow?: boolean;
  /** When a later message from the reporter said someone was in danger now (the ticket was raised to urgent). */
  dangerSaidAt?: Date;
  reporterRole?: ReporterRole;
  /** Reporting for someone else: who it happened to, as the reporter wrote it. */
  victim?: string;
  officers?: OfficerDetails;
  /** Whether anyone was hurt, treated, and whether a P3 form or a medical report exists (where the category asks). */
  injuries?: Injuries;
  /** Election incidents: who did it as the reporter says, and where hate speech was said or spread. */
  perpetrator?: Perpetrator;
  hateChannel?: HateChannel;
  pollingStation?: PollingStation;
  evidence: readonly CaseFileEvidence[];
  timeline: readonly CaseFileMessage[];
  /** Phone numbers or the reporter's name were blanked in the messages (the identity is not shared): the file says why. */
  timelineWithheld?: boolean;
  /** The phone's location left out with the phone (no consent): its row says so. */
  locationWithheld?: boolean;
  /** Phone numbers, the reporter's name or the phone's location blanked in the report's own fields too. */
  detailsWithheld?: boolean;
  /** The language of the case file (usually the agent's choice, not the reporter's). */
  language: Lang;
  /** Present only when the consent rule allowed it; otherwise the file says how to reach the reporter through Ripoti. */
  reporter: SharedIdentity | null;
  /** Ripoti's messages no longer reach the reporter (they blocked the bot): the file does not promise to pass questions on. */
  reporterUnreachable?: true;
  /** The reporter asked Ripoti to delete their details (/forget): the file says so instead of how to reach them. */
  reporterForgotten?: true;
  /** The reporter said no to giving their name and phone number to this agency, on this day (`consentDeclinedAt`): the file says so. */
  consentDeclinedAt?: Date;
  /** Reported anonymously: the file says so, not only that the identity is "not shared in this file" (which reads as available on request). */
  anonymous?: true;
  /** How the agency reaches Ripoti (set by the operators): the file says "contact Ripoti" in several places. */
  ripotiContact?: string;
  preparedAt: Date;
}

export type CaseFileBlock =
  | { type: 'fields'; rows: { label: string; value: string }[] }
  | { type: 'text'; text: string }
  | { type: 'table'; head: string[]; rows: string[][] }
  | { type: 'messages'; items: { at: string; who: string; text: string }[] };

export interface CaseFileSection {
  heading: string;
  blocks: CaseFileBlock[];
  /** A short section printed whole: a page must not end between a promise and the note that takes it back. */
  keepWhole?: true;
}

/** Everything a case file says, already translated: both renderers draw this and nothing else. */
export interface CaseFileContent {
  lang: Lang;
  title: string;
  subtitle: string;
  prepared: string;
  timesNote: string;
  sections: CaseFileSection[];
  footer: string;
  printTitle: string;
  lossyNote: string;
}

const TZ = 'Africa/Nairobi';
type T = (key: string, vars?: Record<string, unknown>) => string;

function formatters(lang: Lang) {
  const locale = lang === 'sw' ? 'sw-KE' : 'en-KE';
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' });
  // Each time with its zone: a page printed or passed on alone has no header saying it.
  return { dateTime: (d: Date) => `${dateTime.format(d)} EAT`, date: (d: Date) => date.format(d) };
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

const clean = (s: string | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);
const rows = (pairs: [string, string | undefined][]) => pairs.filter((p): p is [string, string] => !!p[1]).map(([label, value]) => ({ label, value }));

/** The agency as the file names it: its own name for one not on the list. */
const agencyLabel = (input: CaseFileInput, t: T) => input.agencyName ?? t(`common:agency.${input.agency}`);

function summarySection(input: CaseFileInput, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  const pairs: [string, string | undefined][] = [
    [t('casefile:field.reference'), input.reference],
    [t('casefile:field.agency'), agencyLabel(input, t)],
    [t('casefile:field.referredAt'), input.referredAt ? f.dateTime(input.referredAt) : undefined],
    [t('casefile:field.kind'), t(`common:kind.${input.kind}`)],
    [t('casefile:field.category'), t(`common:category.${input.category}`)],
    [t('casefile:field.reportedAt'), f.dateTime(input.reportedAt)],
    [t('casefile:field.status'), input.status && input.status !== 'referred' ? t(`casefile:status.${input.status}`) : undefined],
    [t('casefile:field.notFinished'), input.notFinished ? t('casefile:field.notFinishedText') : undefined],
    [t('casefile:field.reporterLanguage'), input.reporterLanguage ? t(`casefile:language.${input.reporterLanguage}`) : undefined],
    [t('casefile:field.incident'), incidentText(input.incidentReferences, t)],
    [t('casefile:field.reporterRole'), input.reporterRole ? t(`casefile:role.${input.reporterRole}`) : undefined],
    [t('casefile:field.victim'), input.reporterRole === 'on_behalf' ? clean(input.victim) ?? t('casefile:field.victimNotGiven') : undefined],
    [t('casefile:field.danger'), dangerText(input, t, f)],
  ];
  return { heading: t('casefile:section.summary'), blocks: [{ type: 'fields', rows: rows(pairs) }] };
}

/** What the reporter said of danger: a no is said too (an empty row read as "not asked"), and a later message that said someone was. */
function dangerText(input: Pick<CaseFileInput, 'dangerNow' | 'dangerSaidAt'>, t: T, f: ReturnType<typeof formatters>): string | undefined {
  const atReport = input.dangerNow === undefined ? undefined : t(input.dangerNow ? 'casefile:field.dangerNow' : 'casefile:field.dangerNone');
  const later = input.dangerSaidAt ? t('casefile:field.dangerLater', { date: f.dateTime(input.dangerSaidAt) }) : undefined;
  return [atReport, later].filter(Boolean).join('\n') || undefined;
}

/** Shown on the file: enough to ask Ripoti for them by reference; the rest counted. */
const INCIDENT_REFS_SHOWN = 30;

function incidentText(refs: readonly string[] | undefined, t: T): string | undefined {
  if (!refs?.length) return undefined;
  const shown = refs.slice(0, INCIDENT_REFS_SHOWN).join(', ');
  const more = refs.length - INCIDENT_REFS_SHOWN;
  return t('casefile:field.incidentText', { count: refs.length, references: more > 0 ? `${shown} ${t('casefile:field.incidentMore', { count: more })}` : shown });
}

function placeSection(input: CaseFileInput, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  const at = input.incidentAt;
  const typed = input.timeOfDay ? clean(input.timeOfDay) : undefined;
  const day = (d: Date) => (typed ? dayAndTime(d, input.reportedAt, typed, t, f) : t('casefile:field.incidentDay', { date: f.date(d) }));
  const when = !at ? t('casefile:notGiven') : input.when === 'now' ? f.dateTime(at) : day(at);
  const loc = input.location ? `${input.location.lat.toFixed(5)}, ${input.location.lon.toFixed(5)}` : undefined;
  const pairs: [string, string | undefined][] = [
    [t('casefile:field.incidentAt'), when],
    [t('casefile:field.county'), countyByCode(input.county ?? 0)?.name ?? t('casefile:notGiven')],
    [t('casefile:field.constituency'), clean(input.constituency)],
    [t('casefile:field.ward'), clean(input.ward)],
    [t('casefile:field.place'), clean(input.place)],
    [t('casefile:field.location'), input.locationWithheld ? t('casefile:timeline.location_withheld') : loc],
  ];
  return { heading: t('casefile:section.place'), blocks: [{ type: 'fields', rows: rows(pairs) }] };
}

/**
 * The day with the time of day the reporter typed: on the 24-hour clock in the file's language
 * where the words settle it (every reading where they allow more), their words beside it as typed.
 */
function dayAndTime(day: Date, reportedAt: Date, typed: string, t: T, f: ReturnType<typeof formatters>): string {
  const date = f.date(day);
  const r = readTimeOfDay(typed);
  if (!r) return t('casefile:field.incidentDayTime', { date, time: typed });
  const next = new Date(day.getTime() + DAY_MS);
  if (r.kind === 'part') {
    // "Jana usiku wa manane" (23:00-04:00), as "jana saa sita usiku": the night after that day as often as its small hours.
    const night = r.part === 'midnight' && next.getTime() <= reportedAt.getTime();
    return t(night ? 'casefile:field.incidentDayPartNight' : 'casefile:field.incidentDayPart', { date, next: f.date(next), part: t(`casefile:day_part.${r.part}`), typed });
  }
  const times = r.readings.join(t('casefile:field.clockOr'));
  // "Either" says two; "saa 4" alone has four (Swahili time or a clock face, morning or night).
  if (r.readings.length > 1) return t(r.readings.length > 2 ? 'casefile:field.incidentDayClocksMany' : 'casefile:field.incidentDayClocks', { date, time: times, typed });
  // "Jana saa nane usiku": 2 am of the night after that day, as often as of its small hours; never a date after the report.
  const [h, m] = r.readings[0].split(/[:–]/).map(Number);
  const nextAt = next.getTime() + (h * 60 + m) * 60_000;
  if (r.afterMidnight && nextAt <= reportedAt.getTime()) return t('casefile:field.incidentDayClockNight', { date, next: f.date(next), time: times, typed });
  return t('casefile:field.incidentDayClock', { date, time: times, typed });
}

function officersSection(o: OfficerDetails | undefined, t: T): CaseFileSection {
  const list = (xs: string[] | undefined) => (xs && xs.length ? xs.join(', ') : undefined);
  const fields = rows([
    ...officersNamedRows(o, t, list),
    [t('casefile:officers.rank'), clean(o?.rank)],
    [t('casefile:officers.unit'), o?.unit ? t(`casefile:unit.${o.unit}`) : undefined],
    [t('casefile:officers.station'), clean(o?.station)],
    [t('casefile:officers.plates'), list(o?.vehiclePlates)],
    [t('casefile:officers.vehicle'), clean(o?.vehicleDescription)],
    [t('casefile:officers.uniform'), [o?.attire ? t(`casefile:attire.${o.attire}`) : undefined, clean(o?.uniform)].filter(Boolean).join('; ') || undefined],
  ]);
  const block: CaseFileBlock = fields.length ? { type: 'fields', rows: fields } : { type: 'text', text: t('casefile:officers.none') };
  return { heading: t('casefile:section.officers'), blocks: [block] };
}

/**
 * Who the officers were: each officer with the service number the reporter wrote with them
 * (`officersNamed`), when some number was written with a name, and the answer as written. A
 * report stored before the answer was kept has the names and the numbers apart, as read then.
 */
function officersNamedRows(o: OfficerDetails | undefined, t: T, list: (xs: string[] | undefined) => string | undefined): [string, string | undefined][] {
  const answer = clean(o?.answer);
  if (!answer) return [[t('casefile:officers.names'), clean(o?.names)], [t('casefile:officers.serviceNumbers'), list(o?.serviceNumbers)]];
  const officers = officersNamed(answer);
  const paired = officers.some((x) => x.name && x.serviceNumber);
  const line = (x: OfficerNamed) =>
    x.name ? t(x.serviceNumber ? 'casefile:officers.named_number' : 'casefile:officers.named_no_number', { name: x.name, number: x.serviceNumber }) : t('casefile:officers.number_only', { number: x.serviceNumber });
  return [
    [t('casefile:officers.each'), paired ? officers.map(line).join('\n') : undefined],
    // Numbers written apart from any name, when nothing was paired (the answer holds them as written too).
    [t('casefile:officers.serviceNumbers'), paired ? undefined : list(officers.flatMap((x) => (x.serviceNumber ? [x.serviceNumber] : [])))],
    [t('casefile:officers.answer'), answer],
  ];
}

/**
 * Who did it, and the polling station, headed as both (misuse of a GK vehicle at a rally, for EACC,
 * has who but no station); for hate speech, who said it and where it was shared.
 */
function electionSection(input: Pick<CaseFileInput, 'category' | 'perpetrator' | 'hateChannel' | 'pollingStation'>, t: T): CaseFileSection {
  const hate = input.category === 'e_hate';
  const p = input.perpetrator;
  const s = input.pollingStation;
  const by = rows([
    [t('casefile:station.by'), [p?.kind ? t(`casefile:perpetrator.${p.kind}`) : undefined, clean(p?.words)].filter(Boolean).join('; ') || undefined],
    [t('casefile:station.how'), input.hateChannel ? t(`casefile:hate_channel.${input.hateChannel}`) : undefined],
  ]);
  const station = rows([
    [t('casefile:station.name'), clean(s?.name)],
    [t('casefile:station.code'), clean(s?.code)],
  ]);
  const blocks: CaseFileBlock[] = [];
  if (by.length) blocks.push({ type: 'fields', rows: by });
  if (station.length) blocks.push({ type: 'fields', rows: station });
  else if (hate) {
    if (!by.length) blocks.push({ type: 'text', text: t('casefile:station.none_hate') });
  } else blocks.push({ type: 'text', text: t(by.length ? 'casefile:station.none' : 'casefile:station.none_all') });
  return { heading: t(hate ? 'casefile:section.hate' : 'casefile:section.election'), blocks };
}

/**
 * Injuries and medical evidence, for the categories that ask (a P3 form is what a charge of
 * assault needs; after sexual violence the PRC form, named so): as answered, or that the reporter
 * did not say. After a killing, of anyone else.
 */
function injuriesSection(input: Pick<CaseFileInput, 'category' | 'injuries'>, t: T): CaseFileSection {
  const i = input.injuries;
  const others = asksAboutOthers(input.category);
  const heading = t('casefile:section.injuries');
  if (!i) return { heading, blocks: [{ type: 'text', text: t('casefile:injuries.not_given') }] };
  const fields = rows([
    [t(others ? 'casefile:injuries.hurt_others' : 'casefile:injuries.hurt'), t(`casefile:injuries.value.${i.hurt === 'none' && others ? 'none_others' : i.hurt}`)],
    // Asked and skipped is said, as a no to danger is: a missing row read as "not asked".
    [t(medicalFormFor(input.category) === 'prc' ? 'casefile:injuries.record_prc' : 'casefile:injuries.record'), asksForMedicalRecord(input.category, i) ? (i.record ? t(`casefile:injuries.record_value.${i.record}`) : t('casefile:notGiven')) : undefined],
  ]);
  return { heading, blocks: [{ type: 'fields', rows: fields }] };
}

/** Files the archive cannot clean of the phone's details for certain (src/lib/media-metadata.ts): left out of it without consent. */
const CLEANABLE_DOCUMENTS = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** An audio file sent as Ogg, MP3 or M4A goes without its tags, as a voice note does (FLAC, WAV, AMR cannot be cleaned). */
const CLEANABLE_AUDIO = new Set(['audio/ogg', 'audio/opus', 'audio/mpeg', 'audio/mp3', 'audio/mp4', 'audio/x-m4a', 'audio/m4a']);
const uncleanable = (e: CaseFileEvidence) =>
  e.kind === 'video' || (e.kind === 'audio' && !CLEANABLE_AUDIO.has(e.mimeType ?? '')) || (e.kind === 'document' && !CLEANABLE_DOCUMENTS.has(e.mimeType ?? ''));

function evidenceSection(evidence: readonly CaseFileEvidence[], deletedAt: Date | undefined, identityShared: boolean, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  if (!evidence.length) {
    const text = deletedAt ? t('casefile:evidence.deleted', { date: f.date(deletedAt) }) : t('casefile:evidence.none');
    return { heading: t('casefile:section.evidence'), blocks: [{ type: 'text', text }] };
  }
  const head = ['#', t('casefile:evidence.file'), t('casefile:evidence.type'), t('casefile:evidence.size'), t('casefile:evidence.caption')];
  const body = evidence.map((e, i) => [
    String(i + 1),
    clean(e.fileName) ?? t('casefile:evidence.unnamed'),
    // The length on a line of its own: "1:35 long" split over two lines read as two things.
    [[t(`casefile:evidence.kind.${e.kind}`), e.mimeType].filter(Boolean).join(', '), e.durationSec ? t('casefile:evidence.length', minSec(e.durationSec)) : undefined].filter(Boolean).join('\n'),
    formatBytes(e.sizeBytes),
    [e.forwardedFrom ? t('casefile:evidence.forwarded_from', { from: clean(e.forwardedFrom) }) : undefined, clean(e.caption)].filter(Boolean).join('\n'),
  ]);
  const blocks: CaseFileBlock[] = [{ type: 'table', head, rows: body }, { type: 'text', text: t('casefile:evidence.archive') }];
  // "Ripoti sends the files" must not read as all of them when the videos and documents stay behind.
  if (!identityShared && evidence.some(uncleanable)) blocks.push({ type: 'text', text: t('casefile:evidence.archive_without_consent') });
  return { heading: t('casefile:section.evidence'), blocks };
}

/** "Sent a file: Photo", with its name, and where the evidence archive holds it. */
function attachmentText(a: NonNullable<CaseFileMessage['attachment']>, t: T): string {
  const sent = t('casefile:timeline.attachment', { kind: t(`casefile:evidence.kind.${a.kind}`), file: a.fileName ?? '' }).trim();
  return a.archivePath ? `${sent} ${t('casefile:timeline.in_archive', { path: a.archivePath })}` : sent;
}

function timelineSection(input: CaseFileInput, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  const items = [...input.timeline]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((m) => {
      const passed = m.passedOn ? (m.passedOn.from ? t('casefile:timeline.forwarded_from', { from: clean(m.passedOn.from) }) : t('casefile:timeline.forwarded')) : undefined;
      const parts = [passed, clean(m.text)];
      if (m.attachment) parts.push(attachmentText(m.attachment, t));
      return { at: f.dateTime(m.at), who: t(`casefile:timeline.from.${m.from}`), text: parts.filter(Boolean).join('\n') };
    })
    .filter((m) => m.text);
  if (!items.length) return { heading: t('casefile:section.timeline'), blocks: [{ type: 'text', text: t('casefile:timeline.none') }] };
  // Nothing to ask Ripoti for once the reporter asked to be forgotten: the reporter's section says so.
  // An anonymous report's words keep every name (see withheldNote): only its numbers and addresses were blanked.
  const withheld: CaseFileBlock[] = input.timelineWithheld && !input.reporterForgotten ? [{ type: 'text', text: t(input.anonymous ? 'casefile:timeline.withheld_anonymous' : 'casefile:timeline.withheld', { reference: input.reference }) }] : [];
  return { heading: t('casefile:section.timeline'), blocks: [{ type: 'messages', items }, ...withheld] };
}

/** Someone else's words the reporter forwarded, apart from their own account: sender and time as Telegram gave them. */
function passedOnSection(passedOn: NonNullable<CaseFileInput['passedOn']>, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  const items = passedOn.map((p) => ({ at: p.sentAt ? f.dateTime(p.sentAt) : '', who: clean(p.from) ?? t('casefile:passed_on.unknown'), text: clean(p.text) ?? '' }));
  return { heading: t('casefile:section.passed_on'), blocks: [{ type: 'text', text: t('casefile:passed_on.intro') }, { type: 'messages', items }] };
}

/** A length in seconds as minutes and two-digit seconds ("1:05"). */
const minSec = (sec: number) => ({ min: Math.floor(sec / 60), sec: String(sec % 60).padStart(2, '0') });

/** The story as written; a story told in a voice note points to its file, not "not given". */
function storySection(input: CaseFileInput, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  const voice = input.storyVoice;
  const length = voice?.durationSec ? t('casefile:story.length', minSec(voice.durationSec)) : '';
  // Retention deletes a voice-note story with the files: say so rather than "not given".
  const missing = input.filesDeletedAt ? t('casefile:story.deleted', { date: f.date(input.filesDeletedAt) }) : t('casefile:notGiven');
  // Told in a voice note with words written after it: both, the voice note first.
  const gone = input.storyVoiceDeleted && input.filesDeletedAt && input.story ? t('casefile:story.voice_deleted', { date: f.date(input.filesDeletedAt) }) : undefined;
  const texts = [voice ? t('casefile:story.voice', { length }).trim() : gone, clean(input.story)].filter((x): x is string => !!x);
  return { heading: t('casefile:section.story'), blocks: (texts.length ? texts : [missing]).map((text) => ({ type: 'text' as const, text })) };
}

function reporterSection(input: CaseFileInput, t: T, f: ReturnType<typeof formatters>): CaseFileSection {
  // No identity, no consent, no way to reach them: their details are gone, and so is any answer they gave.
  if (input.reporterForgotten) return { heading: t('casefile:section.reporter'), blocks: [{ type: 'text', text: t('casefile:reporter.forgotten', { reference: input.reference }) }] };
  const agency = agencyLabel(input, t);
  const r = input.reporter;
  const blocks: CaseFileBlock[] = r
    ? [
        { type: 'fields', rows: rows([[t('casefile:reporter.name'), clean(r.name)], [t('casefile:reporter.phone'), clean(r.phone)]]) },
        { type: 'text', text: t('casefile:reporter.consented', { date: f.date(r.consentAt), agency }) },
      ]
    : [{ type: 'text', text: withheldText(input, agency, t, f) }];
  if (input.reporterUnreachable) blocks.push({ type: 'text', text: t('casefile:reporter.unreachable') });
  // An anonymous report keeps its words as written, names included (blanking a name would show which
  // word was the reporter's): its note says only numbers, addresses and the phone's place are withheld.
  if (input.detailsWithheld) blocks.push({ type: 'text', text: t(input.anonymous ? 'casefile:reporter.details_withheld_anonymous' : 'casefile:reporter.details_withheld', { reference: input.reference }) });
  return { heading: t('casefile:section.reporter'), blocks, keepWhole: true };
}

/** Why the identity is not in the file: anonymous, a no to this agency (with its day), or not shared (never asked, or not for this viewer). */
function withheldText(input: CaseFileInput, agency: string, t: T, f: ReturnType<typeof formatters>): string {
  if (input.anonymous) return t('casefile:reporter.anonymous', { reference: input.reference });
  if (input.consentDeclinedAt) return t('casefile:reporter.declined', { reference: input.reference, agency, date: f.date(input.consentDeclinedAt) });
  return t('casefile:reporter.withheld', { reference: input.reference });
}

/** Last, where the agency looks for whom to call: Ripoti's own contact, with the reference to quote. */
function ripotiSection(input: CaseFileInput, t: T): CaseFileSection {
  return { heading: t('casefile:section.ripoti'), blocks: [{ type: 'text', text: t('casefile:ripoti_contact', { contact: clean(input.ripotiContact), reference: input.reference }) }] };
}

/** What the case file says, in the input's language. Pure: the renderers only lay it out. */
export function caseFileContent(input: CaseFileInput, translator: Translator): CaseFileContent {
  const t: T = (key, vars) => translator.t(input.language, key, vars);
  const f = formatters(input.language);
  const agency = agencyLabel(input, t);
  const sections = [
    summarySection(input, t, f),
    placeSection(input, t, f),
    input.kind === 'police' ? officersSection(input.officers, t) : electionSection(input, t),
    ...(asksAboutInjuries(input.category) ? [injuriesSection(input, t)] : []),
    storySection(input, t, f),
    ...(input.passedOn?.length ? [passedOnSection(input.passedOn, t, f)] : []),
    evidenceSection(input.evidence, input.filesDeletedAt, input.reporter !== null, t, f),
    timelineSection(input, t, f),
    reporterSection(input, t, f),
    ...(clean(input.ripotiContact) ? [ripotiSection(input, t)] : []),
  ];
  return {
    lang: input.language,
    title: t('casefile:title', { agency }),
    subtitle: t('casefile:subtitle'),
    prepared: t('casefile:preparedOn', { date: f.dateTime(input.preparedAt) }),
    timesNote: t('casefile:timesNote'),
    sections,
    footer: t('casefile:footer', { reference: input.reference }),
    printTitle: t('casefile:printTitle', { reference: input.reference }),
    lossyNote: t('casefile:lossy'),
  };
}

/** A download name such as `ripoti-R-7KQ2-M4XD-IPOA.pdf` (reference and agency only: no personal data). */
export function caseFileName(input: Pick<CaseFileInput, 'reference' | 'agency'>, ext: 'pdf' | 'html'): string {
  return `ripoti-${input.reference}-${input.agency}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

// ---- PDF ----

/** Windows-1252 characters above 0x7F outside Latin-1: what the PDF standard fonts can draw. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const drawable = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
};

/**
 * The PDF uses the standard Helvetica fonts (no font files to ship), which draw Windows-1252 only.
 * Letters with other accents lose the accent (ŝ -> s); anything else (emoji, other scripts)
 * becomes "?" and the file says so. The HTML print view shows everything as sent.
 */
export function toPdfText(s: string): { text: string; lossy: boolean } {
  let lossy = false;
  let out = '';
  for (const ch of s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (drawable(ch)) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base && [...base].every(drawable)) out += base;
      else {
        lossy = true;
        out += '?';
      }
    }
  }
  return { text: out, lossy };
}

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const MUTED = '#555555';

interface Pen {
  doc: PDFKit.PDFDocument;
  lossy: boolean;
  write(s: string): string;
  /** `s` drawn at (x, y) in the current font, `width` wide, its lines broken at spaces only (`linesAtSpaces`). */
  text(s: string, x: number, y: number, width: number): void;
  /** How tall `text` draws `s` in the current font. */
  height(s: string, width: number): number;
}

/** Room kept at each line's end: pdfkit measures a word with a hyphen in parts, a hair wider than whole. */
const WRAP_SLACK = 2;

/**
 * `text` with its lines broken here, at spaces only, each at most `width` as `measure` gives it
 * (a word wider than that alone on its line), for pdfkit to draw as broken: pdfkit breaks a line
 * after a hyphen too, and a reference ended a line as "R-" and went on as "MXDR-KQ7A" on the next,
 * where an investigator searching the file for it did not find it.
 */
export function linesAtSpaces(text: string, width: number, measure: (s: string) => number): string {
  const paragraph = (p: string) => {
    const lines: string[] = [];
    let line = '';
    // Each word with the spaces after it, measured apart as pdfkit measures it.
    let used = 0;
    for (const token of p.match(/^\s+|\S+\s*/g) ?? []) {
      if (line.trim() && used + measure(token.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = '';
        used = 0;
      }
      line += token;
      used += measure(token);
    }
    return [...lines, line.trimEnd()].join('\n');
  };
  return text.split('\n').map(paragraph).join('\n');
}

function penFor(doc: PDFKit.PDFDocument): Pen {
  return {
    doc,
    lossy: false,
    write(s) {
      const r = toPdfText(s);
      if (r.lossy) this.lossy = true;
      return r.text;
    },
    text(s, x, y, width) {
      doc.text(linesAtSpaces(this.write(s), width - WRAP_SLACK, (w) => doc.widthOfString(w)), x, y, { width });
    },
    height(s, width) {
      return doc.heightOfString(linesAtSpaces(toPdfText(s).text, width - WRAP_SLACK, (w) => doc.widthOfString(w)), { width });
    },
  };
}

function drawFields(pen: Pen, blockRows: { label: string; value: string }[]): void {
  const { doc } = pen;
  const width = doc.page.width - 2 * MARGIN;
  const labelW = 170;
  for (const r of blockRows) {
    // A label and its value start on the same page (pdfkit would break only the value).
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const y = doc.y;
    doc.font(BOLD).fontSize(10).fillColor(MUTED);
    pen.text(r.label, MARGIN, y, labelW - 10);
    const afterLabel = doc.y;
    doc.font(FONT).fillColor(INK);
    pen.text(r.value, MARGIN + labelW, y, width - labelW);
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
}

function drawTable(pen: Pen, head: string[], body: string[][]): void {
  const { doc } = pen;
  const width = doc.page.width - 2 * MARGIN;
  const cols = [0.05, 0.33, 0.22, 0.12, 0.28].map((p) => p * width);
  const full = (room: number) => doc.y > doc.page.height - MARGIN - room;
  // A row's height as drawn: a row that does not fit goes whole to the next page (pdfkit would carry its long caption on alone).
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(0, ...cells.map((c, i) => pen.height(c, cols[i] - 6)));
  };
  const drawRow = (cells: string[], font: string) => {
    const y = doc.y;
    let x = MARGIN;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.font(font).fontSize(9).fillColor(INK);
      pen.text(c, x, y, cols[i] - 6);
      bottom = Math.max(bottom, doc.y);
      x += cols[i];
    });
    doc.moveTo(MARGIN, bottom + 2).lineTo(MARGIN + width, bottom + 2).strokeColor('#cccccc').lineWidth(0.5).stroke();
    doc.y = bottom + 5;
  };
  // The header with at least the first row; on every page the table goes on to, the header again.
  if (full(rowHeight(head, BOLD) + rowHeight(body[0] ?? [], FONT) + 10)) doc.addPage();
  drawRow(head, BOLD);
  body.forEach((r) => {
    if (full(rowHeight(r, FONT) + 5)) {
      doc.addPage();
      drawRow(head, BOLD);
    }
    drawRow(r, FONT);
  });
  doc.x = MARGIN;
}

function drawBlock(pen: Pen, block: CaseFileBlock): void {
  const { doc } = pen;
  const width = doc.page.width - 2 * MARGIN;
  if (block.type === 'fields') drawFields(pen, block.rows);
  else if (block.type === 'table') drawTable(pen, block.head, block.rows);
  else if (block.type === 'text') {
    doc.font(FONT).fontSize(10).fillColor(INK);
    pen.text(block.text, MARGIN, doc.y, width);
  } else {
    for (const m of block.items) {
      if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
      doc.font(BOLD).fontSize(9).fillColor(MUTED);
      pen.text(`${m.at} · ${m.who}`, MARGIN, doc.y, width);
      doc.font(FONT).fontSize(10).fillColor(INK);
      pen.text(m.text, MARGIN + 10, doc.y, width - 10);
      doc.moveDown(0.4);
    }
  }
  doc.moveDown(0.4);
}

function drawFooters(doc: PDFKit.PDFDocument, content: CaseFileContent, translator: Translator, write: (s: string) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 15;
    const page = translator.t(content.lang, 'casefile:page', { page: i + 1, pages: range.count });
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(write(content.footer), MARGIN, y, { width: doc.page.width - 2 * MARGIN - 90, lineBreak: false });
    doc.text(write(page), doc.page.width - MARGIN - 90, y, { width: 90, align: 'right', lineBreak: false });
  }
}

/** The case file as a PDF (A4). */
export function renderCaseFilePdf(input: CaseFileInput, translator: Translator): Promise<Buffer> {
  const content = caseFileContent(input, translator);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: content.printTitle, Author: 'Ripoti', Subject: content.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pen = penFor(doc);
  const write = (s: string) => pen.write(s);
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(18).fillColor(INK);
  pen.text(content.title, MARGIN, doc.y, width);
  doc.font(FONT).fontSize(10).fillColor(MUTED);
  pen.text(content.subtitle, MARGIN, doc.y, width);
  doc.moveDown(0.3);
  pen.text(`${content.prepared}. ${content.timesNote}`, MARGIN, doc.y, width);
  doc.moveDown(0.8);
  for (const section of content.sections) {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.font(BOLD).fontSize(13).fillColor(INK);
    pen.text(section.heading, MARGIN, doc.y, width);
    doc.moveTo(MARGIN, doc.y + 1).lineTo(MARGIN + width, doc.y + 1).strokeColor(INK).lineWidth(0.8).stroke();
    doc.moveDown(0.4);
    section.blocks.forEach((b) => drawBlock(pen, b));
  }
  if (pen.lossy) {
    doc.font(FONT).fontSize(9).fillColor(MUTED);
    pen.text(content.lossyNote, MARGIN, doc.y, width);
  }
  drawFooters(doc, content, translator, write);
  doc.end();
  return done;
}

// ---- HTML print view ----

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A reference number as Ripoti writes it ("R-7KQ2-M4XD"), not inside a longer word. */
const REFERENCE_RE = new RegExp(`(?<![\\p{L}\\p{N}])R-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Escaped, each reference on one line (`.ref`): a browser breaks a line after a hyphen, and a
 * reference printed or saved as "R-" / "MXDR-KQ7A" is not found by a search.
 */
const escapeText = (s: string) => escapeHtml(s).replace(REFERENCE_RE, (r) => `<span class="ref">${r}</span>`);

const multiline = (s: string) => escapeText(s).replace(/\n/g, '<br>');

function blockHtml(b: CaseFileBlock): string {
  if (b.type === 'fields') return `<dl>${b.rows.map((r) => `<dt>${escapeHtml(r.label)}</dt><dd>${multiline(r.value)}</dd>`).join('')}</dl>`;
  if (b.type === 'text') return `<p>${multiline(b.text)}</p>`;
  if (b.type === 'table') {
    const head = `<tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    return `<table><thead>${head}</thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${multiline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
  return `<ol class="messages">${b.items.map((m) => `<li><time>${escapeHtml(m.at)}</time> · <b>${escapeHtml(m.who)}</b><p>${multiline(m.text)}</p></li>`).join('')}</ol>`;
}

/** In print, the evidence table's header on every page it goes on to, and no file's row cut between two pages. */
const PRINT_CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.1rem;border-bottom:1px solid #1a1a1a;margin:1.5rem 0 .5rem}
.muted{color:#555}dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600;color:#555}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ccc;padding:.25rem .4rem;vertical-align:top}
.messages{list-style:none;padding:0}.messages time{font-weight:600;color:#555}.messages p{margin:.1rem 0 .6rem 1rem}
.ref{white-space:nowrap}footer{margin-top:2rem;font-size:.85rem;color:#555}@media print{body{margin:0}h2{break-after:avoid}thead{display:table-header-group}tr,section.whole{break-inside:avoid}}`;

/** The same case file as a self-contained HTML page to print from the browser; every value is escaped. */
export function renderCaseFileHtml(input: CaseFileInput, translator: Translator): string {
  const c = caseFileContent(input, translator);
  const sections = c.sections.map((s) => `<section${s.keepWhole ? ' class="whole"' : ''}><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(blockHtml).join('')}</section>`).join('\n');
  return `<!doctype html>
<html lang="${c.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(c.printTitle)}</title><style>${PRINT_CSS}</style></head>
<body><header><h1>${escapeHtml(c.title)}</h1><p class="muted">${escapeHtml(c.subtitle)}</p><p class="muted">${escapeHtml(c.prepared)}. ${escapeHtml(c.timesNote)}</p></header>
${sections}
<footer>${escapeText(c.footer)}</footer></body></html>
`;
}
