/** Starts the MongoDB-compatible test server unless MONGODB_URI points at a real MongoDB, and,
 * with RIPOTI_TEST_REDIS=cluster, a local Redis Cluster (REDIS_CLUSTER_NODES). Workers inherit
 * process.env, so they all see the URI, the nodes and RIPOTI_MONGO_TEST_SERVER (which marks the
 * suites that only make sense against the test server). */
import { startMongoTestServer, type MongoTestServer } from './mongo/server';
import { RedisClusterSet } from './redis-ha';

declare global {
  var __RIPOTI_MONGO_SERVER__: MongoTestServer | undefined;
  var __RIPOTI_REDIS_CLUSTER__: RedisClusterSet | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.RIPOTI_TEST_REDIS === 'cluster' && !process.env.REDIS_CLUSTER_NODES) {
    const cluster = await RedisClusterSet.start(3);
    globalThis.__RIPOTI_REDIS_CLUSTER__ = cluster;
    process.env.REDIS_CLUSTER_NODES = cluster.nodesEnv;
  }
  if (process.env.MONGODB_URI) return;
  // Ties in a sort (and unsorted results) come back in random order, as MongoDB may return them:
  // a test or a list that relies on insertion order fails here rather than in production.
  const server = await startMongoTestServer({ port: 0, randomTieOrder: true });
  globalThis.__RIPOTI_MONGO_SERVER__ = server;
  process.env.MONGODB_URI = server.uri;
  process.env.RIPOTI_MONGO_TEST_SERVER = '1';
}
