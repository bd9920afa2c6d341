/** A person chatting privately with the bot. Every action resolves only after the bot has
 * finished handling the resulting update (see updates.ts), so tests need no sleeps. */
import type { ChatState, DoubleState, StoredMessage } from './state';
import { toView } from './state';
import type {
  BotMessage,
  CallbackAnswer,
  InlineKeyboardButton,
  KeyboardButton,
  MessageEntity,
  TgMessage,
  TgUpdate,
  TgUser,
  UpdateInput,
} from './types';

export interface UserOptions {
  /** Telegram user id (= private chat id); unique auto-assigned when omitted */
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface ActionOptions {
  /** how long to wait for the bot to finish handling the update (default: double's actionTimeoutMs) */
  timeoutMs?: number;
}

export interface MediaOptions extends ActionOptions {
  caption?: string;
  sizeBytes?: number;
  /** Sent as part of an album: Telegram gives each file of one album the same media_group_id. */
  mediaGroupId?: string;
  /** As a Telegram reply to this message of the chat (the reply box open on it). */
  replyToMessageId?: number;
  /** Passed on from someone else (who hides their account, as most do). */
  forwardedFrom?: ForwardedFrom;
}

/** Someone who hides their account (a name only, as most do), or a channel by its title and @username. */
export type ForwardedFrom = string | { channel: string; username?: string };

type MessageContent = Omit<TgMessage, 'message_id' | 'from' | 'chat' | 'date'>;

/** Telegram's mark on a message passed on from someone else (sent an hour ago). */
function forwardOrigin(from: ForwardedFrom | undefined): Record<string, unknown> {
  if (!from) return {};
  const date = Math.floor(Date.now() / 1000) - 3600;
  if (typeof from === 'string') return { forward_origin: { type: 'hidden_user', sender_user_name: from, date } };
  const chat = { id: -1_000_000_000_000 - from.channel.length, type: 'channel', title: from.channel, ...(from.username ? { username: from.username } : {}) };
  return { forward_origin: { type: 'channel', chat, message_id: 4021, date } };
}

const COMMAND_RE = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/;

export class TelegramUser {
  readonly id: number;

  constructor(
    private readonly s: DoubleState,
    private readonly chat: ChatState,
    private readonly defaultTimeoutMs: number,
    /** How long `press` waits for its button to appear (StartOptions.pressWaitMs). */
    private readonly pressWaitMs = 0,
  ) {
    this.id = chat.user.id;
  }

  /** The Bot API User object of this person. */
  get info(): TgUser {
    return { ...this.chat.user };
  }

  get chatId(): number {
    return this.chat.chat.id;
  }

  private get name(): string {
    return this.chat.user.first_name;
  }

  private ensureCanWrite(action: string): void {
    if (this.chat.blocked) {
      throw new Error(`${this.name} blocked the bot and cannot ${action}; call tg.unblockBy(${this.id}) first`);
    }
  }

  private submit(update: UpdateInput, label: string, opts?: ActionOptions): Promise<void> {
    this.actedAt = this.chat.botActivity;
    const { handled } = this.s.hub.enqueue(update, `${label} from ${this.name}`, opts?.timeoutMs ?? this.defaultTimeoutMs);
    return handled;
  }

  private async post(content: MessageContent, label: string, opts?: ActionOptions): Promise<TgMessage> {
    this.ensureCanWrite(label);
    const stored = this.s.addMessage(
      this.chat,
      { from: { ...this.chat.user }, chat: { ...this.chat.chat }, date: this.s.unixNow(), ...content },
      { fromBot: false },
    );
    const message = structuredClone(stored.raw);
    await this.submit({ message: structuredClone(message) }, label, opts);
    return message;
  }

  /**
   * Blocks (`true`) or unblocks the bot as Telegram's apps do: sends fail with 403 while blocked,
   * and the bot gets a `my_chat_member` update for the change (member <-> kicked).
   */
  async setBlocked(blocked: boolean, opts?: ActionOptions): Promise<void> {
    this.chat.blocked = blocked;
    const bot = { ...this.s.bot };
    const was = { user: bot, status: blocked ? 'member' : 'kicked', ...(blocked ? {} : { until_date: 0 }) };
    const now = { user: bot, status: blocked ? 'kicked' : 'member', ...(blocked ? { until_date: 0 } : {}) };
    await this.submit(
      { my_chat_member: { chat: { ...this.chat.chat }, from: { ...this.chat.user }, date: this.s.unixNow(), old_chat_member: was, new_chat_member: now } },
      blocked ? 'block the bot' : 'unblock the bot',
      opts,
    );
  }

