import { Types } from 'mongoose';
import { checkReplyText, checkText, CLOSED_STATUSES, consentAskable, referralHolding, decide, decideHandOver, heldWork, identityAsked, isAgency, isAgentStatus, lastWaitFrom, LIMITS, otherAgencyName, oversees, shouldAskRating, type Agency, type ConsentAskRefusal, type RejectReason, type TicketAction, type AgentStatus } from '../domain';
import type { Actor, MessageDoc, OwedNotice, ReportDoc, Store } from '../store';
import type { Logger } from '../logger';
import type { EventBus } from './events';
import type { ReplyPort } from './ports';
import { replyId } from './reply-id';
import type { TicketDesk } from './ticket-desk';
import type { HeldDangerService } from './held-danger-service';
import { owedNotice, storeOwedNotices, TAKEN_NOTICE } from './owed-notices';
import { CONSENT_NOTICE, consentQuestionMark, RATING_NOTICE, type ActionRefusal, type ActionResult, type AgentRef, type AsksIdentity, type HandBack, type HandOverTargets, type Refused, type ReplyOptions, type Seen, type TakeResult, type TicketActions, VIEW_AGAIN_AFTER_MS } from './ticket-actions';

export interface TicketServiceDeps {
  store: Store;
  /** Take and release (src/services/ticket-desk.ts). */
  desk: Pick<TicketDesk, 'takeNext' | 'release' | 'dropWaiting' | 'maxPerAgent'>;
  replies: Pick<ReplyPort, 'deliver'>;
  events: EventBus;
  logger: Logger;
  /** Danger on a ticket handed over: the new holder's own watch starts (src/services/held-danger-service.ts). */
  heldDanger?: Pick<HeldDangerService, 'handedOver'>;
}

/** Notice keys (locales/<lang>/notices.json), rendered in the reporter's language when sent. */
const NOTICE_FOR_STATUS: Partial<Record<AgentStatus, string>> = {
  waiting_reporter: 'notices:waitingReporter',
  resolved: 'notices:resolved',
  rejected: 'notices:closed',
};

const OK = { ok: true } as const;
const refused = (reason: ActionRefusal): Refused => ({ ok: false, reason });
/** The consent rule's refusals as the console already says them (an anonymous report has its own). */
const CONSENT_REFUSAL = { forgotten: 'reporter_forgotten', not_referred: 'wrong_status', purged: 'closed' } as const satisfies Record<Exclude<ConsentAskRefusal, 'anonymous'>, ActionRefusal>;

/**
 * What agents do to tickets (the console calls exactly `TicketActions`). Each action is first
 * decided by the domain policy on the ticket as read, then enforced atomically by the store's
 * guarded update (status in the transition table, and the holder for agents): if the ticket
 * changed in between, the agent is told so. Every action is written to the audit trail,
 * publishes a live event, and tells the reporter where it matters (taken, needs more
 * information, referred, closed) through a stored notice on `replies`.
 */
export class TicketService implements TicketActions {
  constructor(private readonly deps: TicketServiceDeps) {}

  async takeNext(agent: AgentRef): Promise<TakeResult> {
    const result = await this.deps.desk.takeNext(agent.id);
    // Deactivated while this take was under way (it passed the session check before): the
    // hand-back may have listed their tickets before this one was theirs, so it goes back now.
    if (result.ok && (await this.deps.store.agents.isDeactivated(agent.id))) {
      await this.unoweOwn(result.report, TAKEN_NOTICE);
      const back = await this.deps.desk.release(result.report._id.toString(), { kind: 'system' }, { requireAssignee: agent.id, reason: 'holder_deactivated' });
      if (back) await this.publishStatus(back._id, true);
      return { ok: false, reason: 'inactive' };
    }
    if (result.ok) {
      // Written with the take (TicketDesk): stored now, else by the outbox relay.
      await this.sendOwed(result.report, result.report.noticesOwed ?? []);
      await this.publishStatus(result.report._id, true);
    }
    return result;
  }

