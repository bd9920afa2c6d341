import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BatchAction } from '../../services/incident-batch';
import { JOIN_LINKED_BATCH, type IncidentActionRefusal, type IncidentActions } from '../../services/incident-service';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { incidentCloseForm, incidentReferForm, ticketParams, type CLOSE_CHOICES } from '../schemas';
import { openTicket, ticketGuard } from './ticket-routes';

const objectId = z.string().regex(/^[a-f0-9]{24}$/i);
/** Ticked reports: one checkbox arrives as a string, several as an array; anything malformed is dropped. */
const members = z
  .union([z.string(), z.array(z.string())])
  .catch([])
  .default([])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((s) => objectId.safeParse(s).success).slice(0, JOIN_LINKED_BATCH));
const joinForm = z.object({ member: members });
const splitForm = z.object({ member: objectId.optional().catch(undefined) });
/** `identity_ok`: ticked after the answer was refused for asking anonymous reporters who they are. */
const replyAllForm = z.object({ text_en: z.string().catch(''), text_sw: z.string().catch(''), key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional().catch(undefined), identity_ok: z.literal('1').optional().catch(undefined) });

/** The flash for a refused incident action: text problems are named like the reply form's (a refer or close of all: the note's). */
export function incidentFlash(reason: IncidentActionRefusal, field: 'reply' | 'note' = 'reply'): string {
  return reason === 'empty' || reason === 'too_long' ? `${field}_${reason}` : `refused_${reason}`;
}

/** A close of all as one close: resolved, or rejected with its reason. */
function closeAction(status: (typeof CLOSE_CHOICES)[number], note: string): BatchAction {
  if (status === 'resolved') return { kind: 'close', to: 'resolved', note };
  return { kind: 'close', to: 'rejected', rejectReason: status === 'rejected_spam' ? 'spam' : 'duplicate', note };
}

/**
 * Joining reports of one event into an incident, splitting them, one answer to all (issue 16).
 * The ticket in the path is the one the agent is working from (it must be theirs to view); the
 * service decides the rest with the domain's incident rules. Absent incident actions: 404.
 */
export function incidentRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const kit = incidentKit(ctx);
  if (!kit) return;
  const { incidents, post, back, act } = kit;
  const answer = async (req: FastifyRequest, reply: FastifyReply, run: (s: IncidentActions) => ReturnType<IncidentActions['split']>, okKey: string) => {
    const result = await run(incidents);
    return back(req, reply, result.ok, result.ok ? okKey : incidentFlash(result.reason));
  };
  incidentBatchRoutes(app, ctx, kit);

  app.post('/tickets/:id/incident/join', { ...post, schema: { params: ticketParams, body: joinForm } }, async (req, reply) => {
    const { id, me } = act(req);
    if (!req.body.member.length) return back(req, reply, false, 'choose_reports');
    const result = await incidents.join(id, me, req.body.member);
    if (!result.ok) return back(req, reply, false, incidentFlash(result.reason));
    if (!result.skipped) return back(req, reply, true, 'incident_joined');
    return back(req, reply, true, 'incident_joined_some', { joined: result.joined, skipped: result.skipped });
  });

  app.post('/tickets/:id/incident/split', { ...post, schema: { params: ticketParams, body: splitForm } }, async (req, reply) => {
    const { id, me } = act(req);
    return answer(req, reply, (s) => s.split(req.body.member ?? id, me), 'incident_split');
  });

  app.post('/tickets/:id/incident/reply', { ...post, schema: { params: ticketParams, body: replyAllForm } }, async (req, reply) => {
    const { id, me } = act(req);
    const result = await incidents.replyAll(id, me, { en: req.body.text_en, sw: req.body.text_sw }, { key: req.body.key, identityAskConfirmed: req.body.identity_ok === '1' });
    if (!result.ok) return back(req, reply, false, incidentFlash(result.reason));
    // How many were answered, and how many skipped (closed, or moved to another agent since).
    return back(req, reply, true, result.skipped ? 'incident_replied_some' : 'incident_replied', { sent: result.sent, skipped: result.skipped });
  });
}

/** What the incident routes share: the service, the guarded POST's hooks, the redirect back to the ticket and who acts on which. */
function incidentKit(ctx: ConsoleContext) {
  const incidents = ctx.incidents;
  if (!incidents) return undefined;
  const guard = ticketGuard(ctx);
  const post = { onRequest: guard.onRequest, preValidation: ctx.auth.checkCsrf, preHandler: guard.preHandler };
  // `counts` travel with the flash ("joined 3, skipped 1"; src/console/index.ts reads them).
  const back = (req: FastifyRequest, reply: FastifyReply, ok: boolean, key: string, counts: Record<string, number> = {}) => {
    const extra = Object.entries(counts).map(([k, n]) => `&${k}=${n}`).join('');
    return reply.redirect(`/tickets/${openTicket(req)._id.toString()}?${ok ? 'ok' : 'err'}=${key}${extra}#similar`, 303);
  };
  const act = (req: FastifyRequest) => ({ id: openTicket(req)._id.toString(), me: agentRef(signedInAgent(req)) });
  return { incidents, post, back, act };
}

/** Refer or close every report of an incident (the incident section's two forms). */
function incidentBatchRoutes(app: ConsoleApp, ctx: ConsoleContext, kit: NonNullable<ReturnType<typeof incidentKit>>): void {
  const { incidents, post, back, act } = kit;
  /**
   * Refer or close every report: first a confirm step saying how many reports it changes (the
   * form's fields carried along), then the result page naming what was skipped and why, by
   * reference only. Sent again, the form changes nothing more (each report's own guard).
   */
  const batch = async (req: FastifyRequest, reply: FastifyReply, action: BatchAction, form: Record<string, string>, confirmed: boolean) => {
    const { id, me } = act(req);
    if (!confirmed) {
      const preview = await incidents.previewAll(id, me, action);
      if (!preview.ok) return back(req, reply, false, incidentFlash(preview.reason, 'note'));
      return ctx.render(req, reply, 'incident-batch', { mode: 'confirm', id, action, form, total: preview.total, changes: preview.changes });
    }
    const result = await incidents.applyAll(id, me, action);
    if (!result.ok) return back(req, reply, false, incidentFlash(result.reason, 'note'));
    // This ticket closed, now or already (a Yes sent twice): a reply let go on its page is gone for good. Left open, it stays.
    const own = result.skipped.find((s) => s.reference === openTicket(req).reference);
    const closedHere = action.kind === 'close' && (!own || own.reason === 'already_closed');
    return ctx.render(req, reply, 'incident-batch', { mode: 'done', id, action, form, result, closedHere });
  };

  app.post('/tickets/:id/incident/refer', { ...post, schema: { params: ticketParams, body: incidentReferForm } }, async (req, reply) => {
    const { agency, note, other, confirm } = req.body;
    if (!agency) return back(req, reply, false, 'choose_agency');
    return batch(req, reply, { kind: 'refer', agency, note, otherName: other }, { agency, note, other }, confirm === '1');
  });

  app.post('/tickets/:id/incident/close', { ...post, schema: { params: ticketParams, body: incidentCloseForm } }, async (req, reply) => {
    const { status, note, confirm } = req.body;
    if (!status) return back(req, reply, false, 'choose_status');
    return batch(req, reply, closeAction(status, note), { status, note }, confirm === '1');
  });
}
