import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../../src/bot/lua');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.lua'));

describe('the bot\'s Lua scripts', () => {
  it('exist as files', () => {
    expect(scripts.sort()).toEqual(['begin-update.lua', 'finish-update.lua']);
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
