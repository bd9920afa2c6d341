--[[
  The gate at the moment of sending: a message may go only if its recipient got nothing for a
  chat interval AND nothing at all went out for a global interval. Both are checked and stamped
  in one script, so workers in any number of processes never exceed either limit in any
  sliding window.

  Input:
    KEYS[1] the recipient's last-send key     (redisKeys(prefix).chatSent(recipient))
    KEYS[2] the last send to anyone           (redisKeys(prefix).allSent)

    ARGV[1] chat interval, ms
    ARGV[2] global interval, ms (1000 / overall rate)

  Output:
    0 when stamped (send now), else the ms to wait
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local chatInterval = tonumber(ARGV[1])
local globalInterval = tonumber(ARGV[2])
local lastChat = tonumber(redis.call('GET', KEYS[1]) or '0')
local lastAll = tonumber(redis.call('GET', KEYS[2]) or '0')
local wait = math.max(lastChat + chatInterval - now, lastAll + globalInterval - now, 0)
if wait > 0 then return wait end
redis.call('SET', KEYS[1], now, 'PX', chatInterval + 1000)
redis.call('SET', KEYS[2], now, 'PX', globalInterval + 1000)
return 0
