import { z } from 'zod';
import { AREA_ROLE } from '../../domain';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { ticketParams } from '../schemas';
import { openTicket, ticketGuard } from './ticket-routes';

const objectId = z.string().regex(/^[a-f0-9]{24}$/i);
const field = z.string().catch('');
export const savedReplyParams = z.object({ rid: objectId });
export const savedReplyForm = z.object({ title: field, en: field, sw: field });
/** `key`: drawn when the page was drawn, so a double click (or a re-sent form) is one message. */
export const useSavedReplyForm = z.object({ savedReply: field, key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional().catch(undefined) });

/**
 * Saved replies (issue 16): supervisors manage them on their own page; on a ticket an agent picks
 * one and the service sends it in the reporter's language. Every rule is the service's.
 */
export function savedReplyRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const supervisorOnly = ctx.auth.requireRole(AREA_ROLE.supervision);
  const post = { onRequest: supervisorOnly, preValidation: ctx.auth.checkCsrf };
  const back = (ok: boolean, key: string) => `/supervisor/saved-replies?${ok ? 'ok' : 'err'}=${key}`;
  const outcome = (result: { ok: true } | { ok: false; reason: string }, okKey: string) => (result.ok ? back(true, okKey) : back(false, `saved_${result.reason}`));

  app.get('/supervisor/saved-replies', { onRequest: supervisorOnly }, async (req, reply) => ctx.render(req, reply, 'saved-replies', { replies: await ctx.savedReplies.list() }));

  app.post('/supervisor/saved-replies', { ...post, schema: { body: savedReplyForm } }, async (req, reply) => {
    const result = await ctx.savedReplies.create(agentRef(signedInAgent(req)), req.body);
    return reply.redirect(outcome(result, 'saved_created'), 303);
  });

  app.post('/supervisor/saved-replies/:rid', { ...post, schema: { params: savedReplyParams, body: savedReplyForm } }, async (req, reply) => {
    const result = await ctx.savedReplies.update(agentRef(signedInAgent(req)), req.params.rid, req.body);
    return reply.redirect(outcome(result, 'saved_updated'), 303);
  });

  app.post('/supervisor/saved-replies/:rid/delete', { ...post, schema: { params: savedReplyParams } }, async (req, reply) => {
    const result = await ctx.savedReplies.remove(agentRef(signedInAgent(req)), req.params.rid);
    return reply.redirect(outcome(result, 'saved_deleted'), 303);
  });

  const guard = ticketGuard(ctx);
  app.post('/tickets/:id/saved-reply', { onRequest: guard.onRequest, preValidation: ctx.auth.checkCsrf, preHandler: guard.preHandler, schema: { params: ticketParams, body: useSavedReplyForm } }, async (req, reply) => {
    const id = openTicket(req)._id.toString();
    if (!req.body.savedReply) return reply.redirect(`/tickets/${id}?err=choose_saved_reply`, 303);
    const result = await ctx.savedReplies.send(id, agentRef(signedInAgent(req)), req.body.savedReply, req.body.key);
    return reply.redirect(`/tickets/${id}?${result.ok ? 'ok=reply_queued' : `err=refused_${result.reason}`}`, 303);
  });
}
