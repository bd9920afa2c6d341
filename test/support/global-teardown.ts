/** Stops the test server started by global-setup (nothing to do against a real MongoDB). */
import './global-setup';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__RIPOTI_MONGO_SERVER__;
  if (!server) return;
  globalThis.__RIPOTI_MONGO_SERVER__ = undefined;
  delete process.env.MONGODB_URI;
  await server.stop();
}
