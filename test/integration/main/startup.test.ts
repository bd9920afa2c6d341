import { TelegramDouble } from '../../support/telegram';
import { spawnApp, type Spawned } from '../../support/spawn-app';
import { freePort } from '../../support/ports';
import { uniquePrefix, deleteByPrefix, connectTestRedis } from '../../support/redis';

const baseEnv = () => ({
  MONGODB_URI: process.env.MONGODB_URI!,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  DATA_KEY: `k1:${Buffer.alloc(32, 5).toString('base64')}`,
  CONSOLE_PORT: '0',
  WORKER_HTTP_PORT: '0',
  LOG_LEVEL: 'info',
});

describe('starting and stopping the hotline', () => {
  let proc: Spawned | undefined;
  afterEach(async () => {
    if (proc && proc.child.exitCode === null) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
  });

  it('refuses to start without a bot token, with one clear line and no stack trace', async () => {
    proc = spawnApp(['all'], { ...baseEnv(), TELEGRAM_BOT_TOKEN: undefined });
    const { code } = await proc.exited;
    expect(code).not.toBe(0);
    expect(proc.lines).toEqual(['Invalid configuration: TELEGRAM_BOT_TOKEN is required: expected a BotFather token like 123456789:AA...']);
  });

  it('names a malformed variable', async () => {
    proc = spawnApp(['all'], { ...baseEnv(), TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', REDIS_URL: 'localhost' });
    const { code } = await proc.exited;
    expect(code).not.toBe(0);
    expect(proc.lines).toHaveLength(1);
    expect(proc.lines[0]).toMatch(/^Invalid configuration: REDIS_URL is invalid/);
  });

  it('says in one line when Redis does not answer, naming REDIS_URL', async () => {
    const port = await freePort();
    proc = spawnApp(['all'], { ...baseEnv(), TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', REDIS_URL: `redis://127.0.0.1:${port}` });
    expect((await proc.exited).code).toBe(1);
    expect(proc.lines).toEqual([expect.stringMatching(new RegExp(`^Redis is not answering at redis://127.0.0.1:${port} \\(.*ECONNREFUSED.*\\): .*set REDIS_URL\\.$`))]);
  });

  it('says in one line when MongoDB does not answer, without the password in the URI', async () => {
    const port = await freePort();
    proc = spawnApp(['all'], { ...baseEnv(), LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', MONGODB_URI: `mongodb://ripoti:s3cret@127.0.0.1:${port}/ripoti?serverSelectionTimeoutMS=500` });
    expect((await proc.exited).code).toBe(1);
    expect(proc.lines).toHaveLength(1);
    expect(proc.lines[0]).toMatch(new RegExp(`^MongoDB is not answering at mongodb://127.0.0.1:${port}/ripoti .*set MONGODB_URI.*npm run playground\\.$`));
    expect(proc.lines[0]).not.toContain('s3cret');
  });

  it('refuses an unknown role', async () => {
    proc = spawnApp(['everything'], { ...baseEnv(), TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' });
    expect((await proc.exited).code).not.toBe(0);
    expect(proc.lines).toEqual(['Invalid configuration: role "everything" is not one of bot, worker, console, all']);
  });

  it('starts every role, says what it is doing, and stops cleanly on SIGTERM within 5 s', async () => {
    const tg = await TelegramDouble.start();
    const prefix = uniquePrefix('startup');
    try {
      proc = spawnApp(['all'], { ...baseEnv(), TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, REDIS_PREFIX: prefix });
      await proc.waitForLine(/Ripoti is running/, 30_000);
      expect(proc.lines.some((l) => /connecting to MongoDB and Redis/.test(l))).toBe(true);
      const asked = Date.now();
      proc.child.kill('SIGTERM');
      const { code } = await proc.exited;
      expect(code).toBe(0);
      expect(Date.now() - asked).toBeLessThan(5000);
      expect(proc.lines.some((l) => /shut down cleanly/.test(l))).toBe(true);
    } finally {
      await tg.stop();
      const { redis, cleanup } = await connectTestRedis('startup-clean');
      await deleteByPrefix(redis, prefix);
      await cleanup();
    }
  });
});
