/**
 * Every Redis key name Ripoti builds, in one place (BullMQ builds its own below the same prefix:
 * `<prefix>:<queue>:...`). `REDIS_PREFIX` isolates deployments and test files; key names carry
 * ids or keyed hashes only, never a chat id, phone or name.
 */
export interface RedisKeys {
  /** BullMQ's `prefix` option: its keys are `<prefix>:tickets:...`, `<prefix>:sla:...`, `<prefix>:replies:...`. */
  readonly bull: string;
  /** Pub/sub channel of the console's live events (src/services/events.ts). */
  readonly liveChannel: string;
  /** A reporter's bot session; `name` is the session store's key (a keyed hash). */
  session(name: string): string;
  /** The language a reporter chose, kept beyond their session (under the session's name). */
  language(name: string): string;
  /** Marks a Telegram update as handled, to drop re-deliveries. */
  update(updateId: number): string;
  /** Present while the bot process `owner` lives (src/bot/update-owner.ts): its claims on updates hold. */
  updateOwner(owner: string): string;
  /** rate-limiter-flexible key prefixes (it appends `:<key>`): messages per minute, reports per day. */
  readonly messagesPerMinute: string;
  readonly reportsPerDay: string;
  /** rate-limiter-flexible key prefix of failed console sign-ins per client address. */
  readonly signinFailuresByAddress: string;
  /** rate-limiter-flexible key prefix of failed console sign-ins from a browser the account signed in from before. */
  readonly signinFailuresByDevice: string;
  /** From when the next message to a recipient may start (the reply worker's send gate, src/queue/lua/claim-send.lua). */
  chatSent(recipient: string): string;
  /** When anything last went out to anyone (the same gate's global half). */
  readonly allSent: string;
  /** A recipient's booked send slots (src/queue/lua/reserve-slot.lua). */
  chatPace(recipient: string): string;
  /** The recipient waiting out a 429 of its own, for its retry_after (src/queue/lua/flood-wait.lua). */
  readonly floodChat: string;
  /** The shared outgoing budget (src/queue/lua/take-send.lua): when its next slot is due, in us. */
  readonly budgetNext: string;
  /** The budget's latest grants (us), newest first: at most one second's worth. */
  readonly budgetRecent: string;
  /** Until when the budget is paused after a 429, in us. */
  readonly budgetPause: string;
  /** The budget's waiters by the time they are forgotten unless they ask again. */
  readonly budgetAlive: string;
  /** One lane of waiters (0 = most urgent), by when each first asked. */
  budgetLane(lane: number): string;
  /** A chat's pace in the budget; `chat` is a keyed hash. */
  budgetChat(chat: string): string;
  /** Set once a reporter was told their answers wait (so they are told once). */
  budgetTold(chat: string): string;
  /** Supervisors' alerts not yet in a message to the group, `<reportId>:<escalations>` by priority then time. */
  readonly alertsPending: string;
  /** The alert job that sends the group's next message (src/queue/lua/claim-courier.lua). */
  readonly alertsCourier: string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    bull: prefix,
    liveChannel: `${prefix}:live`,
    session: (name) => `${prefix}:sess:${name}`,
    language: (name) => `${prefix}:lang:${name}`,
    update: (updateId) => `${prefix}:upd:${updateId}`,
    updateOwner: (owner) => `${prefix}:upd-owner:${owner}`,
    messagesPerMinute: `${prefix}:rl:msg`,
    reportsPerDay: `${prefix}:rl:rep`,
    signinFailuresByAddress: `${prefix}:rl:signin-ip`,
    signinFailuresByDevice: `${prefix}:rl:signin-dev`,
    chatSent: (recipient) => `${prefix}:sent:${recipient}`,
    allSent: `${prefix}:sent:*all*`,
    chatPace: (recipient) => `${prefix}:pace:${recipient}`,
    floodChat: `${prefix}:flood:chat`,
    budgetNext: `${prefix}:budget:next`,
    budgetRecent: `${prefix}:budget:recent`,
    budgetPause: `${prefix}:budget:pause`,
    budgetAlive: `${prefix}:budget:alive`,
    budgetLane: (lane) => `${prefix}:budget:lane:${lane}`,
    budgetChat: (chat) => `${prefix}:budget:chat:${chat}`,
    budgetTold: (chat) => `${prefix}:budget:told:${chat}`,
    alertsPending: `${prefix}:alerts:pending`,
    alertsCourier: `${prefix}:alerts:courier`,
  };
}
