/** Everything the double remembers: bot identity, private chats with their message history,
 * callback queries, recorded calls and injected faults. Shared by the HTTP methods and users. */
import { FileStore } from './files';
import type { FloodLimits } from './limits';
import type {
  BotCommand,
  BotMessage,
  CallbackAnswer,
  FailOptions,
  RecordedCall,
  ReplyMarkup,
  TgChat,
  TgMessage,
  TgUser,
} from './types';
import { UpdateHub } from './updates';

export interface StoredMessage {
  raw: TgMessage;
  fromBot: boolean;
  /** markup exactly as sent (Telegram's Message only echoes inline keyboards) */
  sentMarkup?: ReplyMarkup;
  parseMode?: string;
  edited: boolean;
  deleted: boolean;
  /** The chat's bot-activity count when the bot last sent or edited this message (ChatState.botActivity). */
  touched?: number;
}

interface Waiter {
  match: (m: BotMessage) => boolean;
  resolve: (m: BotMessage) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  seen: string[];
}

export interface ChatState {
  chat: TgChat;
  user: TgUser;
  nextMessageId: number;
  messages: StoredMessage[];
  callbackAnswers: CallbackAnswer[];
  chatActions: string[];
  blocked: boolean;
  waiters: Set<Waiter>;
  /** Counts the bot's sends and edits in this chat, so a user can tell what came after their last action. */
  botActivity: number;
}

export interface CallbackQueryState {
  id: string;
  chatId: number;
  data?: string;
  answered: boolean;
}

export function toView(m: StoredMessage): BotMessage {
  const r = m.raw;
  const largest = r.photo?.[r.photo.length - 1];
  return {
    messageId: r.message_id,
    text: r.text,
    caption: r.caption,
    photo: largest?.file_id,
    document: r.document?.file_id,
    voice: r.voice?.file_id,
    video: r.video?.file_id,
    audio: r.audio?.file_id,
    replyMarkup: m.sentMarkup,
    parseMode: m.parseMode,
    entities: r.entities ?? r.caption_entities,
    replyToMessageId: r.reply_to_message?.message_id,
    edited: m.edited,
    deleted: m.deleted,
    date: r.date,
    editDate: r.edit_date,
    raw: structuredClone(r),
  };
}

function describe(m: BotMessage): string {
  const body = m.text ?? (m.caption !== undefined ? `[media] ${m.caption}` : '[media]');
  return `#${m.messageId}${m.edited ? ' (edited)' : ''}: ${JSON.stringify(body.length > 120 ? `${body.slice(0, 117)}...` : body)}`;
}

/** One Bot API answer to hold back: the call has run (and is recorded); its answer waits for `gate`. */
export interface AnswerHold {
  method: string;
  matches: (call: RecordedCall) => boolean;
  /** Called with the call once its answer is being held. */
  reached: (call: RecordedCall) => void;
  gate: Promise<void>;
}

export class DoubleState {
  readonly files = new FileStore();
  readonly chats = new Map<number, ChatState>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  readonly recorded: RecordedCall[] = [];
  /** Injected failures, by method (lower case) or `method#chatId` for one chat's. */
  readonly failures = new Map<string, Required<Pick<FailOptions, 'errorCode' | 'count'>> & FailOptions & { until?: number }>();
  readonly commands = new Map<string, BotCommand[]>();
  /** Telegram's flood limits, when the test or bench turned them on. */
  limits: FloodLimits | null = null;
  /** How long each Bot API answer waits after its call ran (StartOptions.apiDelayMs). */
  apiDelayMs = 0;
  /** Answers held back until the test lets them go (TelegramDouble.holdAnswer), first match first. */
  readonly holds: AnswerHold[] = [];
  readonly hub: UpdateHub;
  readonly bot: TgUser;
  private nextUserId = 100_000_001;
  private nextCallbackId = 1;

  constructor(
    readonly token: string,
    botUsername: string,
    botFirstName: string,
    hub: UpdateHub,
    readonly now: () => number,
  ) {
    this.hub = hub;
    this.bot = { id: Number(token.split(':')[0]), is_bot: true, first_name: botFirstName, username: botUsername };
  }

  unixNow(): number {
    return Math.floor(this.now() / 1000);
  }

  allocUserId(): number {
    while (this.chats.has(this.nextUserId)) this.nextUserId++;
    return this.nextUserId++;
  }

  allocCallbackId(): string {
    // Real ids are large numeric strings; keep that shape, deterministically.
    return `${this.bot.id}${String(this.nextCallbackId++).padStart(9, '0')}`;
  }

