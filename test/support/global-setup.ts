/** Starts the MongoDB-compatible test server unless MONGODB_URI points at a real MongoDB, and,
 * with RIPOTI_TEST_REDIS=cluster, a local Redis Cluster (REDIS_CLUSTER_NODES). Workers inherit
 * process.env, so they all see the URI, the nodes and RIPOTI_MONGO_TEST_SERVER (which marks the
 * suites that only make sense against the test server). */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { RedisClusterSet } from './redis-ha';
import { bundleScripts } from './bundle';

declare global {
  var __RIPOTI_MONGO_SERVER__: ChildProcess | undefined;
  var __RIPOTI_TEST_BUNDLES__: string | undefined;
  var __RIPOTI_REDIS_CLUSTER__: RedisClusterSet | undefined;
}

/** The scripts tests start as processes of their own (spawn-app.ts), and the MongoDB test server. */
const BUNDLED = ['src/main.ts', 'src/console/cli.ts', 'test/support/mongo/cli.ts'];

export default async function globalSetup(): Promise<void> {
  // Built once per run (~0.9 CPU-s), as bundle.ts explains: under `--import tsx` every start of
  // the whole app first compiles ~100 modules through tsx's hooks, ~1.1 CPU-s more per start
  // (2.9-3.2 against 1.8, measured 2026-12-05). Workers inherit the map through process.env.
  const dir = join(__dirname, '..', '..', 'test-artifacts', 'bundles', `run-${process.pid}-${randomBytes(3).toString('hex')}`);
  process.env.RIPOTI_TEST_BUNDLES = JSON.stringify(await bundleScripts(BUNDLED, dir));
  globalThis.__RIPOTI_TEST_BUNDLES__ = dir;
  if (process.env.RIPOTI_TEST_REDIS === 'cluster' && !process.env.REDIS_CLUSTER_NODES) {
    const cluster = await RedisClusterSet.start(3);
    globalThis.__RIPOTI_REDIS_CLUSTER__ = cluster;
    process.env.REDIS_CLUSTER_NODES = cluster.nodesEnv;
  }
  if (process.env.MONGODB_URI) return;
  // Ties in a sort (and unsorted results) come back in random order, as MongoDB may return them:
  // a test or a list that relies on insertion order fails here rather than in production.
  // In a process of its own: in this one it would share an event loop with whatever test runs
  // in band (a whole scale-out setup's Bot API double and simulated reporters), and every query of
  // every app process would wait behind that test's own work (seen: 700 ms for one update by _id).
  const { child, uri } = await startServerProcess();
  globalThis.__RIPOTI_MONGO_SERVER__ = child;
  process.env.MONGODB_URI = uri;
  process.env.RIPOTI_MONGO_TEST_SERVER = '1';
}

/** test/support/mongo/cli.ts (its bundle) on a free loopback port; resolves with its URI once it listens. */
function startServerProcess(): Promise<{ child: ChildProcess; uri: string }> {
  const cli = (JSON.parse(process.env.RIPOTI_TEST_BUNDLES!) as Record<string, string>)['test/support/mongo/cli.ts']!;
  const child = spawn(process.execPath, [cli, '--port', '0', '--random-tie-order', '--exit-with-parent'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const uri = /listening on (mongodb:\/\/\S+)/.exec(out)?.[1];
      if (!uri) return;
      child.stdout?.off('data', onData);
      // Keep reading so a full pipe never blocks the server's own logging.
      child.stdout?.resume();
      resolve({ child, uri });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the MongoDB test server exited (${code}) before listening: ${out}`)));
  });
}
