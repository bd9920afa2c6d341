import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';

/**
 * Keeps the operator documentation in step with src/config.ts: .env.example, the environment
 * list in docker/compose.yml and README's Configuration table must name exactly the variables
 * the schema reads. The schema is not exported, so its keys are read from the file text.
 */

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface SchemaKey {
  name: string;
  /** The literal passed to `.default(...)`, as a string; undefined when there is none. */
  default?: string;
  optional: boolean;
}

function schemaKeys(source: string): SchemaKey[] {
  const start = source.indexOf('const schema = z.object({');
  if (start < 0) throw new Error('src/config.ts: `const schema = z.object({` not found; update this test');
  const end = source.indexOf('\n});', start);
  const body = source.slice(start, end);
  const matches = [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)];
  return matches.map((m, i) => {
    // A key's definition runs until the next key (SLA_MINUTES spans several lines).
    const span = body.slice(m.index, i + 1 < matches.length ? matches[i + 1].index : body.length);
    const def = /\.default\(\s*(?:'([^']*)'|"([^"]*)"|([\w.-]+))\s*\)/.exec(span);
    return { name: m[1], default: def ? (def[1] ?? def[2] ?? def[3]) : undefined, optional: /\.optional\(\)/.test(span) };
  });
}

interface Documented {
  name: string;
  value: string;
  comment: string;
}

/** `KEY=value` lines of .env.example, each with the comment line right above it. */
function envExample(text: string): Documented[] {
  const lines = text.split('\n');
  const out: Documented[] = [];
  lines.forEach((line, i) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out.push({ name: m[1], value: m[2], comment: i > 0 && lines[i - 1].startsWith('#') ? lines[i - 1] : '' });
  });
  return out;
}

const keys = schemaKeys(read('src/config.ts'));
const names = keys.map((k) => k.name).sort();
const documented = envExample(read('.env.example'));

describe('.env.example', () => {
  it('finds the schema keys in src/config.ts', () => {
    // Guards the parser itself: a silent zero would make every other check pass.
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names).toEqual(expect.arrayContaining(['TELEGRAM_BOT_TOKEN', 'MONGODB_URI', 'DATA_KEY', 'SLA_MINUTES', 'RETENTION_DAYS']));
  });

  it('documents every variable src/config.ts reads, and no other', () => {
    const listed = documented.map((d) => d.name);
    expect(listed.filter((n) => !names.includes(n))).toEqual([]); // documented but not read
    expect(names.filter((n) => !listed.includes(n))).toEqual([]); // read but not documented
    expect(new Set(listed).size).toBe(listed.length); // each once
  });

  it.each(keys.map((k) => [k.name, k] as const))('%s has a comment line stating its default', (name, key) => {
    const doc = documented.find((d) => d.name === name);
    expect(doc?.comment).toMatch(/^# \S/);
    if (key.default !== undefined) expect(doc?.comment).toContain(`Default: ${key.default}.`);
    else if (key.optional) expect(doc?.comment).toContain('Optional');
    else expect(doc?.comment).toContain('Required');
  });

  it('is a valid configuration once the required secrets are filled in', () => {
    const env: Record<string, string> = Object.fromEntries(documented.map((d) => [d.name, d.value]));
    const required = {
      TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      DATA_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    const config = loadConfig({ ...env, ...required });
    // Empty values mean "default": the example sets nothing beyond the local MongoDB.
    expect(config).toEqual(loadConfig({ ...required, MONGODB_URI: env.MONGODB_URI }));
  });
});

describe('docker/compose.yml', () => {
  it('passes every variable to the roles, and no other', () => {
    const compose = read('docker/compose.yml');
    const start = compose.indexOf('x-ripoti-env: &ripoti-env\n');
    expect(start).toBeGreaterThanOrEqual(0);
    const block = compose.slice(start, compose.indexOf('\n\n', start));
    const passed = [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]).sort();
    expect(passed).toEqual(names);
  });
});

describe('README.md', () => {
  it('lists every variable in the Configuration table, and no other', () => {
    const readme = read('README.md');
    const start = readme.indexOf('\n## Configuration\n');
    expect(start).toBeGreaterThanOrEqual(0);
    const next = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, next < 0 ? readme.length : next);
    const rows = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]).sort();
    expect(rows).toEqual(names);
  });
});
