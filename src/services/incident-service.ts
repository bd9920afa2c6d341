import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import {
  checkReplyText, decideIncidentBatch, decideJoin, identityAsked, decideReplyAll, decideReplyToMember, decideSplit, incidentHolder, readingLanguage,
  type IdentityAsk, type IncidentRefusal, type IncidentTicketFacts,
} from '../domain';
import type { Lang } from '../i18n';
import type { Logger } from '../logger';
import type { Actor, AnswerFacts, ReportDoc, Store } from '../store';
import type { EventBus } from './events';
import type { ReplyPort } from './ports';
import { leaveIncident } from './leave-incident';
import { replyId } from './reply-id';
import { owedNotice, storeOwedNotices, TAKEN_NOTICE } from './owed-notices';
import type { TicketDesk } from './ticket-desk';
import type { HeldDangerService } from './held-danger-service';
import type { AgentRef, TicketActions } from './ticket-actions';
import { batchDecision, BATCH_SIZE, isFormRefusal, runOne, skipReason, type BatchAction, type BatchFormRefusal, type BatchOutcome, type BatchSkip } from './incident-batch';

/** Why an incident action was refused (`console:flash.refused_<reason>`, or `reply_<reason>` for the text). */
/** `taken_not_joined`: the waiting lead was taken for the incident (its reporter told), then changed before it was marked. */
/** `holder_inactive`: the incident's holder was deactivated (its reports stayed theirs): joining more would give them to nobody. */
/** `anonymous_asked`: the answer asks who the reporters are, and some chose to stay anonymous (sent only when confirmed). */
export type IncidentActionRefusal = IncidentRefusal | BatchFormRefusal | 'not_found' | 'empty' | 'too_long' | 'changed' | 'taken_not_joined' | 'holder_inactive' | 'anonymous_asked';
/** One ticket brought into the incident, or why not; `took`: it was taken from the queue before the mark failed (it stays with its holder). */
type Attached = { ok: true } | { ok: false; reason: 'changed'; took: boolean };
type Held = { ok: true; took: boolean } | { ok: false; reason: 'changed' };
export type IncidentResult<T extends object = object> = ({ ok: true } & T) | { ok: false; reason: IncidentActionRefusal; reference?: string };

/** One answer for every reporter of an incident, written in both languages (either may be left out). */
export interface IncidentTexts {
  en?: string;
  sw?: string;
}

/**
 * Joining reports into an incident, splitting them again, and one answer to all (issue 16), as
 * the console calls them. The rules are the domain's (src/domain/incident-policy.ts); each write
 * is guarded in MongoDB; every join, split and answer is written to each ticket's history.
 */
export interface IncidentActions {
  /**
   * Joins `memberIds` into the incident of `reportId` (made if it has none); all are checked before
   * anything is written. One changed by someone else meanwhile (taken, joined elsewhere) is skipped
   * and counted, the others still joined: the agent is told both.
   */
  join(reportId: string, agent: AgentRef, memberIds: string[]): Promise<IncidentResult<{ incidentId: string; joined: number; skipped: number }>>;
  /** Takes `reportId` out of its incident; an incident left with one report is dissolved. */
  split(reportId: string, agent: AgentRef): Promise<IncidentResult>;
  /**
   * Stores and queues one message per open member, each in its reporter's language at send time.
   * `key`: the form's, so the same form sent twice (a double click, a retry) answers each reporter once.
   * An answer that asks the reporters who they are (src/domain/identity-ask.ts) while one of them
   * is anonymous is refused (`anonymous_asked`) unless `identityAskConfirmed`, as one reply is.
   */
  replyAll(reportId: string, agent: AgentRef, texts: IncidentTexts, opts?: { key?: string; identityAskConfirmed?: boolean }): Promise<IncidentResult<{ sent: number; skipped: number }>>;
  /**
   * How many of the incident's reporters an answer to all from `agent` reaches, by the language
   * each reads it in (as `replyAll` and delivery decide both): counts only, never who.
   */
  readers(incidentId: string, agent: AgentRef): Promise<Record<Lang, number>>;
  /**
   * What `applyAll` would do now, for the confirm step: of `total` members, how many the rules let
   * `agent` change (`changes`); nothing is written.
   */
  previewAll(reportId: string, agent: AgentRef, action: BatchAction): Promise<IncidentResult<{ total: number; changes: number }>>;
  /**
   * Refers or closes every member of the incident of `reportId` that `agent` may act on, each
   * through TicketActions' own refer / change of status (same rules, history, notices), in batches.
   * Members held by someone else, closed, or refused by the rules are skipped and named by
   * reference; sent again, the form changes nothing more (each member's status guard refuses it).
   */
  applyAll(reportId: string, agent: AgentRef, action: BatchAction): Promise<IncidentResult<BatchOutcome>>;
}

