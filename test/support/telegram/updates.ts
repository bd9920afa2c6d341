/** Update delivery: a queue of pending updates that is drained either by getUpdates (long
 * polling) or by POSTing to the webhook. Every enqueued update carries a promise that settles
 * when the bot has *finished handling* it, which is what makes user actions deterministic:
 * - polling: telegraf only asks getUpdates with offset = last_id + 1 after the whole previous
 *   batch was handled, so "confirmed by offset" means "handled";
 * - webhook: telegraf ends the HTTP response when the handler finishes (unless it used a
 *   webhook reply, which ends it early — see README notes in index.ts). */
import http from 'node:http';
import type { TgUpdate, WebhookDelivery, WebhookState } from './types';
import { ApiError } from './validation';

interface Settler {
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

interface Pending {
  update: TgUpdate;
  key: string;
  label: string;
  inFlight: boolean;
  settler?: Settler;
}

interface Poller {
  limit: number;
  resolve: (u: TgUpdate[]) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export interface HubOptions {
  firstUpdateId: number;
  webhookMaxAttempts: number;
  webhookRetryDelayMs: number;
  /** executes `{ method, ...params }` found in a webhook answer body */
  onWebhookReply: (body: Buffer, contentType: string | undefined) => Promise<void>;
}

export interface WebhookRuntime extends WebhookState {
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** Update types delivered when allowed_updates is empty/unspecified (Telegram's default). */
const NOT_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export function updateType(u: TgUpdate): string {
  return Object.keys(u).find((k) => k !== 'update_id') ?? 'unknown';
}

function isAllowed(u: TgUpdate, allowed: string[] | null): boolean {
  const type = updateType(u);
  if (!allowed || allowed.length === 0) return !NOT_DEFAULT.has(type);
  return allowed.includes(type);
}

/** Updates of one chat are delivered one at a time, in order; this is the ordering key. */
function orderingKey(u: TgUpdate): string {
  for (const v of Object.values(u)) {
    if (typeof v !== 'object' || v === null) continue;
    const o = v as { chat?: { id?: unknown }; message?: { chat?: { id?: unknown } }; from?: { id?: unknown } };
    const id = o.chat?.id ?? o.message?.chat?.id ?? o.from?.id;
    if (typeof id === 'number' || typeof id === 'string') return String(id);
  }
  return 'global';
}

const CONFLICT_POLL = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const CONFLICT_WEBHOOK = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

export class UpdateHub {
  private nextId: number;
  private pending: Pending[] = [];
  private poller: Poller | null = null;
  private pollAllowed: string[] | null = null;
  private readonly busyKeys = new Set<string>();
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly agent = new http.Agent({ keepAlive: false });
  private stopped = false;
  webhook: WebhookRuntime | null = null;
  readonly deliveries: WebhookDelivery[] = [];
  lastGetUpdates: { at: number; offset: number } | null = null;

  constructor(private readonly opts: HubOptions) {
    this.nextId = opts.firstUpdateId;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queue an update; the returned promise settles once the bot handled it (or timeout). */
  enqueue(input: Omit<TgUpdate, 'update_id'> & { update_id?: number }, label: string, timeoutMs: number): { update: TgUpdate; handled: Promise<void> } {
    if (this.stopped) throw new Error('TelegramDouble is stopped');
    const id = input.update_id ?? this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const update = { ...input, update_id: id } as TgUpdate;
    const p: Pending = { update, key: orderingKey(update), label: `update ${id} (${label})`, inFlight: false };
    const handled = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!p.settler || p.settler.done) return;
        p.settler.done = true;
        reject(new Error(`${p.label} was not handled within ${timeoutMs} ms: ${this.diagnose()}`));
      }, timeoutMs);
      p.settler = { resolve, reject, timer, done: false };
    });
    this.pending.push(p);
    this.kick();
    return { update, handled };
  }

  private settle(p: Pending, error?: Error): void {
    const s = p.settler;
    if (!s || s.done) return;
    s.done = true;
    clearTimeout(s.timer);
    if (error) s.reject(error);
    else s.resolve();
  }

