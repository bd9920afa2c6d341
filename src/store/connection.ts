import mongoose, { type Connection } from 'mongoose';

/**
 * A dedicated connection (not mongoose's global one) so the composition root and tests can each
 * hold their own. Commands fail fast instead of buffering forever when MongoDB is down.
 */
export async function connectMongo(uri: string, opts: { dbName?: string; serverSelectionTimeoutMS?: number } = {}): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName: opts.dbName,
    serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
    bufferCommands: false,
    autoIndex: true,
  });
  await conn.asPromise();
  return conn;
}
