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

export class ChatPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: { intervalMs?: number; burst?: number } = {},
  ) {}

  /** Books a slot for this recipient; resolves with the ms to wait before sending (0 = now). */
  async reserve(recipientKey: string): Promise<number> {
    const wait = await this.redis.eval(RESERVE, 1, `${this.prefix}:pace:${recipientKey}`, this.opts.intervalMs ?? 1000, this.opts.burst ?? 1);
    return Number(wait);
  }
}
