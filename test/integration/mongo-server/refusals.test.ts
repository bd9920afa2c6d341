/** Writes that MongoDB 7 refuses, refused with its error code (issue 18). The test server used to
 * accept each of them, so code could pass here and fail in production. */
import type { Collection, Document } from 'mongodb';
import { connectTestClient, serverFailure as failure, type TestClientDb } from '../../support/db';

let t: TestClientDb;

beforeAll(async () => {
  t = await connectTestClient('refusals');
});

afterAll(async () => {
  await t.drop();
});

let seq = 0;
async function fresh(docs: Document[]): Promise<Collection<Document>> {
  const coll = t.db.collection(`r${++seq}`);
  if (docs.length) await coll.insertMany(docs);
  return coll;
}

describe('update operators', () => {
  it('refuses $set and $setOnInsert on the same path (ConflictingUpdateOperators)', async () => {
    const coll = await fresh([]);
    const err = await failure(coll.updateOne({ k: 1 }, { $set: { v: 1 }, $setOnInsert: { v: 0 } }, { upsert: true }));
    expect(err.code).toBe(40); // ConflictingUpdateOperators (write errors carry the code only)
    expect(await coll.countDocuments({})).toBe(0);
  });

  it('refuses a path and its parent in one update', async () => {
    const coll = await fresh([{ _id: 1, a: { b: 1 } } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { a: {} }, $inc: { 'a.b': 1 } }));
    expect(err.code).toBe(40);
  });

  it('refuses $inc on a string and leaves the document alone', async () => {
    const coll = await fresh([{ _id: 1, n: 'seven' } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $inc: { n: 1 } }));
    expect(err.code).toBe(14); // TypeMismatch
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, n: 'seven' });
  });

  it('refuses $push onto a field that is not an array', async () => {
    const coll = await fresh([{ _id: 1, tags: 'a' } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $push: { tags: 'b' } } as Document));
    expect(err.code).toBe(2); // BadValue
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, tags: 'a' });
  });

  it('refuses an arrayFilters identifier that no update path uses', async () => {
    const coll = await fresh([{ _id: 1, items: [{ k: 'a', n: 1 }] } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { 'items.$[it].n': 2 } }, { arrayFilters: [{ 'it.k': 'a' }, { 'unused.k': 'b' }] }));
    expect(err.code).toBe(9); // FailedToParse
    expect(err.message).toContain("'unused'");
  });

  it('refuses an update path whose identifier has no array filter', async () => {
    const coll = await fresh([{ _id: 1, items: [{ k: 'a', n: 1 }] } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { 'items.$[it].n': 2 } }));
    expect(err.code).toBe(2);
  });

  it('refuses to create a field inside null (PathNotViable)', async () => {
    const coll = await fresh([{ _id: 1, a: null } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { 'a.b': 1 } }));
    expect(err.code).toBe(28);
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, a: null });
  });

  it('refuses a positional $ when the query has no condition on the array', async () => {
    const coll = await fresh([{ _id: 1, items: [{ k: 'a' }] } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { 'items.$.k': 'b' } }));
    expect(err.code).toBe(2);
  });

  it('refuses an update that grows a document past 16 MiB', async () => {
    const coll = await fresh([{ _id: 1, a: 'x'.repeat(9 * 1024 * 1024) } as Document]);
    const err = await failure(coll.updateOne({ _id: 1 } as Document, { $set: { b: 'y'.repeat(8 * 1024 * 1024) } }));
    expect([10334, 17419]).toContain(err.code); // BSONObjectTooLarge (17419 before MongoDB 6)
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { b: 1 } })).toEqual({ _id: 1 });
  });

  it('counts a document’s size through a series of updates: past 16 MiB refused, room made by a smaller field accepted', async () => {
    const coll = await fresh([{ _id: 1, a: 'x'.repeat(9 * 1024 * 1024), n: 0 } as Document]);
    await coll.updateOne({ _id: 1 } as Document, { $inc: { n: 1 } });
    const grown = await failure(coll.findOneAndUpdate({ _id: 1 } as Document, { $set: { b: 'y'.repeat(8 * 1024 * 1024) } }));
    expect([10334, 17419]).toContain(grown.code);
    await coll.updateOne({ _id: 1 } as Document, { $set: { a: 'short' }, $inc: { n: 1 } });
    await coll.updateOne({ _id: 1 } as Document, { $set: { b: 'y'.repeat(8 * 1024 * 1024) } });
    const again = await failure(coll.updateOne({ _id: 1 } as Document, { $rename: { b: 'c' }, $set: { d: 'z'.repeat(9 * 1024 * 1024) } }));
    expect([10334, 17419]).toContain(again.code);
    const doc = await coll.findOne({ _id: 1 } as Document, { projection: { a: 1, n: 1, c: 1, d: 1 } });
    expect(doc).toEqual({ _id: 1, a: 'short', n: 2 });
  });
});

describe('index definitions', () => {
  it('refuses to recreate an index under its name with other options (IndexKeySpecsConflict)', async () => {
    const coll = await fresh([]);
    await coll.createIndex({ lastSeen: 1 }, { name: 'lastSeen_1', expireAfterSeconds: 60 });
    await coll.createIndex({ lastSeen: 1 }, { name: 'lastSeen_1', expireAfterSeconds: 60 }); // identical: fine
    const err = await failure(coll.createIndex({ lastSeen: 1 }, { name: 'lastSeen_1', expireAfterSeconds: 120 }));
    expect(err).toMatchObject({ code: 86, codeName: 'IndexKeySpecsConflict' });
    const partial = await failure(coll.createIndex({ lastSeen: 1 }, { name: 'lastSeen_1', expireAfterSeconds: 60, partialFilterExpression: { on: true } }));
    expect(partial.code).toBe(86);
  });

  it('refuses the same key under another name (IndexOptionsConflict)', async () => {
    const coll = await fresh([]);
    await coll.createIndex({ ref: 1 }, { name: 'ref_1' });
    const err = await failure(coll.createIndex({ ref: 1 }, { name: 'by_ref' }));
    expect(err).toMatchObject({ code: 85, codeName: 'IndexOptionsConflict' });
  });

  it('refuses partial filters with operators MongoDB does not index', async () => {
    const coll = await fresh([]);
    for (const partialFilterExpression of [{ status: { $ne: 'closed' } }, { deletedAt: { $exists: false } }, { status: { $nin: ['a'] } }, { $nor: [{ a: 1 }] }, { name: { $regex: '^a' } }, { n: { $not: { $gt: 1 } } }]) {
      const err = await failure(coll.createIndex({ x: 1 }, { name: 'x_partial', partialFilterExpression }));
      expect(err).toMatchObject({ code: 67, codeName: 'CannotCreateIndex' });
    }
  });

  it('accepts the partial filters MongoDB 7 supports', async () => {
    const coll = await fresh([]);
    await coll.createIndex({ a: 1 }, { partialFilterExpression: { status: { $in: ['open', 'waiting'] } } });
    await coll.createIndex({ b: 1 }, { partialFilterExpression: { deletedAt: { $exists: true }, n: { $gte: 1 }, kind: 'x' } });
    await coll.createIndex({ c: 1 }, { partialFilterExpression: { $or: [{ k: 1 }, { t: { $type: 'string' } }] } });
    expect((await coll.listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'a_1', 'b_1', 'c_1']);
  });
});
