import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/**
 * Our Lua scripts live as `.lua` files beside this module (`src/queue/lua`, copied to dist by
 * `npm run build`), each with a header naming its KEYS and ARGV. They are registered on a
 * connection once with ioredis `defineCommand`, which sends EVALSHA and loads the script only
 * when Redis does not have it yet (BullMQ loads its commands the same way).
 */
const SCRIPTS = {
  ripotiReserveSlot: { file: 'reserve-slot.lua', numberOfKeys: 1 },
  ripotiClaimSend: { file: 'claim-send.lua', numberOfKeys: 3 },
  ripotiRenewSend: { file: 'renew-send.lua', numberOfKeys: 1 },
  ripotiReleaseSend: { file: 'release-send.lua', numberOfKeys: 1 },
  ripotiTakeSend: { file: 'take-send.lua', numberOfKeys: 9 },
  ripotiReturnSlot: { file: 'return-slot.lua', numberOfKeys: 1 },
  ripotiFloodWait: { file: 'flood-wait.lua', numberOfKeys: 5 },
  ripotiClaimCourier: { file: 'claim-courier.lua', numberOfKeys: 2 },
  ripotiPassCourier: { file: 'pass-courier.lua', numberOfKeys: 2 },
} as const;

/** The commands the scripts add to a connection. */
export interface PacerCommands {
  ripotiReserveSlot(paceKey: string, intervalMs: number, burst: number): Promise<number>;
  ripotiClaimSend(sentKey: string, allSentKey: string, heldKey: string, globalIntervalMs: number, leaseMs: number): Promise<[wait: number, heldUntil: number]>;
  ripotiRenewSend(sentKey: string, heldUntil: number, leaseMs: number): Promise<number>;
  ripotiReleaseSend(sentKey: string, chatIntervalMs: number): Promise<number>;
  ripotiTakeSend(
    ...args: [next: string, pause: string, alive: string, lane0: string, lane1: string, lane2: string, lane3: string, chat: string, recent: string, id: string, lane: number, since: string, intervalUs: number, chatIntervalUs: number, burst: number, graceUs: number, perSecond: number, slack: number]
  ): Promise<[number, number, string, string | number]>;
  ripotiReturnSlot(limiterKey: string): Promise<number>;
  ripotiFloodWait(
    ...args: [floodChat: string, budgetPause: string, budgetChat: string, sent: string, pace: string, chat: string, pauseMs: number, chatIntervalUs: number, burst: number, workerIntervalMs: number, group: 0 | 1]
  ): Promise<['chat' | 'all', number]>;
  ripotiClaimCourier(courierKey: string, pendingKey: string, jobId: string, leaseMs: number, ...carried: string[]): Promise<number>;
  ripotiPassCourier(courierKey: string, pendingKey: string, jobId: string, nextId: string, leaseMs: number): Promise<number>;
}

let sources: Record<keyof typeof SCRIPTS, string> | null = null;

function scriptSources(): Record<keyof typeof SCRIPTS, string> {
  sources ??= Object.fromEntries(Object.entries(SCRIPTS).map(([name, s]) => [name, readFileSync(join(__dirname, 'lua', s.file), 'utf8')])) as Record<keyof typeof SCRIPTS, string>;
  return sources;
}

/** Registers the scripts on `redis` (once per connection) and returns it with their commands. */
export function withScripts(redis: Redis): Redis & PacerCommands {
  const lua = scriptSources();
  for (const [name, s] of Object.entries(SCRIPTS) as [keyof typeof SCRIPTS, (typeof SCRIPTS)[keyof typeof SCRIPTS]][]) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: s.numberOfKeys, lua: lua[name] });
  }
  return redis as Redis & PacerCommands;
}
