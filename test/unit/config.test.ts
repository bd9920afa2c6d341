import { loadConfig, ConfigError } from '../../src/config';

const key = Buffer.alloc(32, 7).toString('base64');
const valid = {
  TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/ripoti',
  DATA_KEY: `k1:${key}`,
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('fills defaults for everything optional', () => {
    const c = loadConfig(valid);
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(c.telegram.mode).toBe('polling');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.console.port).toBe(3000);
    expect(c.tickets.slaMinutes).toEqual([5, 15, 60, 240]);
    expect(c.dataKeys).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
    // argon2's own defaults for console passwords; only the tests lower them.
    expect(c.console.passwordHash).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 4 });
  });

  it('takes the password hash cost as memory, passes and lanes, and refuses one argon2 cannot run or that is no cost', () => {
    expect(loadConfig({ ...valid, PASSWORD_HASH_COST: '19456,2,1' }).console.passwordHash).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(errorOf({ ...valid, PASSWORD_HASH_COST: '512,1,1' }).message).toContain('PASSWORD_HASH_COST');
    expect(errorOf({ ...valid, PASSWORD_HASH_COST: '65536,0,4' }).message).toContain('1-20 passes');
    expect(errorOf({ ...valid, PASSWORD_HASH_COST: '64MB' }).message).toContain('e.g. 65536,3,4');
  });

  it('trusts only the proxies named: none, a number of hops (true is one), or their addresses; never every hop', () => {
    const trust = (v?: string) => loadConfig(v === undefined ? valid : { ...valid, CONSOLE_TRUST_PROXY: v }).console.trustProxy;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(errorOf({ ...valid, CONSOLE_TRUST_PROXY: 'all' }).message).toMatch(/CONSOLE_TRUST_PROXY.*expected false, true \(one proxy of your own\)/);
  });

  it('names a missing variable and says what is expected', () => {
    const e = errorOf({ ...valid, TELEGRAM_BOT_TOKEN: '' });
    expect(e.variable).toBe('TELEGRAM_BOT_TOKEN');
    expect(e.message).toMatch(/^Invalid configuration: TELEGRAM_BOT_TOKEN is required/);
    expect(e.message).not.toContain('\n');
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', 'not-a-token', /BotFather token/],
    ['MONGODB_URI', 'http://x', /mongodb:\/\//],
    ['REDIS_URL', 'localhost:6379', /redis:\/\//],
    ['DATA_KEY', 'k1:c2hvcnQ=', /32-byte/],
    ['CONSOLE_PORT', '99999', /invalid/],
    ['SLA_MINUTES', '5,15', /four minute counts/],
    ['TELEGRAM_MODE', 'push', /invalid/],
    ['REDIS_PREFIX', 'rip{oti}', /hash tag/],
    ['REDIS_SENTINELS', '10.0.0.1', /host:port/],
    ['REDIS_CLUSTER_NODES', '10.0.0.1:6379,nope', /host:port/],
  ])('rejects a malformed %s', (variable, value, message) => {
    const e = errorOf({ ...valid, [variable]: value });
    expect(e.variable).toBe(variable);
    expect(e.message).toMatch(message);
  });

  it('requires a webhook URL and secret in webhook mode', () => {
    expect(errorOf({ ...valid, TELEGRAM_MODE: 'webhook' }).variable).toBe('TELEGRAM_WEBHOOK_URL');
    expect(errorOf({ ...valid, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://ripoti.example/tg' }).variable).toBe('TELEGRAM_WEBHOOK_SECRET');
    const secret = 's3cret_token-0123456789abcdefABCDEF';
    const c = loadConfig({ ...valid, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://ripoti.example/tg', TELEGRAM_WEBHOOK_SECRET: secret });
    expect(c.telegram.webhook).toMatchObject({ url: 'https://ripoti.example/tg', secret, port: 8443 });
    // A secret short enough to guess is refused at start, not discovered by an attacker.
    expect(errorOf({ ...valid, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://ripoti.example/tg', TELEGRAM_WEBHOOK_SECRET: 's3cret_token' }).message).toMatch(/32-256/);
  });

  it('accepts several data keys for rotation, the first one current', () => {
    const old = Buffer.alloc(32, 1).toString('base64');
    const c = loadConfig({ ...valid, DATA_KEY: `k2:${key},k1:${old}` });
    expect(c.dataKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it('selects Redis Sentinel or Redis Cluster from host:port lists', () => {
    const s = loadConfig({ ...valid, REDIS_SENTINELS: '10.0.0.1:26379, sentinel-2:26380', REDIS_SENTINEL_NAME: 'ripoti' });
    expect(s.redis).toMatchObject({ sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: 'sentinel-2', port: 26380 }], sentinelName: 'ripoti', clusterNodes: undefined });
    expect(loadConfig(valid).redis.sentinelName).toBe('mymaster');
    const c = loadConfig({ ...valid, REDIS_CLUSTER_NODES: '10.0.0.1:6379,10.0.0.2:6379', REDIS_PREFIX: '{ripoti}' });
    expect(c.redis).toMatchObject({ prefix: '{ripoti}', clusterNodes: [{ host: '10.0.0.1', port: 6379 }, { host: '10.0.0.2', port: 6379 }], sentinels: undefined });
  });

  it('refuses a cluster without a hash-tagged prefix, and Sentinel and Cluster together', () => {
    const e = errorOf({ ...valid, REDIS_CLUSTER_NODES: '10.0.0.1:6379' });
    expect(e.variable).toBe('REDIS_PREFIX');
    expect(e.message).toMatch(/\{hash tag\}/);
    expect(errorOf({ ...valid, REDIS_CLUSTER_NODES: '10.0.0.1:6379', REDIS_SENTINELS: '10.0.0.1:26379', REDIS_PREFIX: '{ripoti}' }).variable).toBe('REDIS_CLUSTER_NODES');
  });

  describe('DATA_KEY strictness', () => {
    const other = Buffer.alloc(32, 1).toString('base64');

    it('refuses a key id given twice, in one line naming DATA_KEY and the id but no key', () => {
      const e = errorOf({ ...valid, DATA_KEY: `k2:${key},k2:${other},k1:${Buffer.alloc(32, 2).toString('base64')}` });
      expect(e.variable).toBe('DATA_KEY');
      expect(e.message).toMatch(/^Invalid configuration: DATA_KEY is invalid: .*k2.*more than once/);
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toContain(key);
    });

    it.each([
      ['trailing junk', `k1:${key}garbage`],
      ['junk inside', `k1:${key.slice(0, 20)}!!${key.slice(20)}`],
      ['a space inside', `k1:${key.slice(0, 20)} ${key.slice(20)}`],
      ['no padding', `k1:${key.replace(/=+$/, '')}`],
      ['33 bytes', `k1:${Buffer.alloc(33, 7).toString('base64')}`],
      ['an empty key', 'k1:'],
      ['a bad id', `k 1:${key}`],
    ])('refuses a key with %s, naming DATA_KEY and never the key', (_what, value) => {
      const e = errorOf({ ...valid, DATA_KEY: value });
      expect(e.variable).toBe('DATA_KEY');
      expect(e.message).toMatch(/32-byte/);
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toContain(key.slice(0, 20));
    });

    it('still accepts what openssl rand -base64 32 prints, with or without an id', () => {
      expect(loadConfig({ ...valid, DATA_KEY: ` k1:${key} , k0:${other} ` }).dataKeys.map((k) => k.id)).toEqual(['k1', 'k0']);
      expect(loadConfig({ ...valid, DATA_KEY: key }).dataKeys).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
    });
  });
});
