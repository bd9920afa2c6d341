--[[
  Telegram answered 429: nobody sends through the shared budget until retry_after has passed
  (a later pause never shortens an earlier, longer one). See take-send.lua.

  Input:
    KEYS[1] paused until                     (redisKeys(prefix).budgetPause)

    ARGV[1] pause, ms

  Output:
    the time (us) until which sends are paused
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local untilUs = math.max(now + tonumber(ARGV[1]) * 1000, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], string.format('%.0f', untilUs), 'PX', math.ceil((untilUs - now) / 1000) + 1000)
return string.format('%.0f', untilUs)
