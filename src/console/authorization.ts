import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AgentRef } from '../services/ticket-actions';
import type { Auth, SessionAuth } from './session-auth';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person (account, session), or null; set once per request by `authorization`. */
    me: Auth | null;
  }
}

export interface AuthorizationOptions {
  auth: SessionAuth;
}

/**
 * Who is asking, decorated on every request (`req.me`), in the style of fastify's demo app: the
 * session cookie is resolved once in an `onRequest` hook, and routes say the least role they need
 * with `requireRole`, which runs before the body is parsed or validated, so a stranger learns
 * nothing from validation errors. Wrapped with fastify-plugin so the decoration and the hook reach
 * every route of the console, not only this plugin's scope.
 */
export const authorization = fp<AuthorizationOptions>(
  async (app, { auth }) => {
    app.decorateRequest('me', null);
    app.addHook('onRequest', async (req) => {
      await auth.load(req);
      req.me = auth.current(req);
    });
  },
  { name: 'ripoti-authorization', fastify: '5.x' },
);

/** The signed-in person on a route guarded by `requireRole`. */
export function signedInAgent(req: FastifyRequest): Auth {
  if (!req.me) throw new Error('route is missing its requireRole guard');
  return req.me;
}

/** The person as the ticket use cases see them. */
export function agentRef(me: Auth): AgentRef {
  return { id: me.agent._id.toString(), role: me.agent.role };
}
