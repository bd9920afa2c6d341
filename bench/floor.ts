/**
 * Child process: the floor. The smallest telegraf webhook bot that does what every update of
 * ours must at least do: parse the POST, run telegraf's middleware chain with a session (kept in
 * memory), and answer with one sendMessage over HTTP to the Bot API double. `webhookReply` is off
 * so the answer is a real API call, as in our bot, rather than being folded into the HTTP response.
 * Whatever our bot reaches as a share of this is what our own code costs on top of the framework.
 *
 * env: BENCH_TOKEN, BENCH_API_ROOT, BENCH_SECRET, BENCH_PORT, BENCH_PATH
 */
import http from 'node:http';
import { Telegraf, session, type Context } from 'telegraf';
import { reportChildError, serveChild } from './lib/child';

interface FloorContext extends Context {
  session: { n?: number };
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

async function main(): Promise<void> {
  const bot = new Telegraf<FloorContext>(env('BENCH_TOKEN'), { telegram: { apiRoot: env('BENCH_API_ROOT'), webhookReply: false } });
  bot.use(session({ defaultSession: () => ({}) }));
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
  });
}

main().catch(reportChildError);
