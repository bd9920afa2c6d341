/** Parameter normalisation and Telegram-style validation. Error descriptions copy the real
 * Bot API wording so the bot's error handling is exercised against realistic strings. */
import type {
  InlineKeyboardButton,
  KeyboardButton,
  ReplyMarkup,
} from './types';

export interface ApiErrorParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ApiErrorParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

export type Params = Record<string, unknown>;

/** A file part of a multipart request, kept in memory. */
export interface UploadedFile {
  kind: 'upload';
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export function isUpload(v: unknown): v is UploadedFile {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'upload';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Form and query transports deliver everything as strings; JSON delivers real types.
// Normalising once means handlers and recorded calls see the same shapes either way.
const JSON_FIELDS: Record<string, string> = {
  reply_markup: "can't parse reply keyboard markup JSON object",
  entities: "can't parse entities JSON object",
  caption_entities: "can't parse entities JSON object",
  allowed_updates: "can't parse allowed_updates JSON object",
  commands: "can't parse BotCommand array JSON",
  scope: "can't parse BotCommandScope JSON object",
  reply_parameters: "can't parse ReplyParameters JSON object",
  link_preview_options: "can't parse link preview options JSON object",
  media: "can't parse InputMedia JSON object",
};
const INT_FIELDS = new Set([
  'chat_id', 'message_id', 'offset', 'limit', 'timeout', 'max_connections', 'duration', 'cache_time',
  'reply_to_message_id', 'width', 'height', 'user_id', 'message_thread_id',
]);
const BOOL_FIELDS = new Set([
  'show_alert', 'drop_pending_updates', 'disable_notification', 'protect_content',
  'disable_web_page_preview', 'allow_sending_without_reply', 'has_spoiler', 'supports_streaming',
]);

export function normalizeParams(raw: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && key in JSON_FIELDS && /^\s*[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value) as unknown;
      } catch {
        throw badRequest(JSON_FIELDS[key]);
      }
    } else if (typeof value === 'string' && INT_FIELDS.has(key) && /^-?\d+$/.test(value)) {
      out[key] = Number(value);
    } else if (typeof value === 'string' && BOOL_FIELDS.has(key) && /^(true|false)$/i.test(value)) {
      out[key] = value.toLowerCase() === 'true';
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function optString(p: Params, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function optInt(p: Params, key: string): number | undefined {
  const v = p[key];
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

export function optBool(p: Params, key: string): boolean {
  const v = p[key];
  return v === true || v === 'true' || v === 1;
}

/** chat_id is either a number or an "@channelusername" string. */
export function requireChatId(p: Params): number | string {
  const v = p.chat_id;
  if (v === undefined || v === '' || v === null) throw badRequest('chat_id is empty');
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^-?\d+$/.test(v) ? Number(v) : v;
  throw badRequest('chat not found');
}

export function requireMessageId(p: Params): number {
  const id = optInt(p, 'message_id');
  if (id === undefined) throw badRequest('message identifier is not specified');
  return id;
}

export type ParseMode = 'HTML' | 'MarkdownV2' | 'Markdown';

export function checkParseMode(p: Params): ParseMode | undefined {
  const v = optString(p, 'parse_mode');
  if (v === undefined || v === '') return undefined;
  // Telegram matches parse_mode case-insensitively.
  const found = (['HTML', 'MarkdownV2', 'Markdown'] as const).find((m) => m.toLowerCase() === v.toLowerCase());
  if (!found) throw badRequest('unsupported parse_mode');
  return found;
}

/** Length as Telegram counts it: UTF-16 code units of the text after markup is parsed. Entity
 * parsing is out of scope, so HTML tags/escapes and Markdown backslash escapes are stripped
 * approximately. */
export function visibleLength(text: string, parseMode: ParseMode | undefined): number {
  if (parseMode === 'HTML') {
    return text
      .replace(/<[^>]*>/g, '')
      .replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_').length;
  }
  if (parseMode === 'MarkdownV2' || parseMode === 'Markdown') {
    return text
      .replace(/(?<!\\)\[([^\]]*)\]\([^)]*\)/g, '$1') // [label](url) shows only the label
      .replace(/(?<!\\)[*_~|`]/g, '') // unescaped formatting characters are not shown
      .replace(/\\(.)/g, '$1').length;
  }
  return text.length;
}

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

export function checkText(p: Params, parseMode: ParseMode | undefined): string {
  const text = optString(p, 'text');
  // Telegram trims before checking, so whitespace-only text counts as empty.
  if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
  if (visibleLength(text, parseMode) > MAX_TEXT) throw badRequest('message is too long');
  return text;
}

export function checkCaption(p: Params, parseMode: ParseMode | undefined): string | undefined {
  const caption = optString(p, 'caption');
  if (caption === undefined || caption === '') return undefined;
  if (visibleLength(caption, parseMode) > MAX_CAPTION) throw badRequest('message caption is too long');
  return caption;
}

function checkInlineButton(b: unknown): InlineKeyboardButton {
  if (!isRecord(b) || typeof b.text !== 'string') {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (b.text === '') throw badRequest('BUTTON_TEXT_INVALID');
  if ('callback_data' in b) {
    const data = b.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
    return b as InlineKeyboardButton;
  }
  if (typeof b.url === 'string') {
    if (!/^(https?|tg):\/\/\S+$/i.test(b.url)) throw badRequest(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
    return b as InlineKeyboardButton;
  }
  const actions = ['login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'web_app', 'pay', 'callback_game', 'copy_text'];
  if (actions.some((a) => a in b)) return b as InlineKeyboardButton;
  throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
}

function checkKeyboardButton(b: unknown): KeyboardButton {
  if (typeof b === 'string') return { text: b };
  if (!isRecord(b) || typeof b.text !== 'string') {
    throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
  }
  return b as KeyboardButton;
}

function rowsOf(v: unknown, field: string): unknown[][] {
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row))) {
    throw badRequest(`can't parse reply keyboard markup JSON object: Field "${field}" must be of type Array`);
  }
  return v as unknown[][];
}

export function checkReplyMarkup(p: Params): ReplyMarkup | undefined {
  const m = p.reply_markup;
  if (m === undefined || m === '') return undefined;
  if (!isRecord(m)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in m) {
    return { ...m, inline_keyboard: rowsOf(m.inline_keyboard, 'inline_keyboard').map((row) => row.map(checkInlineButton)) };
  }
  if ('keyboard' in m) {
    const keyboard = rowsOf(m.keyboard, 'keyboard').map((row) => row.map(checkKeyboardButton));
    return { ...m, keyboard } as ReplyMarkup;
  }
  if (m.remove_keyboard === true) return { ...m, remove_keyboard: true };
  if (m.force_reply === true) return { ...m, force_reply: true };
  throw badRequest('object expected as reply markup');
}

export const SECRET_TOKEN_RE = /^[A-Za-z0-9_-]{1,256}$/;

export const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

export function defaultDescription(code: number, retryAfter?: number): string {
  switch (code) {
    case 429:
      return `Too Many Requests: retry after ${retryAfter ?? 1}`;
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 502:
      return 'Bad Gateway';
    default:
      return code >= 500 ? 'Internal Server Error' : `Error ${code}`;
  }
}
