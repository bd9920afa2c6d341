/** Starts the MongoDB-compatible test server unless MONGODB_URI points at a real MongoDB, and,
 * with RIPOTI_TEST_REDIS=cluster, a local Redis Cluster (REDIS_CLUSTER_NODES).
 * Workers inherit process.env, so they all see the URI and the nodes. */
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
  const server = await startMongoTestServer({ port: 0 });
  globalThis.__RIPOTI_MONGO_SERVER__ = server;
  process.env.MONGODB_URI = server.uri;
}
