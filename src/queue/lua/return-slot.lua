--[[
  Gives back the slot BullMQ's global limiter counted when a job was moved to active, for a job
  that did not send: it was parked (moved to delayed) to wait for its chat's turn. BullMQ counts
  every activation, so without this a parked message costs two slots (parked, then sent) and the
  queue sends at about half its rate while many chats wait. Never takes the counter below zero,
  and leaves its expiry (the limiter's window) as it is; a window already over has nothing to give.

  Input:
    KEYS[1] the queue's limiter key (BullMQ `worker.keys.limiter`)

  Output:
    the count left in the current window (0 when there is none)
]]
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count <= 0 then return 0 end
return redis.call('DECR', KEYS[1])
