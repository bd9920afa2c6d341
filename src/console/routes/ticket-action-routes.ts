import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActionRefusal, ActionResult, Seen } from '../../services/ticket-actions';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { handOverForm, referForm, releaseForm, replyForm, statusForm, textForm, ticketParams } from '../schemas';
import { openTicket, statusOfChoice, ticketGuard } from './ticket-routes';

/**
 * The flash message for a refused action (locales/<lang>/console.json `flash.*`): a problem with
 * the text written is named after the field (`reply_empty`, `note_too_long`), every other
 * refusal by its reason (`refused_not_assignee`, `refused_closed`, ...).
 */
export function refusalFlash(reason: ActionRefusal, field: 'reply' | 'note'): string {
  return reason === 'empty' || reason === 'too_long' ? `${field}_${reason}` : `refused_${reason}`;
}

/** How an action route answers, and what it reads from the request. */
function actionAnswers(ctx: ConsoleContext) {
  /** Scripts post with fetch and want JSON; plain forms get a redirect with a flash message. */
  const answer = (req: FastifyRequest, reply: FastifyReply, ok: boolean, key: string) => {
    if (req.headers['x-requested-with'] === 'fetch') return reply.code(ok ? 200 : 409).send({ ok, message: ctx.translator.t(ctx.auth.language(req), `console:flash.${key}`) });
    return reply.redirect(`/tickets/${openTicket(req)._id.toString()}?${ok ? 'ok' : 'err'}=${key}`, 303);
  };
  const done = (req: FastifyRequest, reply: FastifyReply, result: ActionResult, okKey: string, field: 'reply' | 'note' = 'note') =>
    answer(req, reply, result.ok, result.ok ? okKey : refusalFlash(result.reason, field));
  const act = (req: FastifyRequest) => ({ id: openTicket(req)._id.toString(), me: agentRef(signedInAgent(req)) });
  /** The holder the page showed, for a supervisor's action to be refused if the ticket changed hands since. */
  const seenOf = (held: string | undefined): { seen?: Seen } => (held === undefined ? {} : { seen: { holder: held || null } });
  return { answer, done, act, seenOf };
}

/** Every change an agent makes to a ticket; each one goes through TicketActions. */
export function ticketActionRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const guard = ticketGuard(ctx);
  // Signed in first, then the CSRF token (before the body is validated), then the ticket.
  const post = { onRequest: guard.onRequest, preValidation: ctx.auth.checkCsrf, preHandler: guard.preHandler };
  const { answer, done, act, seenOf } = actionAnswers(ctx);

  app.post('/tickets/:id/reply', { ...post, schema: { params: ticketParams, body: replyForm } }, async (req, reply) => {
    const { id, me } = act(req);
    const result = await ctx.tickets.reply(id, me, req.body.text, { ...(req.body.key ? { draftKey: req.body.key } : {}), identityAskConfirmed: req.body.identity_ok === '1' });
    // Asked once more in the page, which sends it again with identity_ok; a plain form is told why not.
    if (!result.ok && 'asks' in result && req.headers['x-requested-with'] === 'fetch') {
      const lang = ctx.auth.language(req);
      const what = ctx.translator.t(lang, `console:identity_ask.${result.asks}`);
      return reply.code(409).send({ ok: false, message: ctx.translator.t(lang, 'console:ticket.identity_ask_confirm', { what }), confirm: 'identity_ok' });
    }
    return done(req, reply, result, 'reply_queued', 'reply');
  });

  app.post('/tickets/:id/note', { ...post, schema: { params: ticketParams, body: textForm } }, async (req, reply) => {
    const { id, me } = act(req);
    return done(req, reply, await ctx.tickets.addNote(id, me, req.body.text), 'note_added');
  });

  app.post('/tickets/:id/status', { ...post, schema: { params: ticketParams, body: statusForm } }, async (req, reply) => {
    const { status, note, held } = req.body;
    if (!status) return answer(req, reply, false, 'choose_status');
    const rejectReason = status === 'rejected_spam' ? 'spam' : status === 'rejected_duplicate' ? 'duplicate' : undefined;
    const { id, me } = act(req);
    return done(req, reply, await ctx.tickets.changeStatus(id, me, statusOfChoice(status), { rejectReason, note, ...seenOf(held) }), 'status_changed');
  });

  app.post('/tickets/:id/refer', { ...post, schema: { params: ticketParams, body: referForm } }, async (req, reply) => {
    const { agency, note, other, held } = req.body;
    if (!agency) return answer(req, reply, false, 'choose_agency');
    const { id, me } = act(req);
    return done(req, reply, await ctx.tickets.refer(id, me, agency, note, other, seenOf(held).seen), 'referred');
  });

  app.post('/tickets/:id/consent', { ...post, schema: { params: ticketParams } }, async (req, reply) => {
    const { id, me } = act(req);
    const result = await ctx.tickets.askConsent(id, me);
    return answer(req, reply, result.ok, result.ok ? 'consent_asked' : `refused_${result.reason}`);
  });

  app.post('/tickets/:id/handover', { ...post, schema: { params: ticketParams, body: handOverForm } }, async (req, reply) => {
    if (!req.body.to) return answer(req, reply, false, 'choose_agent');
    const { id, me } = act(req);
    return done(req, reply, await ctx.tickets.handOver(id, me, req.body.to, seenOf(req.body.held).seen), 'handed_over');
  });

  app.post('/tickets/:id/release', { ...post, schema: { params: ticketParams, body: releaseForm } }, async (req, reply) => {
    const { id, me } = act(req);
    const result = await ctx.tickets.release(id, me, seenOf(req.body.held).seen);
    // After a release an agent no longer holds the ticket: back to the queue.
    if (result.ok) return reply.redirect('/queue?ok=released', 303);
    return done(req, reply, result, 'released');
  });
}
