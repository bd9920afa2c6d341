/**
 * Child process: the floor. The smallest telegraf webhook bot that does what every update of
 * ours must at least do: parse the POST, run telegraf's middleware chain with a session (kept in
 * memory), and answer with one sendMessage over HTTP to the Bot API double. `webhookReply` is off
 * so the answer is a real API call, as in our bot, rather than being folded into the HTTP response.
 * Whatever our bot reaches as a share of this is what our own code costs on top of the framework.
 *
 * With BENCH_REDIS_URL the session lives in Redis instead (a GET before and a SET after every
 * update, JSON, as telegraf's session does with a Redis store): the same bare bot, but with its
 * state where a bot that survives a restart or runs as several processes must keep it.
 *
 * env: BENCH_TOKEN, BENCH_API_ROOT, BENCH_SECRET, BENCH_PORT, BENCH_PATH, [BENCH_REDIS_URL, BENCH_REDIS_PREFIX]
 */
import http from 'node:http';
import IORedis from 'ioredis';
import { Telegraf, session, type Context, type SessionStore } from 'telegraf';
import { reportChildError, serveChild } from './lib/child';

interface FloorContext extends Context {
  session: { n?: number };
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

/** Sessions as JSON under `prefix:name`, one GET and one SET per update (the keys are the bench's to clean up). */
function redisStore(redis: IORedis, prefix: string): SessionStore<FloorContext['session']> {
  return {
    get: async (name) => {
      const raw = await redis.get(`${prefix}:${name}`);
      return raw ? (JSON.parse(raw) as FloorContext['session']) : undefined;
    },
    set: (name, value) => redis.set(`${prefix}:${name}`, JSON.stringify(value)),
    delete: (name) => redis.del(`${prefix}:${name}`),
  };
}

async function main(): Promise<void> {
  const bot = new Telegraf<FloorContext>(env('BENCH_TOKEN'), { telegram: { apiRoot: env('BENCH_API_ROOT'), webhookReply: false } });
  const redisUrl = process.env.BENCH_REDIS_URL;
  const redis = redisUrl ? new IORedis(redisUrl) : undefined;
  bot.use(session({ defaultSession: () => ({}), ...(redis ? { store: redisStore(redis, env('BENCH_REDIS_PREFIX')) } : {}) }));
  bot.on(['message', 'callback_query'], async (ctx) => {
    ctx.session.n = (ctx.session.n ?? 0) + 1;
    await ctx.reply(`Update ${ctx.session.n} received.`);
  });
  bot.catch((err) => console.error('floor bot error', err));
  bot.botInfo = await bot.telegram.getMe();
  const path = env('BENCH_PATH');
  const handle = bot.webhookCallback(path, { secretToken: env('BENCH_SECRET') });
  // telegraf answers the request itself, errors included; nothing is left to await here.
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(Number(env('BENCH_PORT')), '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  serveChild(`http://127.0.0.1:${port}${path}`, async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await redis?.quit();
  });
}

main().catch(reportChildError);
