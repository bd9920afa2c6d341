--[[
  Closes the handling of one update in one round trip: writes the reporter's session if it
  changed (else only renews its time to live: an idle conversation is forgotten a fixed time
  after the reporter's last message), and marks the update handled, or releases its claim when
  handling failed so that Telegram's retry is handled again. Keeps the reporter's language, when
  given, for its own (longer) time: a conversation forgotten after a day still speaks it.

  Input:
    KEYS[1] the reporter's session    (redisKeys(prefix).session(name))
    KEYS[2] the update's de-dup key   (redisKeys(prefix).update(updateId))
    KEYS[3] the reporter's language   (redisKeys(prefix).language(name))

    ARGV[1] the sealed session, or '' when it did not change
    ARGV[2] the session's time to live, s
    ARGV[3] 'done' mark the update handled, 'release' delete its claim, 'none' leave it
    ARGV[4] how long a handled update is remembered, s
    ARGV[5] the language to keep, or '' to leave it as it is
    ARGV[6] how long the language is kept, s

  Output:
    1
]]
if ARGV[1] == '' then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
if ARGV[3] == 'done' then
  redis.call('SET', KEYS[2], 'done', 'EX', ARGV[4])
elseif ARGV[3] == 'release' then
  redis.call('DEL', KEYS[2])
end
if ARGV[5] ~= '' then
  redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
end
return 1
