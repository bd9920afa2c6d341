import { AREA_ROLE, ROLES as CREATABLE_ROLES } from '../../domain';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { accountParams, activeForm, newAccountForm, passwordForm } from '../schemas';

/** Account management for admins: create, reset a password, deactivate or reactivate. */
export function adminRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const adminOnly = ctx.auth.requireRole(AREA_ROLE.accounts);
  const post = { onRequest: adminOnly, preValidation: ctx.auth.checkCsrf };
  const back = (key: string, ok: boolean) => `/admin/agents?${ok ? 'ok' : 'err'}=${key}`;

  app.get('/admin/agents', { onRequest: adminOnly }, async (req, reply) => ctx.render(req, reply, 'agents', { agents: await ctx.store.agents.list(), roles: CREATABLE_ROLES, now: new Date() }));

  app.post('/admin/agents', { ...post, schema: { body: newAccountForm } }, async (req, reply) => {
    const me = signedInAgent(req);
    const { username, name, role, password } = req.body;
    const done = await ctx.accounts.create(agentRef(me), { username, name, role, password, language: me.agent.language });
    return reply.redirect(done.ok ? back('account_created', true) : back(done.reason, false), 303);
  });

  app.post('/admin/agents/:id/password', { ...post, schema: { params: accountParams, body: passwordForm } }, async (req, reply) => {
    const done = await ctx.accounts.resetPassword(agentRef(signedInAgent(req)), req.params.id, req.body.password);
    return reply.redirect(done.ok ? back('password_reset', true) : back(done.reason, false), 303);
  });

  app.post('/admin/agents/:id/active', { ...post, schema: { params: accountParams, body: activeForm } }, async (req, reply) => {
    if (!req.body.active) return reply.redirect(back('refused_invalid', false), 303);
    const active = req.body.active === 'true';
    const done = await ctx.accounts.setActive(agentRef(signedInAgent(req)), req.params.id, active);
    if (!done.ok) return reply.redirect(back(done.reason, false), 303);
    const handed = done.handed;
    if (!handed) return reply.redirect(back('account_reactivated', true), 303);
    const key = handed.kept ? 'account_deactivated_kept' : handed.released ? 'account_deactivated_released' : 'account_deactivated';
    return reply.redirect(`${back(key, true)}&released=${handed.released}&kept=${handed.kept}`, 303);
  });
}
