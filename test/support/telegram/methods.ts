/** Bot API method implementations over DoubleState, plus the dispatcher that applies injected
 * faults and records every call. */
import { MAX_DOWNLOAD_BYTES, mimeFromFileName, type FileKind, type StoredFile } from './files';
import type { ChatState, DoubleState, StoredMessage } from './state';
import type {
  BotCommand,
  InlineKeyboardMarkup,
  RecordedCall,
  ReplyMarkup,
  TgMessage,
  UploadedFileInfo,
} from './types';
import {
  ApiError,
  badRequest,
  CHAT_ACTIONS,
  checkCaption,
  checkParseMode,
  checkReplyMarkup,
  checkText,
  defaultDescription,
  isRecord,
  isUpload,
  normalizeParams,
  optBool,
  optInt,
  optString,
  requireChatId,
  requireMessageId,
  SECRET_TOKEN_RE,
  type Params,
} from './validation';

export interface CallContext {
  /** aborted when the client closes the connection (used to drop long polls) */
  signal: AbortSignal;
  viaWebhookReply: boolean;
}

type Handler = (s: DoubleState, p: Params, ctx: CallContext) => unknown;

export interface Envelope {
  status: number;
  body: { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> };
}

/** No answer at all: the server closes the connection (FailOptions.resetConnection). */
export const RESET: Envelope = { status: 0, body: { ok: false, error_code: 0, description: 'connection reset' } };

/** Key-order-insensitive JSON, for "message is not modified" comparisons. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function resolveChat(s: DoubleState, p: Params): ChatState {
  const id = requireChatId(p);
  // Private chats cannot be addressed by @username, so string ids never resolve here.
  const chat = typeof id === 'number' ? s.chats.get(id) : undefined;
  if (!chat) throw badRequest('chat not found');
  return chat;
}

function ensureReachable(chat: ChatState): void {
  if (chat.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
}

function findMessage(chat: ChatState, id: number): StoredMessage | undefined {
  return chat.messages.find((m) => m.raw.message_id === id && !m.deleted);
}

function replyTarget(chat: ChatState, p: Params): TgMessage | undefined {
  const params = p.reply_parameters;
  const id = optInt(p, 'reply_to_message_id') ?? (isRecord(params) ? optInt(params, 'message_id') : undefined);
  if (id === undefined) return undefined;
  const target = findMessage(chat, id);
  const allowMissing = optBool(p, 'allow_sending_without_reply') || (isRecord(params) && optBool(params, 'allow_sending_without_reply'));
  if (!target && !allowMissing) throw badRequest('message to be replied not found');
  if (!target) return undefined;
  const { reply_to_message: _nested, ...flat } = target.raw;
  return structuredClone(flat);
}

function inlineOnly(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup && 'inline_keyboard' in markup ? markup : undefined;
}

function send(s: DoubleState, chat: ChatState, p: Params, content: Partial<TgMessage>, markup: ReplyMarkup | undefined, parseMode: string | undefined): TgMessage {
  const replyTo = replyTarget(chat, p);
  ensureReachable(chat);
  const raw: Omit<TgMessage, 'message_id'> = { from: { ...s.bot }, chat: { ...chat.chat }, date: s.unixNow(), ...content };
  if (replyTo) raw.reply_to_message = replyTo;
  const inline = inlineOnly(markup);
  if (inline) raw.reply_markup = inline;
  return structuredClone(s.addMessage(chat, raw, { fromBot: true, sentMarkup: markup, parseMode }).raw);
}

function sendMessage(s: DoubleState, p: Params): TgMessage {
  const chat = resolveChat(s, p);
  const parseMode = checkParseMode(p);
  const text = checkText(p, parseMode);
  const markup = checkReplyMarkup(p);
  const content: Partial<TgMessage> = { text };
  if (Array.isArray(p.entities)) content.entities = p.entities as TgMessage['entities'];
  return send(s, chat, p, content, markup, parseMode);
}

const KIND_NAME: Record<FileKind, string> = {
  photo: 'Photo', document: 'Document', voice: 'Voice', video: 'Video', audio: 'Audio', sticker: 'Sticker',
};

/** Resolve the media field: an upload, an `attach://name` reference, a URL or an existing file_id. */
function resolveMedia(s: DoubleState, p: Params, kind: FileKind): StoredFile {
  let input = p[kind];
  if (typeof input === 'string' && input.startsWith('attach://')) input = p[input.slice('attach://'.length)];
  if (input === undefined || input === '') throw badRequest(`there is no ${kind} in the request`);
  if (isUpload(input)) {
    const mimeType = input.mimeType === 'application/octet-stream' ? undefined : input.mimeType;
    if (kind === 'photo') {
      const sizes = s.files.addPhoto({ bytes: input.bytes });
      const largest = s.files.get(sizes[sizes.length - 1].file_id);
      if (!largest) throw new Error('photo store inconsistent');
      return largest;
    }
    return s.files.add(kind, {
      bytes: input.bytes,
      fileName: input.fileName,
      mimeType: mimeFromFileName(input.fileName, mimeType ?? '') || undefined,
      duration: optInt(p, 'duration') ?? (kind === 'document' ? undefined : 1),
      width: optInt(p, 'width'),
      height: optInt(p, 'height'),
    });
  }
  if (typeof input !== 'string') throw badRequest('wrong file identifier/HTTP URL specified');
  if (/^https?:\/\//i.test(input)) {
    // Telegram would download the URL; the double invents plausible content instead.
    const fileName = new URL(input).pathname.split('/').pop() || undefined;
    if (kind === 'photo') {
      const sizes = s.files.addPhoto({});
      const f = s.files.get(sizes[sizes.length - 1].file_id);
      if (!f) throw new Error('photo store inconsistent');
      return f;
    }
    return s.files.add(kind, { fileName, duration: kind === 'document' ? undefined : 1 });
  }
  const existing = s.files.get(input);
  if (!existing) throw badRequest('wrong file identifier/HTTP URL specified');
  // Telegram lets any file be re-sent as a document, but not e.g. a voice note as a photo.
  if (existing.kind !== kind && kind !== 'document') throw badRequest(`can't use file of type ${KIND_NAME[existing.kind]} as ${KIND_NAME[kind]}`);
  return existing;
}

