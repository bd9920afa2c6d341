import { z } from 'zod';

/**
 * Every setting comes from the environment, parsed once at start-up. A bad value stops the
 * process with one line naming the variable (see `ConfigError`), never a partial start.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Which proxies in front of the console may say who the client is (`X-Forwarded-For`): none
 * (`false`), a number of hops of your own (`true` is one: your TLS proxy), or their addresses
 * (comma-separated, CIDR allowed). Never "every hop": the client writes the left of the header,
 * and the sign-in limit per address would be keyed on whatever it wrote.
 */
const trustProxy = z
  .string()
  .regex(/^(true|false|yes|no|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, 'expected false, true (one proxy of your own), a number of proxies, or their addresses (comma-separated)')
  .transform((v): false | number | string[] => {
    if (v === 'false' || v === 'no' || v === '0') return false;
    if (v === 'true' || v === 'yes') return 1;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    return v.split(',').map((a) => a.trim());
  });

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** `host:port,host:port`: Sentinels or Cluster seed nodes. */
const hostPorts = z.string().transform((raw, ctx) => {
  const nodes: { host: string; port: number }[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(part);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
      ctx.addIssue({ code: 'custom', message: `expected host:port pairs, comma separated, e.g. 10.0.0.1:26379,10.0.0.2:26379 (not "${part}")` });
      return z.NEVER;
    }
    nodes.push({ host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) });
  }
  if (nodes.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected at least one host:port' });
    return z.NEVER;
  }
  return nodes;
});

/** Canonical base64 of exactly 32 bytes, as `openssl rand -base64 32` prints it: nothing more. */
const KEY_B64 = /^[A-Za-z0-9+/]{43}=$/;
const KEY_HINT = 'expected "id:base64" with a 32-byte (256-bit) key, e.g. k1:$(openssl rand -base64 32)';

/**
 * DATA_KEY: one or more `id:base64key` pairs, comma separated; the first encrypts new records.
 * Strict, because a lenient decoder silently drops junk (`k1:<key>garbage` decoded to the same
 * key), and a repeated id would seal with one key and look up another. Messages name ids only.
 */
const dataKeys = z.string().transform((raw, ctx) => {
  const keys: { id: string; key: Buffer }[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, b64] = part.includes(':') ? [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)] : ['k1', part];
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id) || !KEY_B64.test(b64)) {
      ctx.addIssue({ code: 'custom', message: KEY_HINT });
      return z.NEVER;
    }
    if (keys.some((k) => k.id === id)) {
      ctx.addIssue({ code: 'custom', message: `key id ${id} is used more than once; give every key its own id` });
      return z.NEVER;
    }
    keys.push({ id, key: Buffer.from(b64, 'base64') });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected at least one key' });
    return z.NEVER;
  }
  return keys;
});

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'expected a BotFather token like 123456789:AA...'),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  // Telegram takes 1-256 characters; anything under 32 could be guessed, and the secret is all that tells Telegram's POSTs from anyone's.
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{32,256}$/, 'expected 32-256 characters of A-Z a-z 0-9 _ - (openssl rand -hex 32)').optional(),
  TELEGRAM_WEBHOOK_HOST: z.string().default('0.0.0.0'),
  TELEGRAM_WEBHOOK_PORT: port.default(8443),
  TELEGRAM_WEBHOOK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(40),
  TELEGRAM_SUPERVISORS_CHAT_ID: z.coerce.number().int().optional(),
  TELEGRAM_SEND_RATE_PER_SECOND: z.coerce.number().int().min(0).max(1000).default(28),
  TELEGRAM_PAID_BROADCAST: bool.default(false),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  // Optionally a `{hash tag}` first: on Redis Cluster every key then lands in one slot, as BullMQ
  // and the multi-key scripts need.
  REDIS_PREFIX: z
    .string()
    .regex(/^(?=.{1,64}$)(\{[A-Za-z0-9_:-]+\})?[A-Za-z0-9_:-]*$/, 'expected 1-64 characters of A-Z a-z 0-9 _ : -, optionally starting with a {hash tag}, e.g. ripoti or {ripoti}')
    .default('ripoti'),
  REDIS_SENTINELS: hostPorts.optional(),
  REDIS_SENTINEL_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected the master name the Sentinels monitor, e.g. mymaster').default('mymaster'),
  REDIS_CLUSTER_NODES: hostPorts.optional(),
  DATA_KEY: dataKeys,
  CONSOLE_HOST: z.string().default('0.0.0.0'),
  CONSOLE_PORT: port.default(3000),
  CONSOLE_SECURE_COOKIES: bool.default(false),
  CONSOLE_SESSION_HOURS: positiveInt.default(12),
  CONSOLE_TRUST_PROXY: trustProxy.default(false),
  SIGNIN_FAILURES_PER_ADDRESS: positiveInt.default(20),
  PASSWORD_HASH_COST: z
    .string()
    .regex(/^\d+,\d+,\d+$/, 'expected argon2id memory in KiB, passes and lanes, e.g. 65536,3,4')
    .default('65536,3,4')
    .transform((v) => v.split(',').map(Number) as [number, number, number])
    .refine(([m, t, p]) => m >= 1024 && m <= 4_194_304 && t >= 1 && t <= 20 && p >= 1 && p <= 16, 'expected memory 1024-4194304 KiB, 1-20 passes, 1-16 lanes'),
  WORKER_HTTP_PORT: port.default(9091),
  MAX_TICKETS_PER_AGENT: positiveInt.default(5),
  SLA_MINUTES: z
    .string()
    .regex(/^\d+,\d+,\d+,\d+$/, 'expected four minute counts for priorities 1-4, e.g. 5,15,60,240')
    .default('5,15,60,240')
    .transform((v) => v.split(',').map(Number) as [number, number, number, number]),
  REPLY_RATE_PER_SECOND: positiveInt.max(30).default(25),
  REPORTS_PER_DAY: positiveInt.default(10),
  MESSAGES_PER_MINUTE: positiveInt.default(40),
  RETENTION_DAYS: positiveInt.default(365),
  // How an agency reaches Ripoti's staff about a case file ("cases@ripoti.ke, +254 ..."): the case
  // files and evidence archives tell the agency to "contact Ripoti", and say how only with this.
  AGENCY_CONTACT: z.string().trim().regex(/^[^\r\n]{3,200}$/, 'expected one line of 3-200 characters: how an agency reaches Ripoti, e.g. cases@ripoti.ke, +254 20 000 0000').optional(),
  BENCH_COUNT_MONGO: bool.default(false),
});

