import { isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isLang } from '../../i18n';
import { checkPassword, normaliseUsername, passwordFlash, type AgentDoc } from '../../store';
import { LANG_COOKIE, SESSION_COOKIE, type SessionAuth } from '../session-auth';
import { clearCookie, setCookie } from '../cookies';
import { bodyOf, safeLocalPath, signedIn, str, type ConsoleContext } from '../context';
import { redisKeys } from '../../redis-keys';
import { TrustedDevices } from '../trusted-device';

/** Sign-in, sign-out (here or everywhere), language and the person's own account page. */
/**
 * Signing out empties this browser's cache and storage for the console: unsent reply drafts
 * (sessionStorage) and anything cached stay behind for the next person on a shared workstation
 * otherwise. Browsers honour it over HTTPS and on localhost.
 */
const CLEAR_BROWSER = '"cache", "storage"';

export function authRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const devices = new TrustedDevices({
    mac: (value) => ctx.store.cipher.keyedHash('console-device', value),
    secure: ctx.config.console.secureCookies,
    redis: ctx.redis,
    keyPrefix: redisKeys(ctx.config.redis.prefix).signinFailuresByDevice,
    logger: ctx.logger,
  });
  signInRoutes(app, ctx, devices);
  accountRoutes(app, ctx, devices);
}

/**
 * What the sign-in limit counts by: an IPv4 address, or the /64 an IPv6 address belongs to. One
 * subscriber holds a whole /64 (a phone network hands out one per device), so counting per IPv6
 * address gave every attacker billions of fresh counters.
 */
