/**
 * The playground's chat page and its small JSON API over the Telegram double's person API.
 *
 *   GET  /                              the page (chat-page/index.html, chat.js, chat.css)
 *   GET  /api/bot                       the bot's display name and username
 *   POST /api/users                     {firstName, languageCode, phone?} -> {id}
 *   GET  /api/users/:id/chat            the chat as the person sees it (snapshot)
 *   GET  /api/users/:id/events          server-sent events: a snapshot whenever the chat changes
 *   POST /api/users/:id/text            {text}
 *   POST /api/users/:id/press           {data}: an inline button's callback_data
 *   POST /api/users/:id/keyboard        {text}: a reply-keyboard button (contact buttons share the phone)
 *   POST /api/users/:id/contact         {phone?}
 *   POST /api/users/:id/location        {latitude, longitude}
 *   POST /api/users/:id/photo?caption=  raw image bytes (the page sends a JPEG)
 *   POST /api/users/:id/document?name=&caption=  raw bytes with their Content-Type
 *   GET  /api/users/:id/files/:fileId   bytes of a file shown in that chat
 *
 * Actions answer once the bot has handled the update (or with the error); the page does not wait
 * for them, it follows the event stream. The bot token never reaches the browser: files are
 * fetched from the double server-side.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BotMessage, InlineKeyboardMarkup, KeyboardButton, ReplyMarkup, TelegramDouble, TelegramUser } from '../test/support/telegram';

export interface ChatServerOptions {
  tg: TelegramDouble;
  /** default 0 (any free port) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** how often open event streams look for changes (default 150 ms) */
  pollMs?: number;
}

export interface ChatServer {
  url: string;
  port: number;
  /** People created through the page, by id (tests may act on them directly). */
  users(): TelegramUser[];
  stop(): Promise<void>;
}

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const PAGE_DIR = join(__dirname, 'chat-page');
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/chat.js': { file: 'chat.js', type: 'text/javascript; charset=utf-8' },
  '/chat.css': { file: 'chat.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
};

type OutgoingContent =
  | { kind: 'text'; text: string }
  | { kind: 'contact'; phone: string; name: string }
  | { kind: 'location'; latitude: number; longitude: number }
  | { kind: 'photo'; fileId?: string; caption?: string; width?: number; height?: number }
  | { kind: 'document'; fileId?: string; fileName: string; caption?: string };

/** Something the person sent, in the order sent. */
interface Outgoing {
  seq: number;
  /** newest bot message id when it was sent: it sorts right after that message */
  afterId: number;
  date: number;
  status: 'sending' | 'sent' | 'failed';
  error?: string;
  content: OutgoingContent;
}

interface Person {
  user: TelegramUser;
  languageCode: string;
  phone: string;
  outgoing: Outgoing[];
  /** bytes of files this person uploaded, by file_id */
  uploads: Map<string, { bytes: Buffer; type: string }>;
  subscribers: Set<http.ServerResponse>;
  lastSent: string;
  /** sendChatAction: "typing…" shows for 5 s or until the bot's next message */
  actionsSeen: number;
  typingUntil: number;
  botMessagesAtTyping: number;
}

export interface ChatItemButton {
  text: string;
  data?: string;
  url?: string;
}

export interface ChatItem {
  key: string;
  from: 'bot' | 'me';
  date: number;
  edited?: boolean;
  text?: string;
  caption?: string;
  parseMode?: string;
  entities?: BotMessage['entities'];
  photo?: { url: string; width?: number; height?: number };
  file?: { url: string; name: string; kind: string };
  contact?: { phone: string; name: string };
  location?: { latitude: number; longitude: number };
  inlineKeyboard?: ChatItemButton[][];
  status?: Outgoing['status'];
  error?: string;
}

export interface ReplyKeyboardView {
  /** id of the bot message that brought it (a new keyboard = a new id) */
  messageId: number;
  rows: { text: string; kind: 'text' | 'contact' | 'location' }[][];
  oneTime: boolean;
  placeholder?: string;
}

