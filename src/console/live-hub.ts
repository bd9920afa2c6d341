import type { ServerResponse } from 'node:http';
import type { EventBus, LiveEvent, MissedWhy } from '../services/events';

/**
 * Who holds a stream: checked again on every heartbeat, when their access changes (signed out,
 * deactivated) and, for a ticket's stream, when its status changes (released, reassigned).
 */
export interface StreamHolder {
  agentId: string;
  /** A ticket's stream: checked again when that ticket's status changes (a queue's stream is not, on every ticket's). */
  ticketId?: string;
  /** Their session is still live and the stream's subject still theirs to see. */
  allowed(): Promise<boolean>;
}

interface Client {
  res: ServerResponse;
  wants(e: LiveEvent): boolean;
  holder?: StreamHolder;
  /** A check under way: one at a time per stream. */
  checking?: boolean;
  /** Asked for again while one was under way (it may have read the session just before it ended): run once more after it. */
  again?: boolean;
}

/**
 * Fans live events out to the browsers' server-sent event streams. One EventBus subscription
 * per process; each stream says which events it wants. Events carry ids only: the page
 * re-fetches a fragment, which goes through the same access checks as any page.
 */
export class LiveHub {
  private readonly clients = new Set<Client>();
  private unsubscribe: (() => void) | null = null;
  private subscribing: Promise<void> | null = null;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventBus,
    private readonly heartbeatMs = 25_000,
    /** How a failed check is reported (the stream stays open: a MongoDB blip must not cut every agent off). */
    private readonly onCheckError: (err: unknown) => void = () => undefined,
    private readonly opts: {
      /** How long the start waits for the subscription (default 5 s): Redis may have gone since the start-up check. */
      subscribeWithinMs?: number;
      /** Live updates wait for Redis (no error: still waiting), or the subscription failed. */
      onNotLive?: (err?: unknown) => void;
      /**
       * Events were missed (subscribed again after Redis went away, or a publish failed somewhere);
       * the open streams were ended so their pages catch up.
       */
      onLiveAgain?: (streams: number, why: MissedWhy) => void;
    } = {},
  ) {}

  /**
   * Subscribes, waiting for it at most `subscribeWithinMs` (a subscription refused in that time
   * fails the start, as before): the console starts without Redis (its pages read MongoDB), and
   * the subscription lands when Redis is back. Streams opened meanwhile missed what happened: they
   * are ended then, so the pages reconnect and catch up (queue.js and ticket.js refresh on it).
   * So are the open streams whenever Redis went away after the subscription and it holds again.
   */
  async start(): Promise<void> {
    if (this.subscribing) return;
    this.stopped = false;
    const subscribed = this.events.subscribe((e) => this.dispatch(e), (why) => this.missed(why)).then((unsubscribe) => {
      if (this.stopped) unsubscribe();
      else this.unsubscribe = unsubscribe;
    });
    this.subscribing = subscribed;
    this.startHeartbeat();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.opts.subscribeWithinMs ?? 5000)));
    try {
      if (await Promise.race([subscribed.then(() => true), late])) return;
    } finally {
      clearTimeout(timer);
    }
    this.opts.onNotLive?.();
    subscribed.then(
      () => {
        if (!this.stopped) for (const c of this.clients) this.close(c);
      },
      (err: unknown) => this.opts.onNotLive?.(err),
    );
  }

  /**
   * Redis went away after the subscription and is back, or an event could not be published:
   * events never came. Ending the streams is the signal the pages already refresh on (they
   * reconnect and re-read).
   */
  private missed(why: MissedWhy): void {
    if (this.stopped) return;
    const streams = this.clients.size;
    for (const c of this.clients) this.close(c);
    try {
      this.opts.onLiveAgain?.(streams, why);
    } catch {
      // Reporting must not fail the catch-up (nothing would handle it).
    }
  }

  private startHeartbeat(): void {
    // A comment line every so often keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) {
        c.res.write(': ping\n\n');
        this.recheck(c);
      }
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over a raw response as an event stream until the browser goes away. */
  open(res: ServerResponse, wants: (e: LiveEvent) => boolean, holder?: StreamHolder): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // retry: how long the browser waits before reconnecting after a drop.
    res.write('retry: 3000\n: connected\n\n');
    const client: Client = { res, wants, ...(holder ? { holder } : {}) };
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
  }

  dispatch(e: LiveEvent): void {
    if (e.type === 'access') {
      for (const c of this.clients) if (c.holder?.agentId === e.agentId) this.recheck(c);
      return;
    }
    const payload = e.type === 'queue' ? {} : e.type === 'ticket' ? { reportId: e.reportId, what: e.what } : { reportId: e.reportId };
    const frame = `event: ${e.type}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of this.clients) {
      if (!c.wants(e)) continue;
      c.res.write(frame);
      // The page learns of the change (and shows the ticket is no longer theirs); then the stream is checked.
      if (e.type === 'ticket' && e.what === 'status' && c.holder?.ticketId === e.reportId) this.recheck(c);
    }
  }

  /** Ends the stream of someone who may no longer follow it; the browser's reconnect is then refused. */
  private recheck(c: Client): void {
    if (!c.holder) return;
    if (c.checking) {
      c.again = true;
      return;
    }
    c.checking = true;
    c.again = false;
    void c.holder
      .allowed()
      .then(
        (ok) => {
          if (!ok) this.close(c);
        },
        (err: unknown) => {
          try {
            this.onCheckError(err);
          } catch {
            // Reporting must not fail the check (nothing would handle it).
          }
        },
      )
      .finally(() => {
        c.checking = false;
        if (c.again && this.clients.has(c)) this.recheck(c);
      });
  }

  private close(c: Client): void {
    this.clients.delete(c);
    c.res.end();
  }

  /** Ends every stream so the HTTP server can close. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.subscribing = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
