import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Store, TicketQueries } from '../store';
import type { Translator } from '../i18n';
import type { EventBus } from '../services/events';
import type { TicketActions } from '../services/ticket-actions';
import type { IncidentActions } from '../services/incident-service';
import type { CaseFileService } from '../services/case-file-service';
import type { SavedReplyService } from '../services/saved-reply-service';
import type { AccountService } from '../services/account-service';
import type { EvidenceArchiveService } from '../services/evidence-archive';
import { agentRef, signedInAgent } from './authorization';
import type { ConsoleViews, PageContext } from './views';
import type { SessionAuth, Auth } from './session-auth';
import type { LiveHub } from './live-hub';
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
  /** Joining reports of one event into an incident, splitting, answering all (issue 16); none: not offered. */
  incidents?: IncidentActions;
  metrics: Metrics;
  /** Pinged by /readyz. */
  redis: Redis;
  /** BullMQ queues shown to supervisors at /admin/queues. */
  queues?: readonly Queue[];
  /** For tests: how evidence is downloaded from Telegram. */
  fetch?: typeof fetch;
  /** For tests: what serves the BullMQ board (default bull-board). */
  mountBoard?: BoardMounter;
  /** Referral case files (default: built from the store and translator). */
  caseFiles?: CaseFileService;
}

/** What route modules share: the deps plus the console's own helpers. */
export interface ConsoleContext extends Omit<ConsoleDeps, 'caseFiles'> {
  caseFiles: CaseFileService;
  /** Saved replies (issue 16), built from the store and TicketActions. */
  savedReplies: SavedReplyService;
  /** Admins' account changes (create, password, deactivate with the tickets handed back). */
  accounts: AccountService;
  /** Every evidence file of a report as one ZIP (through `files`). */
  evidenceArchives: EvidenceArchiveService;
  auth: SessionAuth;
  views: ConsoleViews;
  hub: LiveHub;
  queries: TicketQueries;
  files: TelegramFiles;
  pageContext(req: FastifyRequest, reply: FastifyReply): PageContext;
  /** Renders a page in the viewer's language and sends it. */
  render(req: FastifyRequest, reply: FastifyReply, view: string, data?: Record<string, unknown>): FastifyReply;
  /** A page explaining a refusal or a missing thing, with the right status. */
  /** A page in the person's language saying what went wrong (`console:problem.<key>`), with `status` (any 4xx or 5xx). */
  problem(req: FastifyRequest, reply: FastifyReply, status: number, key: string): FastifyReply;
}

/** The signed-in person (`req.me`, see ./authorization.ts); only call after a `requireRole` guard. */
export function signedIn(_ctx: ConsoleContext, req: FastifyRequest): Auth {
  return signedInAgent(req);
}

export { agentRef, signedInAgent };

/** A console route scope whose routes are typed by their zod schemas (fastify-type-provider-zod). */
export type ConsoleApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export { safeLocalPath, MAX_NEXT_LENGTH } from './paths';

export function bodyOf(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
