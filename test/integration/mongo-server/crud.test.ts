/** Inserts, queries, deletes and counts through the official driver. */
import { MongoBulkWriteError, MongoServerError, ObjectId, type Collection, type Document } from 'mongodb';
import { connectTestClient, type TestClientDb } from '../../support/db';

let t: TestClientDb;
let people: Collection<Document>;
const ids = [new ObjectId(), new ObjectId(), new ObjectId(), new ObjectId(), new ObjectId()].sort((a, b) => a.toHexString().localeCompare(b.toHexString()));

beforeAll(async () => {
  t = await connectTestClient('crud');
  people = t.db.collection('people');
  await people.insertMany([
    { _id: ids[0], name: 'Amina', age: 31, county: 'Nairobi', joined: new Date('2024-01-05'), tags: ['agent', 'lead'], address: { town: 'Kibera', zip: 100 } },
    { _id: ids[1], name: 'Baraka', age: 25, county: 'Mombasa', joined: new Date('2024-03-10'), tags: ['agent'], address: { town: 'Likoni', zip: 200 } },
    { _id: ids[2], name: 'Chebet', age: 42, county: 'Nakuru', joined: new Date('2023-11-20'), tags: [], scores: [{ k: 'a', v: 3 }, { k: 'b', v: 9 }] },
    { _id: ids[3], name: 'Daudi', age: 25, county: 'Nairobi', joined: new Date('2024-06-01'), tags: ['lead'], nickname: null },
    { _id: ids[4], name: 'Eunice', age: 37, county: 'Kisumu', joined: new Date('2022-08-15'), scores: [{ k: 'a', v: 8 }] },
  ]);
});

afterAll(async () => {
  await t.drop();
});

const names = (docs: Document[]): string[] => docs.map((d) => String(d.name));

