import type { Context } from 'telegraf';
import type { Redis } from 'ioredis';
import type { CategoryCode, HelpNumber, ReportKind, WhenChoice } from '../domain';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ConversationService } from '../services/conversation-service';
import type { IntakeService } from '../services/intake-service';
import type { EvidenceKind, Store } from '../store';

/** The wizard's steps, in order. Names double as the step part of callback_data, so they stay short. */
export const STEPS = ['kind', 'cat', 'desc', 'county', 'place', 'when', 'ev', 'danger', 'anon', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** A file the reporter sent, kept by Telegram ids only (the bytes stay on Telegram until an agent opens them). */
export interface MediaRef {
  k: EvidenceKind;
  f: string; // file_id
  u: string; // file_unique_id
  s?: number; // size in bytes
  m?: string; // mime type
  n?: string; // file name
  d?: number; // duration in seconds
  c?: string; // the reporter's caption
}

/**
 * A report in progress. Short keys keep the Redis session small (the target is under 2 KB per
 * conversation): codes and ids only, never rendered text.
 */
export interface Draft {
  /** Random id: also the idempotency key of the report, and part of every wizard callback_data. */
  id: string;
  s: Step;
  /** Set while the reporter edits one part from the review screen: finishing it returns there. */
  e?: 1;
  k?: ReportKind;
  c?: CategoryCode;
  tx?: string;
  v?: MediaRef;
  co?: number;
  /** County keyboard page currently shown. */
  pg?: number;
  p?: string;
  g?: [number, number];
  w?: WhenChoice;
  at?: number;
  ev?: MediaRef[];
  dg?: boolean;
  an?: boolean;
  /** Phone from the reporter's own shared contact; written (encrypted) to the reporter record on submit. */
  ph?: string;
}

/** A message sent outside the wizard while several tickets are open: waits for "which report?". */
export interface PendingReply {
  ids: string[];
  tx?: string;
  m?: MediaRef;
}

export interface SessionData {
  l?: Lang;
  d?: Draft;
  /** The last submitted draft, so a late second tap on Confirm gets the same reference. */
  done?: { d: string; r: string };
  rp?: PendingReply;
}

export interface BotDeps {
  store: Store;
  intake: IntakeService;
  conversation: ConversationService;
  translator: Translator;
  logger: Logger;
  helpNumbers: readonly HelpNumber[];
  /** Sessions and update de-duplication live here. */
  redis: Redis;
  /** Redis key prefix, e.g. "ripoti": sessions are `${prefix}:sess:<key>`. */
  prefix: string;
  now?: () => Date;
  /** Updates a reporter may send per minute; none in tests that do not need a limit. */
  messagesPerMinute?: number;
  metrics?: Metrics;
}

export interface BotContext extends Context {
  session: SessionData;
  lang: Lang;
  /** Translate in this conversation's language; keys without a namespace are in `bot`. */
  t(key: string, vars?: Record<string, unknown>): string;
  deps: BotDeps;
  log: Logger;
  now(): Date;
}