  private remove(p: Pending): void {
    const i = this.pending.indexOf(p);
    if (i >= 0) this.pending.splice(i, 1);
  }

  private diagnose(): string {
    if (this.webhook) {
      const tries = this.deliveries.filter((d) => d.status === null || d.status >= 300).length;
      return `webhook ${this.webhook.url} is set; ${tries} failed delivery attempt(s) so far${
        this.webhook.lastErrorMessage ? `, last error: ${this.webhook.lastErrorMessage}` : ''}`;
    }
    if (!this.lastGetUpdates) {
      return 'no webhook is set and the bot never called getUpdates — is it launched with telegram.apiRoot = tg.apiRoot?';
    }
    return `polling mode; last getUpdates ${Date.now() - this.lastGetUpdates.at} ms ago with offset ${this.lastGetUpdates.offset} — the handler may be stuck or the update was never confirmed`;
  }

  /** New work or a mode change: feed the waiting poller or the webhook. */
  private kick(): void {
    if (this.stopped) return;
    if (this.webhook) {
      this.pumpWebhook();
      return;
    }
    if (this.poller) {
      const batch = this.takeForPolling(this.poller.limit);
      if (batch.length > 0) {
        const poller = this.poller;
        this.poller = null;
        clearTimeout(poller.timer);
        poller.resolve(batch);
      }
    }
  }

  private dropDisallowed(allowed: string[] | null): void {
    for (const p of [...this.pending]) {
      if (!p.inFlight && !isAllowed(p.update, allowed)) {
        this.remove(p);
        this.settle(p, new Error(`${p.label} was dropped: type "${updateType(p.update)}" is not in allowed_updates ${JSON.stringify(allowed)}`));
      }
    }
  }

  private takeForPolling(limit: number): TgUpdate[] {
    this.dropDisallowed(this.pollAllowed);
    return this.pending.filter((p) => !p.inFlight).slice(0, limit).map((p) => p.update);
  }

  // ------------------------------------------------------------------ polling

