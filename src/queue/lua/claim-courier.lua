--[[
  Makes a supervisors' alert job the courier: the one job that sends the group what is pending
  (src/queue/supervisor-alerts.ts). Already this job's (a parked or retried job coming back):
  its lease renewed. Held by another job: that one will carry this alert too. Free: taken, unless
  this job carries a message written before its lease ran out (ARGV[3...], at the moment of
  sending) and one of its alerts is no longer pending: another courier took over meanwhile,
  sent it and let go, so this message would tell the group again.

  Input:
    KEYS[1] the courier key           (redisKeys(prefix).alertsCourier)
    KEYS[2] the pending alerts        (redisKeys(prefix).alertsPending)

    ARGV[1] this job's id
    ARGV[2] lease, ms (a courier that died lets go after it)
    ARGV[3...] the pending members this job's message carries (none before it is written)

  Output:
    1 when this job is the courier, 0 when another is (or its message is stale)
]]
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
if not holder then
  for i = 3, #ARGV do
    if not redis.call('ZSCORE', KEYS[2], ARGV[i]) then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return 1
