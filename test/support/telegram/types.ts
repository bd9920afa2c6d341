/** Bot API shapes the double produces or consumes (a subset of https://core.telegram.org/bots/api),
 * plus the public types of the test API. Hand-written so the double does not depend on how
 * telegraf's own typings evolve. */

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  first_name?: string;
  last_name?: string;
  username?: string;
  title?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [extra: string]: unknown;
}

export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  [extra: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface ReplyKeyboardMarkup {
  keyboard: KeyboardButton[][];
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  is_persistent?: boolean;
  input_field_placeholder?: string;
  selective?: boolean;
}

export interface ReplyKeyboardRemove {
  remove_keyboard: true;
  selective?: boolean;
}

export interface ForceReply {
  force_reply: true;
  input_field_placeholder?: string;
  selective?: boolean;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgVoice {
  file_id: string;
  file_unique_id: string;
  duration: number;
  mime_type?: string;
  file_size?: number;
}

export interface TgAudio extends TgVoice {
  performer?: string;
  title?: string;
  file_name?: string;
}

export interface TgVideo extends TgVoice {
  width: number;
  height: number;
  file_name?: string;
}

export interface TgSticker {
  file_id: string;
  file_unique_id: string;
  type: 'regular';
  width: number;
  height: number;
  is_animated: boolean;
  is_video: boolean;
  emoji?: string;
  file_size?: number;
}

export interface TgContact {
  phone_number: string;
  first_name: string;
  last_name?: string;
  user_id?: number;
}

export interface TgLocation {
  latitude: number;
  longitude: number;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  reply_to_message?: TgMessage;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: PhotoSize[];
  document?: TgDocument;
  voice?: TgVoice;
  audio?: TgAudio;
  video?: TgVideo;
  sticker?: TgSticker;
  contact?: TgContact;
  location?: TgLocation;
  /** Telegram only echoes inline keyboards here; reply keyboards are not part of a Message. */
  reply_markup?: InlineKeyboardMarkup;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  callback_query?: TgCallbackQuery;
  [updateType: string]: unknown;
}

/** An update the test supplies; the double assigns `update_id` when missing. */
export type UpdateInput = Omit<TgUpdate, 'update_id'> & { update_id?: number };

export interface TgFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path?: string;
}

export interface BotCommand {
  command: string;
  description: string;
}

// ---------------------------------------------------------------- public test API types

/** What a person sees of one bot message, with edits applied in place. */
export interface BotMessage {
  messageId: number;
  text?: string;
  caption?: string;
  /** file_id of the largest photo size */
  photo?: string;
  document?: string;
  voice?: string;
  video?: string;
  audio?: string;
  /** The markup as the bot sent it (inline keyboard, reply keyboard, remove_keyboard, force_reply). */
  replyMarkup?: ReplyMarkup;
  parseMode?: string;
  entities?: MessageEntity[];
  replyToMessageId?: number;
  edited: boolean;
  deleted: boolean;
  /** unix seconds, as in Telegram */
  date: number;
  editDate?: number;
  /** The raw Bot API Message object the double returned to the bot. */
  raw: TgMessage;
}

export interface RecordedCall {
  method: string;
  /** Normalised params: JSON-ish fields decoded, numeric/boolean strings coerced, uploads summarised. */
  params: Record<string, unknown>;
  /** Date.now() when the call arrived */
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  /** true when the bot answered a webhook POST with `{ method, ... }` instead of calling the API */
  viaWebhookReply: boolean;
}

/** How an uploaded multipart file appears in recorded params. */
export interface UploadedFileInfo {
  upload: true;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  data?: string;
  text?: string;
  showAlert: boolean;
  url?: string;
}

export interface FailOptions {
  errorCode: number;
  /** seconds, sent as parameters.retry_after (Telegram sends it with 429) */
  retryAfter?: number;
  description?: string;
  /** how many subsequent calls of the method fail (default 1; ignored with `forMs`) */
  count?: number;
  /** every matching call fails for this long from now (a Telegram-wide flood wait, an outage), whatever their number */
  forMs?: number;
  /** only calls to this chat fail (a chat's own flood wait, a blocked or deleted chat); others go through */
  chatId?: number;
  /** close the connection without an answer (the call is not carried out): the client sees "socket hang up" */
  resetConnection?: boolean;
}

export interface WebhookState {
  url: string;
  secretToken: string | null;
  allowedUpdates: string[] | null;
  maxConnections: number;
}

export interface WebhookDelivery {
  updateId: number;
  attempt: number;
  /** HTTP status, or null when the connection failed */
  status: number | null;
  error?: string;
}

export interface AddedFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
}
