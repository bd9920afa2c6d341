--[[
  The shared outgoing budget (src/lib/send-budget.ts): may this caller send now? Callers wait in
  lanes (0 = most urgent); a lane is served only while every lane before it is empty, and within
  a lane only its `slack` longest waiting callers may take a slot, unless the slot has stayed
  free for a whole interval (those callers are late): then anyone in that lane takes it. A chat's own pace (GCRA with a
  short burst) is checked first, so a caller whose chat is busy holds no place in the line.
  Uses Redis' clock (microseconds) so every process and host agrees.

  The overall pace is kept by three rules together:
  - a virtual schedule (GCRA): slot k is due one interval after slot k-1 was due, not after it
    was taken; waiters are asked back up to `slack - 1` intervals before a slot is due, so one who
    comes back late (a busy event loop, a round trip) still takes it on time and does not push
    every later slot back;
  - never more than `per second` grants in any sliding second (Telegram's own measure), from a
    short list of the latest grants;
  - never two grants closer than half an interval, so catching up is not one burst.

  Input:
    KEYS[1] when the next slot is due         (redisKeys(prefix).budgetNext)
    KEYS[2] paused until (a 429)             (redisKeys(prefix).budgetPause)
    KEYS[3] waiters by expiry                (redisKeys(prefix).budgetAlive)
    KEYS[4..7] lanes 0..3, waiters by since  (redisKeys(prefix).budgetLane(n))
    KEYS[8] the chat's pace                  (redisKeys(prefix).budgetChat(chat); unused when ARGV[5] is 0)
    KEYS[9] the latest grants, newest first  (redisKeys(prefix).budgetRecent)

    ARGV[1] the caller's id
    ARGV[2] its lane, 0..3
    ARGV[3] since (us, from a previous answer; 0 on the first ask)
    ARGV[4] overall interval, us (1e6 / messages per second)
    ARGV[5] chat interval, us (0: the caller paces the chat itself)
    ARGV[6] chat burst
    ARGV[7] grace, us: how long a waiter stays in line past its next ask
    ARGV[8] messages per sliding second
    ARGV[9] slack: how many of a lane's longest waiting callers may take a free slot

  Output:
    { wait ms (0 = send now), estimated ms until its turn, since us, granted at us (0 unless granted) }
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local id = ARGV[1]
local lane = tonumber(ARGV[2])
local since = tonumber(ARGV[3])
if since <= 0 then since = now end
local interval = tonumber(ARGV[4])
local chatInterval = tonumber(ARGV[5])
local burst = tonumber(ARGV[6])
local grace = tonumber(ARGV[7])
local perSecond = tonumber(ARGV[8])
local slack = tonumber(ARGV[9])
local laneKey = KEYS[4 + lane]
local function ms(us) return math.ceil(us / 1000) end
-- Written as integers: Lua's default number format would round microsecond times.
local function int(x) return string.format('%.0f', x) end

-- Waiters that stopped asking (their process died) leave every lane.
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', int(now), 'LIMIT', 0, 500)
if #gone > 0 then
  redis.call('ZREM', KEYS[3], unpack(gone))
  for i = 4, 7 do redis.call('ZREM', KEYS[i], unpack(gone)) end
end

-- The chat first: a busy chat does not block the line.
local tat = now
if chatInterval > 0 then
  tat = math.max(tonumber(redis.call('GET', KEYS[8]) or '0'), now)
  local chatAt = tat - (burst - 1) * chatInterval
  if chatAt > now then
    redis.call('ZREM', laneKey, id)
    redis.call('ZREM', KEYS[3], id)
    return { ms(chatAt - now), ms(chatAt - now), int(since), 0 }
  end
end

-- When the overall budget next frees: the schedule, the pause, the sliding second, the spacing.
local due = tonumber(redis.call('GET', KEYS[1]) or '0')
local open = math.max(due - (slack - 1) * interval, tonumber(redis.call('GET', KEYS[2]) or '0'))
local latest = redis.call('LINDEX', KEYS[9], 0)
if latest then open = math.max(open, tonumber(latest) + math.floor(interval / 2)) end
local oldest = redis.call('LINDEX', KEYS[9], perSecond - 1)
if oldest then open = math.max(open, tonumber(oldest) + 1000000) end
local free = math.max(open, now)

local before = 0
for i = 0, lane - 1 do before = before + redis.call('ZCARD', KEYS[4 + i]) end
redis.call('ZADD', laneKey, 'NX', int(since), id)
local rank = redis.call('ZRANK', laneKey, id)

-- The first few of the most urgent lane waiting take a free slot; once it has stayed free for
-- a whole interval (they are late), anyone in that lane takes it rather than leave it unused.
-- Never a less urgent lane: a busy event loop makes everyone late at once, and then the first
-- to ask would be whoever's timer fired first, not the person in danger.
if open <= now and before == 0 and (rank < slack or now - open >= interval) then
  local nextDue = math.max(due, now) + interval
  redis.call('SET', KEYS[1], int(nextDue), 'PX', ms(nextDue - now) + 1000)
  redis.call('LPUSH', KEYS[9], int(now))
  redis.call('LTRIM', KEYS[9], 0, perSecond - 1)
  redis.call('PEXPIRE', KEYS[9], 2000)
  if chatInterval > 0 then redis.call('SET', KEYS[8], int(tat + chatInterval), 'PX', ms(tat + chatInterval - now) + 1000) end
  redis.call('ZREM', laneKey, id)
  redis.call('ZREM', KEYS[3], id)
  return { 0, 0, int(since), int(now) }
end

local ahead = before + rank
local eta = (free - now) + ahead * interval
-- Among the first few: ask back when the slot frees; when it is free already but others go first,
-- after an interval (not a tight loop while a late waiter ahead comes back). Further back: when
-- the turn nears, at most 1 s.
local wait = math.max(free - now, 1000)
if open <= now then wait = interval end
if ahead >= slack then wait = math.max(wait, math.min((ahead - slack + 1) * interval, 1000000)) end
redis.call('ZADD', KEYS[3], int(now + wait + grace), id)
return { ms(wait), ms(eta), int(since), 0 }
