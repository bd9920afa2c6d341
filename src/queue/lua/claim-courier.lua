--[[
  Makes a supervisors' alert job the courier: the one job that sends the group what is pending
  (src/queue/supervisor-alerts.ts). Free, or already this job's (a parked or retried job coming
  back): taken and its lease renewed. Held by another job: that one will carry this alert too.

  Input:
    KEYS[1] the courier key           (redisKeys(prefix).alertsCourier)

    ARGV[1] this job's id
    ARGV[2] lease, ms (a courier that died lets go after it)

  Output:
    1 when this job is the courier, 0 when another is
]]
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return 1
