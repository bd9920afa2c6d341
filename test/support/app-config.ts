export { freePort } from './ports';
import { loadConfig, type Config } from '../../src/config';
import { testRedisEnv } from './redis';

/**
 * argon2id at its cheapest for tests (4 ms a sign-in, not 280 ms: about a fifth of the console
 * suites' time went to hashing). A hash carries its cost, so a sign-in checks cheaply wherever
 * the account was made this way; the shipped default has its own test (test/unit/config.test.ts).
 */
export const TEST_PASSWORD_HASH_COST = '1024,1,1';
export const TEST_PASSWORD_HASH = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/** The whole app's config against test servers: every listener on an ephemeral loopback port. */
export function testAppConfig(env: { token: string; apiRoot: string; prefix: string } & Record<string, string>): Config {
  const { token, apiRoot, prefix, ...rest } = env;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    // The shared Redis or the test cluster, unless the caller names its own REDIS_URL.
    ...(rest.REDIS_URL ? {} : testRedisEnv()),
    REDIS_PREFIX: prefix,
    DATA_KEY: `k1:${Buffer.alloc(32, 11).toString('base64')}`,
    CONSOLE_HOST: '127.0.0.1',
    CONSOLE_PORT: '0',
    WORKER_HTTP_PORT: '0',
    TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
    // The lenient double never says no: functional tests send unpaced unless they ask for the
    // shared outgoing budget (its own tests: test/e2e/bot/surge.test.ts, test/integration/queue/send-budget.test.ts).
    TELEGRAM_SEND_RATE_PER_SECOND: '0',
    PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    ...rest,
  });
}
