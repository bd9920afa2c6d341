import http, { STATUS_CODES } from 'node:http';
import https from 'node:https';
import { TelegramError, type Telegram } from 'telegraf';
import { redactToken } from '../logger';

export interface BotApiHttpOptions {
  /** Connections to the Bot API (default: a keep-alive agent of its own, see `idleMs`). */
  agent?: http.Agent;
  /** How long a connection of the bot's own agent may sit idle before the bot closes it (default 15 s). */
  idleMs?: number;
}

type ErrorPayload = ConstructorParameters<typeof TelegramError>[0];
type CallApi = Telegram['callApi'];

/** telegraf's JSON body: absent and null fields are left out. */
export const dropNullish = (_key: string, value: unknown) => (value == null ? undefined : value);

/** telegraf's limit for one call (node-fetch's `timeout`). */
const CALL_TIMEOUT_MS = 500_000;

/**
 * The bot closes a connection idle this long itself. A server that closes an idle connection
 * as the next call is written into it fails that call (a reply job retried, an update sent back
 * to Telegram). Node learns the server's limit from a `Keep-Alive: timeout=N` answer only when its
 * agent has a timeout of its own, and we cannot learn Telegram's; 15 s is under any common
 * server default (nginx 75 s) and costs a quiet bot one new connection per 15 s of silence.
 */
const IDLE_MS = 15_000;

/**
 * Bot API calls with a JSON body straight over Node's http client, on keep-alive connections
 * of its own (closed after `IDLE_MS` idle). telegraf sends each call through node-fetch, which cost twice the
 * CPU per call here (BENCHMARKS.md, issue 17: 0.12 against 0.057 ms), and an update of ours
 * makes 1.8 calls; undici was faster still (0.037 ms) but its module adds 12-22 MB of resident
 * memory to each process. Same contract as telegraf's client: the result when Telegram says
 * `ok`, else a TelegramError (a 5xx, or Telegram's own refusal with its `parameters`, e.g.
 * `retry_after`), the token never in an error's message, a lost connection as Node reports it
 * (what `connectionLost` knows). Uploads keep telegraf's multipart path (`sendThrough`).
 */
export class BotApiHttp {
  private readonly hostname: string;
  private readonly port: string | undefined;
  private readonly path: string;
  private readonly request: typeof http.request;
  private readonly agent: http.Agent;
  private readonly ownAgent: boolean;

  constructor(apiRoot: string, private readonly token: string, opts: BotApiHttpOptions = {}) {
    // The same URL telegraf builds (`./bot<token>/<method>` against the API root).
    const base = new URL(`./bot${token}/`, apiRoot);
    const tls = base.protocol === 'https:';
    this.hostname = base.hostname.replace(/^\[|\]$/g, '');
    this.port = base.port || undefined;
    this.path = base.pathname;
    this.request = tls ? https.request : http.request;
    this.ownAgent = !opts.agent;
    // lifo: the busiest connections stay in use, so those a surge opened go idle and are closed.
    const agentOpts = { keepAlive: true, keepAliveMsecs: 10_000, scheduling: 'lifo' as const, timeout: opts.idleMs ?? IDLE_MS };
    this.agent = opts.agent ?? (tls ? new https.Agent(agentOpts) : new http.Agent(agentOpts));
  }

  call(method: string, payload: object, signal?: AbortSignal): Promise<unknown> {
    const body = JSON.stringify(payload, dropNullish);
    return new Promise((resolve, reject) => {
      const fail = (err: unknown) => reject(this.redacted(err));
      const req = this.request(
        {
          hostname: this.hostname,
          port: this.port,
          path: this.path + method,
          method: 'POST',
          agent: this.agent,
          signal,
          timeout: CALL_TIMEOUT_MS,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', fail);
          res.on('end', () => {
            try {
              resolve(this.result(res.statusCode ?? 0, Buffer.concat(chunks), method, payload));
            } catch (err) {
              fail(err);
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Bot API call ${method} timed out`)));
      req.on('error', fail);
      req.end(body);
    });
  }

  /** Closes the connections of an agent made here (one passed in is the caller's to close). */
  async close(): Promise<void> {
    if (this.ownAgent) this.agent.destroy();
  }

  private result(status: number, body: Buffer, method: string, payload: object): unknown {
    if (status >= 500) throw new TelegramError({ error_code: status, description: STATUS_CODES[status] ?? 'Server Error' }, { method, payload });
    const data = JSON.parse(body.toString('utf8')) as ErrorPayload & { ok: boolean; result?: unknown };
    if (!data.ok) throw new TelegramError(data, { method, payload });
    return data.result;
  }

  private redacted(err: unknown): unknown {
    if (err instanceof Error && err.message.includes(this.token)) err.message = redactToken(err.message);
    return err;
  }
}

/**
 * Makes a telegraf client (the per-update `ctx.telegram`, or a long-lived one) send its calls
 * through `http`; a call that uploads a file keeps telegraf's own path.
 */
export function sendThrough(tg: Telegram, http: BotApiHttp): void {
  const own = tg.callApi.bind(tg) as (method: string, payload: object, o?: { signal?: AbortSignal }) => Promise<unknown>;
  const call = (method: string, payload: object, o?: { signal?: AbortSignal }) => (hasUpload(payload) ? own(method, payload, o) : http.call(method, payload, o?.signal));
  tg.callApi = call as unknown as CallApi;
}

/** telegraf's test for a multipart call: an InputFile (`source` or `url`) at the top level, as `media`, or in a media group. */
export function hasUpload(payload: object): boolean {
  const isFile = (v: unknown) => typeof v === 'object' && v !== null && Boolean((v as { source?: unknown }).source || (v as { url?: unknown }).url);
  return Object.entries(payload).some(([key, value]) => {
    if (key === 'link_preview_options') return false;
    if (Array.isArray(value)) return value.some((item) => isFile((item as { media?: unknown } | null)?.media));
    return isFile(value) || isFile((value as { media?: unknown } | null)?.media);
  });
}
