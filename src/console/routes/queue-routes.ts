import type { FastifyRequest } from 'fastify';
import { AREA_ROLE, mayOpenWaiting } from '../../domain';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';

/** The agent's home: what is waiting, what I hold, and "take next". */
export function queueRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const signedInOnly = ctx.auth.requireRole(AREA_ROLE.queue);

  async function lists(req: FastifyRequest) {
    const me = signedInAgent(req);
    const [waiting, mine, waitingTotal] = await Promise.all([ctx.queries.waiting(), ctx.store.reports.findAssignedTo(me.agent._id), ctx.queries.countWaiting()]);
    const urgent = waiting.filter((r) => r.priority === 1).length;
    return {
      waiting,
      waitingTotal,
      urgent,
      mine,
      maxPerAgent: ctx.config.tickets.maxPerAgent,
      // Agents take tickets in order; only supervisors open a waiting ticket directly.
      canOpenWaiting: mayOpenWaiting(me.agent.role),
      now: new Date(),
    };
  }

  app.get('/', async (req, reply) => reply.redirect(ctx.auth.current(req) ? '/queue' : '/signin', 303));

  app.get('/queue', { onRequest: signedInOnly }, async (req, reply) => ctx.render(req, reply, 'queue', await lists(req)));

  app.get('/queue/fragment', { onRequest: signedInOnly }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(ctx.views.fragment('_queue-lists', ctx.auth.language(req), await lists(req))),
  );

  app.post('/queue/take', { onRequest: signedInOnly, preValidation: ctx.auth.checkCsrf }, async (req, reply) => {
    const me = signedInAgent(req);
    const result = await ctx.tickets.takeNext(agentRef(me));
    if (!result.ok) return reply.redirect(`/queue?err=${result.reason === 'limit' ? 'ticket_limit' : 'queue_empty'}`, 303);
    return reply.redirect(`/tickets/${result.report._id.toString()}`, 303);
  });

  app.get('/live/queue', { onRequest: signedInOnly }, async (req, reply) => {
    reply.hijack();
    ctx.hub.open(reply.raw, (e) => e.type === 'queue' || e.type === 'escalated' || (e.type === 'ticket' && e.what === 'status'));
  });
}