export function addressBlock(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail] = ip.split('%')[0].split('::');
  const before = head ? head.split(':') : [];
  // An IPv4 tail ("64:ff9b::192.0.2.1") is two groups.
  const after = tail ? tail.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const groups = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * The per-address half of the sign-in limits (the per-account lock-out is the store's): one
 * address guessing across many accounts is stopped too. Counted in Redis so every console process
 * shares it. An attempt takes its point before the password is checked (atomic INCR), so parallel
 * requests cannot slip past the limit; a success gives its own point back.
 */
function addressLimit(ctx: ConsoleContext) {
  const byAddress = new RateLimiterRedis({
    storeClient: ctx.redis,
    keyPrefix: redisKeys(ctx.config.redis.prefix).signinFailuresByAddress,
    points: ctx.config.console.signinFailuresPerAddress,
    duration: 15 * 60,
  });
  // Keyed, so Redis holds no agent's address in clear; per network (an IPv6 /64), not per address.
  const addressKey = (ip: string) => ctx.store.cipher.keyedHash('rate-limit:signin-address', addressBlock(ip));
  return {
    /** Minutes to wait when the address has used up its attempts, else 0. */
    async take(ip: string): Promise<number> {
      try {
        await byAddress.consume(addressKey(ip), 1);
        return 0;
      } catch (res) {
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
        // Redis unreachable: the account lock-out in MongoDB still holds, so agents are not shut out.
        ctx.logger.warn({ err: res }, 'sign-in address limit unavailable');
        return 0;
      }
    },
    giveBack: (ip: string) => byAddress.reward(addressKey(ip), 1).catch(() => undefined),
  };
}

/**
 * Refusals are logged under keyed hashes, so repeated attempts on one account or from one address
 * can be followed in the log without the log naming the account (a mistyped username is often a
 * password) or the agent's address.
 */
function refusalTags(ctx: ConsoleContext) {
  const tag = (purpose: string, value: string) => ctx.store.cipher.keyedHash(`console-log:${purpose}`, value).slice(0, 16);
  return (username: string, ip: string) => ({ user: tag('user', normaliseUsername(username)), address: tag('address', ip) });
}

/** A ticket's own page, where what the agent types is kept as drafts (src/console/public/ticket.js). */
const TICKET_PAGE = /^\/tickets\/[^/?#]+(?:[?#]|$)/;

/** Sent here by a session that ran out: say so, and on the way back to a ticket, that its drafts wait there. */
function endedNotice(ended: unknown, next: string): 'ended' | 'ended_ticket' | null {
  return ended === '1' ? (TICKET_PAGE.test(next) ? 'ended_ticket' : 'ended') : null;
}

function signInRoutes(app: FastifyInstance, ctx: ConsoleContext, devices: TrustedDevices): void {
  const { auth } = ctx;
  const limit = addressLimit(ctx);
  const who = refusalTags(ctx);

  app.get('/signin', async (req, reply) => {
    if (auth.current(req)) return reply.redirect('/queue', 303);
    const q = req.query as Record<string, unknown>;
    const next = safeLocalPath(q.next, '');
    const chosen = q.chosen === '1' ? auth.language(req) : null;
    return ctx.render(req, reply, 'signin', { next, failed: false, username: '', ended: endedNotice(q.ended, next), chosen });
  });

  app.post('/signin', { preHandler: auth.checkCsrf }, async (req, reply) => {
    const body = bodyOf(req);
    const username = str(body.username).slice(0, 64);
    const password = str(body.password).slice(0, 256);
    const next = safeLocalPath(body.next);
    // A refused attempt shows the page again as it was: still saying why the agent is here.
    const ended = endedNotice(body.ended, safeLocalPath(body.next, ''));
    // A language tapped on this page in this visit (its switch comes back with `chosen=1` and the
    // form then carries it): signing in gives it and saves it to the account, as the switch does
    // once signed in. The language cookie alone is no choice: on a shared PC it is the last agent's.
    const chosen = isLang(body.lang) ? body.lang : null;
    const waitMinutes = await limit.take(req.ip);
    const known = knownBrowser(devices, req);
    // A browser this account signed in from before is not held by its address either (one office
    // or proxy address is shared by every agent behind it): it keeps to its own limit.
    if (waitMinutes && !(await known.passes(ctx, username))) {
      ctx.logger.info({ outcome: 'address_limited', ...who(username, req.ip) }, 'console sign-in refused');
      ctx.metrics.rateLimited.inc({ limit: 'signin_address' });
      reply.code(429);
      return ctx.render(req, reply, 'signin', { next, failed: false, limitedMinutes: waitMinutes, username, ended, chosen });
    }
    const result = username && password ? await ctx.store.agents.signIn(username, password, { exempt: known.exempt }) : ({ ok: false, reason: 'unknown' } as const);
    if (!result.ok) {
      // One message for every reason: the page must not reveal which usernames exist or are locked.
      ctx.logger.info({ outcome: result.reason, ...who(username, req.ip) }, 'console sign-in refused');
      reply.code(401);
      return ctx.render(req, reply, 'signin', { next, failed: true, username, ended, chosen });
    }
    // Only an attempt that took a point gives one back.
    if (!waitMinutes) await limit.giveBack(req.ip);
    await known.succeeded();
    devices.remember(reply, result.agent, auth.cookieBase());
    ctx.logger.info({ agentId: result.agent._id.toString(), role: result.agent.role, knownDevice: known.exempted() }, 'console sign-in');
    // Signing in again in the same browser replaces its session rather than leaving the old one alive.
    if (auth.current(req)) await auth.endSession(req, reply);
    // The session reads the account afresh on every request, so the saved language shows at once.
    if (chosen && chosen !== result.agent.language) await ctx.store.agents.setLanguage(result.agent._id, chosen);
    await auth.startSession(reply, result.agent);
    return reply.redirect(next, 303);
  });
}

/**
 * A browser this account signed in from before is not held by its lock-out; its own attempts are
 * limited, and a success gives its attempt back (TrustedDevices).
 */
function knownBrowser(devices: TrustedDevices, req: FastifyRequest) {
  const device = devices.read(req);
  let checked: { agentId: string; ok: boolean } | undefined;
  // Checked once per request (each check counts one of the browser's own attempts).
  const exempt = async (agent: AgentDoc) => {
    const agentId = agent._id.toString();
    if (checked?.agentId !== agentId) checked = { agentId, ok: (await devices.check(device, agent)).ok };
    return checked.ok;
  };
  return {
    exempt,
    exempted: () => checked?.ok ?? false,
    /** Known to the active account named `username`: past the address limit (no cookie, no lookup). */
    passes: async (ctx: ConsoleContext, username: string) => {
      if (!device || !username) return false;
      const agent = await ctx.store.agents.findByUsername(username);
      return agent !== null && agent.active && (await exempt(agent));
    },
    succeeded: async () => {
      if (checked?.ok && device) await devices.giveBack(device);
    },
  };
}

/**
 * From a page whose session already ended (signed out everywhere, reset, its hours run out) its
 * token is gone with it; signing out or choosing a language then acts for nobody, so no token is
 * needed, but only from this console's own page (the browser says so), never another site's.
 */
function sessionlessOrCsrf(auth: SessionAuth) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> =>
    !auth.current(req) && req.headers['sec-fetch-site'] === 'same-origin' ? undefined : auth.checkCsrf(req, reply);
}

function accountRoutes(app: FastifyInstance, ctx: ConsoleContext, devices: TrustedDevices): void {
  const { auth } = ctx;
  const signedInOnly = auth.requireRole('agent');

  const endedOrCsrf = sessionlessOrCsrf(auth);
  app.post('/signout', { preHandler: endedOrCsrf }, async (req, reply) => {
    const me = auth.current(req);
    await auth.endSession(req, reply);
    if (me) await ctx.events.publish({ type: 'access', agentId: me.agent._id.toString() });
    return reply.header('clear-site-data', CLEAR_BROWSER).redirect('/signin', 303);
  });

  app.post('/signout-everywhere', { preHandler: [signedInOnly, auth.checkCsrf] }, async (req, reply) => {
    const me = signedIn(ctx, req);
    const ended = await ctx.store.agents.revokeSessions(me.agent._id);
    await ctx.events.publish({ type: 'access', agentId: me.agent._id.toString() });
    ctx.logger.info({ agentId: me.agent._id.toString(), sessions: ended }, 'signed out everywhere');
    clearCookie(reply, SESSION_COOKIE, auth.cookieBase());
    return reply.header('clear-site-data', CLEAR_BROWSER).redirect('/signin?ok=signed_out_everywhere', 303);
  });

  app.post('/language', { preHandler: endedOrCsrf }, async (req, reply) => {
    const body = bodyOf(req);
    const lang = body.lang;
    if (isLang(lang)) {
      setCookie(reply, LANG_COOKIE, lang, { ...auth.cookieBase(), maxAge: 365 * 24 * 3600 });
      const me = auth.current(req);
      if (me) await ctx.store.agents.setLanguage(me.agent._id, lang);
    }
    return reply.redirect(safeLocalPath(body.back, auth.current(req) ? '/queue' : '/signin'), 303);
  });

  app.get('/account', { preHandler: signedInOnly }, async (req, reply) => ctx.render(req, reply, 'account'));

  app.post('/account/password', { preHandler: [signedInOnly, auth.checkCsrf] }, async (req, reply) => {
    const me = signedIn(ctx, req);
    const body = bodyOf(req);
    const next = str(body.new_password);
    if (next !== str(body.confirm_password)) return reply.redirect('/account?err=password_mismatch', 303);
    const strong = checkPassword(next);
    if (!strong.ok) return reply.redirect(`/account?err=${passwordFlash(strong)}`, 303);
    // Proving the current password goes through the same lock-out as signing in, and the same
    // exemption: an agent whose account a stranger locked can still change it where they work.
    const known = knownBrowser(devices, req);
    const check = await ctx.store.agents.signIn(me.agent.username, str(body.current_password).slice(0, 256), { exempt: known.exempt });
    if (!check.ok) return reply.redirect('/account?err=password_wrong', 303);
    await known.succeeded();
    await ctx.store.agents.setPassword(me.agent._id, next);
    // setPassword ended every session, this one included (their live streams too), and forgot every
    // browser the account knew: start a fresh session for this browser, and know it again.
    await ctx.events.publish({ type: 'access', agentId: me.agent._id.toString() });
    // As the change left the account: the new session and the browser carry its new device epoch.
    const fresh = (await ctx.store.agents.findByUsername(me.agent.username)) ?? me.agent;
    await auth.startSession(reply, fresh);
    devices.remember(reply, fresh, auth.cookieBase());
    return reply.redirect('/account?ok=password_changed', 303);
  });
}
