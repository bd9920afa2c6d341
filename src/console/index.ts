import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AREA_ROLE } from '../domain';
import type { Service } from '../lifecycle';
import { ConsoleViews, type PageContext } from './views';
import { SessionAuth } from './session-auth';
import { MAX_NEXT_LENGTH } from './paths';
import { LiveHub } from './live-hub';
import { TelegramFiles } from './telegram-files';
import type { ConsoleContext, ConsoleDeps } from './context';
import { authorization } from './authorization';
import { ticketActionRoutes } from './routes/ticket-action-routes';
import { authRoutes } from './routes/auth-routes';
import { queueRoutes } from './routes/queue-routes';
import { ticketRoutes } from './routes/ticket-routes';
import { supervisorRoutes } from './routes/supervisor-routes';
import { adminRoutes } from './routes/admin-routes';
import { opsRoutes } from './routes/ops-routes';
import { caseFileRoutes } from './routes/case-file-routes';
import { savedReplyRoutes } from './routes/saved-reply-routes';
import { SavedReplyService } from '../services/saved-reply-service';
import { AccountService } from '../services/account-service';
import { incidentRoutes } from './routes/incident-routes';
import { CaseFileService } from '../services/case-file-service';
import { EvidenceArchiveService } from '../services/evidence-archive';
import { mountBullBoard } from './bull-board';
import { KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../lib/keep-alive';

export type { ConsoleDeps } from './context';

export const BULL_BOARD_PATH = '/admin/queues';

/** Our pages load only our own scripts and styles; media comes from our evidence routes. */
const CSP = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
/** The BullMQ board's page sets `<base href>` to its own path; nothing else is relaxed. */
const BOARD_CSP = CSP.replace("base-uri 'none'", "base-uri 'self'");

/**
 * The agent console: server-rendered pages, small scripts, live updates over server-sent events.
 * `app` is the fastify instance (tests reach it over real HTTP: `inject` cannot load under Jest on Node 20, see README); `service` listens on config.console.port.
 */
export function createConsole(deps: ConsoleDeps): { app: FastifyInstance; service: Service } {
  const { config, logger } = deps;
  // Over plain HTTP a session cookie can be read on the way: production is served over HTTPS.
  if (config.env === 'production' && config.console.passwordHash.memoryCost < 19_456) logger.warn({ outcome: 'weak_password_hash' }, 'PASSWORD_HASH_COST is below OWASP\'s floor for argon2id (19456 KiB): a stolen accounts table is cheaper to crack');
  if (config.env === 'production' && !config.console.secureCookies) logger.warn({ outcome: 'insecure_cookies' }, 'console cookies are not Secure: serve the console over HTTPS and set CONSOLE_SECURE_COOKIES=true');
  const app = Fastify({
    // The shared pino logger (redaction rules included); per-request access logs are off because
    // URLs and headers add nothing an agent's actions do not already record in the audit trail.
    loggerInstance: logger.child({ service: 'console' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Behind the operator's TLS proxy the peer is the proxy; its X-Forwarded-For names the agent.
    // Only as many hops as the operator runs (the client writes the rest of the header).
    trustProxy: trustedHops(config.console.trustProxy),
  });
  // Routes declare zod schemas; their handlers are typed from them.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx = consoleContext(deps);
  app.register(fastifyFormbody);
  app.register(authorization, { auth: ctx.auth });
  app.addHook('onSend', securityHeaders);
  app.setNotFoundHandler((req, reply) => ctx.problem(req, reply, 404, 'not_found'));
  app.setErrorHandler(errorHandler(ctx));

  app.register(async (scoped) => {
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    opsRoutes(scoped, ctx);
    authRoutes(scoped, ctx);
    queueRoutes(typed, ctx);
    ticketRoutes(typed, ctx);
    ticketActionRoutes(typed, ctx);
    caseFileRoutes(typed, ctx);
    incidentRoutes(typed, ctx);
    supervisorRoutes(typed, ctx);
    adminRoutes(typed, ctx);
    savedReplyRoutes(typed, ctx);
  });
  app.register(async (board) => boardRoutes(board, ctx), { prefix: BULL_BOARD_PATH });

  // Live events flow whenever the app is ready (also when a test listens on its own port), and
  // open event streams would keep the server from closing.
  app.addHook('onReady', async () => ctx.hub.start());
  app.addHook('preClose', async () => ctx.hub.stop());

  const service: Service = {
    name: 'console',
    async start() {
      await app.listen({ host: config.console.host, port: config.console.port });
      logger.info({ port: config.console.port }, 'console listening');
    },
    async stop() {
      await app.close();
    },
  };
  return { app, service };
}

/** Counts a redirect may carry for its flash ("sent to 12, 3 skipped"): digits only, anything else dropped. */
function flashCounts(q: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of ['sent', 'joined', 'skipped', 'released', 'kept'] as const) {
    const v = q[k];
    if (typeof v === 'string' && /^\d{1,6}$/.test(v)) out[k] = Number(v);
  }
  return out;
}

/** What every route module shares: the deps plus sessions, views, live events and page helpers. */
function consoleContext(deps: ConsoleDeps): ConsoleContext {
  const { config } = deps;
  const auth = new SessionAuth(deps.store.agents, { secureCookies: config.console.secureCookies, sessionHours: config.console.sessionHours });
  const views = new ConsoleViews(deps.translator, { cache: config.env === 'production' });
  const pageContext = (req: FastifyRequest, reply: FastifyReply): PageContext => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const lang = auth.language(req);
    const flashKey = typeof q.ok === 'string' ? q.ok : typeof q.err === 'string' ? q.err : undefined;
    const known = flashKey && /^[a-z_]{1,40}$/.test(flashKey) && deps.translator.exists(`console:flash.${flashKey}`, lang);
    const flash = known ? { kind: typeof q.ok === 'string' ? ('ok' as const) : ('error' as const), key: flashKey, vars: flashCounts(q) } : undefined;
    return { agent: auth.current(req)?.agent ?? null, csrf: auth.csrfToken(req, reply), lang, path: req.url.split('?')[0], back: req.method === 'GET' ? backPath(req.url) : '/queue', flash };
  };
  const files = new TelegramFiles(config.telegram.token, config.telegram.apiRoot, deps.logger, deps.fetch);
  const ctx: ConsoleContext = {
    ...deps,
    auth,
    views,
    hub: new LiveHub(deps.events, 25_000, (err) => deps.logger.warn({ err }, 'live stream check failed'), {
      onNotLive: (err) => deps.logger.warn(err ? { err } : {}, err ? 'live updates unavailable: could not subscribe' : 'live updates wait for Redis; the console starts without them'),
      onLiveAgain: (streams, why) =>
        deps.logger.info({ streams }, why === 'resubscribed' ? 'live updates back after Redis went away; open pages told to refresh' : 'a live update could not be published; open pages told to refresh'),
    }),
    queries: deps.store.queries,
    caseFiles: deps.caseFiles ?? new CaseFileService({ store: deps.store, translator: deps.translator, logger: deps.logger, contact: config.agencyContact }),
    savedReplies: new SavedReplyService({ store: deps.store, tickets: deps.tickets, logger: deps.logger }),
    accounts: new AccountService({ store: deps.store, events: deps.events, tickets: deps.tickets, logger: deps.logger }),
    files,
    evidenceArchives: new EvidenceArchiveService({ store: deps.store, translator: deps.translator, files, logger: deps.logger, contact: config.agencyContact }),
    pageContext,
    render(req, reply, view, data = {}) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(views.page(view, pageContext(req, reply), data));
    },
    problem(req, reply, status, key) {
      reply.code(status);
      return ctx.render(req, reply, 'problem', { status, key });
    },
  };
  auth.refusalPage = (req, reply, key) => ctx.problem(req, reply, key === 'signed_out' ? 401 : 403, key);
  return ctx;
}