function mediaContent(kind: FileKind, f: StoredFile): Partial<TgMessage> {
  const base = { file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size };
  switch (kind) {
    case 'photo':
      return { photo: f.photoSizes ?? [{ ...base, width: f.width ?? 800, height: f.height ?? 600 }] };
    case 'document':
      return { document: { ...base, file_name: f.fileName ?? f.filePath.split('/').pop(), mime_type: f.mimeType } };
    case 'voice':
      return { voice: { ...base, duration: f.duration ?? 1, mime_type: f.mimeType } };
    case 'audio':
      return { audio: { ...base, duration: f.duration ?? 1, mime_type: f.mimeType, file_name: f.fileName } };
    case 'video':
      return { video: { ...base, duration: f.duration ?? 1, width: f.width ?? 1280, height: f.height ?? 720, mime_type: f.mimeType, file_name: f.fileName } };
    case 'sticker':
      return { sticker: { ...base, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } };
  }
}

function sendMedia(kind: FileKind): Handler {
  return (s, p) => {
    const chat = resolveChat(s, p);
    const parseMode = checkParseMode(p);
    const caption = checkCaption(p, parseMode);
    const markup = checkReplyMarkup(p);
    const file = resolveMedia(s, p, kind);
    const content = mediaContent(kind, file);
    if (caption !== undefined) content.caption = caption;
    if (Array.isArray(p.caption_entities)) content.caption_entities = p.caption_entities as TgMessage['caption_entities'];
    return send(s, chat, p, content, markup, parseMode);
  };
}

function editable(s: DoubleState, p: Params): { chat: ChatState; m: StoredMessage } {
  if (p.inline_message_id !== undefined) throw badRequest('inline messages are not supported by the TelegramDouble');
  const chat = resolveChat(s, p);
  const m = findMessage(chat, requireMessageId(p));
  if (!m) throw badRequest('message to edit not found');
  if (!m.fromBot) throw badRequest("message can't be edited");
  return { chat, m };
}

const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function editInlineMarkup(p: Params): InlineKeyboardMarkup | undefined {
  const markup = checkReplyMarkup(p);
  if (markup && !('inline_keyboard' in markup)) throw badRequest('inline keyboard expected');
  return markup;
}

/** Apply an edit in place. Omitting reply_markup removes an inline keyboard, as in Telegram. */
function applyEdit(s: DoubleState, chat: ChatState, m: StoredMessage, changes: Partial<TgMessage>, markup: InlineKeyboardMarkup | undefined, parseMode?: string | null): TgMessage {
  Object.assign(m.raw, changes);
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete (m.raw as unknown as Record<string, unknown>)[k];
  if (markup) m.raw.reply_markup = markup;
  else delete m.raw.reply_markup;
  if (markup || (m.sentMarkup && 'inline_keyboard' in m.sentMarkup)) m.sentMarkup = markup;
  if (parseMode !== null) m.parseMode = parseMode;
  m.raw.edit_date = s.unixNow();
  m.edited = true;
  s.notify(chat, m);
  return structuredClone(m.raw);
}

