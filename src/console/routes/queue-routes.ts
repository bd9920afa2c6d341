import type { FastifyRequest } from 'fastify';
import type { ReportDoc } from '../../store';
import { AREA_ROLE, heldWork, mayOpenWaiting, referralAge, waitingSince, type ReferralAge } from '../../domain';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';

/** The agent's home: what is waiting, what I hold, and "take next". */
export function queueRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const signedInOnly = ctx.auth.requireRole(AREA_ROLE.queue);

  const lists = (req: FastifyRequest) => queueLists(ctx, req);

  app.get('/', async (req, reply) => reply.redirect(ctx.auth.current(req) ? '/queue' : '/signin', 303));

  app.get('/queue', { onRequest: signedInOnly }, async (req, reply) => ctx.render(req, reply, 'queue', await lists(req)));

  app.get('/queue/fragment', { onRequest: signedInOnly }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(ctx.views.fragment('_queue-lists', ctx.auth.language(req), await lists(req))),
  );

  // The "j" shortcut: a ticket with a reply not read yet first, else the next ticket I hold after
  // this one in "My tickets" order. (Opening one marks it read and moves it down the list, so
  // "the one after it" skipped the next unread one.)
  app.get('/queue/next-held', { onRequest: signedInOnly }, async (req, reply) => {
    const { mine } = await lists(req);
    const after = (req.query as { after?: unknown }).after;
    const at = mine.findIndex((r) => r._id.toString() === after);
    const unread = mine.find((r) => r.unread && r._id.toString() !== after);
    const next = unread ?? (mine.length ? mine[(at + 1) % mine.length] : null);
    return reply.redirect(next ? `/tickets/${next._id.toString()}` : '/queue', 303);
  });

  app.post('/queue/take', { onRequest: signedInOnly, preValidation: ctx.auth.checkCsrf }, async (req, reply) => {
    const me = signedInAgent(req);
    const result = await ctx.tickets.takeNext(agentRef(me));
    // Deactivated meanwhile: their session is gone too, so the sign-in page is where they are.
    if (!result.ok && result.reason === 'inactive') return reply.redirect('/signin', 303);
    if (!result.ok) return reply.redirect(`/queue?err=${result.reason === 'limit' ? 'ticket_limit' : 'queue_empty'}`, 303);
    return reply.redirect(`/tickets/${result.report._id.toString()}`, 303);
  });

  app.get('/live/queue', { onRequest: signedInOnly }, async (req, reply) => {
    reply.hijack();
    ctx.hub.open(reply.raw, (e) => e.type === 'queue' || e.type === 'escalated' || (e.type === 'ticket' && (e.what === 'status' || e.what === 'message')), ctx.auth.streamHolder(req, 'agent'));
  });
}

/** What the queue page shows a signed-in agent: the waiting list, their own tickets grouped by incident, their load. */
async function queueLists(ctx: ConsoleContext, req: FastifyRequest) {
  const me = signedInAgent(req);
  const [waiting, held, waitingTotal] = await Promise.all([ctx.queries.waiting(), ctx.store.reports.findAssignedTo(me.agent._id), ctx.queries.countWaiting()]);
  const urgent = waiting.filter((r) => r.priority === 1).length;
  const now = new Date();
  const ordered = heldOrder(await withReporterState(ctx, held, now));
  // One incident's reports together; "j" (next held) follows the list as shown.
  const mineGroups = groupByIncident(ordered);
  const mine = mineGroups.flatMap((g) => [...g.rows, ...g.more]);
  return {
    // How long each has waited: a ticket its reporter reopened, from the reopening.
    waiting: waiting.map((r) => ({ ...r, waitingSince: waitingSince(r) })),
    waitingTotal,
    urgent,
    mine,
    mineGroups,
    unread: mine.filter((r) => r.unread).length,
    maxPerAgent: ctx.config.tickets.maxPerAgent,
    // Against the cap, as "take next" counts: an incident's reports once, referred ones not.
    heldWork: heldWork(held.map((r) => ({ id: r._id, status: r.status, incident: r.incident }))),
    // Agents take tickets in order; only supervisors open a waiting ticket directly.
    canOpenWaiting: mayOpenWaiting(me.agent.role),
    now,
  };
}

