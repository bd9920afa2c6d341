--[[
  Telegram answered a send to one chat 429 with retry_after. Its answer does not say whose limit
  it was: the chat's own (about one message a second; a surge of its own) or the bot's (about 30
  a second overall). The first refusal is taken as the chat's: only that chat waits retry_after,
  and other chats keep going. A refusal to another chat while one still waits is the bot's: the
  caller holds everyone (its answer 'all'), so at most one more call is refused than if every
  429 held everyone.

  A group's refusal (ARGV[4] = 1) is always the group's own (about 20 messages a minute to one
  group, apart from the bot's overall limit): only the group waits, and it neither counts as nor
  meets another chat's wait.

  The chat waits through both of the reply worker's keys: its send gate (claim-send.lua) and its
  booked slots (reserve-slot.lua), so its next messages are parked until then, in their order.

  Input:
    KEYS[1] the chat waiting out a 429 now    (redisKeys(prefix).floodChat)
    KEYS[2] the recipient's next-send key     (redisKeys(prefix).chatSent(recipient))
    KEYS[3] the recipient's pacing key        (redisKeys(prefix).chatPace(recipient))

    ARGV[1] the recipient (its pacing key's hash)
    ARGV[2] retry_after, ms
    ARGV[3] chat interval, ms
    ARGV[4] 1 when the recipient is a group (its own limit), else 0

  Output:
    { 'chat' or 'all', the time (ms) until which the chat (or everyone) waits }
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local untilMs = now + pause

if ARGV[4] ~= '1' then
  local waiting = redis.call('GET', KEYS[1])
  if waiting and waiting ~= ARGV[1] then return { 'all', untilMs } end
  redis.call('SET', KEYS[1], ARGV[1], 'PX', pause)
end

local nextSend = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), untilMs)
redis.call('SET', KEYS[2], nextSend, 'PX', nextSend - now + 1000)
local tat = math.max(tonumber(redis.call('GET', KEYS[3]) or '0'), untilMs)
redis.call('SET', KEYS[3], tat, 'PX', tat - now + interval)
return { 'chat', untilMs }
