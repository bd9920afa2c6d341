import type { Connection } from 'mongoose';
import type { Logger } from '../logger';
import { createModels, type Models } from './models';
import { IdentityCipher, type DataKey } from './identity-cipher';
import { ReporterRepository } from './reporter-repository';
import { ReportRepository } from './report-repository';
import { MessageRepository } from './message-repository';
import { IncidentRepository } from './incident-repository';
import { createAgentModels } from './agent-model';
import { AgentRepository, type AgentRepositoryOptions } from './agent-repository';
import { checkIndexes } from './migrate';
import { SavedReplyRepository } from './saved-reply-repository';
import { RatingRepository } from './rating-repository';
import { TicketQueries } from './ticket-queries';

export * from './models';
export * from './identity-cipher';
export * from './reporter-repository';
export * from './report-repository';
export * from './message-repository';
export * from './incident-repository';
export * from './agent-model';
export * from './agent-repository';
export * from './connection';
export * from './migrate';
export * from './saved-reply-repository';
export * from './rating-repository';
export * from './ticket-queries';

export interface Store {
  models: Models;
  cipher: IdentityCipher;
  reporters: ReporterRepository;
  reports: ReportRepository;
  messages: MessageRepository;
  /** Links between reports of one event, and incidents (issue 16). */
  incidents: IncidentRepository;
  /** Console accounts and sessions. */
  agents: AgentRepository;
  /** Saved replies for agents (issue 16) and who changed them. */
  savedReplies: SavedReplyRepository;
  /** Reporters' one-tap answers after a ticket closed. */
  ratings: RatingRepository;
  /** The console's read-only lists, counts and map of tickets. */
  queries: TicketQueries;
  /** The MongoDB connection, for readiness probes. */
  connection: Connection;
  /**
   * Call once at start-up. With `autoIndex` (development, tests) it builds every index now, so the
   * first report is not slowed by it; without (production) it throws `IndexesNotReadyError` when
   * an index is missing, so the role refuses to start until `migrate` has run.
   */
  ready(): Promise<void>;
}

export interface StoreOptions {
  agents?: AgentRepositoryOptions;
  /** For what the store carries on past (a status change made whose history line failed). */
  logger?: Pick<Logger, 'warn'>;
}

export function createStore(conn: Connection, dataKeys: readonly DataKey[], opts: StoreOptions = {}): Store {
  const models = createModels(conn);
  const cipher = new IdentityCipher(dataKeys);
  const agents = new AgentRepository(createAgentModels(conn), { logger: opts.logger, ...opts.agents });
  const savedReplies = new SavedReplyRepository(conn);
  const ratings = new RatingRepository(conn);
  return {
    models,
    cipher,
    reporters: new ReporterRepository(models.Reporter, cipher),
    reports: new ReportRepository(models.Report, models.ReportEvent, undefined, opts.logger),
    messages: new MessageRepository(models.Message),
    incidents: new IncidentRepository(models.Report),
    agents,
    savedReplies,
    ratings,
    queries: new TicketQueries(models.Report),
    connection: conn,
    async ready() {
      await Promise.all([...Object.values(models).map((m) => m.init()), agents.ready(), savedReplies.ready(), ratings.ready()]);
      if (conn.get('autoIndex') === false) await checkIndexes(conn);
    },
  };
}