  async release(reportId: string, agent: AgentRef, seen?: Seen): Promise<ActionResult> {
    const allowed = await this.allowed(reportId, agent, 'release');
    if (!allowed.ok) return allowed;
    // Released while an agency had it (waiting on the reporter for it): the case is back with Ripoti.
    const from = await this.referralHolding(allowed.report);
    const notices = from && !allowed.report.reporterForgottenAt ? [takenBackNotice(from)] : [];
    const released = await this.deps.desk.release(reportId, actorOf(agent), { requireAssignee: holderGuard(agent, seen), notices });
    if (!released) return refused('changed');
    await this.sendOwed(released, notices);
    await this.publishStatus(released._id, true);
    return OK;
  }

  async handOver(reportId: string, by: AgentRef, toAgentId: string, seen?: Seen): Promise<ActionResult<{ moved: number }>> {
    const { store } = this.deps;
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await store.reports.findById(reportId) : null;
    if (!report) return refused('not_found');
    const target = await store.agents.findById(toAgentId);
    // The cap as a take checks it (read, then moved: two hand-overs to one person at the same
    // instant could leave them one over it, as two takes in two processes could).
    const load = target ? { held: await store.reports.countAssignedTo(toAgentId), adds: await this.handOverAdds(report), max: this.deps.desk.maxPerAgent } : undefined;
    const d = decideHandOver(by, report, target ? { id: target._id.toString(), active: target.active } : null, load);
    if (!d.ok) return d;
    const from = report.assignee!;
    if (seen && seen.holder !== from.toString()) return refused('changed');
    // The claim: the incident's oldest held report (this ticket when alone), whichever member's
    // page the hand-over came from. Of two supervisors handing the same incident over at once, from
    // the same page or two members' pages, the second is refused here, before it moves anything,
    // so the incident keeps one holder.
    const members = report.incident ? await store.incidents.heldMemberIds(report.incident.id) : [];
    const claim = members[0] ?? report._id;
    if (!(await store.incidents.reassign(claim, from, toAgentId))) return refused('changed');
    // The incident's held reports include this one; alone, it is the claim and nothing else moves.
    const moveRest = members.filter((id) => !id.equals(claim));
    const handed = async (id: Types.ObjectId) => {
      await store.reports.addEvent(id, 'handed_over', actorOf(by), { fromAgent: from.toString(), toAgent: toAgentId });
      await this.publishStatus(id, false);
    };
    await handed(claim);
    const moved = [claim];
    // The rest of the incident: one agent's work (the store moves only the open ones `from` still holds).
    for (const id of moveRest) {
      if (!(await store.incidents.reassign(id, from, toAgentId))) continue;
      moved.push(id);
      await handed(id);
    }
    // Deactivated while this was under way (its hand-back may have listed the account's tickets
    // before these were moved to it): refused, and each goes back to whoever held it.
    if (await store.agents.isDeactivated(toAgentId)) {
      await this.handOverUndone(moved, from, toAgentId, by);
      return refused('target_inactive');
    }
    await this.deps.events.publish({ type: 'queue' });
    await this.watchHandedOver(moved);
    this.deps.logger.info({ reportId, moved: moved.length, outcome: 'handed_over' }, 'ticket handed over by a supervisor');
    return { ok: true, moved: moved.length };
  }

  async handOverTargets(report: ReportDoc, by: AgentRef): Promise<HandOverTargets> {
    const { store } = this.deps;
    const max = this.deps.desk.maxPerAgent;
    if (!decideHandOver(by, report, { id: '', active: true }).ok) return { may: false, max, targets: [] };
    const accounts = (await store.agents.list()).filter((a) => a.active);
    const [held, adds] = await Promise.all([store.reports.heldWorkOf(accounts.map((a) => a._id)), this.handOverAdds(report)]);
    // The same decision `handOver` makes, so nobody listed is refused and nobody able is left out.
    const targets = accounts.flatMap((a) => {
      const load = { held: held.get(a._id.toString()) ?? 0, adds, max };
      return decideHandOver(by, report, { id: a._id.toString(), active: a.active }, load).ok ? [{ id: a._id.toString(), name: a.name, username: a.username, held: load.held }] : [];
    });
    return { may: true, max, targets };
  }

