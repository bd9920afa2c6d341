import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Store } from '../store';
import type { Translator } from '../i18n';
import type { EventBus } from '../services/events';
import type { AgentRef, TicketActions } from '../services/ticket-actions';
import type { ConsoleViews, PageContext } from './views';
import type { SessionAuth, Auth } from './session-auth';
import type { LiveHub } from './live-hub';
import type { TicketQueries } from './ticket-queries';
import type { TelegramFiles } from './telegram-files';
import type { BoardMounter } from './bull-board';

export interface ConsoleDeps {
  config: Config;
  logger: Logger;
  store: Store;
  translator: Translator;
  events: EventBus;
  /** Ticket logic lives in src/services; the console only calls it. */
  tickets: TicketActions;
  metrics: Metrics;
  /** Pinged by /readyz. */
  redis: Redis;
  /** BullMQ queues shown to supervisors at /admin/queues. */
  queues?: readonly Queue[];
  /** For tests: how evidence is downloaded from Telegram. */
  fetch?: typeof fetch;
  /** For tests: what serves the BullMQ board (default bull-board). */
  mountBoard?: BoardMounter;
}

/** What route modules share: the deps plus the console's own helpers. */
export interface ConsoleContext extends ConsoleDeps {
  auth: SessionAuth;
  views: ConsoleViews;
  hub: LiveHub;
  queries: TicketQueries;
  files: TelegramFiles;
  pageContext(req: FastifyRequest, reply: FastifyReply): PageContext;
  /** Renders a page in the viewer's language and sends it. */
  render(req: FastifyRequest, reply: FastifyReply, view: string, data?: Record<string, unknown>): FastifyReply;
  /** A page explaining a refusal or a missing thing, with the right status. */
  problem(req: FastifyRequest, reply: FastifyReply, status: 403 | 404 | 400 | 502, key: string): FastifyReply;
}

/** The signed-in person; only call after a `requireRole` preHandler. */
export function signedIn(ctx: ConsoleContext, req: FastifyRequest): Auth {
  const auth = ctx.auth.current(req);
  if (!auth) throw new Error('route is missing its requireRole preHandler');
  return auth;
}

export function agentRef(auth: Auth): AgentRef {
  return { id: auth.agent._id.toString(), role: auth.agent.role };
}

export { safeLocalPath, MAX_NEXT_LENGTH } from './paths';

export function bodyOf(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
