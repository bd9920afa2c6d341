import { AgentExistsError, USERNAME_RE, checkPassword, normaliseUsername, passwordFlash } from '../../store';
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
    const { role, password } = req.body;
    const username = normaliseUsername(req.body.username);
    const name = req.body.name.trim().slice(0, 80);
    if (!USERNAME_RE.test(username)) return reply.redirect(back('username_invalid', false), 303);
    if (!name) return reply.redirect(back('name_missing', false), 303);
    if (!role) return reply.redirect(back('role_invalid', false), 303);
    const check = checkPassword(password);
    if (!check.ok) return reply.redirect(back(passwordFlash(check), false), 303);
    try {
      const created = await ctx.store.agents.create({ username, name, role, password, language: me.agent.language });
      ctx.logger.info({ by: me.agent._id.toString(), agentId: created._id.toString(), role: created.role }, 'console account created');
    } catch (err) {
      if (err instanceof AgentExistsError) return reply.redirect(back('username_taken', false), 303);
      throw err;
    }
    return reply.redirect(back('account_created', true), 303);
  });

  app.post('/admin/agents/:id/password', { ...post, schema: { params: accountParams, body: passwordForm } }, async (req, reply) => {
    const me = signedInAgent(req);
    const { id } = req.params;
    const { password } = req.body;
    const check = checkPassword(password);
    if (!check.ok) return reply.redirect(back(passwordFlash(check), false), 303);
    const ok = await ctx.store.agents.setPassword(id, password);
    // Their sessions were ended: so are their live streams, in every console process.
    if (ok) await ctx.events.publish({ type: 'access', agentId: id });
    if (ok) ctx.logger.info({ by: me.agent._id.toString(), agentId: id }, 'console password reset');
    return reply.redirect(back(ok ? 'password_reset' : 'not_found', ok), 303);
  });

  app.post('/admin/agents/:id/active', { ...post, schema: { params: accountParams, body: activeForm } }, async (req, reply) => {
    const me = signedInAgent(req);
    const { id } = req.params;
    const active = req.body.active === 'true';
    // Deactivating yourself would leave you locked out mid-click; another admin must do it.
    if (!active && id === me.agent._id.toString()) return reply.redirect(back('cannot_deactivate_self', false), 303);
    const ok = await ctx.store.agents.setActive(id, active);
    if (!ok) return reply.redirect(back('not_found', false), 303);
    ctx.logger.info({ by: me.agent._id.toString(), agentId: id, active }, 'console account activation changed');
    if (active) return reply.redirect(back('account_reactivated', true), 303);
    await ctx.events.publish({ type: 'access', agentId: id });
    // Their reporters must not wait on someone who is gone: the tickets go back to the queue.
    const handed = await ctx.tickets.handBack(id, agentRef(me));
    ctx.logger.info({ agentId: id, ...handed }, 'deactivated account\'s tickets handed back');
    const key = handed.kept ? 'account_deactivated_kept' : handed.released ? 'account_deactivated_released' : 'account_deactivated';
    return reply.redirect(`${back(key, true)}&released=${handed.released}&kept=${handed.kept}`, 303);
  });
}
