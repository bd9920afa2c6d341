/** Index management and unique constraints, as mongoose and the driver see them. */
import { MongoServerError, type Document } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { connectTestClient, connectTestDb, type TestClientDb, type TestDb } from '../../support/db';

let t: TestClientDb;
let m: TestDb;

beforeAll(async () => {
  t = await connectTestClient('indexes');
  m = await connectTestDb('indexes_mongoose');
});

afterAll(async () => {
  await t.drop();
  await m.drop();
});

function isDuplicateKey(err: unknown): err is MongoServerError {
  return err instanceof mongoose.mongo.MongoServerError && err.code === 11000;
}

describe('unique indexes through mongoose', () => {
  const Agent = (): mongoose.Model<{ email: string; name?: string }> =>
    m.conn.models.Agent ?? m.conn.model('Agent', new Schema({ email: { type: String, required: true, unique: true }, name: String }));

  beforeAll(async () => {
    await Agent().init();
  });

  it('creates the schema index on init', async () => {
    const indexes = await Agent().listIndexes();
    expect(indexes.map((i: { name?: string }) => i.name)).toEqual(expect.arrayContaining(['_id_', 'email_1']));
    expect(indexes.find((i: { name?: string }) => i.name === 'email_1')).toMatchObject({ key: { email: 1 }, unique: true });
  });

  it('surfaces a violation as a duplicate-key MongoServerError', async () => {
    await Agent().create({ email: 'wanjiku@example.org' });
    const err = await Agent().create({ email: 'wanjiku@example.org' }).catch((e: unknown) => e);
    expect(isDuplicateKey(err)).toBe(true);
    const dup = err as MongoServerError;
    expect(dup.message).toBe(`E11000 duplicate key error collection: ${m.dbName}.agents index: email_1 dup key: { email: "wanjiku@example.org" }`);
    expect(dup.keyPattern).toEqual({ email: 1 });
    expect(dup.keyValue).toEqual({ email: 'wanjiku@example.org' });
  });

  it('rejects an update that would collide, and leaves the document alone', async () => {
    await Agent().create({ email: 'otieno@example.org' });
    const err = await Agent().updateOne({ email: 'otieno@example.org' }, { $set: { email: 'wanjiku@example.org' } }).catch((e: unknown) => e);
    expect(isDuplicateKey(err)).toBe(true);
    expect(await Agent().countDocuments({ email: 'otieno@example.org' })).toBe(1);
    const fam = await Agent().findOneAndUpdate({ email: 'otieno@example.org' }, { email: 'wanjiku@example.org' }).catch((e: unknown) => e);
    expect(isDuplicateKey(fam)).toBe(true);
  });

  it('allows the value again once the holder is deleted', async () => {
    await Agent().deleteOne({ email: 'wanjiku@example.org' });
    await expect(Agent().create({ email: 'wanjiku@example.org', name: 'again' })).resolves.toBeDefined();
  });
});

