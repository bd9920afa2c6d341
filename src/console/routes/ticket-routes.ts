import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { AGENCIES, AREA_ROLE, LIMITS, decide, offeredActions, isStaffAnswer, lastWaitFrom, referralAge, referralHolding, agencyAdvice, asksAboutInjuries, asksAboutOthers, asksForMedicalRecord, medicalFormFor, readingLanguage, waitingSince, type AgentStatus, type TicketRefusal } from '../../domain';
import { noticeKey, VIEW_AGAIN_AFTER_MS } from '../../services/ticket-actions';
import type { AgentDoc, Evidence, ReportDoc, ReportEventDoc } from '../../store';
import type { StreamRefusal } from '../telegram-files';
import { actorOf, canSeeIdentity } from '../access';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { triageSection } from '../triage-view';
import { CLOSE_CHOICES, STATUS_CHOICES, evidenceParams, messageMediaParams, ticketParams, type StatusChoice } from '../schemas';

declare module 'fastify' {
  interface FastifyRequest {
    /** The ticket named in the path, once `ticketGuard` found it and the viewer may open it. */
    ticket: ReportDoc | null;
  }
}

export { STATUS_CHOICES };

export const statusOfChoice = (c: StatusChoice): AgentStatus => (c.startsWith('rejected') ? 'rejected' : (c as AgentStatus));

/** Notes are stored as audit events by TicketActions.addNote; their text is in `data.text`. */
export function noteText(e: ReportEventDoc): string {
  const d = e.data ?? {};
  return typeof d.text === 'string' ? d.text : typeof d.note === 'string' ? d.note : '';
}

/** Route options for every `/tickets/:id...` route: signed in, then the ticket loaded and checked. */
export interface TicketGuard {
  onRequest: onRequestAsyncHookHandler;
  preHandler: preHandlerAsyncHookHandler;
}

/**
 * Loads the ticket in the path into `req.ticket` if the viewer may open it (domain policy,
 * `view`); otherwise answers 404 or 403 with a page. The path id is already validated.
 */
export function ticketGuard(ctx: ConsoleContext): TicketGuard {
  return {
    onRequest: ctx.auth.requireRole(AREA_ROLE.queue),
    preHandler: async (req, reply) => {
      const { id } = req.params as { id: string };
      const report = await ctx.store.reports.findById(id);
      if (!report) return refuse(ctx, req, reply, 404, 'not_found');
      const view = decide(actorOf(signedInAgent(req).agent), 'view', report);
      if (!view.ok) return refuse(ctx, req, reply, 403, view.reason);
      req.ticket = report;
    },
  };
}

/** A page for people; for the page's scripts (fetch), the reason in the agent's language as JSON. */
function refuse(ctx: ConsoleContext, req: FastifyRequest, reply: FastifyReply, status: 403 | 404, reason: TicketRefusal | 'not_found') {
  if (req.headers['x-requested-with'] === 'fetch') return reply.code(status).send({ ok: false, message: ctx.translator.t(ctx.auth.language(req), `console:flash.refused_${reason}`) });
  return ctx.problem(req, reply, status, status === 404 ? 'not_found' : 'not_your_ticket');
}

/** The ticket loaded by `ticketGuard`. */
export function openTicket(req: FastifyRequest): ReportDoc {
  if (!req.ticket) throw new Error('route is missing its ticketGuard');
  return req.ticket;
}

async function conversation(ctx: ConsoleContext, report: ReportDoc) {
  const list = await ctx.store.messages.listForReport(report._id);
  // What the reporter read: notices and an answer written in both languages are rendered when
  // sent, in the language they had then (`sentIn`); one still to go, in the one they have now
  // (read only then: this runs on every live refresh of the conversation).
  const pending = list.some((m) => m.delivery === 'pending');
  const now = readingLanguage(report, pending && !report.anonymous ? (await ctx.store.reporters.findById(report.reporterId))?.language : undefined);
  return list.map((m) => {
    const lang = m.sentIn ?? (m.delivery === 'pending' ? now : report.language);
    return { ...m, shown: m.kind === 'notice' && m.notice ? ctx.translator.t(lang, noticeKey(m.notice), { reference: report.reference, ...(m.notice.vars ?? {}) }) : (m.texts?.[lang] ?? m.text ?? '') };
  });
}

