import { identityForCaseFile, isAgency, withheldFromConversation, type Agency, type CategoryCode, type ConsentAnswer } from '../domain';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { MessageDoc, ReportDoc, ReportEventDoc, Store } from '../store';
import { caseFileName, renderCaseFileHtml, renderCaseFilePdf, type CaseFileEvidence, type CaseFileInput, type CaseFileMessage } from './case-file';
import type { AgentRef } from './ticket-actions';

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
  constructor(private readonly deps: { store: Store; translator: Translator; logger?: Logger; now?: () => Date }) {}

  async produce(report: ReportDoc, agent: AgentRef, req: CaseFileRequest): Promise<CaseFileResult> {
    const agency = report.referral?.agency;
    if (!agency) return { ok: false, reason: 'not_referred' };
    const { store, translator } = this.deps;
    const [history, messages] = await Promise.all([store.reports.history(report._id), store.messages.listForReport(report._id)]);
    const who = await knownIdentity(store, report);
    const reporter = req.viewerMaySeeIdentity ? sharedIdentityOf(report, agency, history, who) : null;
    const incidentReferences = await this.incidentReferences(report);
    const conversation = this.conversation(report, messages, req.language, { phone: !reporter?.phone, names: reporter?.name || !who.name ? [] : [who.name] });
    const input = {
      ...caseFileInput(report, agency, conversation, { language: req.language, reporter, preparedAt: this.deps.now?.() ?? new Date() }),
      ...(incidentReferences.length ? { incidentReferences } : {}),
    };
    const body = req.format === 'pdf' ? await renderCaseFilePdf(input, translator) : renderCaseFileHtml(input, translator);
    const withIdentity = reporter !== null;
    await store.reports.addEvent(report._id, 'case_file', { kind: 'agent', agentId: agent.id }, { agency, withIdentity, format: req.format, language: req.language });
    this.deps.logger?.info({ reportId: report._id.toString(), agency, withIdentity, format: req.format, outcome: 'case_file' }, 'case file produced');
    return { ok: true, fileName: caseFileName(input, req.format), contentType: req.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8', body, withIdentity };
  }

  /** The messages after the report, with what the identity rule withholds blanked (`withheldFromConversation`). */
  private conversation(report: ReportDoc, messages: readonly MessageDoc[], language: CaseFileRequest['language'], withhold: { phone: boolean; names: string[] }): Pick<CaseFileInput, 'timeline' | 'timelineWithheld'> {
    const t = (key: string) => this.deps.translator.t(language, key);
    const marks = { phone: t('casefile:timeline.phone_withheld'), name: t('casefile:timeline.name_withheld'), location: t('casefile:timeline.location_withheld') };
    let withheld = false;
    const timeline = timelineOf(messages, report.language).map((m) => {
      if (!m.text) return m;
      const text = withheldFromConversation(m.text, withhold, marks);
      withheld ||= text !== m.text;
      return { ...m, text };
    });
    return { timeline, ...(withheld ? { timelineWithheld: true } : {}) };
  }

  /** References of the other reports of this report's incident, oldest first. */
  private async incidentReferences(report: ReportDoc): Promise<string[]> {
    if (!report.incident) return [];
    const members = await this.deps.store.incidents.memberSummaries(report.incident.id);
    return members.filter((m) => !m._id.equals(report._id)).map((m) => m.reference);
  }
}

/**
 * The reporter's name and phone for a document going to `agency`, or null: only on a report
 * with contact details, with a recorded yes for that agency (src/domain/consent.ts). Used by the
 * case file and the evidence archive alike. Anonymous: the identity is not even read.
 */
export async function sharedIdentity(store: Store, report: ReportDoc, agency: Agency, history: readonly ReportEventDoc[]): Promise<CaseFileInput['reporter']> {
  return sharedIdentityOf(report, agency, history, await knownIdentity(store, report));
}

/** The name and phone the reporter gave, read only for a report with contact details: to share with consent, or to blank without. */
async function knownIdentity(store: Store, report: ReportDoc): Promise<{ name?: string; phone?: string }> {
  if (report.anonymous) return {};
  const who = await store.reporters.identityOf(report.reporterId);
  const name = [who?.firstName, who?.lastName].filter(Boolean).join(' ');
  return { ...(name ? { name } : {}), ...(who?.phone ? { phone: who.phone } : {}) };
}

