/** TTL indexes expire documents, as MongoDB's TTL monitor does. MongoDB sweeps every 60 s; this file
 * starts its own server with a short interval so expiry can be awaited. */
import { MongoClient, type Db } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { startMongoTestServer, type MongoTestServer } from '../../support/mongo/server';

let server: MongoTestServer;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  server = await startMongoTestServer({ port: 0, ttlMonitorIntervalMs: 50 });
  client = await MongoClient.connect(server.uri);
  db = client.db('ttl');
});

afterAll(async () => {
  await client.close();
  await server.stop();
});

/** Polls until `probe` holds; the deadline only turns a missing expiry into a clear failure. */
async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('TTL indexes', () => {
  it('removes documents whose date is past expireAfterSeconds and keeps the others', async () => {
    const coll = db.collection('sessions');
    await coll.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const now = Date.now();
    await coll.insertMany([
      { _id: 'old', expiresAt: new Date(now - 1000) },
      { _id: 'fresh', expiresAt: new Date(now + 3_600_000) },
      { _id: 'no-date', expiresAt: 'tomorrow' },
      { _id: 'missing' },
    ] as never[]);
    await until(async () => (await coll.countDocuments({ _id: 'old' } as never)) === 0, 'the expired session to go');
    expect((await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['fresh', 'missing', 'no-date']);
  });

  it('expires a document by the earliest date of an array, and counts seconds from the date', async () => {
    const coll = db.collection('events');
    await coll.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    const now = Date.now();
    await coll.insertMany([
      { _id: 'array', at: [new Date(now), new Date(now - 7_200_000)] },
      { _id: 'recent', at: new Date(now - 60_000) },
    ] as never[]);
    await until(async () => (await coll.countDocuments({ _id: 'array' } as never)) === 0, 'the array document to go');
    expect(await coll.countDocuments({ _id: 'recent' } as never)).toBe(1);
  });

  it('applies a TTL declared by a mongoose schema, and a new expireAfterSeconds set by collMod', async () => {
    const conn = await mongoose.createConnection(server.uri, { dbName: 'ttl_mongoose' }).asPromise();
    try {
      const schema = new Schema({ createdAt: Date });
      schema.index({ createdAt: 1 }, { expireAfterSeconds: 86_400 });
      const Token = conn.model('Token', schema);
      await Token.init();
      const [a] = await Token.create([{ createdAt: new Date(Date.now() - 3_600_000) }]);
      const res = await conn.db!.command({ collMod: 'tokens', index: { keyPattern: { createdAt: 1 }, expireAfterSeconds: 60 } });
      expect(res).toMatchObject({ ok: 1, expireAfterSeconds_old: 86_400, expireAfterSeconds_new: 60 });
      await until(async () => (await Token.countDocuments({ _id: a._id })) === 0, 'the token to expire');
    } finally {
      await conn.close();
    }
  });
});
