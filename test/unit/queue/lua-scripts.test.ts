import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redisKeys } from '../../../src/redis-keys';

const dir = join(__dirname, '../../../src/queue/lua');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.lua'));

describe('Lua scripts', () => {
  it('exist as files', () => {
    expect(scripts.sort()).toEqual(['claim-courier.lua', 'claim-send.lua', 'flood-wait.lua', 'pass-courier.lua', 'release-send.lua', 'renew-send.lua', 'reserve-slot.lua', 'return-slot.lua', 'take-send.lua']);
  });

  it.each(scripts.map((f) => [f]))('%s names every KEYS and ARGV it uses in its header', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const header = /^--\[\[([\s\S]*?)\]\]/.exec(source);
    expect(header).not.toBeNull();
    const body = source.slice(header![0].length);
    const used = [...new Set([...body.matchAll(/\b(KEYS|ARGV)\[(\d+)\]/g)].map((m) => `${m[1]}[${m[2]}]`))];
    expect(used.length).toBeGreaterThan(0);
    for (const ref of used) expect(header![1]).toContain(ref);
    expect(header![1]).toMatch(/Output:/);
  });
});

describe('Redis key names', () => {
  it('all sit under the prefix, so one deployment or test file never touches another', () => {
    const k = redisKeys('ripoti-t1');
    const names = [k.bull, k.liveChannel, k.session('h'), k.update(42), k.messagesPerMinute, k.reportsPerDay, k.signinFailuresByAddress, k.chatSent('r1'), k.allSent, k.chatPace('r1'), k.floodChat, k.budgetNext, k.budgetRecent, k.budgetPause, k.budgetAlive, k.budgetLane(0), k.budgetLane(3), k.budgetChat('c1'), k.budgetTold('c1'), k.alertsPending, k.alertsCourier];
    for (const n of names) expect(n.startsWith('ripoti-t1')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keep the names that deployments already hold in Redis', () => {
    const k = redisKeys('ripoti');
    expect([k.liveChannel, k.session('abc'), k.update(7), k.messagesPerMinute, k.reportsPerDay, k.signinFailuresByAddress, k.chatSent('r'), k.allSent, k.chatPace('r')]).toEqual([
      'ripoti:live',
      'ripoti:sess:abc',
      'ripoti:upd:7',
      'ripoti:rl:msg',
      'ripoti:rl:rep',
      'ripoti:rl:signin-ip',
      'ripoti:sent:r',
      'ripoti:sent:*all*',
      'ripoti:pace:r',
    ]);
  });
});
