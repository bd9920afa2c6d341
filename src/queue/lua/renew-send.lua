--[[
  A send still in flight keeps its recipient (claim-send.lua): its hold moves a lease ahead again,
  only if it is still the one this send set (claimed, or last renewed, until ARGV[1]). A hold that
  ran out and was claimed by another send, or released, is left alone.

  Input:
    KEYS[1] the recipient's next-send key     (redisKeys(prefix).chatSent(recipient))

    ARGV[1] the hold this send set, ms (what claim-send.lua or the last renewal returned)
    ARGV[2] lease, ms

  Output:
    the new hold (ms), or 0 when the hold is no longer this send's
]]
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('SET', KEYS[1], now + lease, 'PX', lease + 1000)
return now + lease
