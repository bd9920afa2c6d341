import { randomBytes } from 'node:crypto';
import { countyByCode, decide, decideJoin, decideReplyToMember, offeredIncidentActions, type IncidentTicketFacts, type PolicyActor } from '../domain';
import type { LinkReason } from '../domain/triage';
import type { Lang, Translator } from '../i18n';
import { JOIN_LINKED_BATCH } from '../services/incident-service';
import type { LinkedSummary, ReportDoc } from '../store';
import type { ConsoleContext } from './context';

/** One reason in words, and whether it speaks against the link. */
export interface ReasonLine {
  text: string;
  against: boolean;
}

/** Another ticket as the ticket page lists it (no identity, no story: reference, category, county, time). */
export interface LinkedRow {
  id: string;
  summary: LinkedSummary;
  score?: number;
  reasons: ReasonLine[];
  canOpen: boolean;
  canJoin: boolean;
  state: 'in_incident' | 'in_other_incident' | 'held_by_other' | 'waiting' | null;
}

export interface TriageSection {
  /** False when the console was built without incident actions: the links are shown, no forms. */
  incidentsEnabled: boolean;
  links: LinkedRow[];
  /**
   * `members`: the first `MEMBERS_SHOWN`, someone in danger and the most urgent first; `total`
   * counts this report too; `answerable`: the reporters an answer to all reaches (open, handled
   * by this viewer); `replyKey`: the answer form's, so sending it twice answers each reporter once;
   * `linkedWaiting`: waiting reports whose links point into the incident (counted up to 1,000).
   */
  incident: { id: string; members: LinkedRow[]; total: number; answerable: number; replyKey: string; linkedWaiting: number; batch: number } | null;
  may: { join: boolean; split: boolean; replyAll: boolean };
}

const facts = (r: Pick<ReportDoc, '_id' | 'status' | 'assignee' | 'incident'> & { similar?: ReportDoc['similar'] }): IncidentTicketFacts => ({
  id: r._id.toString(),
  status: r.status,
  assignee: r.assignee ?? null,
  incidentId: r.incident?.id.toString() ?? null,
  links: (r.similar ?? []).map((l) => l.reportId.toString()),
});

/** A stored reason (LinkReason, seen from this ticket) in the agent's language. Unknown codes are skipped. */
export function reasonText(tr: Translator, lang: Lang, reason: LinkReason): string | null {
  const t = (key: string, vars: Record<string, unknown> = {}) => tr.t(lang, `triage:reason.${key}`, vars);
  const cat = (c: string) => tr.t(lang, `common:category.${c}`, { defaultValue: c });
  const list = (xs: readonly (string | number)[]) => xs.join(', ');
  // Canonical words ("pollingstation", "bribe") in the agent's language; a reporter's own word as written.
  const words = (xs: readonly string[]) => xs.map((w) => tr.t(lang, `triage:word.${w}`, { defaultValue: w })).join(', ');
  switch (reason.code) {
    case 'same_county':
      return t('same_county', { county: countyByCode(reason.county)?.name ?? String(reason.county) });
    case 'same_category':
      return t('same_category', { category: cat(reason.category) });
    case 'related_category':
    case 'unrelated_category':
      return t(reason.code, { a: cat(reason.a), b: cat(reason.b) });
    case 'close_in_time':
      if (reason.day) return reason.day === 'same' ? t('same_day') : t('other_time');
      return reason.hours < 0.1 ? t('close_in_time_same') : t('close_in_time', { hours: reason.hours });
    case 'similar_place':
      return reason.a && reason.b ? t('similar_place', { a: reason.a, b: reason.b }) : t('similar_place_in_story', { place: reason.a || reason.b });
    case 'different_place':
    case 'different_station':
      return t(reason.code, { a: reason.a, b: reason.b });
    case 'shared_plate':
      return t('shared_plate', { plate: reason.plate });
    case 'different_plates':
    case 'different_amounts':
      return t(reason.code, { a: list(reason.a), b: list(reason.b) });
    case 'similar_story': {
      const percent = Math.round(reason.similarity * 100);
      return reason.words.length ? t('similar_story', { percent, words: words(reason.words) }) : t('similar_story_no_words', { percent });
    }
    case 'same_details':
      return t('same_details', { concepts: words(reason.concepts) });
    default:
      return null;
  }
}