  /** What handing this ticket over adds to the receiver's load: its own, or its incident's (held together), as the cap counts it. */
  private async handOverAdds(report: ReportDoc): Promise<number> {
    const incident = report.incident;
    if (!report.assignee) return 0;
    const moving = incident ? (await this.deps.store.reports.findAssignedTo(report.assignee)).filter((r) => r.incident?.id.equals(incident.id)) : [report];
    return heldWork(moving.map((r) => ({ id: r._id, status: r.status, incident: r.incident })));
  }

  /**
   * A danger message the old holder left (or read) is one the new holder has not opened: their own
   * check starts. Not set (Redis): the hand-over stands; the new holder still sees the message.
   */
  private async watchHandedOver(ids: readonly Types.ObjectId[]): Promise<void> {
    const heldDanger = this.deps.heldDanger;
    if (!heldDanger) return;
    for (const id of ids) await heldDanger.handedOver(id.toString()).catch((err: unknown) => this.deps.logger.warn({ err, reportId: id.toString() }, 'danger on a handed-over ticket not watched'));
  }

  /** Moves handed-over tickets back from `to` (each only if `to` still holds it), said in their history. */
  private async handOverUndone(ids: readonly Types.ObjectId[], from: Types.ObjectId, to: string, by: AgentRef): Promise<void> {
    for (const id of ids) {
      if (!(await this.deps.store.incidents.reassign(id, to, from))) continue;
      await this.deps.store.reports.addEvent(id, 'handed_over', actorOf(by), { fromAgent: to, toAgent: from.toString() });
      await this.publishStatus(id, false);
    }
    await this.deps.events.publish({ type: 'queue' });
  }

  async handBack(agentId: string, by: AgentRef): Promise<HandBack> {
    const result: HandBack = { released: 0, kept: 0 };
    for (const t of await this.deps.store.reports.findAssignedTo(agentId)) {
      if (!decide(by, 'release', t).ok) {
        result.kept++;
        continue;
      }
      // Guarded by the holder: a ticket that changed hands or closed since the read is left as it is.
      const back = await this.deps.desk.release(t._id.toString(), actorOf(by), { requireAssignee: agentId, reason: 'holder_deactivated' });
      if (!back) continue;
      result.released++;
      await this.publishStatus(back._id, true);
    }
    return result;
  }

  async changeStatus(reportId: string, agent: AgentRef, to: AgentStatus, opts: { rejectReason?: RejectReason; note?: string; seen?: Seen } = {}): Promise<ActionResult> {
    if (!isAgentStatus(to)) return refused('invalid');
    if (opts.rejectReason !== undefined && opts.rejectReason !== 'spam' && opts.rejectReason !== 'duplicate') return refused('invalid');
    const note = optionalNote(opts.note);
    if (!note.ok) return note;
    const allowed = await this.allowed(reportId, agent, 'change_status', to);
    if (!allowed.ok) return allowed;
    const eventData: Record<string, unknown> = {};
    if (opts.rejectReason) eventData.rejectReason = opts.rejectReason;
    if (note.text) eventData.note = note.text;
    const notices = await this.statusNotices(allowed.report, to, opts.rejectReason);
    const updated = await this.deps.store.reports.transition(reportId, to, actorOf(agent), { requireAssignee: holderGuard(agent, opts.seen), eventData, notices });
    if (!updated) return refused('changed');
    await this.sendOwed(updated, notices);
    const leftQueue = allowed.report.status === 'received';
    if (leftQueue) await this.deps.desk.dropWaiting(reportId);
    await this.publishStatus(updated._id, leftQueue);
    return OK;
  }

  async refer(reportId: string, agent: AgentRef, agency: Agency, note?: string, otherName?: string, seen?: Seen): Promise<ActionResult> {
    if (!isAgency(agency)) return refused('invalid');
    const checked = optionalNote(note);
    if (!checked.ok) return checked;
    const name = agency === 'OTHER' ? checkText(otherName ?? '', LIMITS.agencyNameMaxChars) : undefined;
    if (name && !name.ok) return refused('agency_name');
    const allowed = await this.allowed(reportId, agent, 'refer');
    if (!allowed.ok) return allowed;
    // Back to the agency that had it while staff asked the reporter for more: they were never told otherwise.
    const tell = !allowed.report.reporterForgottenAt && !(await this.waitedForAgency(allowed.report, agency, name?.ok ? name.text : undefined));
    const notices = tell ? [owedNotice('notices:referred', { agency, ...(name?.ok ? { name: name.text } : {}) })] : [];
    const updated = await this.deps.store.reports.transition(reportId, 'referred', actorOf(agent), {
      requireAssignee: holderGuard(agent, seen),
      referral: { agency, ...(checked.text ? { note: checked.text } : {}), ...(name?.ok ? { name: name.text } : {}) },
      notices,
    });
    if (!updated) return refused('changed');
    await this.sendOwed(updated, notices);
    await this.publishStatus(updated._id, false);
    return OK;
  }