export interface IncidentServiceDeps {
  store: Store;
  replies: Pick<ReplyPort, 'deliver' | 'deliverMany'>;
  /** A waiting ticket joined into an incident is taken: its queue job goes. */
  desk: Pick<TicketDesk, 'dropWaiting'>;
  events: EventBus;
  logger: Logger;
  /** A held ticket moved to the incident's holder is handed over: the new holder's danger watch starts. */
  heldDanger?: Pick<HeldDangerService, 'handedOver'>;
  /** Each member of a refer or close of all goes through the per-ticket action (absent: refused as `invalid`). */
  tickets?: Pick<TicketActions, 'refer' | 'changeStatus'>;
}

const isId = (s: string) => /^[0-9a-f]{24}$/i.test(s);
/** What the incident rules read of a report (the console's triage view asks them too). */
export const incidentFacts = (r: Pick<ReportDoc, '_id' | 'status' | 'priority' | 'assignee' | 'incident'> & { similar?: ReportDoc['similar'] }): IncidentTicketFacts => ({
  id: r._id.toString(),
  status: r.status,
  priority: r.priority,
  assignee: r.assignee ?? null,
  incidentId: r.incident?.id.toString() ?? null,
  links: (r.similar ?? []).map((l) => l.reportId.toString()),
});
const actorOf = (agent: AgentRef): Actor => ({ kind: 'agent', agentId: agent.id });
/** A member an answer to all goes to: open and handled by the agent; skipped, not an error, once closed or its reporter removed by retention or forgotten. */
const answered = (agent: AgentRef, m: AnswerFacts) => decideReplyToMember(agent, incidentFacts(m)).ok && !m.purgedAt && !m.reporterForgottenAt;
/** Reports one join takes (the join form keeps the first this many ticked), and the waiting reports linked into an incident listed on its page. */
export const JOIN_LINKED_BATCH = 50;
/** Reporters' copies of one answer written and queued together (a bounded write and Redis transaction however large the incident). */
const ANSWER_BATCH = 500;
/** How strong a link into an incident must be for its report to be offered there (0.55 links; 0.7 kept a second event out in bench/surge-reach.ts). */
export const LINKED_INTO_MIN_SCORE = 0.7;
interface JoinContext { incidentId: Types.ObjectId; holder: string; agent: AgentRef; lead: ReportDoc }

export class IncidentService implements IncidentActions {
  constructor(private readonly deps: IncidentServiceDeps) {}

