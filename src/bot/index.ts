import { Telegraf, type Middleware } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Service } from '../lifecycle';
import { sendThrough, type BotApiHttp } from '../lib/bot-api-http';
import type { BotContext, BotDeps, SessionData } from './context';
import { consentFeature } from './features/consent';
import { ratingFeature } from './features/rating';
import { reopenFeature } from './features/reopen';
import { languageFeature } from './features/language';
import { repliesFeature, staffAnswersFeature } from './features/replies';
import { editsFeature } from './features/edits';
import { forgetFeature } from './features/forget';
import { membershipFeature } from './features/membership';
import { reportFeature } from './features/report';
import { startFeature } from './features/start';
import { statusFeature } from './features/status';
import { messageRateLimit } from './middleware/abuse-limit';
import { botContext, sessionLanguage } from './middleware/context';
import { updateMetrics } from './middleware/update-metrics';
import { apologise, unhandled } from './middleware/fallback';
import { privateChatsOnly } from './middleware/private-only';
import { onePerReporter } from './middleware/sequential';
import { updateGate } from './middleware/session';
import { PartsWindow } from './parts-window';
import { pollingService } from './polling';
import { migrateSession } from './session';
import { PARTS_WINDOW_MS } from './wizard/flow';
import { chain } from './routes';
import { RedisSessionStore, type SessionSealer } from './session-store';
import { optionalPressAnswers } from './middleware/press-answers';
import { AnswerLines, pacedTransport } from './transport';
import { UpdateOwner } from './update-owner';
import { deferInto, type WebhookReply } from './webhook-reply';
import type { SendBudget } from '../lib/send-budget';

export type { BotContext, BotDeps, SessionData } from './context';
export { languageForgetter, languageKey, sessionKey } from './middleware/session';
export { RedisSessionStore } from './session-store';

export interface CreateBotOptions extends BotDeps {
  token: string;
  /** Bot API root (the test double in tests). */
  apiRoot?: string;
  /** Bot API calls over Node's http client (src/lib/bot-api-http.ts); without it, telegraf's own (node-fetch). */
  botApi?: BotApiHttp;
  /** Seals sessions in Redis (main.ts: SealedValues under DATA_KEY, purpose 'bot-session'). */
  sessionSealer: SessionSealer;
  /** How long an idle conversation is kept in Redis (default SESSION_TTL_SEC, 24 hours). */
  sessionTtlSec?: number;
  /** How long an update_id is remembered to drop re-deliveries. */
  dedupeTtlSec?: number;
  /** How long to wait for the rest of a split paste (default PARTS_WINDOW_MS). */
  partsWindowMs?: number;
  /**
   * The shared outgoing budget every message passes (src/lib/send-budget.ts); without it the bot
   * sends unpaced (tests that do not exercise Telegram's limits).
   */
  sendBudget?: SendBudget;
  /** Pass `allow_paid_broadcast` on sends (config TELEGRAM_PAID_BROADCAST). */
  paidBroadcast?: boolean;
  /** Tell a reporter once when an answer will wait longer than this (default 5 s). */
  slowAfterMs?: number;
}

export interface CreatedBot {
  bot: Telegraf<BotContext>;
  /** Long polling; webhook mode can drive `handleUpdate` instead. */
  service: Service;
  /**
   * Handles one update to completion (for a webhook endpoint); with `reply`, the button-press
   * answer is kept there for the webhook answer (src/bot/webhook-reply.ts).
   */
  handleUpdate: (update: Update, reply?: WebhookReply) => Promise<void>;
  sessions: RedisSessionStore<SessionData>;
  /** Resolves once every message asked for was sent, including those sent after their update was acknowledged. */
  drain(): Promise<void>;
  /** This process's presence as the owner of the updates it handles: started before updates arrive, stopped after. */
  owner: Service;
}

/** The reporter's bot: its middleware in order, then the features, then what none of them handled. */
export function createBot(opts: CreateBotOptions): CreatedBot {
  const { token, apiRoot, botApi, sessionSealer, sessionTtlSec, dedupeTtlSec = 24 * 60 * 60, partsWindowMs = PARTS_WINDOW_MS, sendBudget, paidBroadcast, slowAfterMs, ...deps } = opts;
  const bot = new Telegraf<BotContext>(token, { telegram: apiRoot ? { apiRoot } : {} });
  const sessions = new RedisSessionStore<SessionData>(deps.redis, deps.prefix, sessionSealer, sessionTtlSec, migrateSession);
  const parts = new PartsWindow(partsWindowMs, (update) => bot.handleUpdate(update), deps.logger);
  const owner = new UpdateOwner(deps.redis, deps.prefix, deps.logger);

  // One flat chain (src/bot/routes.ts): telegraf's `use` would nest one more compose per call.
  const chainOf: Middleware<BotContext>[] = [updateMetrics(deps)];
  if (botApi) {
    sendThrough(bot.telegram, botApi);
    // telegraf builds a client per update: each sends through `botApi`, before the paced transport wraps it.
    chainOf.push((ctx, next) => {
      sendThrough(ctx.telegram, botApi);
      return next();
    });
  }
  // Updates that came as a webhook POST: keyed by the update object telegraf hands each context.
  const replies = new WeakMap<Update, WebhookReply>();
  chainOf.push((ctx, next) => {
    const reply = replies.get(ctx.update);
    if (reply) deferInto(ctx.telegram, reply);
    return next();
  });
  chainOf.push(botContext(deps, parts), optionalPressAnswers());
  const lines = new AnswerLines();
  if (sendBudget) chainOf.push(pacedTransport({ budget: sendBudget, paidBroadcast, slowAfterMs }, lines));
  chainOf.push(privateChatsOnly(), onePerReporter());
  // De-duplication, the per-minute count and the session: one Redis round trip before, one after.
  chainOf.push(updateGate(sessions, { cipher: deps.cipher, prefix: deps.prefix, rememberSec: dedupeTtlSec, messagesPerMinute: deps.messagesPerMinute, owner }));
  chainOf.push(sessionLanguage());
  if (deps.messagesPerMinute) chainOf.push(messageRateLimit(deps, deps.messagesPerMinute));
  chainOf.push(membershipFeature(), startFeature(), languageFeature(), statusFeature(), forgetFeature(), staffAnswersFeature(), reportFeature(), repliesFeature(), consentFeature(), ratingFeature(), reopenFeature(), editsFeature());
  chainOf.push(unhandled());
  bot.use(chain(chainOf));
  bot.catch(apologise);

  const polling = pollingService(bot, deps);
  const service: Service = {
    name: polling.name,
    start: () => polling.start(),
    stop: () => {
      parts.close();
      return polling.stop();
    },
  };
  const handleUpdate = (update: Update, reply?: WebhookReply) => {
    if (!reply) return bot.handleUpdate(update);
    replies.set(update, reply);
    // A split paste's part is handled again later (PartsWindow) with this same object: no reply then.
    return bot.handleUpdate(update).finally(() => replies.delete(update));
  };
  return { bot, service, handleUpdate, sessions, drain: () => lines.drain(), owner };
}