async function activity(ctx: ConsoleContext, report: ReportDoc) {
  const history = await ctx.store.reports.history(report._id);
  // Who did it, and for a hand-over who had it and who has it now.
  const handed = (e: ReportEventDoc, key: 'fromAgent' | 'toAgent') => (e.type === 'handed_over' && typeof e.data?.[key] === 'string' ? [e.data[key] as string] : []);
  const names = await ctx.store.agents.namesByIds(history.flatMap((e) => [...(e.actor.agentId ? [String(e.actor.agentId)] : []), ...handed(e, 'fromAgent'), ...handed(e, 'toAgent')]));
  const nameOf = (e: ReportEventDoc) => (e.actor.agentId ? (names.get(String(e.actor.agentId)) ?? '?') : '');
  const hidden = repeatedViews(history);
  const runs = linkedRuns(history);
  const repeatedView = (_e: ReportEventDoc, i: number) => hidden.has(i) || runs.hidden.has(i);
  return {
    /** The agency that has the case now: "in progress" takes it back from them, and is asked about first. */
    withAgency: referralHolding(report, lastWaitFrom(history)),
    notes: history.filter((e) => e.type === 'note').map((e) => ({ id: String(e._id), at: e.at, by: nameOf(e), text: noteText(e) })),
    // The trail shows what happened; the note typed with a status change or a referral is part of
    // that step, so it is shown there (marked internal). Plain notes and messages have their own panels.
    audit: history
      .map((e, i) => ({ e, times: runs.times.get(i) }))
      .filter(({ e }, i) => !repeatedView(e, i))
      .map(({ e, times }) => ({
        // Keys the row, so a live update changes it in place (console.js `morph`).
        id: String(e._id),
        at: e.at,
        type: e.type,
        // Links found in a row, shown as their last line with how many.
        times,
        actor: e.actor.kind,
        by: nameOf(e),
        from: typeof e.data?.from === 'string' ? e.data.from : undefined,
        to: typeof e.data?.to === 'string' ? e.data.to : undefined,
        agency: typeof e.data?.agency === 'string' ? e.data.agency : undefined,
        // "Another agency" by its name (a referral's, a consent question's).
        agencyName: typeof e.data?.name === 'string' ? e.data.name : undefined,
        note: (e.type === 'status_changed' || e.type === 'referred') && typeof e.data?.note === 'string' ? e.data.note : undefined,
        // Case files: with or without identity; consent: the reporter's answer.
        withIdentity: typeof e.data?.withIdentity === 'boolean' ? e.data.withIdentity : undefined,
        answer: e.data?.answer === 'yes' || e.data?.answer === 'no' ? e.data.answer : undefined,
        // The reporter's one tap after close (issue 16).
        rating: e.type === 'rated' && (e.data?.rating === 'helped' || e.data?.rating === 'not_helped') ? e.data.rating : undefined,
        // Why a ticket was rejected, as the agent chose it (spam asks no rating; a duplicate does).
        rejectReason: e.data?.rejectReason === 'spam' || e.data?.rejectReason === 'duplicate' ? e.data.rejectReason : undefined,
        // Waited too long at a priority the SLA does not raise (Urgent, or High already): said so,
        // not "priority raised". Known from the line's `from`; an Urgent one's `to` says it alone.
        kept: e.type === 'escalated' && typeof e.data?.to === 'number' && (e.data.to === 1 || (typeof e.data.from === 'number' && e.data.from <= e.data.to)) ? e.data.to : undefined,
        // Why a ticket went back to the queue when its holder did not release it.
        releaseReason: e.type === 'released' && e.data?.reason === 'holder_deactivated' ? e.data.reason : undefined,
        // Reopened because its reporter asked staff to look again (not because they sent the rest of the report).
        reopenReason: e.type === 'reopened' && e.data?.reason === 'reporter_asked' ? e.data.reason : undefined,
        handedFrom: handed(e, 'fromAgent').map((id) => names.get(id) ?? '?')[0],
        handedTo: handed(e, 'toAgent').map((id) => names.get(id) ?? '?')[0],
      })),
  };
}

/**
 * Repeated views by the same person in a row are one line: reloads are not news; a return later
 * than VIEW_AGAIN_AFTER_MS after the view last shown is. The indexes not shown.
 */
function repeatedViews(history: readonly ReportEventDoc[]): Set<number> {
  const hidden = new Set<number>();
  let shown: ReportEventDoc | undefined;
  history.forEach((e, i) => {
    const before = history[i - 1];
    const again = e.type === 'viewed' && before?.type === 'viewed' && shown && String(shown.actor.agentId) === String(e.actor.agentId) && e.at.getTime() - shown.at.getTime() < VIEW_AGAIN_AFTER_MS;
    if (again) hidden.add(i);
    else shown = e;
  });
  return hidden;
}