  async join(reportId: string, agent: AgentRef, memberIds: string[]): Promise<IncidentResult<{ incidentId: string; joined: number; skipped: number }>> {
    const lead = await this.find(reportId);
    const members = await Promise.all([...new Set(memberIds)].map((id) => this.find(id)));
    if (!lead || members.some((m) => !m) || !members.length) return { ok: false, reason: 'not_found' };
    const checked = await this.allowedMembers(lead, agent, members as ReportDoc[]);
    if (!checked.ok) return checked;
    const { others, refused } = checked;
    const holder = incidentHolder(agent, lead);
    // Waiting reports joined would be taken for an account nobody signs in to, and their reporters told "taken".
    if (holder !== agent.id && (await this.deps.store.agents.isDeactivated(holder))) return { ok: false, reason: 'holder_inactive', reference: lead.reference };
    const incidentId = lead.incident?.id ?? new Types.ObjectId();
    const j = { incidentId, holder, agent, lead };
    // Nothing is written if the lead itself changed; a member that did is skipped, not the rest.
    const first = await this.attach(lead, j);
    if (!first.ok) return { ok: false, reason: first.took ? 'taken_not_joined' : 'changed', reference: lead.reference };
    let joined = 0;
    for (const t of others) if ((await this.attach(t, j, true)).ok) joined++;
    const skipped = others.length - joined + refused;
    if (!lead.incident) {
      // Every member changed meanwhile: the lead goes back to being a ticket of its own.
      if (!joined) {
        await this.deps.store.incidents.clearIncident(lead._id, incidentId);
        return { ok: false, reason: 'changed', reference: others[0].reference };
      }
      await this.joinedEvent(lead, j);
    }
    await this.deps.events.publish({ type: 'queue' });
    this.deps.logger.info({ reportId, incidentId: incidentId.toString(), joined, skipped, outcome: 'incident_joined' }, 'reports joined into an incident');
    return { ok: true, incidentId: incidentId.toString(), joined, skipped };
  }

  /**
   * The members the rules let `agent` join from `lead`. One ticked report changed since the page
   * was drawn (taken by another agent, closed) is counted and left out, not the whole list; when
   * none is allowed, the first refusal names its report.
   */
  private async allowedMembers(lead: ReportDoc, agent: AgentRef, members: ReportDoc[]): Promise<{ ok: true; others: ReportDoc[]; refused: number } | { ok: false; reason: IncidentActionRefusal; reference: string }> {
    const into = await this.linksInto(lead, members);
    const decided = members.map((m) => ({ m, d: decideJoin(agent, incidentFacts(lead), { ...incidentFacts(m), linksIntoIncident: into(m) }) }));
    const others = decided.filter((x) => x.d.ok).map((x) => x.m);
    const first = decided.find((x) => !x.d.ok);
    if (!others.length && first && !first.d.ok) return { ok: false, reason: first.d.reason, reference: first.m.reference };
    return { ok: true, others, refused: members.length - others.length };
  }

  /** For each member: the lead's incident when one of its own links points at a report of it, else null. */
  private async linksInto(lead: ReportDoc, members: readonly ReportDoc[]): Promise<(m: ReportDoc) => string | null> {
    if (!lead.incident || !members.some((m) => m.similar?.length)) return () => null;
    const incidentId = lead.incident.id.toString();
    const inIncident = new Set((await this.deps.store.incidents.memberIds(lead.incident.id)).map(String));
    return (m) => ((m.similar ?? []).some((l) => inIncident.has(l.reportId.toString())) ? incidentId : null);
  }

  /**
   * One ticket into the incident: held by its holder, marked (only while still theirs), written in
   * its history (`history`: a member; the lead's line waits until a member has joined). Refused
   * if it changed meanwhile, saying whether it was taken from the queue first.
   */
  private async attach(t: ReportDoc, j: JoinContext, history = false): Promise<Attached> {
    const held = await this.hold(t, j.holder, j.agent);
    if (!held.ok) return { ok: false, reason: 'changed', took: false };
    if (!(await this.deps.store.incidents.setIncident(t._id, j.incidentId, j.holder))) {
      // Taken but not marked: the boards show it with its holder.
      if (held.took) await this.deps.events.publish({ type: 'ticket', reportId: t._id.toString(), what: 'status' });
      return { ok: false, reason: 'changed', took: held.took };
    }
    if (history) await this.joinedEvent(t, j);
    await this.deps.events.publish({ type: 'ticket', reportId: t._id.toString(), what: 'status' });
    return { ok: true };
  }