  async getUpdates(offset: number | undefined, limit: number, timeoutSec: number, allowed: unknown, signal: AbortSignal): Promise<TgUpdate[]> {
    if (this.webhook) throw new ApiError(409, CONFLICT_WEBHOOK);
    this.lastGetUpdates = { at: Date.now(), offset: offset ?? 0 };
    if (Array.isArray(allowed)) this.pollAllowed = allowed.filter((a): a is string => typeof a === 'string');
    if (offset !== undefined && offset > 0) this.confirmBelow(offset);
    else if (offset !== undefined && offset < 0) this.forgetAllButLast(-offset);
    if (this.poller) {
      // Telegram answers the older of two concurrent long polls with 409.
      const old = this.poller;
      this.poller = null;
      clearTimeout(old.timer);
      old.reject(new ApiError(409, CONFLICT_POLL));
    }
    const batch = this.takeForPolling(Math.min(Math.max(limit, 1), 100));
    if (batch.length > 0 || timeoutSec <= 0 || this.stopped) return batch;
    return new Promise<TgUpdate[]>((resolve, reject) => {
      const poller: Poller = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (this.poller === poller) this.poller = null;
          resolve([]);
        }, timeoutSec * 1000),
      };
      this.poller = poller;
      // The bot aborted the request (telegraf's stop()): forget the poller, keep the updates.
      signal.addEventListener('abort', () => {
        if (this.poller !== poller) return;
        this.poller = null;
        clearTimeout(poller.timer);
        resolve([]);
      });
    });
  }

  private confirmBelow(offset: number): void {
    for (const p of [...this.pending]) {
      if (!p.inFlight && p.update.update_id < offset) {
        this.remove(p);
        this.settle(p);
      }
    }
  }

  private forgetAllButLast(n: number): void {
    const keep = this.pending.slice(-n);
    for (const p of this.pending) {
      if (!keep.includes(p) && !p.inFlight) this.settle(p, new Error(`${p.label} was forgotten by getUpdates with a negative offset`));
    }
    this.pending = this.pending.filter((p) => keep.includes(p) || p.inFlight);
  }

  // ------------------------------------------------------------------ webhook

  setWebhook(state: WebhookState, dropPending: boolean): void {
    if (dropPending) this.dropPending();
    this.webhook = { ...state };
    if (this.poller) {
      const old = this.poller;
      this.poller = null;
      clearTimeout(old.timer);
      old.reject(new ApiError(409, CONFLICT_WEBHOOK));
    }
    this.kick();
  }

  deleteWebhook(dropPending: boolean): void {
    if (dropPending) this.dropPending();
    this.webhook = null;
  }

  private dropPending(): void {
    for (const p of [...this.pending]) {
      if (p.inFlight) continue;
      this.remove(p);
      this.settle(p, new Error(`${p.label} was dropped by drop_pending_updates`));
    }
  }

  private pumpWebhook(): void {
    const wh = this.webhook;
    if (!wh || this.stopped) return;
    this.dropDisallowed(wh.allowedUpdates);
    const seen = new Set<string>();
    let inFlight = this.pending.filter((p) => p.inFlight).length;
    for (const p of this.pending) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      if (p.inFlight || this.busyKeys.has(p.key)) continue;
      if (inFlight >= wh.maxConnections) break;
      inFlight++;
      p.inFlight = true;
      this.busyKeys.add(p.key);
      void this.deliver(p, wh);
    }
  }

  private async deliver(p: Pending, wh: WebhookRuntime): Promise<void> {
    let lastError = '';
    for (let attempt = 1; attempt <= this.opts.webhookMaxAttempts; attempt++) {
      if (this.stopped || this.webhook !== wh) break;
      try {
        const answer = await this.post(wh, p.update);
        this.deliveries.push({ updateId: p.update.update_id, attempt, status: answer.status });
        if (answer.status >= 200 && answer.status < 300) {
          this.remove(p);
          this.busyKeys.delete(p.key);
          // Run a webhook-reply method before reporting "handled" so its effect is visible.
          if (answer.body.length > 0) await this.opts.onWebhookReply(answer.body, answer.contentType).catch(() => undefined);
          this.settle(p);
          this.kick();
          return;
        }
        lastError = `Wrong response from the webhook: ${answer.status} ${http.STATUS_CODES[answer.status] ?? ''}`.trim();
      } catch (e) {
        lastError = `Connection failed: ${e instanceof Error ? e.message : String(e)}`;
        this.deliveries.push({ updateId: p.update.update_id, attempt, status: null, error: lastError });
      }
      wh.lastErrorDate = Math.floor(Date.now() / 1000);
      wh.lastErrorMessage = lastError;
      if (attempt < this.opts.webhookMaxAttempts) await this.sleep(this.opts.webhookRetryDelayMs * 2 ** (attempt - 1));
    }
    this.busyKeys.delete(p.key);
    p.inFlight = false;
    if (this.stopped || this.webhook !== wh) {
      // Mode changed mid-retry: leave the update pending for whoever consumes updates now.
      this.kick();
      return;
    }
    this.remove(p);
    this.settle(p, new Error(`${p.label} failed webhook delivery after ${this.opts.webhookMaxAttempts} attempt(s): ${lastError}`));
    this.kick();
  }

  private post(wh: WebhookRuntime, update: TgUpdate): Promise<{ status: number; body: Buffer; contentType?: string }> {
    // Tests have no TLS certificates: https webhooks are delivered over plain HTTP to the same host:port.
    const url = new URL(wh.url);
    if (url.protocol === 'https:') {
      url.protocol = 'http:';
      if (url.port === '') url.port = '443';
    }
    const body = Buffer.from(JSON.stringify(update));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(body.length) };
    if (wh.secretToken) headers['x-telegram-bot-api-secret-token'] = wh.secretToken;
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: res.headers['content-type'] }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleeps.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.sleeps.add(entry);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.sleeps) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleeps.clear();
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve([]);
      this.poller = null;
    }
    for (const p of this.pending) this.settle(p, new Error(`${p.label} not handled: TelegramDouble stopped`));
    this.pending = [];
    this.agent.destroy();
  }
}
