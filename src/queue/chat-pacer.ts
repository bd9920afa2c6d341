import type { Redis } from 'ioredis';

/**
 * Per-chat pacing (Telegram: about 1 message/s to one chat), shared by every reply worker
 * process through Redis. A GCRA token bucket that *reserves* slots: each call books the next
 * free slot for that chat and returns how long to wait for it, so messages queued for one chat
 * go out one per interval in the order they were booked. Redis' own clock is used so several
 * worker hosts agree. Keys carry the reporter's id, never a chat id.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local slot = tat - (burst - 1) * interval
if slot < now then slot = now end
local newTat = tat + interval
redis.call('SET', KEYS[1], newTat, 'PX', newTat - now + interval)
return slot - now
`;

/**
 * The gate at the moment of sending: a message may go only if its chat got nothing for a chat
 * interval AND nothing at all went out for a global interval (1000 / rate ms). Both are checked
 * and stamped in one script, so workers in any number of processes can never exceed either
 * limit in any sliding window, whatever BullMQ's fixed-window limiter or a backlog of delayed
 * jobs released together would allow. Returns 0 (stamped: send now) or the ms to wait.
 */
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local chatInterval = tonumber(ARGV[1])
local globalInterval = tonumber(ARGV[2])
local lastChat = tonumber(redis.call('GET', KEYS[1]) or '0')
local lastAll = tonumber(redis.call('GET', KEYS[2]) or '0')
local wait = math.max(lastChat + chatInterval - now, lastAll + globalInterval - now, 0)
if wait > 0 then return wait end
redis.call('SET', KEYS[1], now, 'PX', chatInterval + 1000)
redis.call('SET', KEYS[2], now, 'PX', globalInterval + 1000)
return 0
`;

export class ChatPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: { intervalMs?: number; burst?: number } = {},
  ) {}

  /**
   * Waits until both limits allow a send to this recipient, then stamps it: call right before
   * sending. The waits are short (the booked slots below already space a chat's messages).
   */
  async claimSend(recipientKey: string, globalIntervalMs: number): Promise<void> {
    for (;;) {
      const wait = Number(
        await this.redis.eval(CLAIM, 2, `${this.prefix}:sent:${recipientKey}`, `${this.prefix}:sent:*all*`, this.opts.intervalMs ?? 1000, Math.max(1, Math.ceil(globalIntervalMs))),
      );
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Books a slot for this recipient; resolves with the ms to wait before sending (0 = now). */
  async reserve(recipientKey: string): Promise<number> {
    const wait = await this.redis.eval(RESERVE, 1, `${this.prefix}:pace:${recipientKey}`, this.opts.intervalMs ?? 1000, this.opts.burst ?? 1);
    return Number(wait);
  }
}
