/** Stops what global-setup started (nothing to do against a real MongoDB or an outside cluster). */
import { rm } from 'node:fs/promises';
import './global-setup';

export default async function globalTeardown(): Promise<void> {
  const bundles = globalThis.__RIPOTI_TEST_BUNDLES__;
  if (bundles) {
    globalThis.__RIPOTI_TEST_BUNDLES__ = undefined;
    delete process.env.RIPOTI_TEST_BUNDLES;
    await rm(bundles, { recursive: true, force: true });
  }
  const cluster = globalThis.__RIPOTI_REDIS_CLUSTER__;
  if (cluster) {
    globalThis.__RIPOTI_REDIS_CLUSTER__ = undefined;
    delete process.env.REDIS_CLUSTER_NODES;
    await cluster.destroy();
  }
  const server = globalThis.__RIPOTI_MONGO_SERVER__;
  if (!server) return;
  globalThis.__RIPOTI_MONGO_SERVER__ = undefined;
  delete process.env.MONGODB_URI;
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
