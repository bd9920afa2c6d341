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
  /** A re-subscription is under way (one at a time: each success tells the listeners once). */
  private resubscribing = false;
  /** On a Cluster: the node connection ioredis subscribed over, watched for its end. */
  private followed: Redis | null = null;

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
      this.follow(this.sub);
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

  /**
   * On a Cluster, ioredis subscribes over a connection of its own to one node and, when that node
   * dies (or fails over), moves the subscription to another node by itself: the Cluster client
   * stays 'ready' and emits no 'close' (only 'node' events, and not always). The end of that
   * connection is the drop; ClusterSubscriber picks the next node in its own 'end' listener,
   * which runs before ours. Its `subscriber` field is private ioredis (6.0): test/integration/
   * console/live-hub-cluster.test.ts fails if an upgrade moves it.
   */
  private follow(sub: Redis): void {
    const conn = clusterSubscriber(sub);
    if (!conn || conn === this.followed) return;
    this.followed = conn;
    conn.once('end', () => {
      if (this.followed !== conn) return;
      this.followed = null;
      if (this.live) {
        this.live = false;
        this.lost = true;
      }
      // No next node (the whole Cluster went): its 'ready' re-subscribes, as on one Redis.
      if (this.lost && clusterSubscriber(sub)) void this.resubscribed(sub);
    });
  }

  /** Back after an outage: once the subscription holds again, those who missed events are told. */
  private async resubscribed(sub: Redis): Promise<void> {
    if (this.resubscribing) return;
    this.resubscribing = true;
    try {
      if (!(await this.subscribeAgain(sub))) return;
    } finally {
      this.resubscribing = false;
    }
    this.lost = false;
    this.live = true;
    for (const h of this.missedHandlers) {
      try {
        h();
      } catch {
        // One listener's failure must not keep the others from hearing of it.
      }
    }
  }

  /** Whether the channel is subscribed again; false when the connection went again meanwhile. */
  private async subscribeAgain(sub: Redis): Promise<boolean> {
    for (;;) {
      this.follow(sub);
      const on = clusterSubscriber(sub);
      try {
        // ioredis re-subscribes on its own when it reconnects; our own SUBSCRIBE (harmless twice)
        // answers only once the channel is subscribed, so nothing published after the call is missed.
        await sub.subscribe(this.channel);
        return true;
      } catch {
        // One Redis: its next 'ready' tries again. A Cluster already on another node's connection
        // tries that one now (its end was seen while this attempt was under way).
        const next = clusterSubscriber(sub);
        if (!on || !next || next === on) return false;
      }
    }
  }
}

/** The node connection a Cluster client subscribes over (private in ioredis); null for one Redis. */
function clusterSubscriber(sub: Redis): Redis | null {
  const c = sub as unknown as { isCluster?: boolean; subscriber?: { getInstance?: () => Redis | null } };
  return (c.isCluster && c.subscriber?.getInstance?.()) || null;
}