async function securityHeaders(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
  // Every page, the BullMQ board's included (its scripts and styles load from its own static
  // files; see bull-board.ts for the outside fonts it is served without).
  if (!reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', req.url.startsWith(BULL_BOARD_PATH) ? BOARD_CSP : CSP).header('x-frame-options', 'DENY');
  }
}

/** MongoDB's MaxTimeMSExpired: a list or search ran past its maxTimeMS (busy database, wide filter). */
const MONGO_MAX_TIME_EXPIRED = 50;

/**
 * A path id that is not an id is a missing page (404), like an id that names nothing; any other
 * request that fails its schema is a 400; a query past its time limit asks for a narrower one
 * (503); anything else is our fault and is logged.
 */
function errorHandler(ctx: ConsoleContext) {
  return (err: { statusCode?: number; validation?: unknown; validationContext?: string; code?: unknown }, req: FastifyRequest, reply: FastifyReply) => {
    if (err.validation && err.validationContext === 'params') return ctx.problem(req, reply, 404, 'not_found');
    if (err.code === MONGO_MAX_TIME_EXPIRED) {
      req.log.warn({ route: req.routeOptions.url }, 'console query gave up after its time limit');
      return ctx.problem(req, reply, 503, 'too_slow');
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err, route: req.routeOptions.url }, 'console request failed');
    const key = status === 500 ? 'server_error' : status === 413 ? 'too_large' : 'bad_request';
    try {
      return ctx.problem(req, reply, status, key);
    } catch (renderErr) {
      // The page itself failed (the failure may be in drawing it): the same words, bare.
      req.log.error({ err: renderErr }, 'console error page failed');
      const lang = ctx.auth.language(req);
      return reply.code(status).type('text/plain; charset=utf-8').send(`${ctx.translator.t(lang, `console:problem.${key}.title`)}. ${ctx.translator.t(lang, `console:problem.${key}.body`)}`);
    }
  };
}

/**
 * The BullMQ board, supervisors only. Its own scripts call its API with fetch and no CSRF token,
 * so state changes there additionally require a same-origin request (browsers always send
 * Origin on cross-site POST/PUT/DELETE) on top of the SameSite=Strict session cookie.
 */
async function boardRoutes(board: FastifyInstance, ctx: ConsoleContext): Promise<void> {
  const supervisorOnly = ctx.auth.requireRole(AREA_ROLE.board);
  board.addHook('preHandler', async (req, reply) => {
    await supervisorOnly.call(board, req, reply);
    if (reply.sent) return reply;
    if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req.headers.origin, req.headers.host)) return reply.code(403).send('Forbidden');
  });
  await (ctx.mountBoard ?? mountBullBoard)(board, BULL_BOARD_PATH, ctx.queues ?? []);
}

/**
 * The browser says the request came from this console's own page: its Origin names this host. An
 * Origin that is no URL (`null`, sent from a sandboxed frame or after a redirect from another
 * site) is not this console: refused like any other, never a server error.
 */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/** The proxies that may name the client: a number of hops of one's own as fastify's trust function, or their addresses. */
function trustedHops(trust: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/**
 * Where the language switch comes back to: this page with its filters, not its one-time message
 * (`ok`, `err`); the path alone when that is too long to carry.
 */
function backPath(url: string): string {
  const [path, query = ''] = url.split('?');
  const kept = query.split('&').filter((p) => p && !/^(ok|err)=/.test(p)).join('&');
  const back = kept ? `${path}?${kept}` : path;
  return back.length <= MAX_NEXT_LENGTH ? back : path;
}