  addPrivateChat(user: TgUser): ChatState {
    if (this.chats.has(user.id)) throw new Error(`A user with id ${user.id} already exists in this TelegramDouble`);
    const chat: TgChat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name) chat.last_name = user.last_name;
    if (user.username) chat.username = user.username;
    const state: ChatState = {
      chat, user, nextMessageId: 1, messages: [], callbackAnswers: [], chatActions: [], blocked: false, waiters: new Set(), botActivity: 0,
    };
    this.chats.set(user.id, state);
    return state;
  }

  /** Store a message in its chat (assigning message_id) and notify waiters for bot messages. */
  addMessage(chat: ChatState, raw: Omit<TgMessage, 'message_id'>, meta: { fromBot: boolean; sentMarkup?: ReplyMarkup; parseMode?: string }): StoredMessage {
    const stored: StoredMessage = {
      raw: { message_id: chat.nextMessageId++, ...raw },
      fromBot: meta.fromBot,
      sentMarkup: meta.sentMarkup,
      parseMode: meta.parseMode,
      edited: false,
      deleted: false,
    };
    chat.messages.push(stored);
    if (meta.fromBot) this.notify(chat, stored);
    return stored;
  }

  notify(chat: ChatState, m: StoredMessage): void {
    m.touched = ++chat.botActivity;
    // The view copies the whole message: made only for someone waiting.
    if (chat.waiters.size === 0) return;
    const view = toView(m);
    for (const w of [...chat.waiters]) {
      w.seen.push(describe(view));
      if (!w.match(view)) continue;
      chat.waiters.delete(w);
      clearTimeout(w.timer);
      w.resolve(view);
    }
  }

  /**
   * With `since` (a mark from `markOf`), a matching bot message sent after the mark but before this
   * call counts too: the action that causes a message may finish in another process before the
   * test gets to wait for it.
   */
  waitForMessage(chat: ChatState, match: (m: BotMessage) => boolean, what: string, timeoutMs: number, since?: number): Promise<BotMessage> {
    if (since !== undefined) {
      const earlier = chat.messages.slice(since).filter((m) => m.fromBot && !m.deleted).map(toView).find(match);
      if (earlier) return Promise.resolve(earlier);
    }
    return new Promise<BotMessage>((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve,
        reject,
        seen: [],
        timer: setTimeout(() => {
          chat.waiters.delete(waiter);
          const arrived = waiter.seen.length ? `bot messages that arrived meanwhile:\n  ${waiter.seen.join('\n  ')}` : 'no bot message arrived meanwhile';
          reject(new Error(`waitForMessage(${what}) in chat ${chat.chat.id} timed out after ${timeoutMs} ms; ${arrived}`));
        }, timeoutMs),
      };
      chat.waiters.add(waiter);
    });
  }

  private readonly callWaiters = new Set<{ match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void; timer: NodeJS.Timeout; reject: (e: Error) => void }>();

  record(call: RecordedCall): void {
    this.recorded.push(call);
    for (const w of [...this.callWaiters]) {
      if (!w.match(call)) continue;
      this.callWaiters.delete(w);
      clearTimeout(w.timer);
      w.resolve(call);
    }
  }

  /** Resolves with the first call (already recorded or future) that matches. */
  waitForCall(match: (c: RecordedCall) => boolean, what: string, timeoutMs: number): Promise<RecordedCall> {
    const past = this.recorded.find(match);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const w = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.callWaiters.delete(w);
          const seen = [...new Set(this.recorded.map((c) => c.method))];
          reject(new Error(`waitForCall(${what}) timed out after ${timeoutMs} ms; methods called so far: ${seen.length ? seen.join(', ') : 'none'}`));
        }, timeoutMs),
      };
      this.callWaiters.add(w);
    });
  }

  /** Consume one injected failure for the method (one set for this chat first), if any. */
  takeFailure(method: string, chatId?: number): FailOptions | undefined {
    const keys = [...(chatId !== undefined ? [`${method.toLowerCase()}#${chatId}`] : []), method.toLowerCase()];
    for (const key of keys) {
      const f = this.failures.get(key);
      if (!f) continue;
      if (f.until !== undefined) {
        if (Date.now() < f.until) return f;
        this.failures.delete(key);
        continue;
      }
      f.count -= 1;
      if (f.count <= 0) this.failures.delete(key);
      return f;
    }
    return undefined;
  }

  stop(): void {
    this.hub.stop();
    for (const w of this.callWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error('waitForCall aborted: TelegramDouble stopped'));
    }
    this.callWaiters.clear();
    for (const chat of this.chats.values()) {
      for (const w of chat.waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('waitForMessage aborted: TelegramDouble stopped'));
      }
      chat.waiters.clear();
    }
  }
}
