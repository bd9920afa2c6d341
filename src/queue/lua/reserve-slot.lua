--[[
  Books the next free send slot for one recipient: a GCRA token bucket that reserves, so
  messages queued for one chat go out one per interval in the order they were booked. Uses
  Redis' own clock so every worker host agrees.

  Input:
    KEYS[1] the recipient's pacing key        (redisKeys(prefix).chatPace(recipient))

    ARGV[1] interval between two sends, ms
    ARGV[2] burst: sends allowed back to back

  Output:
    ms to wait before sending (0 = now)
]]
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
