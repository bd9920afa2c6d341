import type { Context } from 'telegraf';
import type { Redis } from 'ioredis';
import type { HelpNumber } from '../domain';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ConversationService } from '../services/conversation-service';
import type { ForgetService } from '../services/forget-service';
import type { IntakeService } from '../services/intake-service';
import type { ReopenService } from '../services/reopen-service';
import type { ReporterService } from '../services/reporter-service';
import type { IdentityCipher } from '../store';
import type { PartsWindow } from './parts-window';
import type { SessionData } from './session';

export type { Draft, MediaRef, PendingAnswer, PendingDispute, PendingMessage, PendingReply, SessionData, Step } from './session';
export { STEPS } from './session';

export interface BotDeps {
  /** Keyed hashes for Redis keys (sessions, limits), never a Telegram id in the clear. */
  cipher: IdentityCipher;
  intake: IntakeService;
  conversation: ConversationService;
  /** A reporter's tap asking staff to look at a closed report again. */
  reopen: Pick<ReopenService, 'offer' | 'askAgain'>;
  reporters: ReporterService;
  /** A reporter's request to have their details deleted (/forget). */
  forgetting: Pick<ForgetService, 'forget'>;
  translator: Translator;
  logger: Logger;
  helpNumbers: readonly HelpNumber[];
  /**
   * Minutes within which a ticket of priority 1..4 should be taken (config SLA_MINUTES), so the
   * reporter is told when to expect an answer; without it the bot only says "soon".
   */
  slaMinutes?: readonly [number, number, number, number];
  /** Sessions and update de-duplication live here. */
  redis: Redis;
  /** Redis key prefix, e.g. "ripoti": sessions are `${prefix}:sess:<key>`. */
  prefix: string;
  now?: () => Date;
  /** Updates a reporter may send per minute; none in tests that do not need a limit. */
  messagesPerMinute?: number;
  metrics?: Metrics;
  /** After Send, "typing…" is shown once storing the report took this long (default 500 ms). */
  typingAfterMs?: number;
}

export interface BotContext extends Context {
  session: SessionData;
  lang: Lang;
  /** Translate in this conversation's language; keys without a namespace are in `bot`. */
  t(key: string, vars?: Record<string, unknown>): string;
  deps: BotDeps;
  log: Logger;
  now(): Date;
  /** The wait for the rest of a split paste. */
  parts: PartsWindow;
}
