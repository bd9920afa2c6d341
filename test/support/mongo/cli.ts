/** `npm run dev:mongo -- --port 27017 [--host 127.0.0.1] [--advertise name] [--replica-set rs0]
 * [--random-tie-order] [--ttl-interval-ms 60000] [--exit-with-parent]`: serves until SIGINT/SIGTERM
 * (or, with --exit-with-parent, until its stdin closes: the process that started it is gone). */
import { startMongoTestServer } from './server';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const portArg = arg('port') ?? '27017';
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${portArg}`);
  const ttl = arg('ttl-interval-ms');
  const ttlMonitorIntervalMs = ttl === undefined ? undefined : Number(ttl);
  if (ttlMonitorIntervalMs !== undefined && !(ttlMonitorIntervalMs > 0)) throw new Error(`invalid --ttl-interval-ms ${ttl}`);
  const server = await startMongoTestServer({
    port,
    host: arg('host'),
    advertisedHost: arg('advertise'),
    replicaSet: arg('replica-set'),
    randomTieOrder: process.argv.includes('--random-tie-order'),
    ttlMonitorIntervalMs,
  });
  console.log(`MongoDB-compatible test server listening on ${server.uri}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping`);
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.argv.includes('--exit-with-parent')) {
    process.stdin.on('end', () => stop('SIGTERM'));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