describe('insert and find', () => {
  it('returns inserted documents with their ObjectIds and Dates intact', async () => {
    const doc = await people.findOne({ _id: ids[1] });
    expect(doc?._id).toBeInstanceOf(ObjectId);
    expect(doc?._id.equals(ids[1])).toBe(true);
    expect(doc?.joined).toEqual(new Date('2024-03-10'));
    expect(doc?.address).toEqual({ town: 'Likoni', zip: 200 });
  });

  it('generates an _id when none is given and puts it first', async () => {
    const coll = t.db.collection('generated');
    const res = await coll.insertOne({ hello: 'world' });
    const raw = await t.db.command({ find: 'generated', filter: { hello: 'world' } });
    const first = (raw.cursor as { firstBatch: Document[] }).firstBatch[0];
    expect(Object.keys(first)[0]).toBe('_id');
    expect(String(first._id)).toBe(String(res.insertedId));
  });

  it('sorts, skips and limits', async () => {
    const docs = await people.find({}).sort({ age: -1, name: 1 }).skip(1).limit(3).toArray();
    expect(names(docs)).toEqual(['Eunice', 'Amina', 'Baraka']);
  });

  it('sorts mixed types in BSON order and arrays by their min or max element', async () => {
    const coll = t.db.collection('sorting');
    await coll.insertMany([{ _id: 1, v: 'b' }, { _id: 2, v: 10 }, { _id: 3 }, { _id: 4, v: [3, 1] }, { _id: 5, v: 2 }, { _id: 6, v: ids[0] }] as Document[]);
    const asc = (await coll.find({}).sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(asc).toEqual([3, 4, 5, 2, 1, 6]);
    const desc = (await coll.find({}).sort({ v: -1, _id: 1 }).toArray()).map((d) => d._id);
    expect(desc).toEqual([6, 1, 2, 4, 5, 3]);
  });

  it('applies inclusion and exclusion projections', async () => {
    const inc = await people.find({ name: 'Amina' }).project({ name: 1, 'address.town': 1 }).toArray();
    expect(inc).toEqual([{ _id: ids[0], name: 'Amina', address: { town: 'Kibera' } }]);
    const exc = await people.find({ name: 'Amina' }).project({ _id: 0, tags: 0, address: 0, joined: 0 }).toArray();
    expect(exc).toEqual([{ name: 'Amina', age: 31, county: 'Nairobi' }]);
  });

  it('sorts by a field the projection leaves out', async () => {
    const docs = await people.find({}).sort({ joined: 1 }).project({ name: 1, _id: 0 }).toArray();
    expect(names(docs)).toEqual(['Eunice', 'Chebet', 'Amina', 'Baraka', 'Daudi']);
  });

  it('compares ObjectIds by equality, $in and ordering', async () => {
    expect(names(await people.find({ _id: { $in: [ids[0], ids[4]] } }).sort({ _id: 1 }).toArray())).toEqual(['Amina', 'Eunice']);
    expect(await people.countDocuments({ _id: { $gt: ids[2] } })).toBe(2);
    expect(names(await people.find({}).sort({ _id: -1 }).limit(1).toArray())).toEqual(['Eunice']);
    expect(await people.findOne({ _id: new ObjectId() })).toBeNull();
  });

  it('compares Dates by value', async () => {
    const docs = await people.find({ joined: { $gte: new Date('2024-01-01'), $lt: new Date('2024-06-01') } }).sort({ joined: 1 }).toArray();
    expect(names(docs)).toEqual(['Amina', 'Baraka']);
    expect(names(await people.find({ joined: new Date('2024-06-01') }).toArray())).toEqual(['Daudi']);
  });
});

describe('query operators', () => {
  const q = async (filter: Document): Promise<string[]> => names(await people.find(filter).sort({ name: 1 }).toArray());

  it('supports $in, $nin, $ne and $exists', async () => {
    expect(await q({ county: { $in: ['Nairobi', 'Kisumu'] } })).toEqual(['Amina', 'Daudi', 'Eunice']);
    expect(await q({ county: { $nin: ['Nairobi', 'Kisumu'] } })).toEqual(['Baraka', 'Chebet']);
    expect(await q({ age: { $ne: 25 } })).toEqual(['Amina', 'Chebet', 'Eunice']);
    expect(await q({ scores: { $exists: true } })).toEqual(['Chebet', 'Eunice']);
    expect(await q({ nickname: null })).toEqual(['Amina', 'Baraka', 'Chebet', 'Daudi', 'Eunice']);
    expect(await q({ nickname: { $exists: true } })).toEqual(['Daudi']);
  });

  it('supports $regex with $options and RegExp literals', async () => {
    expect(await q({ name: { $regex: '^[ab]', $options: 'i' } })).toEqual(['Amina', 'Baraka']);
    expect(await q({ county: /^nai/i })).toEqual(['Amina', 'Daudi']);
  });

  it('supports $or, $and and comparison ranges', async () => {
    expect(await q({ $or: [{ age: { $lt: 26 } }, { county: 'Kisumu' }] })).toEqual(['Baraka', 'Daudi', 'Eunice']);
    expect(await q({ $and: [{ age: { $gt: 30 } }, { age: { $lte: 37 } }] })).toEqual(['Amina', 'Eunice']);
  });

  it('matches nested fields with dots and array elements', async () => {
    expect(await q({ 'address.zip': { $gte: 150 } })).toEqual(['Baraka']);
    expect(await q({ tags: 'lead' })).toEqual(['Amina', 'Daudi']);
    expect(await q({ scores: { $elemMatch: { k: 'a', v: { $gt: 5 } } } })).toEqual(['Eunice']);
    expect(await q({ 'scores.v': 9 })).toEqual(['Chebet']);
  });

  it('rejects an unknown query operator with a server error', async () => {
    await expect(people.findOne({ age: { $bogus: 1 } })).rejects.toBeInstanceOf(MongoServerError);
  });
});

describe('count, distinct and delete', () => {
  it('counts with the count command and countDocuments', async () => {
    const res = await t.db.command({ count: 'people', query: { age: 25 } });
    expect(res.n).toBe(2);
    expect(await people.countDocuments({ county: 'Nairobi' })).toBe(2);
    expect(await people.estimatedDocumentCount()).toBe(5);
  });

  it('returns distinct values, flattening arrays', async () => {
    expect((await people.distinct('county')).sort()).toEqual(['Kisumu', 'Mombasa', 'Nairobi', 'Nakuru']);
    expect((await people.distinct('tags')).sort()).toEqual(['agent', 'lead']);
    expect(await people.distinct('age', { county: 'Nairobi' })).toEqual(expect.arrayContaining([25, 31]));
  });

  it('deletes one or many', async () => {
    const coll = t.db.collection('deletions');
    await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await coll.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect((await coll.deleteMany({ k: 99 })).deletedCount).toBe(0);
    expect(await coll.countDocuments({})).toBe(1);
  });
});

describe('write errors', () => {
  it('stops an ordered insert at the first duplicate _id', async () => {
    const coll = t.db.collection('ordered');
    const err = await coll.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }] as Document[]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    const bulk = err as MongoBulkWriteError;
    expect(bulk.code).toBe(11000);
    expect(bulk.result.insertedCount).toBe(1);
    expect(bulk.writeErrors).toHaveLength(1);
    expect(Array.isArray(bulk.writeErrors) ? bulk.writeErrors[0].index : -1).toBe(1);
    expect(await coll.countDocuments({})).toBe(1);
  });

  it('continues an unordered insert past duplicates', async () => {
    const coll = t.db.collection('unordered');
    const err = await coll.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }] as Document[], { ordered: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    expect((err as MongoBulkWriteError).result.insertedCount).toBe(2);
    expect(await coll.countDocuments({})).toBe(2);
  });

  it('reports writeErrors from the raw insert command', async () => {
    await t.db.collection('raw').insertOne({ _id: 'a' } as Document);
    const res = await t.db.command({ insert: 'raw', documents: [{ _id: 'b' }, { _id: 'a' }, { _id: 'c' }] });
    expect(res.n).toBe(1);
    expect(res.writeErrors).toHaveLength(1);
    expect(res.writeErrors[0]).toMatchObject({ index: 1, code: 11000 });
    expect(res.writeErrors[0].errmsg).toBe(`E11000 duplicate key error collection: ${t.dbName}.raw index: _id_ dup key: { _id: "a" }`);
  });
});