function sameMarkup(m: StoredMessage, markup: InlineKeyboardMarkup | undefined): boolean {
  return stableJson(m.raw.reply_markup ?? null) === stableJson(markup ?? null);
}

function editMessageText(s: DoubleState, p: Params): TgMessage {
  const { chat, m } = editable(s, p);
  const parseMode = checkParseMode(p);
  const text = checkText(p, parseMode);
  const markup = editInlineMarkup(p);
  if (m.raw.text === undefined) throw badRequest('there is no text in the message to edit');
  if (text === m.raw.text && sameMarkup(m, markup)) throw badRequest(NOT_MODIFIED);
  ensureReachable(chat);
  const entities = Array.isArray(p.entities) ? (p.entities as TgMessage['entities']) : undefined;
  return applyEdit(s, chat, m, { text, entities }, markup, parseMode);
}

function editMessageCaption(s: DoubleState, p: Params): TgMessage {
  const { chat, m } = editable(s, p);
  const parseMode = checkParseMode(p);
  const caption = checkCaption(p, parseMode);
  const markup = editInlineMarkup(p);
  if (m.raw.text !== undefined) throw badRequest('there is no caption in the message to edit');
  if (caption === m.raw.caption && sameMarkup(m, markup)) throw badRequest(NOT_MODIFIED);
  ensureReachable(chat);
  return applyEdit(s, chat, m, { caption }, markup, parseMode);
}

function editMessageReplyMarkup(s: DoubleState, p: Params): TgMessage {
  const { chat, m } = editable(s, p);
  const markup = editInlineMarkup(p);
  if (sameMarkup(m, markup)) throw badRequest(NOT_MODIFIED);
  ensureReachable(chat);
  return applyEdit(s, chat, m, {}, markup, null);
}

function deleteMessage(s: DoubleState, p: Params): true {
  const chat = resolveChat(s, p);
  const m = findMessage(chat, requireMessageId(p));
  if (!m) throw badRequest('message to delete not found');
  m.deleted = true;
  return true;
}

