import type { Redis } from 'ioredis';
import type { EventBus, LiveEvent, MissedWhy } from '../services/events';
import type { Logger } from '../logger';

/**
 * Said on the channel after a live event could not be published (not a LiveEvent: no handler
 * sees it): every console that hears it re-reads, as after its own subscription was lost.
 */
const CATCH_UP = '{"catchUp":true}';
/** The first try to say so; each failed try doubles the wait, up to a 30 s cap. */
const CATCH_UP_RETRY_MS = 1000;
const CATCH_UP_MAX_MS = 30_000;

/** The console's live updates (src/services/events.ts) over Redis pub/sub: one channel, ids only, never message text. */
export class RedisEventBus implements EventBus {
  private readonly handlers = new Set<(e: LiveEvent) => void>();
  private readonly missedHandlers = new Set<(why: MissedWhy) => void>();
  private subscribed = false;
  /** The subscription holds on the current connection. */
  private live = false;
  /** It held, then the connection went: events published since were missed. */
  private lost = false;
  /** A re-subscription is under way (one at a time: each success tells the listeners once). */
  private resubscribing = false;
  /** On a Cluster: the node connection ioredis subscribed over, watched for its end. */
  private followed: Redis | null = null;
  /** A publish failed and the consoles are not told yet: the timer of the next try to tell them. */
  private catchUp: NodeJS.Timeout | null = null;

  constructor(
    private readonly pub: Redis,
    /** A dedicated connection: a subscribed ioredis client can do nothing else. */
    private readonly sub: Redis | null,
    private readonly channel: string,
    private readonly opts: { logger?: Logger; retryMs?: number } = {},
  ) {}

  /**
   * Never fails: the change is stored already. A PUBLISH refused (on a Cluster, sent to a node that
   * just died; a publisher still reconnecting) is said once per run of failures, and the consoles
   * are told to re-read once a PUBLISH goes through again.
   */
  async publish(event: LiveEvent): Promise<void> {
    try {
      await this.pub.publish(this.channel, JSON.stringify(event));
    } catch (err) {
      if (this.catchUp) return;
      this.opts.logger?.warn({ err }, 'live update not published; open console pages are told to refresh once Redis takes it');
      this.tellCatchUp(this.opts.retryMs ?? CATCH_UP_RETRY_MS);
    }
  }

  /** Stops trying to tell the consoles of a failed publish (the process is stopping). */
  close(): void {
    if (this.catchUp) clearTimeout(this.catchUp);
    this.catchUp = null;
  }

  private tellCatchUp(waitMs: number): void {
    this.catchUp = setTimeout(() => {
      this.pub.publish(this.channel, CATCH_UP).then(
        () => (this.catchUp = null),
        () => this.tellCatchUp(Math.min(waitMs * 2, CATCH_UP_MAX_MS)),
      );
    }, waitMs);
    // Nothing to keep a stopping process for: its consoles re-read when they reconnect anyway.
    this.catchUp.unref();
  }

  async subscribe(handler: (e: LiveEvent) => void, onMissed?: (why: MissedWhy) => void): Promise<() => void> {
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
      if (raw === CATCH_UP) {
        this.tellMissed('unpublished');
        return;
      }
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
    this.tellMissed('resubscribed');
  }

  private tellMissed(why: MissedWhy): void {
    for (const h of this.missedHandlers) {
      try {
        h(why);
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
