import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/**
 * The bot's Lua scripts (`src/bot/lua`, copied to dist by `npm run build`; each with a header
 * naming its KEYS and ARGV), registered once per connection with ioredis `defineCommand` (EVALSHA,
 * loading the script only when Redis lacks it), as src/queue/scripts.ts does for the queues.
 * Together they make an update's Redis work two round trips instead of five.
 */
const SCRIPTS = {
  ripotiBeginUpdate: { file: 'begin-update.lua', numberOfKeys: 4 },
  ripotiFinishUpdate: { file: 'finish-update.lua', numberOfKeys: 3 },
} as const;

export interface UpdateCommands {
  ripotiBeginUpdate(
    ...args: [updateKey: string, limitKey: string, sessionKey: string, languageKey: string, claim: '1' | '0', claimSec: number, points: number, windowSec: number, claimValue: string, takeOver: string]
  ): Promise<[0, string] | [1, number, number, string | null, string | null]>;
  ripotiFinishUpdate(
    ...args: [sessionKey: string, updateKey: string, languageKey: string, sealed: string, ttlSec: number, mark: 'done' | 'release' | 'none', rememberSec: number, language: string, languageTtlSec: number]
  ): Promise<number>;
}

let sources: Record<keyof typeof SCRIPTS, string> | null = null;

/** Registers the scripts on `redis` (once per connection) and returns it with their commands. */
export function withUpdateScripts(redis: Redis): Redis & UpdateCommands {
  sources ??= Object.fromEntries(Object.entries(SCRIPTS).map(([name, s]) => [name, readFileSync(join(__dirname, 'lua', s.file), 'utf8')])) as Record<keyof typeof SCRIPTS, string>;
  for (const [name, s] of Object.entries(SCRIPTS) as [keyof typeof SCRIPTS, (typeof SCRIPTS)[keyof typeof SCRIPTS]][]) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: s.numberOfKeys, lua: sources[name] });
  }
  return redis as Redis & UpdateCommands;
}