  private async joinedEvent(t: ReportDoc, j: JoinContext): Promise<void> {
    await this.deps.store.reports.addEvent(t._id, 'incident_joined', actorOf(j.agent), { incidentId: j.incidentId.toString(), holder: j.holder, lead: j.lead.reference });
  }

  async split(reportId: string, agent: AgentRef): Promise<IncidentResult> {
    const t = await this.find(reportId);
    if (!t) return { ok: false, reason: 'not_found' };
    const d = decideSplit(agent, incidentFacts(t));
    if (!d.ok || !t.incident) return { ok: false, reason: d.ok ? 'not_in_incident' : d.reason };
    const incidentId = t.incident.id;
    const { left, dissolved } = await leaveIncident(this.deps, t, incidentId, actorOf(agent));
    if (!left) return { ok: false, reason: 'changed' };
    this.deps.logger.info({ reportId, incidentId: incidentId.toString(), dissolved, outcome: 'incident_split' }, 'report split from its incident');
    return { ok: true };
  }

  async replyAll(reportId: string, agent: AgentRef, texts: IncidentTexts, opts: { key?: string; identityAskConfirmed?: boolean } = {}): Promise<IncidentResult<{ sent: number; skipped: number }>> {
    const checked = checkTexts(texts);
    if (!checked.ok) return checked;
    const lead = await this.find(reportId);
    if (!lead) return { ok: false, reason: 'not_found' };
    const d = decideReplyAll(agent, incidentFacts(lead));
    if (!d.ok || !lead.incident) return { ok: false, reason: d.ok ? 'not_in_incident' : d.reason };
    const incidentId = lead.incident.id.toString();
    const members = await this.deps.store.incidents.members(lead.incident.id);
    const asks = identityAsked(checked.texts.en ?? '') ?? identityAsked(checked.texts.sw ?? '');
    if (asks && !opts.identityAskConfirmed && members.some((m) => m.anonymous)) return { ok: false, reason: 'anonymous_asked' };
    const open = members.filter((m) => answered(agent, m));
    await this.answerMembers(open, agent, checked.texts, incidentId, { key: opts.key, asks });
    const sent = open.length;
    const skipped = members.length - sent;
    this.deps.logger.info({ reportId, incidentId, sent, skipped, outcome: 'incident_reply' }, 'one answer queued for every reporter of the incident');
    return { ok: true, sent, skipped };
  }

  async readers(incidentId: string, agent: AgentRef): Promise<Record<Lang, number>> {
    const counts: Record<Lang, number> = { en: 0, sw: 0 };
    if (!isId(incidentId)) return counts;
    const open = (await this.deps.store.incidents.answerFacts(incidentId)).filter((m) => answered(agent, m));
    // The language a named reporter chose last (/lugha); an anonymous report's own (`readingLanguage`).
    const chosen = await this.deps.store.reporters.languagesOf(open.filter((m) => !m.anonymous).map((m) => m.reporterId));
    for (const m of open) counts[readingLanguage(m, m.anonymous ? undefined : chosen.get(m.reporterId.toString()))]++;
    return counts;
  }

  async previewAll(reportId: string, agent: AgentRef, action: BatchAction): Promise<IncidentResult<{ total: number; changes: number }>> {
    const found = await this.batchMembers(reportId, agent);
    if (!found.ok) return found;
    const { members } = found;
    return { ok: true, total: members.length, changes: members.filter((m) => batchDecision(agent, action, m).ok).length };
  }

