import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AgentDoc, AgentRepository, AgentRole, ConsoleSessionDoc } from '../store';
import { isLang, type Lang } from '../i18n';
import { clearCookie, readCookie, setCookie, type CookieOptions } from './cookies';
import { safeLocalPath } from './paths';
import { hasRole } from '../domain/policy';
import type { StreamHolder } from './live-hub';

export const SESSION_COOKIE = 'ripoti_session';
/** Before sign-in there is no session to hold a CSRF token, so the sign-in form uses a cookie pair. */
export const PRE_CSRF_COOKIE = 'ripoti_presession';
export const LANG_COOKIE = 'ripoti_lang';

export interface Auth {
  agent: AgentDoc;
  session: ConsoleSessionDoc;
  token: string;
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cookie sessions (opaque id, server-side record), role checks and CSRF checks. Per-request
 * state is kept in a WeakMap rather than by decorating Fastify's request type for every module.
 */
/** Paths that never need to know who is asking: no session lookup for them. */
const ANONYMOUS_PATHS = /^\/(static\/|healthz$|readyz$|metrics$)/;

export class SessionAuth {
  private readonly byRequest = new WeakMap<FastifyRequest, Auth | null>();
  /** Requests whose session cookie names no live session: it ran out or was ended elsewhere. */
  private readonly ended = new WeakSet<FastifyRequest>();
  /** Renders a refusal as a page for people; set by createConsole (views live there). */
  refusalPage: ((req: FastifyRequest, reply: FastifyReply, key: 'wrong_role' | 'form_expired' | 'signed_out') => FastifyReply) | null = null;

  constructor(
    private readonly agents: AgentRepository,
    private readonly opts: { secureCookies: boolean; sessionHours: number },
  ) {}

  /** onRequest hook: resolve the session cookie once per request. */
  readonly load = async (req: FastifyRequest): Promise<void> => {
    const token = ANONYMOUS_PATHS.test(req.url) ? undefined : readCookie(req, SESSION_COOKIE, this.opts.secureCookies);
    if (!token) {
      this.byRequest.set(req, null);
      return;
    }
    const found = await this.agents.findSession(token);
    this.byRequest.set(req, found ? { ...found, token } : null);
    if (!found) this.ended.add(req);
  };

  current(req: FastifyRequest): Auth | null {
    return this.byRequest.get(req) ?? null;
  }

  /**
   * A page's own fetch (a live update, an action's result): the language that page is in, so it
   * stays in one language after a switch elsewhere. Otherwise the account's language, else the
   * cookie's, else English.
   */
  language(req: FastifyRequest): Lang {
    const page = req.headers['x-ripoti-lang'];
    if (req.headers['x-requested-with'] === 'fetch' && isLang(page)) return page;
    const auth = this.current(req);
    if (auth) return auth.agent.language;
    const c = readCookie(req, LANG_COOKIE, this.opts.secureCookies);
    return isLang(c) ? c : 'en';
  }

  /**
   * The signed-in person of a live stream (src/console/live-hub.ts), checked again while it stays
   * open: the session still live, the role still `min`, and for a ticket's stream, the ticket still theirs to see.
   */
  streamHolder(req: FastifyRequest, min: AgentRole, ticket?: { id: string; stillViews: (agent: AgentDoc) => Promise<boolean> }): StreamHolder {
    const auth = this.current(req);
    if (!auth) throw new Error('a live stream needs its requireRole guard');
    const alsoMay = ticket?.stillViews ?? (async () => true);
    return {
      agentId: auth.agent._id.toString(),
      ...(ticket ? { ticketId: ticket.id } : {}),
      allowed: async () => {
        const found = await this.agents.findSession(auth.token);
        return found !== null && hasRole(found.agent.role, min) && (await alsoMay(found.agent));
      },
    };
  }

