import mongoose, { type Connection } from 'mongoose';

export interface MongoOptions {
  dbName?: string;
  serverSelectionTimeoutMS?: number;
  /**
   * Build indexes declared in the schemas automatically (mongoose `autoIndex`). Development and
   * tests only: production changes indexes with `node dist/main.js migrate` (src/store/migrate.ts).
   */
  autoIndex?: boolean;
  /** Client-side limit on one operation's network round trip; 0 = none (index builds in `migrate`). */
  socketTimeoutMS?: number;
  /** The driver's command monitoring (`commandStarted` events on `conn.getClient()`); off: it costs on every command. */
  monitorCommands?: boolean;
}

/**
 * A dedicated connection (not mongoose's global one) so the composition root and tests can each
 * hold their own. Commands fail fast instead of buffering forever when MongoDB is down, and no
 * request waits on MongoDB without bound: (the MongoDB driver 7 ignores `timeoutMS`, so the
 * limits are set one by one)
 * - finding a usable server: `serverSelectionTimeoutMS` (5 s);
 * - a free pooled connection: `waitQueueTimeoutMS` (5 s);
 * - a write waiting for a majority of the replica set: `wtimeoutMS` (5 s; MongoDB then answers
 *   with a write-concern error, the write itself may still be applied: callers retry with their
 *   idempotency keys);
 * - any one reply: `socketTimeoutMS` (20 s), beyond the console's `maxTimeMS`.
 */
export async function connectMongo(uri: string, opts: MongoOptions = {}): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName: opts.dbName,
    serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
    waitQueueTimeoutMS: 5000,
    socketTimeoutMS: opts.socketTimeoutMS ?? 20_000,
    writeConcern: { w: 'majority', wtimeoutMS: 5000 },
    bufferCommands: false,
    autoIndex: opts.autoIndex ?? true,
    monitorCommands: opts.monitorCommands ?? false,
  });
  await conn.asPromise();
  return conn;
}