/**
 * argon2id's cost for console passwords (memory in KiB, passes, lanes): argon2's own defaults,
 * above OWASP's floor (19 MiB, 2 passes). Tests lower it: a sign-in then costs 4 ms, not 280.
 */
export interface PasswordHashCost { memoryCost: number; timeCost: number; parallelism: number }

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  telegram: {
    token: string;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    webhook: { url?: string; secret?: string; host: string; port: number; maxConnections: number };
    supervisorsChatId?: number;
    /** Messages per second every role together sends (the shared outgoing budget); 0: unpaced (a Bot API double only). */
    sendRatePerSecond: number;
    /** Sends carry `allow_paid_broadcast` (up to 1,000 messages/s, for a fee in Telegram Stars). */
    paidBroadcast: boolean;
  };
  mongodbUri: string;
  redis: RedisConfig;
  dataKeys: { id: string; key: Buffer }[];
  console: { host: string; port: number; secureCookies: boolean; sessionHours: number; trustProxy: false | number | string[]; signinFailuresPerAddress: number; passwordHash: PasswordHashCost };
  /** The worker role's /healthz, /readyz and /metrics. */
  workerHttp: { host: string; port: number };
  tickets: { maxPerAgent: number; slaMinutes: [number, number, number, number] };
  replies: { ratePerSecond: number };
  limits: { reportsPerDay: number; messagesPerMinute: number };
  retentionDays: number;
  /** How an agency reaches Ripoti about a case file (`AGENCY_CONTACT`); printed in case files and archive manifests. */
  agencyContact?: string;
  /** Count MongoDB commands on /metrics (`ripoti_mongo_commands_total`): a benchmark figure, off in production. */
  countMongoCommands: boolean;
}

/**
 * Where Redis is: `url` alone is one server. With `sentinels` the master named `sentinelName` is
 * found through Redis Sentinel; with `clusterNodes`, a Redis Cluster. The URL's user, password,
 * database and TLS still apply to the servers found that way.
 */