  async startSession(reply: FastifyReply, agent: AgentDoc): Promise<void> {
    const { token, expiresAt } = await this.agents.createSession(agent, this.opts.sessionHours);
    setCookie(reply, SESSION_COOKIE, token, { ...this.cookieBase(), expires: expiresAt });
    clearCookie(reply, PRE_CSRF_COOKIE, this.cookieBase());
  }

  async endSession(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const auth = this.current(req);
    if (auth) await this.agents.endSession(auth.token);
    clearCookie(reply, SESSION_COOKIE, this.cookieBase());
  }

  cookieBase(): CookieOptions {
    return { path: '/', httpOnly: true, secure: this.opts.secureCookies, sameSite: 'strict' };
  }

  /**
   * The token forms must echo: the session's, or before sign-in a random one that is also set as
   * a cookie (double submit; SameSite=Strict keeps other sites from setting or reading it).
   */
  csrfToken(req: FastifyRequest, reply: FastifyReply): string {
    const auth = this.current(req);
    if (auth) return auth.session.csrf;
    const existing = readCookie(req, PRE_CSRF_COOKIE, this.opts.secureCookies);
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const fresh = randomBytes(32).toString('base64url');
    setCookie(reply, PRE_CSRF_COOKIE, fresh, { ...this.cookieBase(), maxAge: 2 * 3600 });
    return fresh;
  }

  /** preHandler for every POST: a form field `_csrf` or header `x-csrf-token` must match. */
  readonly checkCsrf = async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const body = req.body;
    const fromBody = body && typeof body === 'object' && '_csrf' in body ? (body as { _csrf?: unknown })._csrf : undefined;
    const header = req.headers['x-csrf-token'];
    const sent = typeof fromBody === 'string' ? fromBody : typeof header === 'string' ? header : undefined;
    const auth = this.current(req);
    const expected = auth ? auth.session.csrf : readCookie(req, PRE_CSRF_COOKIE, this.opts.secureCookies);
    if (sameToken(sent, expected)) return;
    reply.code(403);
    // A person submitting a form gets a page; a script gets a short answer it can show.
    const fromScript = header !== undefined || req.headers['x-requested-with'] === 'fetch';
    if (this.refusalPage && !fromScript) return this.refusalPage(req, reply, 'form_expired');
    return reply.type('text/plain; charset=utf-8').send('Forbidden: the form has expired or did not come from this console. Reload the page and try again.');
  };

  /**
   * preHandler: signed in with at least `min`. Pages redirect to sign-in; fetches and event
   * streams get a bare 401 so scripts can tell.
   */
  requireRole(min: AgentRole): preHandlerAsyncHookHandler {
    return async (req, reply) => {
      const auth = this.current(req);
      if (!auth) {
        // A page's script reading a fragment is told 401, not sent to sign-in (see fragmentHeaders in console.js).
        const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && req.headers['x-requested-with'] !== 'fetch';
        if (wantsHtml) {
          // Bounded: a huge query string must not turn into an oversized Location header.
          const path = req.url.split('?')[0];
          const next = safeLocalPath(req.url, safeLocalPath(path, '/'));
          // A session that ended (not a first visit) is said so on the sign-in page.
          const ended = this.ended.has(req) ? '&ended=1' : '';
          return reply.redirect(`/signin?next=${encodeURIComponent(next)}${ended}`, 303);
        }
        reply.code(401);
        // A form sent after the session ended: a page that says so, in the language last chosen.
        if (this.refusalPage && fromPerson(req)) return this.refusalPage(req, reply, 'signed_out');
        return reply.type('text/plain; charset=utf-8').send('Sign in first.');
      }
      if (!hasRole(auth.agent.role, min)) {
        reply.code(403);
        if (this.refusalPage && fromPerson(req)) return this.refusalPage(req, reply, 'wrong_role');
        return reply.type('text/plain; charset=utf-8').send('Your role does not allow this.');
      }
    };
  }
}

/** A browser showing the answer as a page (a link followed, a form sent without script), not a script reading it. */
function fromPerson(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html') && req.headers['x-requested-with'] !== 'fetch' && req.headers['x-csrf-token'] === undefined;
}
