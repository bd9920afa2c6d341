import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { JOIN_LINKED_BATCH, type IncidentActionRefusal, type IncidentActions } from '../../services/incident-service';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { ticketParams } from '../schemas';
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

/** The flash for a refused incident action: text problems are named like the reply form's. */
export function incidentFlash(reason: IncidentActionRefusal): string {
  return reason === 'empty' || reason === 'too_long' ? `reply_${reason}` : `refused_${reason}`;
}

/**
 * Joining reports of one event into an incident, splitting them, one answer to all (issue 16).
 * The ticket in the path is the one the agent is working from (it must be theirs to view); the
 * service decides the rest with the domain's incident rules. Absent incident actions: 404.
 */
export function incidentRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const incidents = ctx.incidents;
  if (!incidents) return;
  const guard = ticketGuard(ctx);
  const post = { onRequest: guard.onRequest, preValidation: ctx.auth.checkCsrf, preHandler: guard.preHandler };
  // `counts` travel with the flash ("joined 3, skipped 1"; src/console/index.ts reads them).
  const back = (req: FastifyRequest, reply: FastifyReply, ok: boolean, key: string, counts: Record<string, number> = {}) => {
    const extra = Object.entries(counts).map(([k, n]) => `&${k}=${n}`).join('');
    return reply.redirect(`/tickets/${openTicket(req)._id.toString()}?${ok ? 'ok' : 'err'}=${key}${extra}#similar`, 303);
  };
  const act = (req: FastifyRequest) => ({ id: openTicket(req)._id.toString(), me: agentRef(signedInAgent(req)) });
  const answer = async (req: FastifyRequest, reply: FastifyReply, run: (s: IncidentActions) => ReturnType<IncidentActions['split']>, okKey: string) => {
    const result = await run(incidents);
    return back(req, reply, result.ok, result.ok ? okKey : incidentFlash(result.reason));
  };

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
