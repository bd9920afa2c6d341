/** HTTP front of the double: routes `/bot<token>/<method>` and `/file/bot<token>/<path>`, parses
 * query strings plus JSON, urlencoded and multipart bodies, and answers in Telegram's envelope. */
import busboy from 'busboy';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { callMethod, RESET, type Envelope } from './methods';
import type { DoubleState } from './state';
import type { RecordedCall } from './types';
import { badRequest, isRecord, type Params, type UploadedFile } from './validation';

/**
 * A stream's bytes, read through its events: `for await` made an async iterator and its promises
 * for every request, a measurable share of the double's CPU under the benchmark's load.
 */
function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    stream.on('data', (chunk: unknown) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))));
    stream.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    stream.once('error', reject);
    // A client that goes away mid-body: no 'end', and not always an 'error'.
    stream.once('close', () => {
      if (!ended) reject(new Error('request closed before its body was read'));
    });
  });
}

function parseMultipart(stream: Readable, contentType: string): Promise<Params> {
  return new Promise((resolve, reject) => {
    const params: Params = {};
    const pendingFiles: Promise<void>[] = [];
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: 60 * 1024 * 1024 } });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    bb.on('field', (name, value) => {
      params[name] = value;
    });
    bb.on('file', (name, file, info) => {
      pendingFiles.push(
        readAll(file).then((bytes) => {
          const upload: UploadedFile = { kind: 'upload', fileName: info.filename || name, mimeType: info.mimeType, bytes };
          params[name] = upload;
        }),
      );
    });
    bb.on('error', reject);
    bb.on('close', () => {
      Promise.all(pendingFiles).then(() => resolve(params), reject);
    });
    stream.pipe(bb);
  });
}

/** Parse any body Telegram accepts; also used for webhook replies. */
export async function parseBody(stream: Readable, contentType: string | undefined): Promise<Params> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data' && contentType) {
    return parseMultipart(stream, contentType);
  }
  const raw = await readAll(stream);
  if (raw.length === 0) return {};
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  // Telegram treats unknown content types as JSON when they parse as such.
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    if (type === 'application/json') throw badRequest("can't parse JSON object");
    return {};
  }
  if (!isRecord(parsed)) throw badRequest("can't parse JSON object");
  return parsed;
}

function writeJson(res: http.ServerResponse, env: Envelope): void {
  const body = JSON.stringify(env.body);
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(env.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const fail = (status: number, description: string): Envelope => ({ status, body: { ok: false, error_code: status, description } });

export interface RunningServer {
  port: number;
  /** TCP connections accepted so far (the benchmark counts how many calls reuse one). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startServer(state: DoubleState): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    void handle(state, req, res).catch((e: unknown) => {
      console.error('TelegramDouble internal error', e);
      writeJson(res, fail(500, 'Internal Server Error'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let connections = 0;
  server.on('connection', () => connections++);
  return {
    port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Long polls and keep-alive sockets would otherwise keep close() waiting.
        server.closeAllConnections();
      }),
  };
}

async function handle(state: DoubleState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (file) {
    if (decodeURIComponent(file[1]) !== state.token) return writeJson(res, fail(401, 'Unauthorized'));
    const stored = state.files.getByPath(decodeURIComponent(file[2]));
    if (!stored) return writeJson(res, fail(404, 'Not Found'));
    const bytes = stored.bytes();
    res.writeHead(200, { 'content-type': stored.mimeType, 'content-length': bytes.length });
    res.end(bytes);
    return;
  }
  const api = /^\/bot([^/]+)\/([^/]*)\/?$/.exec(url.pathname);
  if (!api) return writeJson(res, fail(404, 'Not Found'));
  if (decodeURIComponent(api[1]) !== state.token) return writeJson(res, fail(401, 'Unauthorized'));
  const method = api[2];
  let params: Params;
  try {
    const body = req.method === 'GET' || req.method === 'HEAD' ? {} : await parseBody(req, req.headers['content-type']);
    params = { ...Object.fromEntries(url.searchParams), ...body };
    delete params.method; // telegraf repeats the method name as a multipart field
  } catch (e) {
    const description = e instanceof Error && e.message.startsWith('Bad Request') ? e.message : "Bad Request: can't parse request body";
    return writeJson(res, fail(400, description));
  }
  // Only a client that left before its answer cancels the call (a long poll). The signal is made
  // when a method asks for it (getUpdates): a controller per call, and an abort after every
  // answer (a DOMException with its stack), were a measurable share of the double's CPU.
  let controller: AbortController | undefined;
  res.on('close', () => {
    if (!res.writableFinished) controller?.abort();
  });
  const ctx = {
    get signal() {
      controller ??= new AbortController();
      return controller.signal;
    },
    viaWebhookReply: false,
  };
  // callMethod records the call before its first await: this one's place in the record.
  const at = state.recorded.length;
  const env = await callMethod(state, method, params, ctx);
  if (env === RESET) {
    req.socket.destroy();
    return;
  }
  if (state.apiDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.apiDelayMs));
  await heldBack(state, state.recorded[at]);
  writeJson(res, env);
}

/** The answer to this call waits while a test holds it (TelegramDouble.holdAnswer): the call itself has run. */
async function heldBack(state: DoubleState, call: RecordedCall | undefined): Promise<void> {
  if (!state.holds.length || !call) return;
  const i = state.holds.findIndex((h) => h.method === call.method.toLowerCase() && h.matches(call));
  if (i < 0) return;
  const [hold] = state.holds.splice(i, 1);
  hold.reached(call);
  await hold.gate;
}

/** A webhook answer's call has no client of its own to go away. */
const NEVER_ABORTED = new AbortController().signal;

/** Execute `{ method, ...params }` that a bot wrote into its webhook answer (Telegram does). */
export async function runWebhookReply(state: DoubleState, body: Buffer, contentType: string | undefined): Promise<void> {
  const params = await parseBody(Readable.from([body]), contentType);
  const method = params.method;
  if (typeof method !== 'string') return;
  delete params.method;
  await callMethod(state, method, params, { signal: NEVER_ABORTED, viaWebhookReply: true });
}