describe('index commands through the driver', () => {
  it('enforces compound unique indexes on the combination only', async () => {
    const coll = t.db.collection('compound');
    await coll.createIndex({ county: 1, ward: 1 }, { unique: true });
    await coll.insertMany([{ county: 'Nairobi', ward: 'A' }, { county: 'Nairobi', ward: 'B' }, { county: 'Kisumu', ward: 'A' }]);
    const err = await coll.insertOne({ county: 'Nairobi', ward: 'A' }).catch((e: unknown) => e);
    expect(isDuplicateKey(err)).toBe(true);
    expect((err as MongoServerError).keyValue).toEqual({ county: 'Nairobi', ward: 'A' });
  });

  it('keeps index entries right through updates of other fields and of a nested indexed field', async () => {
    const coll = t.db.collection<Document>('nested_moves');
    await coll.createIndex({ 'a.b': 1 }, { unique: true });
    await coll.createIndex({ k: 1 });
    await coll.insertMany([{ _id: 1, a: { b: 1 }, k: 'x', n: 0 }, { _id: 2, a: { b: 2 }, k: 'y', n: 0 }] as Document[]);
    await coll.updateOne({ _id: 1 } as Document, { $inc: { n: 1 } });
    expect(isDuplicateKey(await coll.updateOne({ _id: 2 } as Document, { $set: { 'a.b': 1 } }).catch((e: unknown) => e))).toBe(true);
    await coll.updateOne({ _id: 1 } as Document, { $set: { 'a.b': 3 } });
    expect(await coll.find({ 'a.b': 1 }).toArray()).toEqual([]);
    expect(await coll.find({ 'a.b': 3 }).toArray()).toEqual([{ _id: 1, a: { b: 3 }, k: 'x', n: 1 }]);
    await coll.updateOne({ _id: 2 } as Document, { $set: { 'a.b': 1 }, $rename: { k: 'key' } });
    expect(await coll.find({ k: 'y' }).toArray()).toEqual([]);
    expect(await coll.find({ k: 'x' }).project({ _id: 1 }).toArray()).toEqual([{ _id: 1 }]);
    expect(await coll.find({ 'a.b': 1 }).project({ _id: 1, key: 1 }).toArray()).toEqual([{ _id: 2, key: 'y' }]);
  });

  it('lets sparse unique indexes skip documents without the field', async () => {
    const coll = t.db.collection('sparse');
    await coll.createIndex({ phone: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{ a: 1 }, { a: 2 }, { phone: '+254700000001' }]);
    await expect(coll.insertOne({ phone: '+254700000001' })).rejects.toMatchObject({ code: 11000 });
  });

  it('only enforces a partial unique index on documents matching its filter', async () => {
    const coll = t.db.collection('partial');
    await coll.createIndex({ phone: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await coll.insertMany([{ phone: '1', active: false }, { phone: '1', active: false }, { phone: '1', active: true }]);
    await expect(coll.insertOne({ phone: '1', active: true })).rejects.toMatchObject({ code: 11000 });
    expect(await coll.countDocuments({ phone: '1' })).toBe(3);
  });

  it('treats missing values as null in a non-sparse unique index', async () => {
    const coll = t.db.collection('nonsparse');
    await coll.createIndex({ phone: 1 }, { unique: true });
    await coll.insertOne({ a: 1 });
    await expect(coll.insertOne({ a: 2 })).rejects.toMatchObject({ code: 11000 });
  });

  it('fails to build a unique index over existing duplicates', async () => {
    const coll = t.db.collection('dupes');
    await coll.insertMany([{ k: 'x' }, { k: 'x' }]);
    const err = await coll.createIndex({ k: 1 }, { unique: true }).catch((e: unknown) => e);
    expect(isDuplicateKey(err)).toBe(true);
    const names = (await coll.listIndexes().toArray()).map((i) => i.name as string);
    expect(names).toEqual(['_id_']);
  });

  it('is idempotent for an identical index and lists and drops indexes', async () => {
    const coll = t.db.collection('managed');
    expect(await coll.createIndex({ a: 1 })).toBe('a_1');
    expect(await coll.createIndex({ a: 1 })).toBe('a_1');
    await coll.createIndex({ b: -1 }, { name: 'b_desc' });
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'a_1', 'b_desc']);
    await coll.dropIndex('a_1');
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'b_desc']);
    await coll.dropIndexes();
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    await expect(coll.dropIndex('nope')).rejects.toMatchObject({ code: 27 });
  });

  it('reports listIndexes on a missing collection as NamespaceNotFound', async () => {
    const err = await t.db.command({ listIndexes: 'does_not_exist' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(26);
  });

  it('looks documents up by unique field after many inserts', async () => {
    const coll = t.db.collection('lookups');
    await coll.createIndex({ ref: 1 }, { unique: true });
    await coll.insertMany(Array.from({ length: 2000 }, (_, i) => ({ ref: `R-${i}`, i }) as Document));
    expect(await coll.findOne({ ref: 'R-1234' })).toMatchObject({ i: 1234 });
    expect(await coll.findOne({ ref: 'R-1234', i: 1 })).toBeNull();
    await coll.updateOne({ ref: 'R-1234' }, { $set: { ref: 'R-x' } });
    expect(await coll.findOne({ ref: 'R-1234' })).toBeNull();
    expect(await coll.findOne({ ref: 'R-x' })).toMatchObject({ i: 1234 });
  });

  it('answers equality queries on indexed fields like a collection scan would', async () => {
    const coll = t.db.collection('lookup_semantics');
    await coll.createIndex({ tag: 1 });
    await coll.createIndex({ a: 1, b: 1 });
    await coll.insertMany([
      { _id: 1, tag: 'x', a: 1, b: [1, 2] },
      { _id: 2, tag: ['y', 'x'], a: 1, b: 2 },
      { _id: 3, tag: 'y', a: 2, b: 2 },
      { _id: 4, tag: 'x', a: 1, b: 3 },
    ] as Document[]);
    // Sorted: MongoDB promises no order without a sort (and the suites' server shuffles it).
    const ids = async (filter: Document): Promise<unknown[]> => (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ tag: 'x' })).toEqual([1, 2, 4]);
    expect(await ids({ tag: 'x', a: 1, b: 3 })).toEqual([4]);
    expect(await ids({ a: 1, b: 2 })).toEqual([1, 2]);
    await coll.updateOne({ _id: 4 } as Document, { $set: { tag: 'z' } });
    expect(await ids({ tag: 'x' })).toEqual([1, 2]);
    await coll.deleteOne({ _id: 1 } as Document);
    expect(await ids({ tag: 'x' })).toEqual([2]);
  });
});