  /**
   * What a change to `to` owes the reporter, in order, decided on the ticket as read (the guarded
   * change applies only from it) and written with the change, so a failure storing them loses none.
   */
  private async statusNotices(report: ReportDoc, to: AgentStatus, rejectReason: RejectReason | undefined): Promise<OwedNotice[]> {
    if (report.reporterForgottenAt) return [];
    const notices: OwedNotice[] = [];
    // Taken back from an agency (referred by mistake, or to another): the reporter was told it went
    // there. Waiting for the reporter is not taking it back: staff ask what the agency needs.
    const from = !CLOSED_STATUSES.includes(to) && to !== 'waiting_reporter' ? await this.referralHolding(report) : undefined;
    if (from) notices.push(takenBackNotice(from));
    // A duplicate is closed because another report of the same incident is in hand: said so, not "send a new report" alone.
    const notice = to === 'rejected' && rejectReason === 'duplicate' ? 'notices:closedDuplicate' : NOTICE_FOR_STATUS[to];
    if (notice) notices.push(owedNotice(notice));
    // After the closing notice, one question the reporter answers with a tap (src/domain/rating.ts).
    // Once per report: a ticket reopened and closed again was asked at its first close, or still owes it (read only for a close that asks).
    const asked = async () => (report.noticesOwed ?? []).some((n) => n.key === RATING_NOTICE) || (await this.deps.store.messages.hasNotice(report._id, RATING_NOTICE));
    if (shouldAskRating(to, rejectReason) && shouldAskRating(to, rejectReason, await asked())) notices.push(owedNotice(RATING_NOTICE, { reportId: report._id.toString() }));
    return notices;
  }

  /**
   * Stores the notices a change owed and queues them; a failure leaves them owed for the outbox
   * relay (logged, not thrown: the change is made). Those an earlier change still owes (its store
   * failed, the relay has not come yet) go first, from the ticket as the change left it: this
   * change's notice must not reach the reporter before the earlier one.
   */
  private async sendOwed(report: ReportDoc, notices: readonly OwedNotice[]): Promise<void> {
    if (!notices.length) return;
    const mine = new Set(notices.map((n) => n._id.toString()));
    const earlier = (report.noticesOwed ?? []).filter((n) => !mine.has(n._id.toString()));
    try {
      await storeOwedNotices(this.deps, report, [...earlier, ...notices]);
    } catch (err) {
      this.deps.logger.error({ reportId: report._id.toString(), reference: report.reference, notices: notices.map((n) => n.key), err }, 'could not store notices for reporter; the outbox relay will');
    }
  }

  /**
   * The notice owed by an action undone before it was stored (a take by an account deactivated
   * meanwhile): never sent. Only its own: the change's write appends its notices last (`transition`),
   * so it is the last one of `key`; one an earlier take still owes (its store failed) is still
   * told. A failure sends it after all (logged).
   */
  private async unoweOwn(report: ReportDoc, key: string): Promise<void> {
    const own = (report.noticesOwed ?? []).filter((n) => n.key === key).at(-1);
    if (!own) return;
    await this.deps.store.reports.clearOwedNotices(report._id, [own._id]).catch((err: unknown) => this.deps.logger.warn({ reportId: report._id.toString(), notice: key, err }, 'could not drop a notice owed by an undone action; it will be sent'));
  }

  /** The referral whose agency has the case (domain `referralHolding`); the history is read only for a ticket waiting on its reporter. */
  private async referralHolding(report: ReportDoc): Promise<ReportDoc['referral']> {
    if (report.status !== 'waiting_reporter' || !report.referral) return referralHolding(report, undefined);
    return referralHolding(report, lastWaitFrom(await this.deps.store.reports.history(report._id)));
  }

