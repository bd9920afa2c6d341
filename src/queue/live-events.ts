import type { Redis } from 'ioredis';
import type { EventBus, LiveEvent } from '../services/events';

/** The console's live updates (src/services/events.ts) over Redis pub/sub: one channel, ids only, never message text. */
export class RedisEventBus implements EventBus {
  private readonly handlers = new Set<(e: LiveEvent) => void>();
  private readonly missedHandlers = new Set<() => void>();
  private subscribed = false;
  /** The subscription holds on the current connection. */
  private live = false;
  /** It held, then the connection went: events published since were missed. */
  private lost = false;

  constructor(
    private readonly pub: Redis,
    /** A dedicated connection: a subscribed ioredis client can do nothing else. */
    private readonly sub: Redis | null,
    private readonly channel: string,
  ) {}

  async publish(event: LiveEvent): Promise<void> {
    try {
      await this.pub.publish(this.channel, JSON.stringify(event));
    } catch {
      // Live updates are a convenience; the console re-reads state on reconnect.
    }
  }

  async subscribe(handler: (e: LiveEvent) => void, onMissed?: () => void): Promise<() => void> {
    this.handlers.add(handler);
    if (onMissed) this.missedHandlers.add(onMissed);
    if (!this.subscribed && this.sub) {
      this.subscribed = true;
      this.listen(this.sub);
      await this.sub.subscribe(this.channel);
      this.live = true;
    }
    return () => {
      this.handlers.delete(handler);
      if (onMissed) this.missedHandlers.delete(onMissed);
    };
  }

  private listen(sub: Redis): void {
    sub.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      let e: LiveEvent;
      try {
        e = JSON.parse(raw) as LiveEvent;
      } catch {
        return;
      }
      for (const h of this.handlers) h(e);
    });
    sub.on('close', () => {
      if (!this.live) return;
      this.live = false;
      this.lost = true;
    });
    sub.on('ready', () => {
      if (this.lost) void this.resubscribed(sub);
    });
  }

  /** Back after an outage: once the subscription holds again, those who missed events are told. */
  private async resubscribed(sub: Redis): Promise<void> {
    this.lost = false;
    try {
      // ioredis re-subscribes on its own when it reconnects; our own SUBSCRIBE (harmless twice)
      // answers only once the channel is subscribed, so nothing published after the call is missed.
      await sub.subscribe(this.channel);
    } catch {
      // The connection went again: its next 'ready' tries once more.
      this.lost = true;
      return;
    }
    this.live = true;
    for (const h of this.missedHandlers) {
      try {
        h();
      } catch {
        // One listener's failure must not keep the others from hearing of it.
      }
    }
  }
}
