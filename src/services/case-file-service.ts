import { consentDeclinedAt, identityForCaseFile, isAgency, otherAgencyName, keepOfficersNamed, keepOfficersNamedAsIn, keepVictimNamedAsIn, withheldFromConversation, type Agency, type CategoryCode, type ConsentAnswer } from '../domain';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { MessageDoc, ReportDoc, ReportEventDoc, Store } from '../store';
import { laterFilePath } from './archive-names';
import { caseFileName, renderCaseFileHtml, renderCaseFilePdf, type CaseFileEvidence, type CaseFileInput, type CaseFileMessage } from './case-file';
import type { AgentRef } from './ticket-actions';
import { withheldMarks, type WithheldMarks } from './withheld-marks';

export type CaseFileFormat = 'pdf' | 'html';

export type CaseFileResult =
  | { ok: true; fileName: string; contentType: string; body: Buffer | string; withIdentity: boolean }
  | { ok: false; reason: 'not_referred' };

export interface CaseFileRequest {
  format: CaseFileFormat;
  /** The agent's choice, not the reporter's language. */
  language: Lang;
  /** False when the viewer may not see who reported (src/domain/policy.ts): then no identity either way. */
  viewerMaySeeIdentity: boolean;
}

/** The consent answers recorded for a report (`consent_answered` events), oldest first. */
export function consentAnswers(history: readonly ReportEventDoc[]): ConsentAnswer[] {
  return history.flatMap((e) => {
    const agency = e.data?.agency;
    const answer = e.data?.answer;
    if (e.type !== 'consent_answered' || !isAgency(agency) || (answer !== 'yes' && answer !== 'no')) return [];
    const agencyName = typeof e.data?.name === 'string' ? { agencyName: e.data.name } : {};
    return [{ agency, answer, at: e.at, ...(e.data?.covers === 'name_phone' ? { covers: 'name_phone' as const } : {}), ...agencyName }];
  });
}

/**
 * The referral case file of one referred ticket, for the agency it was referred to: built from
 * the report, the messages exchanged with the reporter after it (never internal notes or status
 * notices) and, only when the consent rule allows it, the reporter's name and phone; what it
 * does not allow is blanked in the messages too. Every file produced is written to the audit
 * trail: who, when, which agency, with or without identity.
 */
export class CaseFileService {
  /** `contact`: how an agency reaches Ripoti (`AGENCY_CONTACT`), which the file's "contact Ripoti" needs. */
  constructor(private readonly deps: { store: Store; translator: Translator; logger?: Logger; now?: () => Date; contact?: string }) {}

