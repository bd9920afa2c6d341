import { STATUS_CODES } from 'node:http';
import { Pool } from 'undici';
import { TelegramError, type Telegram } from 'telegraf';

export interface BotApiHttpOptions {
  /** Most connections open to the Bot API at once (default: as many as calls in flight, like Node's agent). */
  connections?: number;
}

type ErrorPayload = ConstructorParameters<typeof TelegramError>[0];
type CallApi = Telegram['callApi'];

const JSON_HEADERS = { 'content-type': 'application/json' };

/** telegraf's JSON body: absent and null fields are left out. */
const dropNullish = (_key: string, value: unknown) => (value == null ? undefined : value);

/**
 * Bot API calls with a JSON body over one keep-alive connection pool (undici). telegraf sends
 * each call through node-fetch, which costs about three times the CPU per call (BENCHMARKS.md,
 * issue 17: 0.115 against 0.037 ms), and an update of ours makes 1.8 calls. Same contract as
 * telegraf's client: the result when Telegram says `ok`, else a TelegramError (a 5xx, or
 * Telegram's own refusal with its `parameters`, e.g. `retry_after`), and the token never in an
 * error's message. Uploads keep telegraf's multipart path (`sendThrough`).
 */
export class BotApiHttp {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(apiRoot: string, private readonly token: string, opts: BotApiHttpOptions = {}) {
    // The same URL telegraf builds (`./bot<token>/<method>` against the API root).
    const base = new URL(`./bot${token}/`, apiRoot);
    this.path = base.pathname;
    this.pool = new Pool(base.origin, opts.connections ? { connections: opts.connections } : {});
  }

  async call(method: string, payload: object, signal?: AbortSignal): Promise<unknown> {
    try {
      const res = await this.pool.request({ path: this.path + method, method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(payload, dropNullish), signal });
      if (res.statusCode >= 500) {
        await res.body.dump();
        throw new TelegramError({ error_code: res.statusCode, description: STATUS_CODES[res.statusCode] ?? 'Server Error' }, { method, payload });
      }
      const data = (await res.body.json()) as ErrorPayload & { ok: boolean; result?: unknown };
      if (!data.ok) throw new TelegramError(data, { method, payload });
      return data.result;
    } catch (err) {
      throw this.redacted(err);
    }
  }

  /** Closes the pool's connections once the calls in flight are answered. */
  close(): Promise<void> {
    return this.pool.close();
  }

  private redacted(err: unknown): unknown {
    if (err instanceof Error && err.message.includes(this.token)) err.message = err.message.split(this.token).join('[REDACTED]');
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
