import type { Redis } from 'ioredis';

/**
 * Live updates for the console (server-sent events): "the queue changed", "ticket X has a new
 * message". Carried over Redis pub/sub so that bot, worker and console processes can be separate.
 * Events carry ids only, never message text.
 */
export type LiveEvent =
  | { type: 'queue' }
  /** `consent`: the reporter answered "may <agency> have your name?" (the agency card shows the answer). */
  | { type: 'ticket'; reportId: string; what: 'message' | 'status' | 'note' | 'delivery' | 'escalated' | 'consent' }
  | { type: 'escalated'; reportId: string; priority: number }
  /** An agent's access changed (signed out, sessions revoked, deactivated): their open streams are checked. */
  | { type: 'access'; agentId: string };

export class EventBus {
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
