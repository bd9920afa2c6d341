/** Starts the MongoDB-compatible test server unless MONGODB_URI points at a real MongoDB.
 * Workers inherit process.env, so they all see the URI (and RIPOTI_MONGO_TEST_SERVER, which marks
 * the suites that only make sense against the test server). */
import { startMongoTestServer, type MongoTestServer } from './mongo/server';

declare global {
  var __RIPOTI_MONGO_SERVER__: MongoTestServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) return;
  // Ties in a sort (and unsorted results) come back in random order, as MongoDB may return them:
  // a test or a list that relies on insertion order fails here rather than in production.
  const server = await startMongoTestServer({ port: 0, randomTieOrder: true });
  globalThis.__RIPOTI_MONGO_SERVER__ = server;
  process.env.MONGODB_URI = server.uri;
  process.env.RIPOTI_MONGO_TEST_SERVER = '1';
}
