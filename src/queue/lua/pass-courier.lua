--[[
  After a courier sent the group its message: alerts still pending (raised meanwhile) go with
  the next courier job, already added with a delay; with none pending the courier key is freed,
  so the next alert is sent as soon as it comes. Atomic with the pending count, so an alert
  whose job found the courier busy is always seen here (its ZADD came before its claim).
  Without a next job (ARGV[2] empty: a courier that found nothing to send), alerts pending by
  now keep this job the courier.

  Input:
    KEYS[1] the courier key           (redisKeys(prefix).alertsCourier)
    KEYS[2] the pending alerts        (redisKeys(prefix).alertsPending)

    ARGV[1] this job's id
    ARGV[2] the next courier job's id
    ARGV[3] lease, ms

  Output:
    1 when handed to the next job, 2 when kept by this one, 0 when freed (or no longer this job's)
]]
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('ZCARD', KEYS[2]) > 0 then
  if ARGV[2] == '' then
    redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
    return 2
  end
  redis.call('SET', KEYS[1], ARGV[2], 'PX', tonumber(ARGV[3]))
  return 1
end
redis.call('DEL', KEYS[1])
return 0