/**
 * Links intake found one after another are one line of the history, the latest, with their count:
 * in a surge every similar report that came in added a line, and 80 "Linked to similar reports"
 * buried what staff had done. `hidden`: indexes not shown; `times`: the count on a run's last line.
 */
function linkedRuns(history: readonly ReportEventDoc[]): { hidden: Set<number>; times: Map<number, number> } {
  const hidden = new Set<number>();
  const times = new Map<number, number>();
  let run = 0;
  history.forEach((e, i) => {
    if (e.type !== 'linked') return void (run = 0);
    run += 1;
    if (run > 1) {
      hidden.add(i - 1);
      times.delete(i - 1);
      times.set(i, run);
    }
  });
  return { hidden, times };
}

/** The ticket page: what it shows is what the policy lets this viewer do. */
async function ticketPage(ctx: ConsoleContext, req: FastifyRequest, reply: FastifyReply) {
  const me = signedInAgent(req);
  const report = openTicket(req);
  const may = offeredActions(actorOf(me.agent), report);
  // The page's own refresh after a live event is not a new visit for the audit trail, but it is
  // seen. The header is the browser's word only: a first look is recorded whatever it says.
  await ctx.tickets.recordView(report._id.toString(), agentRef(me), { again: req.headers['x-ripoti-refresh'] === '1' });
  const messages = await conversation(ctx, report);
  const lastIn = messages.filter((m) => m.direction === 'from_reporter').at(-1);
  const now = new Date();
  const identity = canSeeIdentity(me.agent, report) ? await ctx.store.reporters.identityOf(report.reporterId) : null;
  const assigneeName = report.assignee ? ((await ctx.store.agents.namesByIds([report.assignee])).get(report.assignee.toString()) ?? '') : '';
  return ctx.render(req, reply, 'ticket', {
    report,
    identity,
    assigneeName,
    messages,
    lastFromReporter: lastIn ? lastIn.createdAt : null,
    referralAge: referralAge(report, messages.filter(isStaffAnswer).at(-1)?.createdAt, now),
    // In the queue: how long it has waited, counted as the queue counts it.
    waitingSince: report.status === 'received' ? waitingSince(report) : null,
    now,
    ...(await activity(ctx, report)),
    // The policy decides which forms to show; the service enforces the same rules on submit.
    may,
    statusChoices: STATUS_CHOICES.filter((c) => may.statuses.includes(statusOfChoice(c))),
    agencies: AGENCIES,
    // Closing every report of an incident at once: the resolutions one close offers.
    closeChoices: CLOSE_CHOICES,
    // The agency that usually handles this type of case comes chosen; the agent may pick another.
    // A chief's, kanjo's or private guard's abuse is not IPOA's, and the form says so (`notPolice`, `privateGuards`).
    ...agencyAdvice(report),
    // Injuries are asked (and shown) only where the category is about harm; after a killing, of anyone else.
    injuriesAsked: asksAboutInjuries(report.category),
    medicalRecordAsked: asksForMedicalRecord(report.category, report.injuries ?? undefined),
    injuriesOthers: asksAboutOthers(report.category),
    // The form the medical question named: its label says PRC after sexual violence.
    medicalForm: medicalFormFor(report.category),
    limits: LIMITS,
    // Issue 16: ready answers the agent may send, in the reporter's language (see _saved-replies).
    ...(await savedRepliesFor(ctx, report, may.reply)),
    // Only people the hand-over would accept, each with what the cap counts for them (TicketService.handOverTargets).
    handOver: await ctx.tickets.handOverTargets(report, agentRef(me)),
    // Possibly the same incident, and the incident this report is part of (issue 16).
    triage: await triageSection(ctx, report, actorOf(me.agent), ctx.auth.language(req)),
    // "Tick all" without JavaScript: the page again, every report it offers to join ticked.
    pickAll: (req.query as { pick?: unknown }).pick === 'all',
  });
}

/**
 * The saved replies offered on the ticket page, and the language the reporter reads now (what
 * they are sent goes out in it, which may not be the one they wrote the report in; an anonymous
 * report's own, `readingLanguage`).
 */