  async applyAll(reportId: string, agent: AgentRef, action: BatchAction): Promise<IncidentResult<BatchOutcome>> {
    const tickets = this.deps.tickets;
    if (!tickets) return { ok: false, reason: 'invalid' };
    const found = await this.batchMembers(reportId, agent);
    if (!found.ok) return found;
    const { members, incidentId } = found;
    const skipped: BatchSkip[] = [];
    const allowed = members.filter((m) => {
      const d = batchDecision(agent, action, m);
      if (!d.ok) skipped.push({ reference: m.reference, reason: skipReason(action, m, d.reason) });
      return d.ok;
    });
    let changed = 0;
    for (const batch of batchesOf(allowed)) {
      const results = await Promise.all(batch.map((m) => runOne(tickets, agent, action, m)));
      for (const [i, r] of results.entries()) {
        if (r.ok) changed++;
        else if (isFormRefusal(r.reason)) return { ok: false, reason: r.reason };
        else skipped.push({ reference: batch[i].reference, reason: skipReason(action, batch[i], r.reason) });
      }
    }
    skipped.sort((a, b) => a.reference.localeCompare(b.reference));
    const outcome = action.kind === 'refer' ? 'incident_referred' : 'incident_closed';
    this.deps.logger.info({ reportId, incidentId, total: members.length, changed, skipped: skipped.length, outcome }, 'every report of an incident changed at once');
    return { ok: true, total: members.length, changed, skipped };
  }

  /** The incident's members (read as an answer to all reads them, oldest id first) when `agent` may act on the incident of `reportId`. */
  private async batchMembers(reportId: string, agent: AgentRef): Promise<IncidentResult<{ members: AnswerFacts[]; incidentId: string }>> {
    const lead = await this.find(reportId);
    if (!lead) return { ok: false, reason: 'not_found' };
    const d = decideIncidentBatch(agent, incidentFacts(lead));
    if (!d.ok || !lead.incident) return { ok: false, reason: d.ok ? 'not_in_incident' : d.reason };
    const members = (await this.deps.store.incidents.answerFacts(lead.incident.id)).sort((a, b) => a._id.toString().localeCompare(b._id.toString()));
    return { ok: true, members, incidentId: lead.incident.id.toString() };
  }

  /**
   * Each reporter's copy, written and queued together: one write for the messages, one for their
   * history lines and one round trip to Redis, where one member at a time kept the agent's request
   * waiting seconds for a large incident. Under the form's key, a copy already stored by an earlier
   * send of the form is not sent again. Each member is its own report, so no two copies queue
   * behind each other; the worker paces each chat as it sends.
   */
  private async answerMembers(members: readonly ReportDoc[], agent: AgentRef, texts: IncidentTexts, incidentId: string, opts: { key?: string; asks: IdentityAsk | null }): Promise<void> {
    const { store, events } = this.deps;
    const { key, asks } = opts;
    // The key with the texts: the same form sent twice is one message; a corrected text under a
    // form the browser kept (Back, edit, Send) is a new one.
    const formKey = key ? `all:${key}:${textsDigest(texts)}` : undefined;
    for (let from = 0; from < members.length; from += ANSWER_BATCH) {
      const batch = members.slice(from, from + ANSWER_BATCH);
      // Stored in the report's language for the console; the worker picks the reporter's current one when sending.
      const replies = batch.map((m) => ({ id: formKey ? replyId(m._id.toString(), agent.id, formKey) : new Types.ObjectId(), reportId: m._id, content: { text: pick(texts, m.language), agentId: agent.id, texts } }));
      const created = new Set((await store.messages.addRepliesOnce(replies)).map(String));
      const fresh = replies.filter((r) => created.has(r.id.toString()));
      // Every copy's line, under the copy's own id: the form sent again (after a failure here,
      // once the copies were stored) writes the lines they may lack, and never a second one. An
      // anonymous reporter asked who they are (confirmed by the agent): in their audit trail, as for one reply.
      const anonymous = new Set(batch.filter((m) => m.anonymous).map((m) => m._id.toString()));
      const line = (r: (typeof replies)[number]) => ({ incidentId, messageId: r.id.toString(), ...(asks && anonymous.has(r.reportId.toString()) ? { identityAsk: asks } : {}) });
      await store.reports.addEvents(replies.map((r) => ({ reportId: r.reportId, type: 'incident_reply', actor: actorOf(agent), data: line(r), id: r.id })));
      if (!fresh.length) continue;
      await this.queueMany(fresh.map((r) => r.id.toString()), incidentId);
      await Promise.all(fresh.map((r) => events.publish({ type: 'ticket', reportId: r.reportId.toString(), what: 'message' })));
    }
  }

