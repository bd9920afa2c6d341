/**
 * The Bot API double as the benchmark uses it. The double's person-level API (TelegramUser)
 * delivers updates itself (polling or its own webhook POSTs); the benchmark must POST updates to
 * the bot itself and time each POST, so it builds the updates here and only borrows the double's
 * state for what Telegram would know: the chats, the bot's messages and their keyboards (to press
 * the buttons the bot really offered), callback query ids (so answerCallbackQuery is accepted),
 * photo file ids, and the recorded API calls with their arrival times.
 */
import type { TelegramDouble } from '../../test/support/telegram';
import type { ChatState, DoubleState, StoredMessage } from '../../test/support/telegram/state';
import type { RecordedCall } from '../../test/support/telegram/types';
import { runWebhookReply } from '../../test/support/telegram/server';

export class DoubleDriver {
  /** TypeScript's element access reaches the double's private state; read-mostly use, see above. */
  readonly state: DoubleState;
  private nextUpdateId: number;

  constructor(readonly tg: TelegramDouble, firstUpdateId = 1_000_000) {
    this.state = tg['state'];
    this.nextUpdateId = firstUpdateId;
  }

  /** Runs a Bot API call a bot handed back in its webhook answer, as Telegram does (recorded as such). */
  readonly runReply = (body: Buffer, contentType: string | undefined): Promise<void> => runWebhookReply(this.state, body, contentType);

  /** A private chat with a new person; ids are chosen by the caller so runs never collide. */
  addReporter(id: number, languageCode: 'en' | 'sw'): ChatState {
    this.tg.user({ id, firstName: `Reporter${id % 100_000}`, languageCode });
    const chat = this.state.chats.get(id);
    if (!chat) throw new Error(`double did not create chat ${id}`);
    return chat;
  }

  private message(chat: ChatState, content: Record<string, unknown>): string {
    const stored = this.state.addMessage(chat, { from: { ...chat.user }, chat: { ...chat.chat }, date: this.state.unixNow(), ...content }, { fromBot: false });
    return JSON.stringify({ update_id: this.nextUpdateId++, message: stored.raw });
  }

  text(chat: ChatState, text: string): string {
    const command = /^\/[A-Za-z0-9_]{1,32}/.exec(text);
    return this.message(chat, command ? { text, entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : { text });
  }

  photo(chat: ChatState, caption?: string): string {
    const photo = this.state.files.addPhoto({});
    return this.message(chat, { photo, ...(caption ? { caption } : {}) });
  }

  contact(chat: ChatState, phone: string): string {
    return this.message(chat, { contact: { phone_number: phone, first_name: chat.user.first_name, user_id: chat.user.id } });
  }

  /** The newest bot message that carries an inline keyboard. */
  lastInline(chat: ChatState): StoredMessage | undefined {
    for (let i = chat.messages.length - 1; i >= 0; i--) {
      const m = chat.messages[i];
      if (m.fromBot && !m.deleted && m.raw.reply_markup?.inline_keyboard) return m;
    }
    return undefined;
  }

  lastBotText(chat: ChatState): string {
    for (let i = chat.messages.length - 1; i >= 0; i--) {
      const m = chat.messages[i];
      if (m.fromBot) return m.raw.text ?? m.raw.caption ?? '';
    }
    return '';
  }

  /**
   * A tap on the button of the newest inline keyboard whose callback_data matches; null when the
   * bot offered no such button (the journey then fails loudly). `anyData` presses regardless of
   * keyboards (for the floor bot, which sends none).
   */
  press(chat: ChatState, match: RegExp | { anyData: string }): string | null {
    const m = this.lastInline(chat);
    let data: string | undefined;
    if ('anyData' in match) data = match.anyData;
    else data = m?.raw.reply_markup?.inline_keyboard.flat().find((b) => b.callback_data !== undefined && match.test(b.callback_data))?.callback_data;
    if (data === undefined) return null;
    const id = this.state.allocCallbackId();
    this.state.callbackQueries.set(id, { id, chatId: chat.chat.id, data, answered: false });
    const base = m?.raw ?? { message_id: 0, date: this.state.unixNow(), chat: { ...chat.chat }, text: '' };
    return JSON.stringify({
      update_id: this.nextUpdateId++,
      callback_query: { id, from: { ...chat.user }, message: base, chat_instance: `-${this.state.bot.id}${chat.chat.id}`, data },
    });
  }

  /** Whether the newest inline keyboard has a button whose callback_data matches. */
  offers(chat: ChatState, match: RegExp): boolean {
    return this.lastInline(chat)?.raw.reply_markup?.inline_keyboard.flat().some((b) => b.callback_data !== undefined && match.test(b.callback_data)) ?? false;
  }

  /** Recorded calls of one method arriving at or after `since` (ms). */
  callsSince(method: string, since: number): RecordedCall[] {
    const m = method.toLowerCase();
    return this.state.recorded.filter((c) => c.at >= since && c.method.toLowerCase() === m);
  }

  /** Forget recorded calls (they grow with every update; phases read theirs before this). */
  clearRecorded(): void {
    this.state.recorded.length = 0;
  }
}
