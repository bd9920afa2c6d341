/** TelegramDouble: a local, deterministic stand-in for the Telegram Bot API over real HTTP. */
import { randomBytes } from 'node:crypto';
import type { FileKind } from './files';
import { runWebhookReply, startServer, type RunningServer } from './server';
import { FloodLimits, type LimitOptions } from './limits';
import { DoubleState } from './state';
import type { AddedFile, BotCommand, FailOptions, RecordedCall, TgUpdate, UpdateInput, WebhookDelivery, WebhookState } from './types';
import { UpdateHub } from './updates';
import { TelegramUser, type ActionOptions, type UserOptions } from './user';

export interface StartOptions {
  /** default: random but valid-looking, e.g. '7301234567:AAH...' */
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** how long user actions wait for the bot to handle their update (default 10000) */
  actionTimeoutMs?: number;
  /** webhook delivery attempts per update before it is dropped (default 3) */
  webhookMaxAttempts?: number;
  /** first retry delay, doubled each attempt (default 25 ms) */
  webhookRetryDelayMs?: number;
  firstUpdateId?: number;
  /** clock for message dates, in ms (default Date.now) */
  now?: () => number;
  /** enforce Telegram's flood limits (429 with retry_after); off by default */
  limits?: LimitOptions | boolean;
  /**
   * How long a user's `press` waits for its button to appear (default 0: it must be there). For a
   * bot that may acknowledge an update before its answer is sent (a paced bot under load).
   */
  pressWaitMs?: number;
  /**
   * Every Bot API answer waits this long after the call ran (default 0): the round trip to a
   * distant api.telegram.org, for benchmarks that compare how many calls a bot waits for.
   */
  apiDelayMs?: number;
}

const TOKEN_RE = /^(\d{1,15}):[A-Za-z0-9_-]{1,64}$/;

function randomToken(): string {
  const id = 7_000_000_000 + randomBytes(4).readUInt32BE(0) % 999_999_999;
  return `${id}:AAH${randomBytes(24).toString('base64url').slice(0, 32)}`;
}

export class TelegramDouble {
  private stopped = false;

  private constructor(
    private readonly state: DoubleState,
    private readonly server: RunningServer,
    private readonly actionTimeoutMs: number,
    private readonly pressWaitMs: number,
  ) {}

  static async start(opts: StartOptions = {}): Promise<TelegramDouble> {
    const token = opts.token ?? randomToken();
    if (!TOKEN_RE.test(token)) throw new Error(`TelegramDouble: token ${JSON.stringify(token)} does not look like '<bot id>:<secret>'`);
    // The hub needs the state to run webhook replies, and the state owns the hub.
    const ref: { state?: DoubleState } = {};
    const hub = new UpdateHub({
      firstUpdateId: opts.firstUpdateId ?? 1,
      webhookMaxAttempts: opts.webhookMaxAttempts ?? 3,
      webhookRetryDelayMs: opts.webhookRetryDelayMs ?? 25,
      onWebhookReply: (body, contentType) => (ref.state ? runWebhookReply(ref.state, body, contentType) : Promise.resolve()),
    });
    const state = new DoubleState(token, opts.botUsername ?? 'RipotiBot', opts.botFirstName ?? 'Ripoti', hub, opts.now ?? Date.now);
    ref.state = state;
    state.apiDelayMs = opts.apiDelayMs ?? 0;
    if (opts.limits) state.limits = new FloodLimits(opts.limits === true ? {} : opts.limits);
    const server = await startServer(state);
    return new TelegramDouble(state, server, opts.actionTimeoutMs ?? 10_000, opts.pressWaitMs ?? 0);
  }

  get token(): string {
    return this.state.token;
  }

  /** Pass as `new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } })`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  /** TCP connections the Bot API server accepted so far (one per call without keep-alive). */
  get connectionsAccepted(): number {
    return this.server.connections;
  }

  get botId(): number {
    return this.state.bot.id;
  }

  get botUsername(): string {
    return this.state.bot.username ?? '';
  }

  /** Current webhook, or null in polling mode. */
  get webhook(): WebhookState | null {
    const wh = this.state.hub.webhook;
    return wh ? { url: wh.url, secretToken: wh.secretToken, allowedUpdates: wh.allowedUpdates, maxConnections: wh.maxConnections } : null;
  }

  /** Creates a person with a private chat with the bot. */
  user(opts: UserOptions): TelegramUser {
    const id = opts.id ?? this.state.allocUserId();
    const chat = this.state.addPrivateChat({
      id,
      is_bot: false,
      first_name: opts.firstName,
      ...(opts.lastName ? { last_name: opts.lastName } : {}),
      ...(opts.username ? { username: opts.username } : {}),
      ...(opts.languageCode ? { language_code: opts.languageCode } : {}),
    });
    return new TelegramUser(this.state, chat, this.actionTimeoutMs, this.pressWaitMs);
  }