  /** Back to the agency that has it while staff asked the reporter for more. */
  private async waitedForAgency(report: ReportDoc, agency: Agency, name: string | undefined): Promise<boolean> {
    if (report.status !== 'waiting_reporter') return false;
    const had = await this.referralHolding(report);
    return had?.agency === agency && (agency !== 'OTHER' || had.name === name);
  }

  async reply(reportId: string, agent: AgentRef, text: string, opts: ReplyOptions = {}): Promise<ActionResult<{ message: MessageDoc }> | AsksIdentity> {
    const checked = checkReplyText(text);
    if (!checked.ok) return refused(checked.reason);
    const allowed = await this.allowed(reportId, agent, 'reply');
    if (!allowed.ok) return allowed;
    const { report } = allowed;
    // Retention already removed who the reporter is (only closed tickets are purged).
    if (report.purgedAt) return refused('closed');
    const asks = report.anonymous ? identityAsked(checked.text) : null;
    if (asks && !opts.identityAskConfirmed) return { ok: false, reason: 'asks_identity', asks };
    const content = { text: checked.text, agentId: agent.id };
    // A notice still owed (its store failed; the relay waits its grace) goes before this reply, in the order it was owed.
    await this.sendOwed(report, report.noticesOwed ?? []);
    // A draft sent twice (its first answer lost on a flaky connection) is one message to the
    // reporter; corrected before it was sent again, it is a second one.
    const stored = opts.draftKey ? await this.deps.store.messages.addReplyOnce(replyId(report._id.toString(), agent.id, opts.draftKey, checked.text), report._id, content) : { message: await this.deps.store.messages.addOutgoing(report._id, content), created: true };
    const { message } = stored;
    // Sent after the agent confirmed it asks an anonymous reporter who they are: in the audit trail.
    // Under the message's own id, so the same draft sent again (after a failure here, once the
    // message was stored) writes the line it may lack, and never a second one.
    await this.deps.store.reports.addEvent(report._id, 'reply_queued', actorOf(agent), { messageId: message._id.toString(), ...(asks ? { identityAsk: asks } : {}) }, message._id);
    // Sent already (or failed) since its first try: nothing more to queue or show.
    if (!stored.created && message.delivery !== 'pending') return { ok: true, message };
    await this.queueDelivery(message, report);
    await this.deps.events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'message' });
    return { ok: true, message };
  }

  async addNote(reportId: string, agent: AgentRef, text: string): Promise<ActionResult> {
    const checked = checkText(text, LIMITS.noteMaxChars);
    if (!checked.ok) return refused(checked.reason);
    const allowed = await this.allowed(reportId, agent, 'note');
    if (!allowed.ok) return allowed;
    await this.deps.store.reports.addEvent(allowed.report._id, 'note', actorOf(agent), { text: checked.text });
    await this.deps.events.publish({ type: 'ticket', reportId: allowed.report._id.toString(), what: 'note' });
    return OK;
  }

  async askConsent(reportId: string, agent: AgentRef): Promise<ActionResult | { ok: false; reason: 'anonymous' }> {
    // Asking is writing to the reporter: the same people may do it as may reply.
    const allowed = await this.allowed(reportId, agent, 'reply');
    if (!allowed.ok) return allowed;
    const { report } = allowed;
    const askable = consentAskable(report);
    if (!askable.ok) return askable.reason === 'anonymous' ? { ok: false, reason: 'anonymous' } : refused(CONSENT_REFUSAL[askable.reason]);
    const { agency } = askable;
    // What the question asks for, and for "another agency" its name: the answer is bound to both,
    // through the question's own mark on its buttons (`q`), so a tap on an older question is an
    // answer to that one, not to whichever was asked last.
    const name = otherAgencyName(agency, report.referral);
    const q = consentQuestionMark();
    const asked = { agency, covers: 'name_phone', q, ...(name ? { name } : {}) };
    // Owed in the asking's own write, with its line: a failure storing them leaves both for the outbox relay.
    const notice = owedNotice(CONSENT_NOTICE, { agency, reportId: report._id.toString(), q, ...(name ? { name } : {}) }, { type: 'consent_asked', actor: actorOf(agent), data: asked, at: new Date() });
    if (!(await this.deps.store.reports.oweNotices(report._id, [notice], { status: 'referred', 'referral.agency': agency }))) return refused('changed');
    await this.sendOwed(report, [notice]);
    await this.deps.events.publish({ type: 'ticket', reportId: report._id.toString(), what: 'message' });
    return OK;
  }

  /** `seesMessages: false`: a look at the notes and history only, which leaves the reporter's new messages unread. */
  async recordView(reportId: string, agent: AgentRef, opts: { again?: boolean; seesMessages?: boolean } = {}): Promise<ActionResult> {
    // A view that repeats one (the page's own refresh, its files) is written only if this agent
    // has no view in the trail within VIEW_AGAIN_AFTER_MS: whatever the browser claims, a first
    // look, or a return later, is always recorded. One already there needs no other read.
    const since = new Date(Date.now() - VIEW_AGAIN_AFTER_MS);
    if (!(opts.again && /^[0-9a-f]{24}$/i.test(reportId) && (await this.deps.store.reports.viewedBy(reportId, agent.id, since)))) {
      const allowed = await this.allowed(reportId, agent, 'view');
      if (!allowed.ok) return allowed;
      await this.deps.store.reports.addEvent(allowed.report._id, 'viewed', actorOf(agent));
    }
    if (opts.seesMessages !== false) await this.markSeen(reportId, agent);
    return OK;
  }

  async markSeen(reportId: string, agent: AgentRef): Promise<void> {
    // Only the holder's view counts: the store ignores anyone who does not hold the ticket.
    if (/^[0-9a-f]{24}$/i.test(reportId)) await this.deps.store.reports.markSeenByHolder(reportId, agent.id);
  }

  /** Reads the ticket and asks the policy; the store's guarded update enforces it again. */
  private async allowed(reportId: string, agent: AgentRef, action: TicketAction, to?: AgentStatus): Promise<{ ok: true; report: ReportDoc } | Refused> {
    const report = /^[0-9a-f]{24}$/i.test(reportId) ? await this.deps.store.reports.findById(reportId) : null;
    if (!report) return refused('not_found');
    const decision = decide(agent, action, report, to);
    return decision.ok ? { ok: true, report } : refused(decision.reason);
  }

  private async queueDelivery(msg: MessageDoc, report: ReportDoc): Promise<void> {
    try {
      await this.deps.replies.deliver(msg._id.toString());
    } catch (err) {
      // Stored as pending: the outbox relay queues it when Redis is back.
      this.deps.logger.warn({ reportId: report._id.toString(), messageId: msg._id.toString(), err }, 'could not queue message; relay will retry');
    }
  }

  private async publishStatus(reportId: Types.ObjectId, queueChanged: boolean): Promise<void> {
    await this.deps.events.publish({ type: 'ticket', reportId: reportId.toString(), what: 'status' });
    if (queueChanged) await this.deps.events.publish({ type: 'queue' });
  }
}

/** "It is no longer with <agency>": the case is back with Ripoti staff ("another agency" by the name given). */
function takenBackNotice(from: NonNullable<ReportDoc['referral']>): OwedNotice {
  return owedNotice('notices:referralTakenBack', { agency: from.agency, ...(from.agency === 'OTHER' && from.name ? { name: from.name } : {}) });
}

function actorOf(agent: AgentRef): Actor {
  return { kind: 'agent', agentId: agent.id };
}

/** The store's guard: an agent's change applies only while they still hold the ticket. */
/** The holder the guarded update must still find: the agent themself; for a supervisor, the one their page showed. */
function holderGuard(agent: AgentRef, seen?: Seen): string | null | undefined {
  return oversees(agent.role) ? seen?.holder : agent.id;
}

/** An optional note: blank means none; too long is refused. */
function optionalNote(note: string | undefined): { ok: true; text?: string } | Refused {
  if (note === undefined || note.trim() === '') return { ok: true };
  const checked = checkText(note, LIMITS.noteMaxChars);
  return checked.ok ? { ok: true, text: checked.text } : refused(checked.reason);
}

export function createTicketService(deps: TicketServiceDeps): TicketService {
  return new TicketService(deps);
}
