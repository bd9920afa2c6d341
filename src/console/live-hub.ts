import type { ServerResponse } from 'node:http';
import type { EventBus, LiveEvent } from '../services/events';

interface Client {
  res: ServerResponse;
  wants(e: LiveEvent): boolean;
}

/**
 * Fans live events out to the browsers' server-sent event streams. One EventBus subscription
 * per process; each stream says which events it wants. Events carry ids only: the page
 * re-fetches a fragment, which goes through the same access checks as any page.
 */
export class LiveHub {
  private readonly clients = new Set<Client>();
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventBus,
    private readonly heartbeatMs = 25_000,
  ) {}

  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.events.subscribe((e) => this.dispatch(e));
    // A comment line every so often keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) c.res.write(': ping\n\n');
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over a raw response as an event stream until the browser goes away. */
  open(res: ServerResponse, wants: (e: LiveEvent) => boolean): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // retry: how long the browser waits before reconnecting after a drop.
    res.write('retry: 3000\n: connected\n\n');
    const client: Client = { res, wants };
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
  }

  dispatch(e: LiveEvent): void {
    const payload = e.type === 'queue' ? {} : e.type === 'ticket' ? { reportId: e.reportId, what: e.what } : { reportId: e.reportId };
    const frame = `event: ${e.type}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of this.clients) if (c.wants(e)) c.res.write(frame);
  }

  /** Ends every stream so the HTTP server can close. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
