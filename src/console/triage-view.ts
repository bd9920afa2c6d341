import { randomBytes } from 'node:crypto';
import { countyName, decide, decideJoin, offeredIncidentActions, type PolicyActor } from '../domain';
import type { LinkReason } from '../domain/triage';
import type { Lang, Translator } from '../i18n';
import { incidentFacts, JOIN_LINKED_BATCH, LINKED_INTO_MIN_SCORE } from '../services/incident-service';
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

export interface IncidentPart {
  id: string;
  /** The first `MEMBERS_SHOWN`, someone in danger and the most urgent first. */
  members: LinkedRow[];
  /** Every report of the incident, this one too. */
  total: number;
  /**
   * For whoever may answer them all: how many reporters it reaches, by the language each reads it
   * in (counts only), and the one language all of them read, if one (its box is then required).
   */
  readers: Record<Lang, number> | null;
  onlyLanguage: Lang | null;
  /** The answer form's key, so sending it twice answers each reporter once. */
  replyKey: string;
  /** Waiting reports linked into the incident, to tick and join (the oldest `JOIN_LINKED_BATCH`; for whoever may join). */
  linkedIn: LinkedRow[];
  /** How many such reports wait (counted up to `LINKED_COUNT_UP_TO`). */
  linkedInTotal: number;
}

export interface TriageSection {
  /** False when the console was built without incident actions: the links are shown, no forms. */
  incidentsEnabled: boolean;
  links: LinkedRow[];
  incident: IncidentPart | null;
  may: { join: boolean; split: boolean; replyAll: boolean; batch: boolean };
}

/**
 * A stored reason (LinkReason, seen from this ticket) in the agent's language. Unknown codes are
 * skipped. `closed`: the agent may not open the other report, so what only it says is not quoted:
 * its typed place (which can name a home, a person; only the words both places share), plates, sums.
 */