export type HeldTicket = ReportDoc & { lastFromReporter: Date | null; unread: boolean };

/** Each ticket with how long it has been with its agency and whether to follow it up (domain `referralAge`). */
export async function withReferralAges<T extends ReportDoc>(ctx: ConsoleContext, tickets: T[], now: Date): Promise<(T & { referralAge: ReferralAge | null })[]> {
  const lastOut = await ctx.store.messages.lastStaffReplyAt(tickets.filter((r) => r.status === 'referred').map((r) => r._id));
  return tickets.map((r) => ({ ...r, referralAge: referralAge(r, lastOut.get(r._id.toString()), now) }));
}

/**
 * My tickets with the reporter's last message and whether I have seen it (the holder's last view
 * of the ticket, kept by TicketActions). Someone in danger (priority 1) always on top, then unread
 * first, the longest-waiting reply on top; then the rest in the order they came (most urgent
 * first). After one answer to a large incident, its reporters' thanks must not bury a life at risk.
 */
export function withReplies<T extends ReportDoc>(held: T[], lastIn: Map<string, Date>): (T & Omit<HeldTicket, keyof ReportDoc>)[] {
  return heldOrder(markReplies(held, lastIn));
}

/** My tickets' order (`withReplies`), of tickets whose replies are marked. */
function heldOrder<T extends HeldTicket>(rows: T[]): T[] {
  const rank = (r: HeldTicket) => (r.priority === 1 ? 0 : 2) + (r.unread ? 0 : 1);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || (a.r.unread && b.r.unread ? a.r.lastFromReporter!.getTime() - b.r.lastFromReporter!.getTime() : 0) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Tickets of My tickets in a run: several of one incident (`incident` its id), or one ticket
 * (`incident` null). `rows` are shown; `more` are the incident's reports folded under the box.
 */
export interface HeldGroup<T> {
  incident: string | null;
  rows: T[];
  more: T[];
}

/**
 * My tickets with the reports of one incident together in one group, where its first report in the
 * list stands (`withReplies` puts danger, then unread replies, on top). A group with someone in
 * danger shows only its danger reports and folds the rest under them: unfolded, a 30-report
 * incident pushed the next person in danger 30 lines down. One report alone in its incident is
 * shown as any other.
 */
export function groupByIncident<T extends Pick<ReportDoc, 'incident' | 'priority'>>(rows: T[]): HeldGroup<T>[] {
  const keyOf = (r: T) => r.incident?.id.toString();
  const byIncident = new Map<string, T[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key) byIncident.set(key, [...(byIncident.get(key) ?? []), r]);
  }
  const groups: HeldGroup<T>[] = [];
  const placed = new Set<string>();
  for (const r of rows) {
    const key = keyOf(r);
    const members = key ? byIncident.get(key)! : [];
    if (!key || members.length < 2) groups.push({ incident: null, rows: [r], more: [] });
    else if (!placed.has(key)) {
      placed.add(key);
      const danger = members.filter((m) => m.priority === 1);
      const others = members.filter((m) => m.priority !== 1);
      groups.push(danger.length ? { incident: key, rows: danger, more: others } : { incident: key, rows: others, more: [] });
    }
  }
  return groups;
}

/**
 * Tickets with the reporter's last message, whether their holder has read it, and how long each
 * has been with its agency: the two lookups are independent, so they go together.
 */
export async function withReporterState<T extends ReportDoc>(ctx: ConsoleContext, items: T[], now: Date) {
  const [lastIn, aged] = await Promise.all([ctx.store.messages.lastIncomingAt(items.map((r) => r._id)), withReferralAges(ctx, items, now)]);
  return markReplies(aged, lastIn);
}

/** Each ticket with the reporter's last message and whether its holder has seen it since (unread on a waiting ticket: nobody has). */
export function markReplies<T extends ReportDoc>(tickets: T[], lastIn: Map<string, Date>): (T & Omit<HeldTicket, keyof ReportDoc>)[] {
  return tickets.map((r) => {
    const last = lastIn.get(r._id.toString()) ?? null;
    const seen = r.holderSeen && r.assignee && r.holderSeen.agentId.equals(r.assignee) ? r.holderSeen.at : null;
    return { ...r, lastFromReporter: last, unread: Boolean(last && (!seen || last > seen)) };
  });
}