  /** Sends a text message; a leading /command gets a bot_command entity like in real clients. */
  /** `forwardedFrom`: passed on from someone else, as for a photo. */
  sendText(text: string, opts?: ActionOptions & { replyToMessageId?: number; forwardedFrom?: ForwardedFrom }): Promise<TgMessage> {
    const content: MessageContent = { text, ...forwardOrigin(opts?.forwardedFrom) };
    const command = COMMAND_RE.exec(text);
    if (command) content.entities = [{ type: 'bot_command', offset: 0, length: command[0].length } satisfies MessageEntity];
    this.replyingTo(content, opts?.replyToMessageId);
    return this.post(content, `text ${JSON.stringify(text)}`, opts);
  }

  /** As a Telegram reply to one of the chat's messages (the reply box open on it). */
  private replyingTo(content: MessageContent, replyToMessageId: number | undefined): void {
    if (replyToMessageId === undefined) return;
    const target = this.chat.messages.find((m) => m.raw.message_id === replyToMessageId && !m.deleted);
    if (!target) throw new Error(`${this.name}: no message #${replyToMessageId} to reply to`);
    content.reply_to_message = structuredClone(target.raw);
  }

  /**
   * Taps a button by its text or exact callback_data: an inline button on the newest bot message
   * that has it (callback_query update), otherwise a button of the active reply keyboard (sent as
   * text, or as a contact for request_contact buttons).
   */
  async press(label: string, opts?: ActionOptions & { phoneNumber?: string }): Promise<void> {
    this.ensureCanWrite(`press "${label}"`);
    await this.buttonShown(label);
    const visible = this.chat.messages.filter((m) => m.fromBot && !m.deleted);
    for (let i = visible.length - 1; i >= 0; i--) {
      const m = visible[i];
      const button = m.raw.reply_markup?.inline_keyboard.flat().find((b) => b.text === label || b.callback_data === label);
      if (!button) continue;
      if (button.callback_data === undefined) {
        throw new Error(`${this.name}: button "${label}" on message #${m.raw.message_id} is not a callback button (${JSON.stringify(button)})`);
      }
      const id = this.s.allocCallbackId();
      this.s.callbackQueries.set(id, { id, chatId: this.chatId, data: button.callback_data, answered: false });
      await this.submit(
        {
          callback_query: {
            id,
            from: { ...this.chat.user },
            message: structuredClone(m.raw),
            chat_instance: `-${this.s.bot.id}${this.chatId}`,
            data: button.callback_data,
          },
        },
        `press "${label}"`,
        opts,
      );
      return;
    }
    const keyboardButton = this.replyKeyboardButtons().find((b) => b.text === label);
    if (keyboardButton?.request_contact) {
      await this.shareContact(opts?.phoneNumber, opts);
      return;
    }
    if (keyboardButton?.request_location) {
      throw new Error(`${this.name}: "${label}" requests a location; use shareLocation(lat, lon) instead`);
    }
    if (keyboardButton) {
      await this.sendText(keyboardButton.text, opts);
      return;
    }
    throw new Error(`${this.name}: no button "${label}" in chat ${this.chatId}. ${this.describeButtons()}`);
  }

  /**
   * A person taps a button once they see it. A bot under load may acknowledge an update before its
   * answer is sent (src/bot/transport.ts, AnswerLines), so the question with the button can arrive
   * after the previous action returned: with `pressWaitMs`, wait that long for a message sent or
   * edited with it, as a person waits for the next question. Not found then: press says so below.
   */
  /** The chat's bot activity when this user last acted (see firstButton). */
  private actedAt = 0;

  private async buttonShown(label: string): Promise<void> {
    if (this.pressWaitMs) await this.firstButton([label]).catch(() => undefined);
  }

  /**
   * The first of `labels` shown as an inline button (newest message first) or on the reply
   * keyboard. With `pressWaitMs` the user acts on what the bot said since their last action only
   * (an older message's button would answer a question already moved past), waiting that long for
   * it. Rejects when none is shown.
   */
  async firstButton(labels: string[]): Promise<string> {
    const on = (m: { raw: TgMessage }) => labels.find((l) => m.raw.reply_markup?.inline_keyboard?.flat().some((b) => b.text === l || b.callback_data === l));
    const fresh = (m: StoredMessage) => !this.pressWaitMs || (m.touched ?? 0) > this.actedAt;
    const visible = this.chat.messages.filter((m) => m.fromBot && !m.deleted && fresh(m)).reverse();
    const now = visible.map(on).find(Boolean) ?? labels.find((l) => this.replyKeyboardButtons().some((b) => b.text === l));
    if (now) return now;
    if (!this.pressWaitMs) throw new Error(`${this.name}: none of ${JSON.stringify(labels)} shown. ${this.describeButtons()}`);
    return on(await this.s.waitForMessage(this.chat, (m) => on(m) !== undefined, `one of ${JSON.stringify(labels)}`, this.pressWaitMs)) as string;
  }

