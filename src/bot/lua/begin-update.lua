--[[
  Opens the handling of one Telegram update in one round trip: claims the update (a re-delivery
  finds the claim and is dropped), counts it against the reporter's per-minute limit (the same
  key and arithmetic as rate-limiter-flexible's RateLimiterRedis, so counters carry over), and
  reads the reporter's sealed session and the language they chose (kept longer than a session).

  Input:
    KEYS[1] the update's de-dup key          (redisKeys(prefix).update(updateId))
    KEYS[2] the reporter's per-minute counter (redisKeys(prefix).messagesPerMinute .. ':' .. keyed hash)
    KEYS[3] the reporter's session           (redisKeys(prefix).session(name))
    KEYS[4] the reporter's language          (redisKeys(prefix).language(name))

    ARGV[1] '1' claim the update, '0' not (the end of a split paste re-handles a claimed update)
    ARGV[2] how long the claim lives, s (it becomes "done" when the update was handled)
    ARGV[3] points per window ('0': no limit, the counter is not touched)
    ARGV[4] the window, s
    ARGV[5] the claim: 'handling:' and this process's owner id (src/bot/update-owner.ts)
    ARGV[6] '' or a claim to take over: the update is claimed only if it still holds exactly
            that (its owner died mid-update; the caller checked)

  Output:
    {0, what the update's key holds} when it is claimed already ('done', or 'handling:<owner>'), else
    {1, points consumed in this window (0 without a limit), ms left in the window, session or false,
     language or false}
]]
if ARGV[1] == '1' then
  if ARGV[6] ~= '' then
    local held = redis.call('GET', KEYS[1])
    if held ~= ARGV[6] then return {0, held or ''} end
    redis.call('SET', KEYS[1], ARGV[5], 'EX', ARGV[2])
  elseif not redis.call('SET', KEYS[1], ARGV[5], 'EX', ARGV[2], 'NX') then
    return {0, redis.call('GET', KEYS[1]) or ''}
  end
end
local consumed = 0
local left = 0
if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], 0, 'EX', ARGV[4], 'NX')
  consumed = redis.call('INCRBY', KEYS[2], 1)
  left = redis.call('PTTL', KEYS[2])
  if left == -1 then
    redis.call('EXPIRE', KEYS[2], ARGV[4])
    left = 1000 * tonumber(ARGV[4])
  end
end
return {1, consumed, left, redis.call('GET', KEYS[3]), redis.call('GET', KEYS[4])}
