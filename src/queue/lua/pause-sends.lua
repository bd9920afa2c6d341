--[[
  Telegram answered 429. When the refused call went to a chat that had a message within the last
  chat interval, it is that chat's own limit (about 1 message a second): only that chat waits
  retry_after. Otherwise nobody sends through the shared budget until retry_after has passed (a
  later pause never shortens an earlier, longer one). See take-send.lua.

  Input:
    KEYS[1] paused until                     (redisKeys(prefix).budgetPause)
    KEYS[2] the chat's pace                  (redisKeys(prefix).budgetChat(chat); unused when ARGV[2] is 0)

    ARGV[1] pause, ms
    ARGV[2] chat interval, us (0: the call named no chat)
    ARGV[3] chat burst

  Output:
    { 'chat' or 'all', the time (us) until which sends are paused }
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local pause = tonumber(ARGV[1]) * 1000
local chatInterval = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local function int(x) return string.format('%.0f', x) end

if chatInterval > 0 then
  -- The chat's theoretical arrival time (take-send.lua) moved one interval on for the refused
  -- call itself: beyond that, the chat had another message within the interval.
  local tat = tonumber(redis.call('GET', KEYS[2]) or '0')
  if tat - chatInterval > now then
    -- Held until retry_after has passed, then it starts a fresh burst allowance of one.
    local untilUs = now + pause + (burst - 1) * chatInterval
    redis.call('SET', KEYS[2], int(math.max(untilUs, tat)), 'PX', math.ceil((math.max(untilUs, tat) - now) / 1000) + 1000)
    return { 'chat', int(now + pause) }
  end
end

local untilUs = math.max(now + pause, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], int(untilUs), 'PX', math.ceil((untilUs - now) / 1000) + 1000)
return { 'all', int(untilUs) }