function sharedIdentityOf(report: ReportDoc, agency: Agency, history: readonly ReportEventDoc[], who: { name?: string; phone?: string }): CaseFileInput['reporter'] {
  if (report.anonymous) return null;
  const r = identityForCaseFile(report, agency, consentAnswers(history), who, agency === 'OTHER' ? report.referral?.name : undefined);
  return r.ok ? r.identity : null;
}

const EVIDENCE_KINDS = new Set(['photo', 'video', 'voice', 'audio', 'document']);

/** The report's files in the case file's order (the story's voice note first): the archive numbers them alike. */
export function reportFiles(report: ReportDoc): ReportDoc['evidence'] {
  return [...(report.description.voice ? [report.description.voice] : []), ...report.evidence].filter((e) => EVIDENCE_KINDS.has(e.kind));
}

function evidenceOf(report: ReportDoc): CaseFileEvidence[] {
  return reportFiles(report)
    .map((e) => ({ kind: e.kind, ...(e.fileName ? { fileName: e.fileName } : {}), ...(e.mimeType ? { mimeType: e.mimeType } : {}), ...(e.size !== undefined ? { sizeBytes: e.size } : {}), ...(e.caption ? { caption: e.caption } : {}) }));
}

/**
 * The conversation after the report: the reporter's messages and what the staff sent them (in
 * the words the reporter read), oldest first. Status notices, and staff messages that never
 * reached the reporter, stay out.
 */
function timelineOf(messages: readonly MessageDoc[], reporterLanguage: ReportDoc['language']): CaseFileMessage[] {
  return messages.flatMap((m) => {
    const staff = m.direction === 'to_reporter';
    if (staff && (m.kind === 'notice' || m.delivery !== 'sent')) return [];
    const text = m.text ?? (staff ? (m.texts?.[reporterLanguage] ?? m.texts?.en ?? m.texts?.sw) : undefined);
    return [
      {
        at: m.createdAt,
        from: staff ? ('staff' as const) : ('reporter' as const),
        ...(text ? { text } : {}),
        ...(m.media ? { attachment: { kind: m.media.kind, ...(m.media.fileName ? { fileName: m.media.fileName } : {}) } } : {}),
      },
    ];
  });
}

function caseFileInput(
  report: ReportDoc,
  agency: Agency,
  conversation: Pick<CaseFileInput, 'timeline' | 'timelineWithheld'>,
  extra: Pick<CaseFileInput, 'language' | 'reporter' | 'preparedAt'>,
): CaseFileInput {
  return {
    reference: report.reference,
    agency,
    ...(agency === 'OTHER' && report.referral?.name ? { agencyName: report.referral.name } : {}),
    kind: report.kind,
    category: report.category as CategoryCode,
    ...(report.description.text ? { story: report.description.text } : {}),
    ...(report.description.voice ? { storyVoice: { ...(report.description.voice.durationSec ? { durationSec: report.description.voice.durationSec } : {}) } } : {}),
    reporterLanguage: report.language,
    status: report.status,
    ...(report.unfinished ? { notFinished: true } : {}),
    ...(report.purgedAt ? { filesDeletedAt: report.purgedAt } : {}),
    county: report.county,
    ...(report.constituency ? { constituency: report.constituency.name } : {}),
    ...(report.ward ? { ward: report.ward.name } : {}),
    ...(report.place ? { place: report.place } : {}),
    ...(report.location ? { location: report.location } : {}),
    incidentAt: report.incidentAt,
    when: report.when,
    reportedAt: report.createdAt,
    dangerNow: report.dangerNow,
    ...(report.reporterRole ? { reporterRole: report.reporterRole } : {}),
    ...(report.victim ? { victim: report.victim } : {}),
    ...(report.officers ? { officers: report.officers } : {}),
    ...(report.perpetrator ? { perpetrator: report.perpetrator } : {}),
    ...(report.hateChannel ? { hateChannel: report.hateChannel } : {}),
    ...(report.pollingStation ? { pollingStation: report.pollingStation } : {}),
    evidence: evidenceOf(report),
    ...conversation,
    ...extra,
  };
}