function answerCallbackQuery(s: DoubleState, p: Params): true {
  const id = optString(p, 'callback_query_id');
  const q = id === undefined ? undefined : s.callbackQueries.get(id);
  if (!q || q.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
  q.answered = true;
  const chat = s.chats.get(q.chatId);
  chat?.callbackAnswers.push({
    callbackQueryId: q.id,
    data: q.data,
    text: optString(p, 'text'),
    showAlert: optBool(p, 'show_alert'),
    url: optString(p, 'url'),
  });
  return true;
}

function sendChatAction(s: DoubleState, p: Params): true {
  const chat = resolveChat(s, p);
  const action = optString(p, 'action');
  if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  ensureReachable(chat);
  chat.chatActions.push(action);
  return true;
}

function getFile(s: DoubleState, p: Params): unknown {
  const id = optString(p, 'file_id');
  const f = id === undefined ? undefined : s.files.get(id);
  if (!f) throw badRequest('invalid file_id');
  if (f.size > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
  return { file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size, file_path: f.filePath };
}

function setWebhook(s: DoubleState, p: Params): true {
  const url = optString(p, 'url') ?? '';
  const drop = optBool(p, 'drop_pending_updates');
  if (url === '') {
    s.hub.deleteWebhook(drop);
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  // Telegram insists on HTTPS; the double also accepts plain http for loopback test servers.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const secret = optString(p, 'secret_token');
  if (secret !== undefined && secret !== '' && !SECRET_TOKEN_RE.test(secret)) throw badRequest('secret token contains unallowed characters');
  const maxConnections = optInt(p, 'max_connections') ?? 40;
  if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
  const allowed = Array.isArray(p.allowed_updates)
    ? p.allowed_updates.filter((a): a is string => typeof a === 'string')
    : (s.hub.webhook?.allowedUpdates ?? null);
  s.hub.setWebhook({ url, secretToken: secret || null, allowedUpdates: allowed, maxConnections }, drop);
  return true;
}

function getWebhookInfo(s: DoubleState): unknown {
  const wh = s.hub.webhook;
  const info: Record<string, unknown> = { url: wh?.url ?? '', has_custom_certificate: false, pending_update_count: s.hub.pendingCount };
  if (wh) {
    info.max_connections = wh.maxConnections;
    if (wh.allowedUpdates) info.allowed_updates = wh.allowedUpdates;
    if (wh.lastErrorDate !== undefined) {
      info.last_error_date = wh.lastErrorDate;
      info.last_error_message = wh.lastErrorMessage;
    }
  }
  return info;
}

function commandsKey(p: Params): string {
  const scope = isRecord(p.scope) ? p.scope : { type: 'default' };
  return `${stableJson(scope)}|${optString(p, 'language_code') ?? ''}`;
}

function setMyCommands(s: DoubleState, p: Params): true {
  const list = p.commands;
  if (!Array.isArray(list)) throw badRequest("can't parse BotCommand array JSON");
  if (list.length > 100) throw badRequest('too many commands');
  const commands: BotCommand[] = list.map((c: unknown) => {
    if (!isRecord(c) || typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    return { command: c.command, description: c.description };
  });
  s.commands.set(commandsKey(p), commands);
  return true;
}

function getChat(s: DoubleState, p: Params): unknown {
  const chat = resolveChat(s, p);
  return { ...chat.chat, accent_color_id: 0, max_reaction_count: 11 };
}

const HANDLERS = new Map<string, Handler>(
  Object.entries<Handler>({
    getMe: (s) => ({ ...s.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false }),
    sendMessage,
    editMessageText,
    editMessageCaption,
    editMessageReplyMarkup,
    deleteMessage,
    answerCallbackQuery,
    sendPhoto: sendMedia('photo'),
    sendDocument: sendMedia('document'),
    sendVideo: sendMedia('video'),
    sendVoice: sendMedia('voice'),
    sendAudio: sendMedia('audio'),
    sendSticker: sendMedia('sticker'),
    sendChatAction,
    getFile,
    setWebhook,
    deleteWebhook: (s, p) => {
      s.hub.deleteWebhook(optBool(p, 'drop_pending_updates'));
      return true;
    },
    getWebhookInfo,
    getUpdates: (s, p, ctx) => s.hub.getUpdates(optInt(p, 'offset'), optInt(p, 'limit') ?? 100, optInt(p, 'timeout') ?? 0, p.allowed_updates, ctx.signal),
    setMyCommands,
    getMyCommands: (s, p) => s.commands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (s, p) => {
      s.commands.delete(commandsKey(p));
      return true;
    },
    getChat,
  }).map(([name, h]) => [name.toLowerCase(), h]),
);

function summarize(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = isUpload(v) ? ({ upload: true, fileName: v.fileName, mimeType: v.mimeType, size: v.bytes.length } satisfies UploadedFileInfo) : v;
  }
  return out;
}

/** Run one Bot API call: fault injection, validation, execution, recording, envelope. */
export async function callMethod(s: DoubleState, method: string, rawParams: Params, ctx: CallContext): Promise<Envelope> {
  const handler = HANDLERS.get(method.toLowerCase());
  const call: RecordedCall = { method, params: summarize(rawParams), at: Date.now(), ok: false, viaWebhookReply: ctx.viaWebhookReply };
  s.record(call);
  try {
    if (!handler) throw new ApiError(404, 'Not Found');
    const params = normalizeParams(rawParams);
    call.params = summarize(params);
    const fail = s.takeFailure(method, typeof params.chat_id === 'number' ? params.chat_id : undefined);
    if (fail?.resetConnection) return RESET;
    if (fail) {
      throw new ApiError(fail.errorCode, fail.description ?? defaultDescription(fail.errorCode, fail.retryAfter),
        fail.retryAfter !== undefined ? { retry_after: fail.retryAfter } : undefined);
    }
    const retryAfter = s.limits?.check(method, typeof params.chat_id === 'number' ? params.chat_id : undefined, s.limits.now()) ?? 0;
    if (retryAfter > 0) throw new ApiError(429, defaultDescription(429, retryAfter), { retry_after: retryAfter });
    const out = handler(s, params, ctx);
    // A sync handler's call is marked done before any await: a waiter its message wakes (a test's
    // waitForMessage) must find the call finished, not still `ok: false`.
    const result = out instanceof Promise ? await out : out;
    call.ok = true;
    return { status: 200, body: { ok: true, result } };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    call.errorCode = e.errorCode;
    call.description = e.description;
    const body: Envelope['body'] = { ok: false, error_code: e.errorCode, description: e.description };
    if (e.parameters) body.parameters = { ...e.parameters };
    return { status: e.errorCode, body };
  }
}