export interface ChatSnapshot {
  user: { id: number; firstName: string; languageCode: string; phone: string };
  items: ChatItem[];
  replyKeyboard: ReplyKeyboardView | null;
  placeholder?: string;
  /** the bot sent a chat action (e.g. typing) and no message since */
  action?: string;
  /** the bot's command list for this person's language (Telegram's "Menu" button) */
  commands: { command: string; description: string }[];
  /** answerCallbackQuery texts, oldest first: the page shows the new ones as toasts */
  callbackAnswers: { text: string; showAlert: boolean }[];
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function randomKenyanPhone(): string {
  return `+2547${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw new HttpError(413, `upload larger than ${Math.round(limit / 1024 / 1024)} MB`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 64 * 1024);
  try {
    const v: unknown = JSON.parse(raw.toString('utf8') || '{}');
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'expected a JSON object');
}

function str(body: Record<string, unknown>, key: string, opts: { max?: number; optional?: boolean } = {}): string {
  const v = body[key];
  if (v === undefined && opts.optional) return '';
  if (typeof v !== 'string') throw new HttpError(400, `${key} must be a string`);
  if (v.length > (opts.max ?? 4096)) throw new HttpError(400, `${key} is too long`);
  return v;
}

function num(body: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = body[key];
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) throw new HttpError(400, `${key} must be a number between ${min} and ${max}`);
  return n;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function activeReplyKeyboard(all: BotMessage[]): ReplyKeyboardView | null {
  for (let i = all.length - 1; i >= 0; i--) {
    const m = all[i];
    const markup: ReplyMarkup | undefined = m.replyMarkup;
    if (!markup) continue;
    if ('remove_keyboard' in markup) return null;
    if ('keyboard' in markup) {
      return {
        messageId: m.messageId,
        rows: markup.keyboard.map((row: KeyboardButton[]) =>
          row.map((b) => ({ text: b.text, kind: b.request_contact ? 'contact' : b.request_location ? 'location' : 'text' })),
        ),
        oneTime: markup.one_time_keyboard === true,
        ...(markup.input_field_placeholder ? { placeholder: markup.input_field_placeholder } : {}),
      };
    }
  }
  return null;
}

function inlineRows(markup: ReplyMarkup | undefined): ChatItemButton[][] | undefined {
  if (!markup || !('inline_keyboard' in markup)) return undefined;
  return (markup as InlineKeyboardMarkup).inline_keyboard.map((row) =>
    row.map((b) => ({ text: b.text, ...(b.callback_data !== undefined ? { data: b.callback_data } : {}), ...(typeof b.url === 'string' ? { url: b.url } : {}) })),
  );
}

export async function startChatServer(opts: ChatServerOptions): Promise<ChatServer> {
  const { tg } = opts;
  const people = new Map<number, Person>();
  /** file_id -> bytes downloaded from the double (bot-sent media) */
  const fileCache = new Map<string, Promise<{ bytes: Buffer; type: string }>>();
  let seq = 0;
  let stopping = false;

  const fileUrl = (userId: number, fileId: string) => `/api/users/${userId}/files/${encodeURIComponent(fileId)}`;

  function snapshot(p: Person): ChatSnapshot {
    const all = p.user.messages({ includeDeleted: true });
    const items: (ChatItem & { sort: [number, number] })[] = [];
    for (const m of all) {
      if (m.deleted) continue;
      const r = m.raw;
      const item: ChatItem & { sort: [number, number] } = { key: `b${m.messageId}`, from: 'bot', date: r.date, sort: [m.messageId, 0] };
      if (m.edited) item.edited = true;
      if (m.text !== undefined) item.text = m.text;
      if (m.caption !== undefined) item.caption = m.caption;
      if (m.parseMode) item.parseMode = m.parseMode;
      if (m.entities) item.entities = m.entities;
      const largest = r.photo?.[r.photo.length - 1];
      if (largest) item.photo = { url: fileUrl(p.user.id, largest.file_id), width: largest.width, height: largest.height };
      const media = r.document ?? r.video ?? r.voice ?? r.audio;
      if (media) {
        const kind = r.document ? 'document' : r.video ? 'video' : r.voice ? 'voice' : 'audio';
        const name = ('file_name' in media && typeof media.file_name === 'string' ? media.file_name : undefined) ?? kind;
        item.file = { url: fileUrl(p.user.id, media.file_id), name, kind };
      }
      if (r.location) item.location = { latitude: r.location.latitude, longitude: r.location.longitude };
      if (r.contact) item.contact = { phone: r.contact.phone_number, name: r.contact.first_name };
      const rows = inlineRows(m.replyMarkup);
      if (rows) item.inlineKeyboard = rows;
      items.push(item);
    }
    for (const o of p.outgoing) {
      const c = o.content;
      const item: ChatItem & { sort: [number, number] } = { key: `u${o.seq}`, from: 'me', date: o.date, status: o.status, sort: [o.afterId + 0.5, o.seq] };
      if (o.error) item.error = o.error;
      if (c.kind === 'text') item.text = c.text;
      else if (c.kind === 'contact') item.contact = { phone: c.phone, name: c.name };
      else if (c.kind === 'location') item.location = { latitude: c.latitude, longitude: c.longitude };
      else if (c.kind === 'photo') {
        if (c.fileId) item.photo = { url: fileUrl(p.user.id, c.fileId), width: c.width, height: c.height };
        if (c.caption) item.caption = c.caption;
      } else {
        item.file = { url: c.fileId ? fileUrl(p.user.id, c.fileId) : '', name: c.fileName, kind: 'document' };
        if (c.caption) item.caption = c.caption;
      }
      items.push(item);
    }
    items.sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1]);
    const keyboard = activeReplyKeyboard(all);
    const info = p.user.info;
    const actions = p.user.chatActions();
    if (actions.length > p.actionsSeen) {
      p.actionsSeen = actions.length;
      p.typingUntil = Date.now() + 5000;
      p.botMessagesAtTyping = all.length;
    }
    const action = Date.now() < p.typingUntil && all.length === p.botMessagesAtTyping ? actions[actions.length - 1] : undefined;
    return {
      user: { id: p.user.id, firstName: info.first_name, languageCode: p.languageCode, phone: p.phone },
      items: items.map(({ sort: _sort, ...rest }) => rest),
      replyKeyboard: keyboard,
      ...(keyboard?.placeholder ? { placeholder: keyboard.placeholder } : {}),
      ...(action ? { action } : {}),
      commands: commandsFor(p.languageCode),
      callbackAnswers: p.user.callbackAnswerDetails().map((a) => ({ text: a.text ?? '', showAlert: a.showAlert })),
    };
  }

  /** As Telegram picks them: private-chat scope, then default scope; the person's language first. */
  function commandsFor(languageCode: string): { command: string; description: string }[] {
    for (const scope of [{ type: 'all_private_chats' }, { type: 'default' }]) {
      for (const lang of [languageCode, '']) {
        const list = tg.commands({ scope, ...(lang ? { languageCode: lang } : {}) });
        if (list.length) return list;
      }
    }
    return [];
  }

  function push(p: Person, force = false): void {
    if (p.subscribers.size === 0) return;
    const json = JSON.stringify(snapshot(p));
    if (!force && json === p.lastSent) return;
    p.lastSent = json;
    for (const res of p.subscribers) res.write(`event: chat\ndata: ${json}\n\n`);
  }

  // Bot messages, edits, deletions and callback answers all happen inside the double; a cheap
  // comparison of snapshots finds them without hooking into its internals.
  const poller = setInterval(() => {
    for (const p of people.values()) push(p);
  }, opts.pollMs ?? 150);
  const heartbeat = setInterval(() => {
    for (const p of people.values()) for (const res of p.subscribers) res.write(': keep-alive\n\n');
  }, 15_000);

  function person(idText: string): Person {
    const p = people.get(Number(idText));
    if (!p) throw new HttpError(404, 'no such chat: create one with POST /api/users');
    return p;
  }

  /** Records what the person sent, runs the action and marks it sent or failed. */
  async function act(p: Person, content: OutgoingContent | null, run: (o: Outgoing | null) => Promise<void>): Promise<void> {
    let o: Outgoing | null = null;
    if (content) {
      const bot = p.user.messages({ includeDeleted: true });
      o = { seq: ++seq, afterId: bot.length ? bot[bot.length - 1].messageId : 0, date: Math.floor(Date.now() / 1000), status: 'sending', content };
      p.outgoing.push(o);
    }
    try {
      await run(o);
      if (o) o.status = 'sent';
    } catch (err) {
      if (o) {
        o.status = 'failed';
        o.error = errorText(err);
      }
      throw new HttpError(502, errorText(err));
    } finally {
      push(p);
    }
  }

  async function download(fileId: string): Promise<{ bytes: Buffer; type: string }> {
    let cached = fileCache.get(fileId);
    if (!cached) {
      cached = (async () => {
        const res = await fetch(`${tg.apiRoot}/bot${tg.token}/getFile?file_id=${encodeURIComponent(fileId)}`);
        const body = (await res.json()) as { ok: boolean; result?: { file_path?: string }; description?: string };
        if (!body.ok || !body.result?.file_path) throw new HttpError(404, body.description ?? 'file not found');
        const file = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${body.result.file_path}`);
        if (!file.ok) throw new HttpError(404, 'file not found');
        return { bytes: Buffer.from(await file.arrayBuffer()), type: file.headers.get('content-type') ?? 'application/octet-stream' };
      })();
      fileCache.set(fileId, cached);
      cached.catch(() => fileCache.delete(fileId));
    }
    return cached;
  }

  function chatHasFile(p: Person, fileId: string): boolean {
    if (p.uploads.has(fileId)) return true;
    return p.user.messages().some((m) => {
      const r = m.raw;
      return (
        r.photo?.some((s) => s.file_id === fileId) ||
        [r.document, r.video, r.voice, r.audio].some((f) => f?.file_id === fileId)
      );
    });
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const page = STATIC[path];
    if (page && method === 'GET') {
      const body = await readFile(join(PAGE_DIR, page.file));
      res.writeHead(200, {
        'content-type': page.type,
        'cache-control': 'no-cache',
        // The page only talks to this server; images are served by it too (or are data: previews).
        'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'",
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
      return;
    }
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/api/bot' && method === 'GET') {
      const me = (await (await fetch(`${tg.apiRoot}/bot${tg.token}/getMe`)).json()) as { result?: { first_name?: string; username?: string } };
      return sendJson(res, 200, { name: me.result?.first_name ?? 'Bot', username: me.result?.username ?? tg.botUsername });
    }
    if (path === '/api/users' && method === 'POST') {
      const body = await readJson(req);
      const firstName = str(body, 'firstName', { max: 64 }).trim();
      if (!firstName) throw new HttpError(400, 'firstName is required');
      const languageCode = str(body, 'languageCode', { max: 8, optional: true }) || 'en';
      const phone = str(body, 'phone', { max: 20, optional: true }).trim() || randomKenyanPhone();
      if (!/^\+?\d{7,15}$/.test(phone)) throw new HttpError(400, 'phone must be 7-15 digits, optionally with a leading +');
      const user = tg.user({ firstName, languageCode });
      people.set(user.id, { user, languageCode, phone, outgoing: [], uploads: new Map(), subscribers: new Set(), lastSent: '', actionsSeen: 0, typingUntil: 0, botMessagesAtTyping: 0 });
      return sendJson(res, 201, { id: user.id });
    }

    const m = /^\/api\/users\/(\d+)\/([a-z]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) throw new HttpError(404, 'not found');
    const p = person(m[1]);
    const action = m[2];

    if (action === 'chat' && method === 'GET') return sendJson(res, 200, snapshot(p));
    if (action === 'events' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 1000\n\n');
      p.subscribers.add(res);
      req.on('close', () => p.subscribers.delete(res));
      push(p, true);
      return;
    }
    if (action === 'files' && method === 'GET' && m[3]) {
      const fileId = decodeURIComponent(m[3]);
      if (!chatHasFile(p, fileId)) throw new HttpError(404, 'no such file in this chat');
      const f = p.uploads.get(fileId) ?? (await download(fileId));
      res.writeHead(200, { 'content-type': f.type, 'content-length': f.bytes.length, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
      res.end(f.bytes);
      return;
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');

    switch (action) {
      case 'text': {
        const text = str(await readJson(req), 'text');
        if (!text.trim()) throw new HttpError(400, 'text is empty');
        await act(p, { kind: 'text', text }, async () => {
          await p.user.sendText(text);
        });
        break;
      }
      case 'press': {
        const data = str(await readJson(req), 'data', { max: 64 });
        await act(p, null, () => p.user.press(data));
        break;
      }
      case 'keyboard': {
        const text = str(await readJson(req), 'text');
        const kb = activeReplyKeyboard(p.user.messages({ includeDeleted: true }));
        const button = kb?.rows.flat().find((b) => b.text === text);
        if (!button) throw new HttpError(409, `no keyboard button "${text}" is shown`);
        if (button.kind === 'location') throw new HttpError(400, 'this button shares a location: POST /location');
        if (button.kind === 'contact') {
          await act(p, { kind: 'contact', phone: p.phone, name: p.user.info.first_name }, async () => {
            await p.user.shareContact(p.phone);
          });
        } else {
          await act(p, { kind: 'text', text }, async () => {
            await p.user.sendText(text);
          });
        }
        break;
      }
      case 'contact': {
        const body = await readJson(req);
        const phone = str(body, 'phone', { max: 20, optional: true }).trim() || p.phone;
        if (!/^\+?\d{7,15}$/.test(phone)) throw new HttpError(400, 'phone must be 7-15 digits, optionally with a leading +');
        await act(p, { kind: 'contact', phone, name: p.user.info.first_name }, async () => {
          await p.user.shareContact(phone);
        });
        break;
      }
      case 'location': {
        const body = await readJson(req);
        const latitude = num(body, 'latitude', -90, 90);
        const longitude = num(body, 'longitude', -180, 180);
        await act(p, { kind: 'location', latitude, longitude }, async () => {
          await p.user.shareLocation(latitude, longitude);
        });
        break;
      }
      case 'photo': {
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        if (bytes.length === 0) throw new HttpError(400, 'empty photo');
        const caption = url.searchParams.get('caption') ?? '';
        const width = Number(url.searchParams.get('width')) || undefined;
        const height = Number(url.searchParams.get('height')) || undefined;
        const type = req.headers['content-type'] ?? 'image/jpeg';
        // The person's own uploads are served from here under a local key, at once (the bot sees
        // them in the double's file store under the file_id sendPhoto creates).
        const localId = `upload-${++seq}`;
        p.uploads.set(localId, { bytes, type });
        const content: OutgoingContent = { kind: 'photo', fileId: localId, width, height, ...(caption ? { caption } : {}) };
        await act(p, content, async () => {
          await p.user.sendPhoto({ bytes, width, height, ...(caption ? { caption } : {}) });
        });
        break;
      }
      case 'document': {
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        const fileName = (url.searchParams.get('name') ?? 'file').slice(0, 128) || 'file';
        const caption = url.searchParams.get('caption') ?? '';
        const mimeType = req.headers['content-type'] || 'application/octet-stream';
        const localId = `upload-${++seq}`;
        p.uploads.set(localId, { bytes, type: mimeType });
        const content: OutgoingContent = { kind: 'document', fileId: localId, fileName, ...(caption ? { caption } : {}) };
        await act(p, content, async () => {
          await p.user.sendDocument({ bytes, fileName, mimeType, ...(caption ? { caption } : {}) });
        });
        break;
      }
      default:
        throw new HttpError(404, 'not found');
    }
    sendJson(res, 200, { ok: true });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      const status = err instanceof HttpError ? err.status : 500;
      sendJson(res, status, { ok: false, error: errorText(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    users: () => [...people.values()].map((p) => p.user),
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(poller);
      clearInterval(heartbeat);
      for (const p of people.values()) for (const res of p.subscribers) res.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