export interface RedisConfig {
  url: string;
  prefix: string;
  sentinels?: { host: string; port: number }[];
  /** The master name the Sentinels monitor (REDIS_SENTINEL_NAME, default mymaster). */
  sentinelName?: string;
  clusterNodes?: { host: string; port: number }[];
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string) {
    super(`Invalid configuration: ${variable} ${expected}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` with `s`; the first problem becomes a one-line ConfigError. */
function parseEnv<T extends z.ZodType>(s: T, env: NodeJS.ProcessEnv): z.output<T> {
  // Empty strings count as unset so that `FOO=` in an .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = s.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const missing = cleaned[variable] === undefined;
    throw new ConfigError(variable, missing ? `is required: ${REQUIRED_HINTS[variable] ?? describe(issue.message)}` : `is invalid: ${describe(issue.message)}`);
  }
  return parsed.data;
}

/** Only what `node dist/main.js migrate` needs: it touches MongoDB alone, so no bot token or data key. */
export function loadMigrateConfig(env: NodeJS.ProcessEnv = process.env): Pick<Config, 'mongodbUri' | 'logLevel'> {
  const e = parseEnv(schema.pick({ MONGODB_URI: true, LOG_LEVEL: true }), env);
  return { mongodbUri: e.MONGODB_URI, logLevel: e.LOG_LEVEL };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(schema, env);
  if (e.TELEGRAM_SEND_RATE_PER_SECOND > 30 && !e.TELEGRAM_PAID_BROADCAST) {
    throw new ConfigError('TELEGRAM_SEND_RATE_PER_SECOND', 'above 30 needs TELEGRAM_PAID_BROADCAST=true: Telegram allows about 30 messages per second without paid broadcasts');
  }
  if (e.TELEGRAM_MODE === 'webhook') {
    if (!e.TELEGRAM_WEBHOOK_URL) throw new ConfigError('TELEGRAM_WEBHOOK_URL', 'is required when TELEGRAM_MODE=webhook: the public https URL Telegram posts updates to');
    if (!e.TELEGRAM_WEBHOOK_SECRET) throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'is required when TELEGRAM_MODE=webhook: 32-256 characters of A-Z a-z 0-9 _ - (openssl rand -hex 32)');
  }
  if (e.REDIS_SENTINELS && e.REDIS_CLUSTER_NODES) throw new ConfigError('REDIS_CLUSTER_NODES', 'is invalid: set either REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both');
  if (e.REDIS_CLUSTER_NODES && !e.REDIS_PREFIX.startsWith('{')) {
    throw new ConfigError('REDIS_PREFIX', 'is invalid: with REDIS_CLUSTER_NODES it must start with a {hash tag}, e.g. {ripoti}, so that each queue\'s keys share one cluster slot');
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      mode: e.TELEGRAM_MODE,
      webhook: {
        url: e.TELEGRAM_WEBHOOK_URL,
        secret: e.TELEGRAM_WEBHOOK_SECRET,
        host: e.TELEGRAM_WEBHOOK_HOST,
        port: e.TELEGRAM_WEBHOOK_PORT,
        maxConnections: e.TELEGRAM_WEBHOOK_MAX_CONNECTIONS,
      },
      supervisorsChatId: e.TELEGRAM_SUPERVISORS_CHAT_ID,
      sendRatePerSecond: e.TELEGRAM_SEND_RATE_PER_SECOND,
      paidBroadcast: e.TELEGRAM_PAID_BROADCAST,
    },
    mongodbUri: e.MONGODB_URI,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX, sentinels: e.REDIS_SENTINELS, sentinelName: e.REDIS_SENTINEL_NAME, clusterNodes: e.REDIS_CLUSTER_NODES },
    dataKeys: e.DATA_KEY,
    console: { host: e.CONSOLE_HOST, port: e.CONSOLE_PORT, secureCookies: e.CONSOLE_SECURE_COOKIES, sessionHours: e.CONSOLE_SESSION_HOURS, trustProxy: e.CONSOLE_TRUST_PROXY, signinFailuresPerAddress: e.SIGNIN_FAILURES_PER_ADDRESS, passwordHash: { memoryCost: e.PASSWORD_HASH_COST[0], timeCost: e.PASSWORD_HASH_COST[1], parallelism: e.PASSWORD_HASH_COST[2] } },
    workerHttp: { host: e.CONSOLE_HOST, port: e.WORKER_HTTP_PORT },
    tickets: { maxPerAgent: e.MAX_TICKETS_PER_AGENT, slaMinutes: e.SLA_MINUTES },
    replies: { ratePerSecond: e.REPLY_RATE_PER_SECOND },
    limits: { reportsPerDay: e.REPORTS_PER_DAY, messagesPerMinute: e.MESSAGES_PER_MINUTE },
    retentionDays: e.RETENTION_DAYS,
    ...(e.AGENCY_CONTACT ? { agencyContact: e.AGENCY_CONTACT } : {}),
    countMongoCommands: e.BENCH_COUNT_MONGO,
  };
}

/** What to put in a required variable that is missing entirely. */
const REQUIRED_HINTS: Record<string, string> = {
  TELEGRAM_BOT_TOKEN: 'expected a BotFather token like 123456789:AA...',
  MONGODB_URI: 'expected a mongodb:// or mongodb+srv:// URI',
  DATA_KEY: 'expected "id:base64" with a 32-byte key, e.g. k1:$(openssl rand -base64 32)',
};

/** zod's generic messages ("Invalid input: expected string, received undefined") read badly in one line. */
function describe(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '');
}