async function savedRepliesFor(ctx: ConsoleContext, report: ReportDoc, mayReply: boolean) {
  const [savedReplies, reporter] = await Promise.all([mayReply ? ctx.savedReplies.list() : [], ctx.store.reporters.findById(report.reporterId)]);
  const reporterLanguage = readingLanguage(report, reporter?.language);
  return { savedReplies, reporterLanguage, savedKey: randomBytes(16).toString('base64url') };
}

function fragment(ctx: ConsoleContext, req: FastifyRequest, reply: FastifyReply, name: string, data: Record<string, unknown>) {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(ctx.views.fragment(name, ctx.auth.language(req), data));
}

/** The ticket page, its live fragments and event stream, and its media streamed from Telegram. */
export function ticketRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  app.decorateRequest('ticket', null);
  const guard = { ...ticketGuard(ctx), schema: { params: ticketParams } };

  app.get('/tickets/:id', guard, async (req, reply) => ticketPage(ctx, req, reply));

  app.get('/tickets/:id/conversation', guard, async (req, reply) => {
    const report = openTicket(req);
    // The open ticket page fetches this when a message arrives: the holder has now seen it (and
    // fetched alone, it is a first look for the audit trail).
    await ctx.tickets.recordView(report._id.toString(), agentRef(signedInAgent(req)), { again: true });
    return fragment(ctx, req, reply, '_conversation', { report, messages: await conversation(ctx, report) });
  });

  app.get('/tickets/:id/activity', guard, async (req, reply) => {
    const report = openTicket(req);
    // Notes and history are as much a look at the case as the page: fetched alone, a first look is
    // audited. The open page fetches them on every event, even in a background tab: they mark no message seen.
    await ctx.tickets.recordView(report._id.toString(), agentRef(signedInAgent(req)), { again: true, seesMessages: false });
    return fragment(ctx, req, reply, '_activity', { report, ...(await activity(ctx, report)) });
  });

  app.get('/live/tickets/:id', guard, async (req, reply) => {
    const id = openTicket(req)._id.toString();
    reply.hijack();
    const stillViews = async (agent: AgentDoc) => {
      const report = await ctx.store.reports.findById(id);
      return report !== null && decide(actorOf(agent), 'view', report).ok;
    };
    ctx.hub.open(reply.raw, (e) => (e.type === 'ticket' || e.type === 'escalated') && e.reportId === id, ctx.auth.streamHolder(req, AREA_ROLE.queue, { id, stillViews }));
  });

  ticketMediaRoutes(app, ctx);
}

/**
 * The story's voice note, evidence by position, and media the reporter sent later. A file
 * fetched by someone with no view of the ticket in its audit trail (its URL opened directly)
 * writes one: what they saw is as much a look at the case as the page.
 */
function ticketMediaRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const guard = ticketGuard(ctx);
  const seen = async (req: FastifyRequest) => {
    await ctx.tickets.recordView(openTicket(req)._id.toString(), agentRef(signedInAgent(req)), { again: true });
  };
  const send = async (req: FastifyRequest, reply: FastifyReply, media: Evidence) => {
    await seen(req);
    const refused = (reason: StreamRefusal) => ctx.problem(req, reply, 502, `file_${reason}`);
    const report = openTicket(req);
    // Pictures without what the phone wrote into them (GPS, the device, its owner's name) where who
    // sent them is not to be known: an anonymous report, and one whose reporter asked to be forgotten.
    const clean = report.anonymous || Boolean(report.reporterForgottenAt);
    return ctx.files.stream(reply, media, { range: req.headers.range, reportId: report._id.toString(), clean, refused });
  };

  app.get('/tickets/:id/voice', { ...guard, schema: { params: ticketParams } }, async (req, reply) => {
    const report = openTicket(req);
    const voice = report.description.voice;
    if (!voice) return ctx.problem(req, reply, 404, 'not_found');
    return send(req, reply, voice);
  });

  app.get('/tickets/:id/evidence/:n', { ...guard, schema: { params: evidenceParams } }, async (req, reply) => {
    const report = openTicket(req);
    const item = report.evidence[req.params.n];
    if (!item) return ctx.problem(req, reply, 404, 'not_found');
    return send(req, reply, item);
  });

  app.get('/tickets/:id/messages/:mid/media', { ...guard, schema: { params: messageMediaParams } }, async (req, reply) => {
    const report = openTicket(req);
    const message = await ctx.store.messages.findById(req.params.mid);
    if (!message || !message.media || message.reportId.toString() !== report._id.toString()) return ctx.problem(req, reply, 404, 'not_found');
    return send(req, reply, message.media);
  });
}