  async produce(report: ReportDoc, agent: AgentRef, req: CaseFileRequest): Promise<CaseFileResult> {
    const agency = report.referral?.agency;
    if (!agency) return { ok: false, reason: 'not_referred' };
    const { store, translator } = this.deps;
    const [history, messages] = await Promise.all([store.reports.history(report._id), store.messages.listForReport(report._id)]);
    const { reporter, withhold } = await identityRule(store, report, agency, history, req.viewerMaySeeIdentity);
    const incidentReferences = await this.incidentReferences(report);
    const marks = withheldMarks(translator, req.language);
    const conversation = this.conversation(report, messages, withhold, marks);
    const input = withheldFromReport(
      {
        ...caseFileInput(report, agency, conversation, { language: req.language, reporter, preparedAt: this.deps.now?.() ?? new Date() }),
        ...(incidentReferences.length ? { incidentReferences } : {}),
        ...(this.deps.contact ? { ripotiContact: this.deps.contact } : {}),
        ...declinedFor(report, agency, history, reporter),
      },
      withhold,
      marks,
    );
    const body = req.format === 'pdf' ? await renderCaseFilePdf(input, translator) : renderCaseFileHtml(input, translator);
    const withIdentity = reporter !== null;
    // "Another agency" by its name, as the referral and the consent answers are: a file for one named
    // agency must not read, in the history, like a file for the next.
    const otherName = otherAgencyName(agency, report.referral);
    const name = otherName ? { name: otherName } : {};
    await store.reports.addEvent(report._id, 'case_file', { kind: 'agent', agentId: agent.id }, { agency, ...name, withIdentity, format: req.format, language: req.language });
    this.deps.logger?.info({ reportId: report._id.toString(), agency, withIdentity, format: req.format, outcome: 'case_file' }, 'case file produced');
    return { ok: true, fileName: caseFileName(input, req.format), contentType: req.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8', body, withIdentity };
  }

  /** The messages after the report, with what the identity rule withholds blanked (`withheldFromConversation`). */
  private conversation(report: ReportDoc, messages: readonly MessageDoc[], withhold: Withhold, marks: WithheldMarks): Pick<CaseFileInput, 'timeline' | 'timelineWithheld'> {
    let withheld = false;
    // "Did Cpl Otieno..." as the officers' answer names him, though the reporter is an Otieno too.
    const blankText = identityBlank(withhold, marks, { officers: report.officers?.names, victim: report.victim });
    const blank = (s: string) => {
      const out = blankText(s);
      withheld ||= out !== s;
      return out;
    };
    // A file sent later carries its own name ("wanjiru-0733..pdf"), blanked like the words.
    const timeline = timelineOf(messages, report.language, blank).map((m) => ({
      ...m,
      ...(m.text ? { text: blank(m.text) } : {}),
      ...(m.passedOn?.from ? { passedOn: { from: blank(m.passedOn.from) } } : {}),
    }));
    return { timeline, ...(withheld ? { timelineWithheld: true } : {}) };
  }

  /** References of the other reports of this report's incident, oldest first. */
  private async incidentReferences(report: ReportDoc): Promise<string[]> {
    if (!report.incident) return [];
    const members = await this.deps.store.incidents.memberSummaries(report.incident.id);
    return members.filter((m) => !m._id.equals(report._id)).map((m) => m.reference);
  }
}

/** What the identity rule keeps out of a document: phone numbers (and the phone's location) unless the phone is shared, these name words unless the name is. */
export interface Withhold {
  phone: boolean;
  names: string[];
  /** The reporter's own numbers (a contactable reporter's, never an anonymous one's: see SECURITY.md). */
  phones: string[];
  /** Their Telegram username, withheld with the name ("reach me on @..." names them as surely). */
  usernames: string[];
}


/**
 * What a document without (part of) the reporter's identity writes for the reporter's words:
 * `withheldFromConversation`, except an officer named by title as the officers' answer names them
 * and the victim as the reporter named them (`keepVictimNamedAsIn`), though they share a word of
 * the reporter's name. The case file and the evidence archive blank alike.
 */
export function identityBlank(withhold: Withhold, marks: WithheldMarks, named: { officers?: string; victim?: string }): (s: string) => string {
  const blank = (s: string) => withheldFromConversation(s, withhold, marks);
  return (s) => keepOfficersNamedAsIn(s, (x) => keepVictimNamedAsIn(x, blank, named.victim, withhold.names), named.officers);
}

/**
 * The identity a document for `agency` may carry (null: none), and so what it must blank: the
 * case file and the evidence archive decide alike.
 */
export async function identityRule(store: Store, report: ReportDoc, agency: Agency, history: readonly ReportEventDoc[], viewerMaySeeIdentity: boolean): Promise<{ reporter: CaseFileInput['reporter']; withhold: Withhold }> {
  const who = await knownIdentity(store, report);
  const reporter = viewerMaySeeIdentity ? sharedIdentityOf(report, agency, history, who) : null;
  const nameHidden = !reporter?.name;
  return {
    reporter,
    withhold: { phone: !reporter?.phone, names: nameHidden && who.name ? [who.name] : [], phones: reporter?.phone || !who.phone ? [] : [who.phone], usernames: nameHidden && who.username ? [who.username] : [] },
  };
}

/**
 * The report's own words and files blanked as its conversation is (a story saying "call me on
 * 07..", a photo captioned with the reporter's name), and the location the phone shared left out
 * with the phone: the rule is the identity's, wherever the reporter wrote it.
 */
function withheldFromReport(input: CaseFileInput, withhold: Withhold, marks: WithheldMarks): CaseFileInput {
  // An officer named by title as the officers' answer names them stays, whatever the reporter's own name; so does the victim as named.
  const blank = identityBlank(withhold, marks, { officers: input.officers?.names, victim: input.victim });
  const out: CaseFileInput = {
    ...input,
    ...(input.story !== undefined ? { story: blank(input.story) } : {}),
    ...(input.place !== undefined ? { place: blank(input.place) } : {}),
    // Typed with the day, as the reporter wrote it ("saa nne usiku, call me on 07..").
    ...(input.timeOfDay !== undefined ? { timeOfDay: blank(input.timeOfDay) } : {}),
    ...(input.victim !== undefined ? { victim: blank(input.victim) } : {}),
    // A forwarded chat may name the reporter or carry their number ("call Achieng on 07.."), and the sender may be the reporter's contact.
    ...(input.passedOn ? { passedOn: input.passedOn.map((p) => ({ ...p, text: blank(p.text), ...(p.from !== undefined ? { from: blank(p.from) } : {}) })) } : {}),
    evidence: input.evidence.map((e) => ({ ...e, ...(e.fileName !== undefined ? { fileName: blank(e.fileName) } : {}), ...(e.caption !== undefined ? { caption: blank(e.caption) } : {}), ...(e.forwardedFrom !== undefined ? { forwardedFrom: blank(e.forwardedFrom) } : {}) })),
    ...withheldFromDetails(input, blank),
  };
  if (withhold.phone && out.location) {
    delete out.location;
    out.locationWithheld = true;
  }
  const changed = out.locationWithheld || out.story !== input.story || out.place !== input.place || out.timeOfDay !== input.timeOfDay || out.victim !== input.victim || out.evidence.some((e, i) => e.fileName !== input.evidence[i].fileName || e.caption !== input.evidence[i].caption || e.forwardedFrom !== input.evidence[i].forwardedFrom)
    || JSON.stringify([out.officers, out.perpetrator, out.pollingStation, out.passedOn]) !== JSON.stringify([input.officers, input.perpetrator, input.pollingStation, input.passedOn]);
  return changed ? { ...out, detailsWithheld: true } : input;
}

/**
 * The details typed in the reporter's words (officers, who did it, the polling station) blanked
 * alike: "Sgt Otieno, call me on 07.." at the officers question is stored as typed. The supervisors'
 * CSV drops numbers from the same fields; tapped codes and plates carry no identity and stay.
 */
function withheldFromDetails(input: CaseFileInput, blank: (s: string) => string): Pick<CaseFileInput, 'officers' | 'perpetrator' | 'pollingStation'> {
  const typed = (s: string | undefined) => (s === undefined ? undefined : blank(s));
  const only = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const o = input.officers;
  const p = input.perpetrator;
  const s = input.pollingStation;
  return {
    ...(o ? { officers: only({ ...o, answer: o.answer === undefined ? undefined : keepOfficersNamed(o.answer, blank), names: o.names === undefined ? undefined : keepOfficersNamed(o.names, blank), serviceNumbers: o.serviceNumbers?.map(blank), rank: typed(o.rank), station: typed(o.station), vehicleDescription: typed(o.vehicleDescription), uniform: typed(o.uniform) }) } : {}),
    ...(p ? { perpetrator: only({ ...p, words: typed(p.words) }) } : {}),
    ...(s ? { pollingStation: only({ name: typed(s.name), code: typed(s.code) }) } : {}),
  };
}

/** The name and phone the reporter gave, read only for a report with contact details: to share with consent, or to blank without. */
async function knownIdentity(store: Store, report: ReportDoc): Promise<{ name?: string; phone?: string; username?: string }> {
  if (report.anonymous) return {};
  const who = await store.reporters.identityOf(report.reporterId);
  const name = [who?.firstName, who?.lastName].filter(Boolean).join(' ');
  return { ...(name ? { name } : {}), ...(who?.phone ? { phone: who.phone } : {}), ...(who?.username ? { username: who.username } : {}) };
}

/** The day the reporter said no to this agency, when that no decides and so no identity is in the file. */
function declinedFor(report: ReportDoc, agency: Agency, history: readonly ReportEventDoc[], reporter: CaseFileInput['reporter']): Pick<CaseFileInput, 'consentDeclinedAt'> {
  const at = reporter ? undefined : consentDeclinedAt(report, agency, consentAnswers(history), otherAgencyName(agency, report.referral));
  return at ? { consentDeclinedAt: at } : {};
}

function sharedIdentityOf(report: ReportDoc, agency: Agency, history: readonly ReportEventDoc[], who: { name?: string; phone?: string }): CaseFileInput['reporter'] {
  if (report.anonymous) return null;
  const r = identityForCaseFile(report, agency, consentAnswers(history), who, otherAgencyName(agency, report.referral));
  return r.ok ? r.identity : null;
}

const EVIDENCE_KINDS = new Set(['photo', 'video', 'voice', 'audio', 'document']);

/** The report's files in the case file's order (the story's voice note first): the archive numbers them alike. */
export function reportFiles(report: ReportDoc): ReportDoc['evidence'] {
  return [...(report.description.voice ? [report.description.voice] : []), ...report.evidence].filter((e) => EVIDENCE_KINDS.has(e.kind));
}

function evidenceOf(report: ReportDoc): CaseFileEvidence[] {
  return reportFiles(report)
    .map((e) => ({ kind: e.kind, ...(e.fileName ? { fileName: e.fileName } : {}), ...(e.mimeType ? { mimeType: e.mimeType } : {}), ...(e.size !== undefined ? { sizeBytes: e.size } : {}), ...(e.caption ? { caption: e.caption } : {}), ...(e.forwardedFrom ? { forwardedFrom: e.forwardedFrom } : {}), ...(e.durationSec ? { durationSec: e.durationSec } : {}) }));
}

/**
 * The conversation after the report: the reporter's messages and what the staff sent them (in
 * the words the reporter read), oldest first. Status notices, and staff messages that never
 * reached the reporter, stay out. A file the reporter sent has its name as `fileName` gives it,
 * and the path the evidence archive gives it (`archiveEntries` numbers them alike).
 */
function timelineOf(messages: readonly MessageDoc[], reporterLanguage: ReportDoc['language'], fileName: (s: string) => string): CaseFileMessage[] {
  let laterFiles = 0;
  return messages.flatMap((m) => {
    const staff = m.direction === 'to_reporter';
    if (staff && (m.kind === 'notice' || m.delivery !== 'sent')) return [];
    // In the words the reporter read: the language it went out in (they may have switched since).
    const read = m.sentIn ?? reporterLanguage;
    const text = (staff ? m.texts?.[read] : undefined) ?? m.text ?? (staff ? (m.texts?.en ?? m.texts?.sw) : undefined);
    return [
      {
        at: m.createdAt,
        from: staff ? ('staff' as const) : ('reporter' as const),
        ...(text ? { text } : {}),
        ...(m.media ? { attachment: attachmentOf(m.media, fileName, staff ? undefined : ++laterFiles) } : {}),
        ...(!staff && m.passedOn ? { passedOn: m.passedOn.from ? { from: m.passedOn.from } : {} } : {}),
      },
    ];
  });
}

/** A file in the conversation, named as the document carries it; one from the reporter with its path in the archive. */
function attachmentOf(media: NonNullable<MessageDoc['media']>, fileName: (s: string) => string, laterFile: number | undefined): NonNullable<CaseFileMessage['attachment']> {
  const named = { ...media, ...(media.fileName ? { fileName: fileName(media.fileName) } : {}) };
  return { kind: media.kind, ...(named.fileName ? { fileName: named.fileName } : {}), ...(laterFile ? { archivePath: laterFilePath(laterFile, named) } : {}) };
}

function caseFileInput(
  report: ReportDoc,
  agency: Agency,
  conversation: Pick<CaseFileInput, 'timeline' | 'timelineWithheld'>,
  extra: Pick<CaseFileInput, 'language' | 'reporter' | 'preparedAt'>,
): CaseFileInput {
  const agencyName = otherAgencyName(agency, report.referral);
  return {
    reference: report.reference,
    agency,
    ...(agencyName ? { agencyName } : {}),
    ...(report.referral?.at ? { referredAt: report.referral.at } : {}),
    kind: report.kind,
    category: report.category as CategoryCode,
    ...(report.description.text ? { story: report.description.text } : {}),
    ...(report.passedOn?.length ? { passedOn: report.passedOn.map((p) => ({ text: p.text, ...(p.from ? { from: p.from } : {}), ...(p.sentAt ? { sentAt: p.sentAt } : {}) })) } : {}),
    ...(report.description.voice ? { storyVoice: { ...(report.description.voice.durationSec ? { durationSec: report.description.voice.durationSec } : {}) } } : {}),
    reporterLanguage: report.language,
    ...(report.reporterForgottenAt ? { reporterForgotten: true as const } : {}),
    ...(report.anonymous ? { anonymous: true as const } : {}),
    ...(report.reporterUnreachable ? { reporterUnreachable: true as const } : {}),
    status: report.status,
    ...(report.unfinished ? { notFinished: true } : {}),
    ...(report.purgedAt ? { filesDeletedAt: report.purgedAt } : {}),
    ...(report.description.voiceDeleted ? { storyVoiceDeleted: true } : {}),
    county: report.county,
    ...(report.constituency ? { constituency: report.constituency.name } : {}),
    ...(report.ward ? { ward: report.ward.name } : {}),
    ...(report.place ? { place: report.place } : {}),
    ...(report.location ? { location: report.location } : {}),
    incidentAt: report.incidentAt,
    ...(report.timeOfDay ? { timeOfDay: report.timeOfDay } : {}),
    when: report.when,
    reportedAt: report.createdAt,
    dangerNow: report.dangerNow,
    ...(report.dangerSaidAt ? { dangerSaidAt: report.dangerSaidAt } : {}),
    ...(report.reporterRole ? { reporterRole: report.reporterRole } : {}),
    ...(report.victim ? { victim: report.victim } : {}),
    ...(report.officers ? { officers: report.officers } : {}),
    ...(report.injuries ? { injuries: report.injuries } : {}),
    ...(report.perpetrator ? { perpetrator: report.perpetrator } : {}),
    ...(report.hateChannel ? { hateChannel: report.hateChannel } : {}),
    ...(report.pollingStation ? { pollingStation: report.pollingStation } : {}),
    evidence: evidenceOf(report),
    ...conversation,
    ...extra,
  };
}
