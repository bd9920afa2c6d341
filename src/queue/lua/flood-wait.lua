--[[
  Telegram answered a send 429 with retry_after. Its answer does not say whose limit it was: the
  chat's own (about one message a second, a short burst tolerated; about 20 a minute to a group)
  or the bot's (about 30 a second overall). One rule for every sender, the bot's answers (the
  shared budget, src/queue/send-budget.ts) and the replies worker (src/queue/reply-worker.ts):

  - a group's refusal is the group's own: only the group waits;
  - a chat that had another message within its interval (the budget's record) hit its own limit:
    only that chat waits;
  - otherwise the first chat refused is taken as waiting out its own limit: only that chat waits,
    other chats keep going. A refusal to another chat while one still waits is the bot's: nobody
    sends through the budget until retry_after has passed (a later pause never shortens an
    earlier, longer one), and the caller holds its own sends too ('all'). So at most one more
    call is refused than if every 429 held everyone. A call that named no chat holds everyone.

  Whichever sender was refused, the chat waits in both: its pace in the budget (the bot's answers)
  and, for the worker, its send gate (claim-send.lua) and booked slots (reserve-slot.lua), so its
  next messages are held until then, in their order. Chats are named by one keyed hash in both.

  Input:
    KEYS[1] the chat waiting out a 429 now    (redisKeys(prefix).floodChat)
    KEYS[2] the budget paused until, us       (redisKeys(prefix).budgetPause)
    KEYS[3] the chat's pace in the budget     (redisKeys(prefix).budgetChat(chat))
    KEYS[4] the worker's next send to it      (redisKeys(prefix).chatSent(recipient); unused when ARGV[5] is 0)
    KEYS[5] the worker's booked slots for it  (redisKeys(prefix).chatPace(recipient); unused when ARGV[5] is 0)

    ARGV[1] the chat (its budget key's hash; empty: the call named no chat)
    ARGV[2] retry_after, ms
    ARGV[3] the budget's chat interval, us
    ARGV[4] the budget's chat burst
    ARGV[5] the worker's chat interval, ms (0: the budget's caller, no worker keys)
    ARGV[6] 1 when the chat is a group, else 0

  Output:
    { 'chat' or 'all', the time (ms) until which the chat (or everyone) waits }
]]
local t = redis.call('TIME')
local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now = math.floor(nowUs / 1000)
local chat = ARGV[1]
local pause = tonumber(ARGV[2])
local chatInterval = tonumber(ARGV[3])
local burst = tonumber(ARGV[4])
local workerInterval = tonumber(ARGV[5])
local untilMs = now + pause
local function int(x) return string.format('%.0f', x) end

local function holdEveryone()
  local untilUs = math.max(nowUs + pause * 1000, tonumber(redis.call('GET', KEYS[2]) or '0'))
  redis.call('SET', KEYS[2], int(untilUs), 'PX', math.ceil((untilUs - nowUs) / 1000) + 1000)
  return { 'all', math.ceil(untilUs / 1000) }
end

if chat == '' then return holdEveryone() end

-- The chat's theoretical arrival time in the budget (take-send.lua), one interval on for the
-- refused call itself when the budget granted it: beyond that, another message within the interval.
local tat = tonumber(redis.call('GET', KEYS[3]) or '0')
local recent = tat - chatInterval > nowUs
if ARGV[6] ~= '1' and not recent then
  local waiting = redis.call('GET', KEYS[1])
  if waiting and waiting ~= chat then return holdEveryone() end
  redis.call('SET', KEYS[1], chat, 'PX', pause)
end

-- Held until retry_after has passed, then a fresh burst allowance of one in the budget.
local heldUs = math.max(nowUs + pause * 1000 + (burst - 1) * chatInterval, tat)
redis.call('SET', KEYS[3], int(heldUs), 'PX', math.ceil((heldUs - nowUs) / 1000) + 1000)
if workerInterval > 0 then
  local nextSend = math.max(tonumber(redis.call('GET', KEYS[4]) or '0'), untilMs)
  redis.call('SET', KEYS[4], nextSend, 'PX', nextSend - now + 1000)
  local slot = math.max(tonumber(redis.call('GET', KEYS[5]) or '0'), untilMs)
  redis.call('SET', KEYS[5], slot, 'PX', slot - now + workerInterval)
end
return { 'chat', untilMs }
