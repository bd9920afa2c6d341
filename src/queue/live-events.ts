import type { Redis } from 'ioredis';
import type { EventBus, LiveEvent } from '../services/events';

/** The console's live updates (src/services/events.ts) over Redis pub/sub: one channel, ids only, never message text. */
export class RedisEventBus implements EventBus {
  private readonly handlers = new Set<(e: LiveEvent) => void>();
  private subscribed = false;

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

  async subscribe(handler: (e: LiveEvent) => void): Promise<() => void> {
    this.handlers.add(handler);
    if (!this.subscribed && this.sub) {
      this.subscribed = true;
      this.sub.on('message', (channel: string, raw: string) => {
        if (channel !== this.channel) return;
        let e: LiveEvent;
        try {
          e = JSON.parse(raw) as LiveEvent;
        } catch {
          return;
        }
        for (const h of this.handlers) h(e);
      });
      await this.sub.subscribe(this.channel);
    }
    return () => this.handlers.delete(handler);
  }
}