  private async queueMany(messageIds: string[], incidentId: string): Promise<void> {
    try {
      await this.deps.replies.deliverMany(messageIds);
    } catch (err) {
      // Stored as pending: the outbox relay queues them when Redis is back.
      this.deps.logger.warn({ err, incidentId, messages: messageIds.length }, 'could not queue the answers to an incident; relay will retry');
    }
  }

  /** The ticket becomes the holder's: a waiting one is taken (its reporter told), one held by someone else moved. */
  private async hold(t: ReportDoc, holder: string, agent: AgentRef): Promise<Held> {
    const { store } = this.deps;
    const changed = { ok: false, reason: 'changed' } as const;
    if (t.status === 'received') {
      const taken = await store.reports.transition(t._id, 'assigned', actorOf(agent), { assignee: holder, eventData: { incident: true }, notices: [owedNotice(TAKEN_NOTICE)] });
      if (!taken) return changed;
      await Promise.all([this.notifyTaken(taken), this.deps.desk.dropWaiting(t._id.toString())]);
      return { ok: true, took: true };
    }
    if (t.assignee && t.assignee.toString() !== holder) {
      if (!(await store.incidents.reassign(t._id, t.assignee, holder))) return changed;
      await this.watchMoved(t._id.toString());
    }
    return { ok: true, took: false };
  }

  /** As a hand-over's (TicketService): a failed watch leaves the move done; the new holder still sees the message. */
  private async watchMoved(reportId: string): Promise<void> {
    await this.deps.heldDanger?.handedOver(reportId).catch((err: unknown) => this.deps.logger.warn({ err, reportId }, 'danger on a moved ticket not watched'));
  }

  /** "Taken", written with the take: stored and queued now; a failure leaves it owed for the outbox relay (logged, not thrown: the take is made). */
  private async notifyTaken(report: ReportDoc): Promise<void> {
    try {
      await storeOwedNotices(this.deps, report, report.noticesOwed ?? []);
    } catch (err) {
      this.deps.logger.error({ err, reportId: report._id.toString(), reference: report.reference }, 'could not store notice for reporter; the outbox relay will');
    }
  }

  private async find(id: string): Promise<ReportDoc | null> {
    return isId(id) ? this.deps.store.reports.findById(id) : null;
  }
}

/**
 * Members in batches of BATCH_SIZE, the first alone: a form refused as such (no agency name, a
 * note too long) is refused for every member, so it is found before anything else is tried.
 */
function batchesOf<T>(items: readonly T[]): T[][] {
  const out = items.length ? [items.slice(0, 1)] : [];
  for (let from = 1; from < items.length; from += BATCH_SIZE) out.push(items.slice(from, from + BATCH_SIZE));
  return out;
}

/** The text for a reporter's language, else the other one. */
function textsDigest(texts: IncidentTexts): string {
  return createHash('sha256').update(JSON.stringify([texts.en ?? '', texts.sw ?? ''])).digest('base64url').slice(0, 16);
}

export function pick(texts: IncidentTexts, lang: Lang): string {
  return (lang === 'sw' ? (texts.sw ?? texts.en) : (texts.en ?? texts.sw)) ?? '';
}

/** At least one language written; each within the reply limit. Blank means "not written". */
function checkTexts(texts: IncidentTexts): { ok: true; texts: IncidentTexts } | { ok: false; reason: 'empty' | 'too_long' } {
  const out: IncidentTexts = {};
  for (const lang of ['en', 'sw'] as const) {
    const raw = texts[lang];
    if (raw === undefined || raw.trim() === '') continue;
    const c = checkReplyText(raw);
    if (!c.ok) return { ok: false, reason: c.reason };
    out[lang] = c.text;
  }
  return out.en || out.sw ? { ok: true, texts: out } : { ok: false, reason: 'empty' };
}
