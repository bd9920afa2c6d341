--[[
  The gate at the moment of sending: a message may go only if its recipient is free (nothing in
  flight to it, and a chat interval has passed since the last send to it was answered) AND
  nothing at all went out for a global interval. Both are checked and stamped in one script, so
  workers in any number of processes never exceed either limit.

  The recipient's key holds the time from which the next send may start. Claiming sets it a lease
  ahead (the send is in flight; a worker that dies mid-send frees the chat when the lease ends;
  renew-send.lua moves it on while the send lasts longer); release-send.lua sets it a chat interval after Telegram answered. So the next message starts no
  sooner than an interval after the previous one arrived, whatever the send's latency: as the
  reporter's phone sees it, two messages are always at least an interval apart.

  While a 429 holds every chat (flood-wait.lua: the bot's own limit), nothing is claimed: a job
  already past its booking when the hold began would otherwise send into it and be refused too.

  Input:
    KEYS[1] the recipient's next-send key     (redisKeys(prefix).chatSent(recipient))
    KEYS[2] the last send to anyone           (redisKeys(prefix).allSent)
    KEYS[3] everyone held until, us           (redisKeys(prefix).budgetPause)

    ARGV[1] global interval, ms (1000 / overall rate)
    ARGV[2] lease, ms: the longest a send may stay in flight

  Output:
    { 0, the hold (ms, for renew-send.lua) } when claimed (send now, then release), else
    { the ms to wait, 0 }; negative (minus the ms left) while everyone is held
]]
local t = redis.call('TIME')
local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
local heldUs = tonumber(redis.call('GET', KEYS[3]) or '0')
if heldUs > nowUs then return { -math.ceil((heldUs - nowUs) / 1000), 0 } end
local now = math.floor(nowUs / 1000)
local globalInterval = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
local nextChat = tonumber(redis.call('GET', KEYS[1]) or '0')
local lastAll = tonumber(redis.call('GET', KEYS[2]) or '0')
local wait = math.max(nextChat - now, lastAll + globalInterval - now, 0)
if wait > 0 then return { wait, 0 } end
redis.call('SET', KEYS[1], now + lease, 'PX', lease + 1000)
redis.call('SET', KEYS[2], now, 'PX', globalInterval + 1000)
return { 0, now + lease }
