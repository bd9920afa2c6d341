/** Per-test-file database on a separate mongoose connection (never the global mongoose). */
import { randomBytes } from 'node:crypto';
import { MongoClient, MongoServerError, type Db } from 'mongodb';
import mongoose from 'mongoose';

export interface TestDb {
  conn: mongoose.Connection;
  dbName: string;
  drop(): Promise<void>;
}

function uniqueDbName(label: string): string {
  // MongoDB caps database names at 63 bytes.
  const safe = label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 24);
  return `test_${safe}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function connectTestDb(label: string): Promise<TestDb> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error('MONGODB_URI is not set: run tests through jest (its global setup starts the test server) or point it at a MongoDB');
  }
  const dbName = uniqueDbName(label);
  const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
  return {
    conn,
    dbName,
    drop: async () => {
      try {
        await conn.dropDatabase();
      } finally {
        await conn.close();
      }
    },
  };
}

export interface TestClientDb {
  client: MongoClient;
  db: Db;
  dbName: string;
  drop(): Promise<void>;
}

/** Same as connectTestDb but with the official driver, for tests that need raw commands. */
export async function connectTestClient(label: string): Promise<TestClientDb> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run tests through jest or point it at a MongoDB');
  const dbName = uniqueDbName(label);
  const client = await MongoClient.connect(uri);
  const db = client.db(dbName);
  return {
    client,
    db,
    dbName,
    drop: async () => {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

/** The server's refusal of `p` (fails the test when `p` succeeds or fails otherwise), to check its code. */
export async function serverFailure(p: Promise<unknown>): Promise<MongoServerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MongoServerError);
  return err as MongoServerError;
}