/** Reasons that moved the score (and the county, which every link shares), those for the link first. */
function reasonLines(tr: Translator, lang: Lang, reasons: readonly Record<string, unknown>[]): ReasonLine[] {
  const typed = reasons as unknown as LinkReason[];
  const lines = typed
    .filter((r) => r.points !== 0 || r.code === 'same_county')
    .flatMap((r) => {
      const text = reasonText(tr, lang, r);
      return text ? [{ text, against: r.points < 0 }] : [];
    });
  return [...lines.filter((l) => !l.against), ...lines.filter((l) => l.against)];
}

function stateOf(actor: PolicyActor, report: ReportDoc, other: LinkedSummary): LinkedRow['state'] {
  const mine = report.incident?.id.toString();
  const theirs = other.incident?.id.toString();
  if (theirs && theirs === mine) return 'in_incident';
  if (theirs) return 'in_other_incident';
  if (other.status === 'received') return 'waiting';
  const holder = report.assignee?.toString() ?? actor.id;
  return other.assignee && other.assignee.toString() !== holder ? 'held_by_other' : null;
}

/** Members listed on a ticket page; the rest are counted (an incident of a surge may hold thousands). */
export const MEMBERS_SHOWN = 100;

const urgentFirst = (a: LinkedSummary, b: LinkedSummary) =>
  Number(b.dangerNow ?? false) - Number(a.dangerNow ?? false) || a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime();

/** The ticket page's "Possibly the same incident" and incident sections, decided by the domain policy. */
export async function triageSection(ctx: ConsoleContext, report: ReportDoc, actor: PolicyActor, lang: Lang): Promise<TriageSection> {
  const links = [...(report.similar ?? [])].sort((a, b) => b.score - a.score || (a.reportId.toString() < b.reportId.toString() ? -1 : 1));
  const incidentId = report.incident?.id.toString() ?? null;
  const everyone = incidentId ? await ctx.store.incidents.memberSummaries(incidentId) : [];
  const linkedWaiting = incidentId && ctx.incidents ? (await ctx.store.incidents.waitingLinkedInto(incidentId, { limit: 0, countUpTo: 1000 })).total : 0;
  const members = everyone.filter((m) => m._id.toString() !== report._id.toString()).sort(urgentFirst);
  const summaries = new Map((await ctx.store.incidents.summaries(links.map((l) => l.reportId))).map((s) => [s._id.toString(), s]));
  const enabled = ctx.incidents !== undefined;
  const row = (summary: LinkedSummary, score?: number, reasons: readonly Record<string, unknown>[] = []): LinkedRow => ({
    id: summary._id.toString(),
    summary,
    ...(score !== undefined ? { score } : {}),
    reasons: reasonLines(ctx.translator, lang, reasons),
    canOpen: decide(actor, 'view', summary).ok,
    canJoin: enabled && decideJoin(actor, facts(report), facts(summary)).ok,
    state: stateOf(actor, report, summary),
  });
  const may = offeredIncidentActions(actor, facts(report));
  return {
    incidentsEnabled: enabled,
    links: links.flatMap((l) => {
      const s = summaries.get(l.reportId.toString());
      return s ? [row(s, l.score, l.reasons)] : [];
    }),
    incident: incidentId
      ? {
          id: incidentId,
          members: members.slice(0, MEMBERS_SHOWN).map((m) => row(m)),
          total: everyone.length,
          answerable: everyone.filter((m) => !m.purgedAt && decideReplyToMember(actor, facts(m)).ok).length,
          replyKey: randomBytes(16).toString('hex'),
          linkedWaiting,
          batch: JOIN_LINKED_BATCH,
        }
      : null,
    may: enabled ? may : { join: false, split: false, replyAll: false },
  };
}
