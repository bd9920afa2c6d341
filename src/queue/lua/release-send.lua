--[[
  After a send to a recipient was answered (accepted or refused): the next send to it may start a
  chat interval from now. See claim-send.lua.

  Input:
    KEYS[1] the recipient's next-send key     (redisKeys(prefix).chatSent(recipient))

    ARGV[1] chat interval, ms

  Output:
    the time (ms) from which the next send may start
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + interval, 'PX', interval + 1000)
return now + interval
