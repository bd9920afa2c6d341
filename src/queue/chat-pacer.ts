import type { Redis } from 'ioredis';
import { redisKeys, type RedisKeys } from '../redis-keys';
import { CHAT_BURST, CHAT_INTERVAL_MS } from '../lib/send-budget';
import { renewWhile } from '../lib/renew-while';
import { withScripts, type PacerCommands } from './scripts';

/**
 * A 429 holds every chat (the bot's own limit, src/queue/lua/flood-wait.lua) until `until` (ms):
 * the send was not made. Thrown by `ChatPacer.send` rather than waited out in place, so the job
 * gives its worker slot back for the length of the hold.
 */
export class EveryoneHeld extends Error {
  constructor(readonly until: number) {
    super('every chat is held after a 429');
  }
}

/**
 * How long a send holds its recipient unseen: renewed while the send lasts, so a recipient is free
 * again this long after a worker died mid-send.
 */
const SEND_LEASE_MS = 30_000;
/** How soon a message waiting behind a send in flight to the same chat looks again; twice as long each time, up to a chat interval. */
const IN_FLIGHT_POLL_MS = 50;

/**
 * Per-chat pacing (Telegram: about 1 message/s to one chat), shared by every reply worker
 * process through Redis. Two scripts (src/queue/lua): `reserve-slot` books the next free slot for
 * a chat and says how long to wait for it, so messages queued for one chat go out one per
 * interval in the order they were booked; `claim-send` and `release-send` gate the send itself,
 * so no number of workers exceeds either limit, measured where the reporter's phone is.
 * Keys carry the reporter's id, never a chat id.
 */
export class ChatPacer {
  private readonly redis: Redis & PacerCommands;
  private readonly keys: RedisKeys;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly opts: { intervalMs?: number; burst?: number; leaseMs?: number; onReleaseError?: (err: unknown) => void; onRenewError?: (err: unknown) => void } = {},
  ) {
    this.redis = withScripts(redis);
    this.keys = redisKeys(prefix);
  }

  /**
   * Sends through the gate: waits until both limits allow a send to this recipient, claims it,
   * runs `send`, and releases the recipient when Telegram has answered, so the next message to it
   * starts a chat interval after this one arrived (see src/queue/lua/claim-send.lua). The waits
   * are short: the booked slots below already space a chat's messages. While a 429 holds every
   * chat it sends nothing and throws `EveryoneHeld`.
   */
  async send<T>(recipientKey: string, globalIntervalMs: number, send: () => Promise<T>): Promise<T> {
    const key = this.keys.chatSent(recipientKey);
    const interval = this.opts.intervalMs ?? 1000;
    const lease = this.opts.leaseMs ?? SEND_LEASE_MS;
    let poll = IN_FLIGHT_POLL_MS;
    let heldUntil: number;
    for (;;) {
      const [wait, until] = (await this.redis.ripotiClaimSend(key, this.keys.allSent, this.keys.budgetPause, Math.max(1, Math.ceil(globalIntervalMs)), lease)).map(Number);
      // The ms left are rounded up, but Date.now() is whole ms rounded down: one more, so a job
      // parked until then never wakes into the hold's last fraction of a ms and is refused again.
      if (wait < 0) throw new EveryoneHeld(Date.now() + 1 - wait);
      if (wait === 0) {
        heldUntil = until;
        break;
      }
      // A wait longer than the chat interval means a send to this chat is still in flight (the
      // lease): it usually ends within milliseconds, so look again soon rather than sleep out
      // the lease (once seen holding a message back 30 s); less often while it lasts.
      await new Promise((resolve) => setTimeout(resolve, wait > interval ? poll : wait));
      if (wait > interval) poll = Math.min(poll * 2, interval);
    }
    // Held as long as the send lasts (as BullMQ renews the job's lock), not only one lease: a slow
    // Telegram must not let the next message to this chat start before this one was answered.
    const renew = async () => {
      const next = Number(await this.redis.ripotiRenewSend(key, heldUntil, lease));
      if (next > 0) heldUntil = next;
      return next > 0;
    };
    try {
      return await renewWhile(lease / 2, renew, (err) => this.opts.onRenewError?.(err), send);
    } finally {
      // Never in place of the send's own outcome: a message Telegram accepted, reported failed
      // because Redis failed over at this instant, would be sent again. The lease runs out anyway.
      await this.redis.ripotiReleaseSend(key, interval).catch((err: unknown) => this.opts.onReleaseError?.(err));
    }
  }

  /**
   * Telegram refused a send to this recipient with 429 for `ms`: 'chat' when only it waits that
   * long (no send to it starts, no slot is booked, the bot's answers to it wait, before then),
   * 'all' when another chat is already waiting out one of its own, so the limit is the bot's (the
   * shared budget is paused then too). One rule with the bot's answers (src/queue/lua/flood-wait.lua):
   * `chatKey` names the chat as the budget does (a keyed hash of the chat id), so both see one chat.
   */
  async floodWait(recipientKey: string, ms: number, chatKey = recipientKey): Promise<{ scope: 'chat' | 'all'; until: number }> {
    return this.flood(recipientKey, ms, chatKey, 0);
  }

  /**
   * Telegram refused a send to a group with 429 for `ms`: the group's own limit (about 20 a minute),
   * so only the group waits, whatever other chats are waiting out. Until when it waits (ms).
   */
  async groupFloodWait(recipientKey: string, ms: number): Promise<number> {
    return (await this.flood(recipientKey, ms, recipientKey, 1)).until;
  }

  private async flood(recipientKey: string, ms: number, chatKey: string, group: 0 | 1): Promise<{ scope: 'chat' | 'all'; until: number }> {
    const k = this.keys;
    const [scope, until] = await this.redis.ripotiFloodWait(
      k.floodChat, k.budgetPause, k.budgetChat(chatKey), k.chatSent(recipientKey), k.chatPace(recipientKey),
      chatKey, Math.ceil(ms), CHAT_INTERVAL_MS * 1000, CHAT_BURST, this.opts.intervalMs ?? 1000, group,
    );
    return { scope, until: Number(until) };
  }

  /** Books a slot for this recipient; resolves with the ms to wait before sending (0 = now). */
  async reserve(recipientKey: string): Promise<number> {
    return Number(await this.redis.ripotiReserveSlot(this.keys.chatPace(recipientKey), this.opts.intervalMs ?? 1000, this.opts.burst ?? 1));
  }
}