  private describeButtons(): string {
    const inline = this.chat.messages
      .filter((m) => m.fromBot && !m.deleted && m.raw.reply_markup)
      .reverse()
      .map((m) => `#${m.raw.message_id} ${JSON.stringify(m.raw.reply_markup?.inline_keyboard.flat().map((b: InlineKeyboardButton) => b.text))}`);
    const reply = this.replyKeyboardButtons().map((b) => b.text);
    return `Inline buttons (newest message first): ${inline.length ? inline.join(', ') : 'none'}; reply keyboard: ${reply.length ? JSON.stringify(reply) : 'none'}`;
  }

  /** Buttons of the reply keyboard currently shown (the newest keyboard not removed since). */
  private replyKeyboardButtons(): KeyboardButton[] {
    for (let i = this.chat.messages.length - 1; i >= 0; i--) {
      const m = this.chat.messages[i];
      const markup = m.fromBot ? m.sentMarkup : undefined;
      if (!markup) continue;
      if ('remove_keyboard' in markup) return [];
      if ('keyboard' in markup) return markup.keyboard.flat();
    }
    return [];
  }

  /** Shares her own contact, as the request_contact button does. */
  shareContact(phoneNumber = '+254712345678', opts?: ActionOptions): Promise<TgMessage> {
    const u = this.chat.user;
    const contact = { phone_number: phoneNumber, first_name: u.first_name, user_id: u.id, ...(u.last_name ? { last_name: u.last_name } : {}) };
    return this.post({ contact }, 'contact', opts);
  }

  shareLocation(latitude: number, longitude: number, opts?: ActionOptions & { replyToMessageId?: number }): Promise<TgMessage> {
    const content: MessageContent = { location: { latitude, longitude } };
    this.replyingTo(content, opts?.replyToMessageId);
    return this.post(content, `location ${latitude},${longitude}`, opts);
  }

  /** Sends a photo (three sizes like Telegram; fake JPEG bytes unless `bytes` is given, which the
   * largest size then serves); resolves with the largest size's file_id. */
  async sendPhoto(opts: MediaOptions & { width?: number; height?: number; bytes?: Buffer } = {}): Promise<string> {
    this.ensureCanWrite('send a photo');
    const photo = this.s.files.addPhoto({ bytes: opts.bytes, size: opts.sizeBytes, width: opts.width, height: opts.height });
    const content = { photo, ...(opts.caption !== undefined ? { caption: opts.caption } : {}), ...(opts.mediaGroupId ? { media_group_id: opts.mediaGroupId } : {}), ...forwardOrigin(opts.forwardedFrom) } as MessageContent;
    this.replyingTo(content, opts.replyToMessageId);
    await this.post(content, 'photo', opts);
    return photo[photo.length - 1].file_id;
  }

  /** `forwardedFrom`: as for a photo. */
  async sendVoice(opts: ActionOptions & { durationSec?: number; sizeBytes?: number; forwardedFrom?: ForwardedFrom } = {}): Promise<string> {
    this.ensureCanWrite('send a voice note');
    const duration = opts.durationSec ?? 5;
    const f = this.s.files.add('voice', { size: opts.sizeBytes ?? duration * 4_000, duration, mimeType: 'audio/ogg' });
    const voice = { file_id: f.fileId, file_unique_id: f.fileUniqueId, duration, mime_type: f.mimeType, file_size: f.size };
    await this.post({ voice, ...forwardOrigin(opts.forwardedFrom) } as MessageContent, 'voice', opts);
    return f.fileId;
  }

  async sendVideo(opts: MediaOptions & { durationSec?: number } = {}): Promise<string> {
    this.ensureCanWrite('send a video');
    const duration = opts.durationSec ?? 10;
    const f = this.s.files.add('video', { size: opts.sizeBytes ?? duration * 250_000, duration, width: 1280, height: 720, mimeType: 'video/mp4', fileName: 'video.mp4' });
    const video = { file_id: f.fileId, file_unique_id: f.fileUniqueId, duration, width: 1280, height: 720, mime_type: f.mimeType, file_size: f.size, file_name: f.fileName };
    await this.post({ video, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) }, 'video', opts);
    return f.fileId;
  }

