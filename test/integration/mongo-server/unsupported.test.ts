/** Options and commands: those MongoDB-compatible here (hint, serverStatus, collMod), and those the
 * test server cannot honour, which it refuses by name instead of ignoring them. */
import type { Collection, Document } from 'mongodb';
import { connectTestClient, serverFailure as failure, type TestClientDb } from '../../support/db';

let t: TestClientDb;
let coll: Collection<Document>;

beforeAll(async () => {
  t = await connectTestClient('unsupported');
  coll = t.db.collection('things');
  await coll.insertMany([{ name: 'a', n: 1 }, { name: 'B', n: 2 }]);
  await coll.createIndex({ name: 1 }, { name: 'name_1' });
});

afterAll(async () => {
  await t.drop();
});

describe('as MongoDB does', () => {
  it('accepts a hint naming an existing index, by name or key pattern', async () => {
    expect(await coll.find({ n: 2 }, { hint: 'name_1' }).toArray()).toHaveLength(1);
    expect(await coll.countDocuments({}, { hint: { name: 1 } })).toBe(2);
    expect(await coll.find({}, { hint: { $natural: 1 } }).toArray()).toHaveLength(2);
  });

  it('refuses a hint naming no existing index', async () => {
    const byName = await failure(coll.find({}, { hint: 'nope_1' }).toArray());
    expect(byName.code).toBe(2);
    expect(byName.message).toContain('hint provided does not correspond to an existing index');
    await failure(coll.updateOne({ n: 1 }, { $set: { n: 3 } }, { hint: { n: 1 } }));
    expect(await coll.countDocuments({ n: 1 })).toBe(1);
  });

  it('answers serverStatus with the usual sections', async () => {
    const status = await t.db.admin().command({ serverStatus: 1 });
    expect(status).toMatchObject({ ok: 1, process: expect.stringMatching(/mongod/), connections: { current: expect.any(Number) } });
    expect(typeof status.version).toBe('string');
    expect(status.uptime).toBeGreaterThanOrEqual(0);
  });

  it('changes a TTL with collMod and fails for a missing index', async () => {
    const c = t.db.collection('ttl');
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 600 });
    await t.db.command({ collMod: 'ttl', index: { keyPattern: { at: 1 }, expireAfterSeconds: 60 } });
    expect((await c.listIndexes().toArray()).find((i) => i.name === 'at_1')?.expireAfterSeconds).toBe(60);
    const err = await failure(t.db.command({ collMod: 'ttl', index: { name: 'nope', expireAfterSeconds: 1 } }));
    expect(err.code).toBe(27);
  });
});

// What the test server refuses on purpose: MongoDB supports these, so this block only runs against
// the test server (global setup sets RIPOTI_MONGO_TEST_SERVER when it starts one).
const onTestServer = process.env.RIPOTI_MONGO_TEST_SERVER === '1' ? describe : describe.skip;

onTestServer('refused by the test server, naming what is unsupported', () => {
  const refusedWith = async (p: Promise<unknown>, what: RegExp): Promise<void> => {
    const err = await failure(p);
    expect(err.message).toMatch(what);
    expect(err.message).toContain('not supported by the test server');
  };

  it('refuses collation on reads, writes and indexes', async () => {
    await refusedWith(coll.find({}, { collation: { locale: 'en', strength: 2 } }).toArray(), /collation/);
    await refusedWith(coll.updateMany({ name: 'b' }, { $set: { n: 9 } }, { collation: { locale: 'en', strength: 2 } }), /collation/);
    await refusedWith(coll.createIndex({ n: 1 }, { collation: { locale: 'en' } }), /collation/);
    expect(await coll.find({}, { collation: { locale: 'simple' } }).toArray()).toHaveLength(2);
  });

  it('refuses geospatial, $where and text search', async () => {
    await refusedWith(coll.find({ loc: { $near: { $geometry: { type: 'Point', coordinates: [36.8, -1.3] } } } }).toArray(), /\$near/);
    await refusedWith(coll.find({ $where: 'this.n > 1' }).toArray(), /\$where/);
    await refusedWith(coll.find({ $text: { $search: 'a' } }).toArray(), /\$text/);
    await refusedWith(coll.createIndex({ name: 'text' }), /text indexes/);
    await refusedWith(coll.createIndex({ loc: '2dsphere' }), /2dsphere/);
    await refusedWith(coll.aggregate([{ $match: { $expr: { $function: { body: 'return true', args: [], lang: 'js' } } } }]).toArray(), /\$function/);
  });

  it('refuses capped, time series and clustered collections', async () => {
    await refusedWith(t.db.createCollection('capped', { capped: true, size: 4096 }), /capped/);
    await refusedWith(t.db.createCollection('series', { timeseries: { timeField: 'at' } }), /time series/);
    await refusedWith(t.db.createCollection('clustered', { clusteredIndex: { key: { _id: 1 }, unique: true } }), /clustered/);
  });

  it('refuses explain and multi-document transactions', async () => {
    await refusedWith(coll.find({}).explain(), /explain/);
    const session = t.client.startSession();
    try {
      session.startTransaction();
      await refusedWith(coll.insertOne({ in: 'tx' }, { session }), /transactions/);
    } finally {
      await session.endSession();
    }
    expect(await coll.countDocuments({ in: 'tx' })).toBe(0);
  });
});