  /** Every API call the bot made (optionally of one method, case-insensitive), in arrival order. */
  calls(method?: string): RecordedCall[] {
    const all = method ? this.state.recorded.filter((c) => c.method.toLowerCase() === method.toLowerCase()) : this.state.recorded;
    return all.map((c) => ({ ...c, params: { ...c.params } }));
  }

  /**
   * Resolves with the first call of `method` (already made or future) matching the optional
   * predicate — e.g. `await tg.waitForCall('getUpdates')` to know the bot is polling.
   */
  waitForCall(method: string, predicate: (c: RecordedCall) => boolean = () => true, opts: { timeoutMs?: number } = {}): Promise<RecordedCall> {
    const m = method.toLowerCase();
    return this.state.waitForCall((c) => c.method.toLowerCase() === m && predicate(c), method, opts.timeoutMs ?? this.actionTimeoutMs);
  }

  /** Every webhook POST attempt with its HTTP status. */
  webhookDeliveries(): WebhookDelivery[] {
    return this.state.hub.deliveries.map((d) => ({ ...d }));
  }

  /** Commands stored by setMyCommands for a scope/language (default scope, no language by default). */
  commands(opts: { scope?: Record<string, unknown>; languageCode?: string } = {}): BotCommand[] {
    const scope = opts.scope ?? { type: 'default' };
    const key = `${JSON.stringify(Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b))))}|${opts.languageCode ?? ''}`;
    return [...(this.state.commands.get(key) ?? [])];
  }

  /** Puts a file in the store so the bot can getFile/download or re-send it by file_id. */
  addFile(bytes: Buffer, opts: { mimeType: string; fileName?: string; kind?: FileKind }): AddedFile {
    const kind = opts.kind ?? 'document';
    const f =
      kind === 'photo'
        ? this.state.files.get(this.state.files.addPhoto({ bytes }).slice(-1)[0].file_id)
        : this.state.files.add(kind, { bytes, mimeType: opts.mimeType, fileName: opts.fileName });
    if (!f) throw new Error('file store inconsistent');
    return { file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size, file_path: f.filePath };
  }

  /**
   * Enqueues an arbitrary update (update_id assigned when missing). The promise resolves once the
   * bot handled it; ignoring it is safe (a rejection is not reported as unhandled).
   */
  deliver(update: UpdateInput, opts: ActionOptions = {}): Promise<TgUpdate> {
    const { update: queued, handled } = this.state.hub.enqueue(update, 'tg.deliver', opts.timeoutMs ?? this.actionTimeoutMs);
    const result = handled.then(() => queued);
    result.catch(() => undefined);
    return result;
  }

  /** Turns Telegram's flood limits on (with these figures) or off (null), from now on. */
  setLimits(limits: LimitOptions | null): void {
    this.state.limits = limits ? new FloodLimits(limits) : null;
  }

  /**
   * The next `count` (default 1) calls of `method` fail with the given error, or every call for
   * `forMs`; with `chatId`, only calls to that chat (a rule for one chat is asked before one for all).
   */
  failNext(method: string, opts: FailOptions): void {
    const key = opts.chatId !== undefined ? `${method.toLowerCase()}#${opts.chatId}` : method.toLowerCase();
    this.state.failures.set(key, { ...opts, count: opts.count ?? 1, ...(opts.forMs !== undefined ? { until: Date.now() + opts.forMs } : {}) });
  }

  /** From now on every Bot API answer waits this long after its call ran (a slow api.telegram.org); 0 to stop. */
  setApiDelay(ms: number): void {
    this.state.apiDelayMs = ms;
  }

  /**
   * The next call of `method` that `matches` runs as usual (the message is in the chat, the call
   * recorded), but its answer is held back until `release()`: the bot is then waiting on Telegram,
   * which lets a test change the world at that exact moment. `reached` resolves with the call once
   * it is being held.
   */
  holdAnswer(method: string, matches: (call: RecordedCall) => boolean = () => true): { reached: Promise<RecordedCall>; release(): void } {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: (call: RecordedCall) => void;
    const hit = new Promise<RecordedCall>((resolve) => (reached = resolve));
    this.state.holds.push({ method: method.toLowerCase(), matches, reached, gate });
    return { reached: hit, release };
  }

  /** From now on every send/edit to this user's private chat fails with 403 "bot was blocked by the user". */
  blockBy(user: number | TelegramUser): void {
    this.chatOf(user).blocked = true;
  }

  unblockBy(user: number | TelegramUser): void {
    this.chatOf(user).blocked = false;
  }

  private chatOf(user: number | TelegramUser) {
    const id = typeof user === 'number' ? user : user.id;
    const chat = this.state.chats.get(id);
    if (!chat) throw new Error(`TelegramDouble: unknown user ${id}; create it with tg.user(...)`);
    return chat;
  }

  /** Stops the server, ends held long polls and rejects anything still waiting. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.state.stop();
    await this.server.close();
  }
}
