import type { Redis } from 'ioredis';
import { redisKeys, type RedisKeys } from '../redis-keys';
import { withScripts, type PacerCommands } from './scripts';

/**
 * Per-chat pacing (Telegram: about 1 message/s to one chat), shared by every reply worker
 * process through Redis. Two scripts (src/queue/lua): `reserve-slot` books the next free slot for
 * a chat and says how long to wait for it, so messages queued for one chat go out one per
 * interval in the order they were booked; `claim-send`, right before sending, checks and stamps
 * both the chat's and the overall interval, so no number of workers exceeds either limit.
 * Keys carry the reporter's id, never a chat id.
 */
export class ChatPacer {
  private readonly redis: Redis & PacerCommands;
  private readonly keys: RedisKeys;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly opts: { intervalMs?: number; burst?: number } = {},
  ) {
    this.redis = withScripts(redis);
    this.keys = redisKeys(prefix);
  }

  /**
   * Waits until both limits allow a send to this recipient, then stamps it: call right before
   * sending. The waits are short (the booked slots below already space a chat's messages).
   */
  async claimSend(recipientKey: string, globalIntervalMs: number): Promise<void> {
    for (;;) {
      const wait = Number(await this.redis.ripotiClaimSend(this.keys.chatSent(recipientKey), this.keys.allSent, this.opts.intervalMs ?? 1000, Math.max(1, Math.ceil(globalIntervalMs))));
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Books a slot for this recipient; resolves with the ms to wait before sending (0 = now). */
  async reserve(recipientKey: string): Promise<number> {
    return Number(await this.redis.ripotiReserveSlot(this.keys.chatPace(recipientKey), this.opts.intervalMs ?? 1000, this.opts.burst ?? 1));
  }
}