export function reasonText(tr: Translator, lang: Lang, reason: LinkReason, closed = false): string | null {
  const t = (key: string, vars: Record<string, unknown> = {}) => tr.t(lang, `triage:reason.${key}`, vars);
  const cat = (c: string) => tr.t(lang, `common:category.${c}`, { defaultValue: c });
  const list = (xs: readonly (string | number)[]) => xs.join(', ');
  const county = (code: number) => countyName(code, lang) || String(code);
  // Canonical words ("pollingstation", "bribe") in the agent's language; a reporter's own word as written.
  const words = (xs: readonly string[]) => xs.map((w) => tr.t(lang, `triage:word.${w}`, { defaultValue: w })).join(', ');
  switch (reason.code) {
    case 'same_county':
      return t('same_county', { county: county(reason.county) });
    case 'neighbouring_county':
      return t('neighbouring_county', { a: county(reason.a), b: county(reason.b) });
    case 'same_category':
      return t('same_category', { category: cat(reason.category) });
    case 'related_category':
    case 'unrelated_category':
      return t(reason.code, { a: cat(reason.a), b: cat(reason.b) });
    case 'close_in_time':
      if (reason.day) return reason.day === 'same' ? t('same_day') : t('other_time');
      return reason.hours < 0.1 ? t('close_in_time_same') : t('close_in_time', { hours: reason.hours });
    case 'similar_place':
      if (closed) return reason.words.length ? t('similar_place_words', { words: words(reason.words) }) : t('similar_place_closed');
      return reason.a && reason.b ? t('similar_place', { a: reason.a, b: reason.b }) : t('similar_place_in_story', { place: reason.a || reason.b });
    case 'different_place':
    case 'different_station':
      return closed ? t(`${reason.code}_closed`) : t(reason.code, { a: reason.a, b: reason.b });
    case 'shared_plate':
      return t('shared_plate', { plate: reason.plate });
    case 'different_plates':
    case 'different_amounts':
      // `b` is the other report's plates or sums: not quoted to an agent who may not open it.
      return closed ? t(`${reason.code}_closed`) : t(reason.code, { a: list(reason.a), b: list(reason.b) });
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

/** Reasons that moved the score (and the county, which every link within one shares), those for the link first. */
function reasonLines(tr: Translator, lang: Lang, reasons: readonly Record<string, unknown>[], closed: boolean): ReasonLine[] {
  const typed = reasons as unknown as LinkReason[];
  const lines = typed
    .filter((r) => r.points !== 0 || r.code === 'same_county')
    .flatMap((r) => {
      const text = reasonText(tr, lang, r, closed);
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

type RowOf = (summary: LinkedSummary, score?: number, reasons?: readonly Record<string, unknown>[]) => LinkedRow;

/** Counted this far; past it the page says "more than". */
export const LINKED_COUNT_UP_TO = 1000;

/** The language every reporter reached reads, when they all read one. */
function onlyLanguage(readers: Record<Lang, number>): Lang | null {
  if (readers.en && !readers.sw) return 'en';
  return readers.sw && !readers.en ? 'sw' : null;
}

/** The incident section: its reports (summaries only), who an answer reaches, and the waiting reports linked into it. */
async function incidentPart(ctx: ConsoleContext, report: ReportDoc, actor: PolicyActor, may: TriageSection['may'], row: RowOf): Promise<IncidentPart | null> {
  if (!report.incident) return null;
  const incidentId = report.incident.id.toString();
  // Two reads of the members (who an answer reaches, by language; their summaries), side by side.
  const [readers, everyone] = await Promise.all([
    may.replyAll && ctx.incidents ? ctx.incidents.readers(incidentId, actor) : null,
    ctx.store.incidents.memberSummaries(incidentId),
  ]);
  const members = everyone.filter((m) => m._id.toString() !== report._id.toString()).sort(urgentFirst);
  const linked = may.join
    ? await ctx.store.incidents.waitingLinkedInto(everyone.map((m) => m._id), { limit: JOIN_LINKED_BATCH, countUpTo: LINKED_COUNT_UP_TO + 1, minScore: LINKED_INTO_MIN_SCORE })
    : { rows: [], total: 0 };
  return {
    id: incidentId,
    members: members.slice(0, MEMBERS_SHOWN).map((m) => row(m)),
    total: everyone.length,
    readers,
    onlyLanguage: readers ? onlyLanguage(readers) : null,
    replyKey: randomBytes(16).toString('hex'),
    linkedIn: linked.rows.map((m) => ({ ...row(m), canJoin: true })),
    linkedInTotal: linked.total,
  };
}

/** The ticket page's "Possibly the same incident" and incident sections, decided by the domain policy. */
export async function triageSection(ctx: ConsoleContext, report: ReportDoc, actor: PolicyActor, lang: Lang): Promise<TriageSection> {
  const links = [...(report.similar ?? [])].sort((a, b) => b.score - a.score || (a.reportId.toString() < b.reportId.toString() ? -1 : 1));
  const summaries = new Map((await ctx.store.incidents.summaries(links.map((l) => l.reportId))).map((s) => [s._id.toString(), s]));
  const enabled = ctx.incidents !== undefined;
  const row: RowOf = (summary, score, reasons = []) => {
    const canOpen = decide(actor, 'view', summary).ok;
    const state = stateOf(actor, report, summary);
    return {
    id: summary._id.toString(),
    summary,
    ...(score !== undefined ? { score } : {}),
    reasons: reasonLines(ctx.translator, lang, reasons, !canOpen),
    canOpen,
    // Already in this incident: the join would change nothing, and offering it reads as if joining had not worked.
    canJoin: enabled && state !== 'in_incident' && decideJoin(actor, incidentFacts(report), incidentFacts(summary)).ok,
    state,
    };
  };
  const may = enabled ? offeredIncidentActions(actor, incidentFacts(report)) : { join: false, split: false, replyAll: false, batch: false };
  return {
    incidentsEnabled: enabled,
    links: links.flatMap((l) => {
      const s = summaries.get(l.reportId.toString());
      return s ? [row(s, l.score, l.reasons)] : [];
    }),
    incident: await incidentPart(ctx, report, actor, may, row),
    may,
  };
}
