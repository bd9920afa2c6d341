/**
 * `npm run playground [-- --port 8080 --console-port 3000 --host 127.0.0.1]`
 * Try Ripoti with no Telegram token and no MongoDB: only Redis must be running.
 * Environment: REDIS_URL, REDIS_PREFIX (default playground), MONGODB_URI (a real MongoDB instead of
 * the in-memory one), LOG_LEVEL (default warn).
 */
import { parseArgs } from 'node:util';
import { StartupError } from '../src/preflight';
import { checkRedis, DEFAULT_REDIS_URL, PlaygroundError, startPlayground, type Playground } from './playground';

const USAGE = `Usage: npm run playground -- [--port 8080] [--console-port 3000] [--host 127.0.0.1]

Starts a pretend Telegram (a chat page), Ripoti's bot, workers and agents' console, all in memory.
Needs Redis (REDIS_URL, default ${DEFAULT_REDIS_URL}). Set MONGODB_URI to use a real MongoDB.`;

function portOf(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new PlaygroundError(`${flag} must be a port number (1-65535), not "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'console-port': { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = portOf(values.port, 8080, '--port');
  const consolePort = portOf(values['console-port'], 3000, '--console-port');
  if (port === consolePort) throw new PlaygroundError('--port and --console-port must differ');
  const env = process.env;
  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  await checkRedis(redisUrl);

  console.log('Starting the Ripoti playground…');
  const pg: Playground = await startPlayground({
    port,
    consolePort,
    host: values.host ?? '127.0.0.1',
    redisUrl,
    redisPrefix: env.REDIS_PREFIX || 'playground',
    mongodbUri: env.MONGODB_URI || undefined,
    logLevel: env.LOG_LEVEL || 'warn',
  });

  const line = (label: string, value: string) => console.log(`  ${label.padEnd(28)}${value}`);
  console.log('');
  console.log('Ripoti playground is running.');
  line('Chat (pretend Telegram):', pg.chatUrl);
  line("Agents' console:", pg.consoleUrl);
  line('Console sign-in:', `${pg.demo.username} / ${pg.demo.password}   (role ${pg.demo.role}: sees every page)`);
  line('Data:', pg.inMemoryMongo ? 'in memory, gone when you stop' : 'in the MongoDB at MONGODB_URI');
  console.log('');
  console.log('Open the chat, pick a name and language, tap START and report something; then sign in to');
  console.log('the console and take the ticket. Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      console.error('Stopping anyway.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the playground…`);
    const timer = setTimeout(() => {
      console.error('Stopping took too long; exiting.');
      process.exit(1);
    }, 10_000);
    timer.unref();
    pg.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`Error while stopping: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof PlaygroundError || err instanceof StartupError) console.error(err.message);
  else if (err instanceof Error && err.name === 'ConfigError') console.error(err.message);
  else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(`The playground could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