  async sendDocument(opts: MediaOptions & { fileName: string; mimeType: string; bytes?: Buffer }): Promise<string> {
    this.ensureCanWrite('send a document');
    const f = this.s.files.add('document', { bytes: opts.bytes, size: opts.sizeBytes ?? 20_000, fileName: opts.fileName, mimeType: opts.mimeType });
    const document = { file_id: f.fileId, file_unique_id: f.fileUniqueId, file_name: opts.fileName, mime_type: opts.mimeType, file_size: f.size };
    await this.post({ document, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) }, `document ${opts.fileName}`, opts);
    return f.fileId;
  }

  async sendSticker(opts: ActionOptions & { emoji?: string } = {}): Promise<string> {
    this.ensureCanWrite('send a sticker');
    const f = this.s.files.add('sticker', { size: 24_000, width: 512, height: 512, mimeType: 'image/webp' });
    const sticker = { file_id: f.fileId, file_unique_id: f.fileUniqueId, type: 'regular' as const, width: 512, height: 512, is_animated: false, is_video: false, emoji: opts.emoji ?? '👍', file_size: f.size };
    await this.post({ sticker }, 'sticker', opts);
    return f.fileId;
  }

  /** Escape hatch: deliver any update (e.g. edited_message); resolves once handled. */
  async sendRaw(update: UpdateInput, opts?: ActionOptions): Promise<TgUpdate> {
    const { update: queued, handled } = this.s.hub.enqueue(update, `raw update from ${this.name}`, opts?.timeoutMs ?? this.defaultTimeoutMs);
    await handled;
    return queued;
  }

  /** Bot messages in this chat, oldest first, edits applied; deleted ones only on request. */
  messages(opts: { includeDeleted?: boolean } = {}): BotMessage[] {
    return this.chat.messages.filter((m) => m.fromBot && (opts.includeDeleted || !m.deleted)).map(toView);
  }

  /** The newest visible bot message; throws if the bot has not sent any. */
  lastMessage(): BotMessage {
    const all = this.messages();
    const last = all[all.length - 1];
    if (!last) throw new Error(`${this.name} has not received any bot message (chat ${this.chatId})`);
    return last;
  }

  /** Inline button texts of the newest bot message that has inline buttons. */
  buttons(): string[] {
    const withButtons = this.messages().filter((m) => m.raw.reply_markup);
    return withButtons[withButtons.length - 1]?.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
  }

  /** Texts of the reply keyboard currently shown (empty when none or removed). */
  replyKeyboard(): string[] {
    return this.replyKeyboardButtons().map((b) => b.text);
  }

  /** answerCallbackQuery texts for her presses, in order ('' when answered without text). */
  callbackAnswers(): string[] {
    return this.chat.callbackAnswers.map((a) => a.text ?? '');
  }

  callbackAnswerDetails(): CallbackAnswer[] {
    return this.chat.callbackAnswers.map((a) => ({ ...a }));
  }

  /** sendChatAction actions the bot sent to this chat, in order. */
  chatActions(): string[] {
    return [...this.chat.chatActions];
  }

  /** A point in this chat's history, for `waitForMessage(match, { since })`: take it before the action. */
  mark(): number {
    return this.chat.messages.length;
  }

  /**
   * Resolves with the first bot message sent or edited after this call that matches (substring of
   * text/caption, or predicate); with `since` (from `mark()`), one sent after the mark counts too.
   * Use `since` whenever another process sends the message: it may arrive before this call.
   * Rejects after timeoutMs (default 5000) listing what arrived.
   */
  waitForMessage(match: string | RegExp | ((m: BotMessage) => boolean), opts: { timeoutMs?: number; since?: number } = {}): Promise<BotMessage> {
    const body = (m: BotMessage): string => m.text ?? m.caption ?? '';
    const predicate =
      typeof match === 'string' ? (m: BotMessage) => body(m).includes(match)
        : match instanceof RegExp ? (m: BotMessage) => match.test(body(m))
          : match;
    const what = typeof match === 'function' ? 'predicate' : JSON.stringify(String(match));
    return this.s.waitForMessage(this.chat, predicate, what, opts.timeoutMs ?? 5000, opts.since);
  }
}
