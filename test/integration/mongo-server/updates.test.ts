/** Update operators, upserts and findAndModify through the driver and mongoose. */
import { MongoServerError, type Collection, type Document } from 'mongodb';
import { Schema, type Model } from 'mongoose';
import { connectTestClient, connectTestDb, type TestClientDb, type TestDb } from '../../support/db';

let t: TestClientDb;
let m: TestDb;

beforeAll(async () => {
  t = await connectTestClient('updates');
  m = await connectTestDb('updates_mongoose');
});

afterAll(async () => {
  await t.drop();
  await m.drop();
});

let seq = 0;
async function freshCollection(docs: Document[]): Promise<Collection<Document>> {
  const coll = t.db.collection(`u${++seq}`);
  if (docs.length) await coll.insertMany(docs);
  return coll;
}

describe('update operators', () => {
  it('applies $set, $unset and $inc, including nested paths', async () => {
    const coll = await freshCollection([{ _id: 1, a: 1, b: 'x', n: { c: 1 } } as Document]);
    const res = await coll.updateOne({ _id: 1 } as Document, { $set: { b: 'y', 'n.d': 2 }, $unset: { a: '' }, $inc: { 'n.c': 5, fresh: 1 } });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, b: 'y', n: { c: 6, d: 2 }, fresh: 1 });
  });

  it('applies $push (with $each), $addToSet and $pull', async () => {
    const coll = await freshCollection([{ _id: 1, tags: ['a'] } as Document]);
    await coll.updateOne({ _id: 1 } as Document, { $push: { tags: { $each: ['b', 'c'] } } } as Document);
    await coll.updateOne({ _id: 1 } as Document, { $addToSet: { tags: 'a' } } as Document);
    await coll.updateOne({ _id: 1 } as Document, { $addToSet: { tags: 'd' } } as Document);
    await coll.updateOne({ _id: 1 } as Document, { $pull: { tags: 'b' } } as Document);
    expect((await coll.findOne({ _id: 1 } as Document))?.tags).toEqual(['a', 'c', 'd']);
  });

  it('applies $min, $max and $currentDate', async () => {
    const coll = await freshCollection([{ _id: 1, lo: 5, hi: 5 } as Document]);
    const before = Date.now();
    await coll.updateOne({ _id: 1 } as Document, { $min: { lo: 3 }, $max: { hi: 9 }, $currentDate: { touched: true } });
    await coll.updateOne({ _id: 1 } as Document, { $min: { lo: 4 }, $max: { hi: 8 } });
    const doc = await coll.findOne({ _id: 1 } as Document);
    expect(doc).toMatchObject({ lo: 3, hi: 9 });
    expect(doc?.touched).toBeInstanceOf(Date);
    expect((doc?.touched as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('updates many and reports matched vs modified', async () => {
    const coll = await freshCollection([{ s: 'open' }, { s: 'open' }, { s: 'closed' }]);
    const res = await coll.updateMany({}, { $set: { s: 'open' } });
    expect(res).toMatchObject({ matchedCount: 3, modifiedCount: 1 });
    expect(await coll.countDocuments({ s: 'open' })).toBe(3);
  });

  it('replaces a whole document but keeps its _id', async () => {
    const coll = await freshCollection([{ _id: 7, a: 1, b: 2 } as Document]);
    await coll.replaceOne({ _id: 7 } as Document, { c: 3 });
    expect(await coll.findOne({ _id: 7 } as Document)).toEqual({ _id: 7, c: 3 });
  });

  it('refuses to change _id', async () => {
    const coll = await freshCollection([{ _id: 1, a: 1 } as Document]);
    const err = await coll.updateOne({ _id: 1 } as Document, { $set: { _id: 2 } } as Document).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(66);
  });

  it('updates array elements matched by arrayFilters', async () => {
    const coll = await freshCollection([{ _id: 1, items: [{ k: 'a', n: 1 }, { k: 'b', n: 1 }] } as Document]);
    await coll.updateOne({ _id: 1 } as Document, { $inc: { 'items.$[it].n': 10 } }, { arrayFilters: [{ 'it.k': 'b' }] });
    expect((await coll.findOne({ _id: 1 } as Document))?.items).toEqual([{ k: 'a', n: 1 }, { k: 'b', n: 11 }]);
  });
});

describe('positional updates', () => {
  it('updates the first array element matched by the query with $', async () => {
    const coll = await freshCollection([{ _id: 1, items: [{ k: 'a', n: 1 }, { k: 'b', n: 1 }] } as Document]);
    await coll.updateOne({ _id: 1, 'items.k': 'b' } as Document, { $set: { 'items.$.n': 5 } });
    expect((await coll.findOne({ _id: 1 } as Document))?.items).toEqual([{ k: 'a', n: 1 }, { k: 'b', n: 5 }]);
  });
});

describe('upserts', () => {
  it('inserts from the query equality fields plus $set and $setOnInsert', async () => {
    const coll = await freshCollection([]);
    const res = await coll.updateOne({ chatId: 42, kind: { $eq: 'report' } }, { $set: { step: 1 }, $setOnInsert: { createdBy: 'bot' } }, { upsert: true });
    expect(res.upsertedCount).toBe(1);
    expect(res.upsertedId).toBeDefined();
    const doc = await coll.findOne({ chatId: 42 });
    expect(doc).toMatchObject({ chatId: 42, kind: 'report', step: 1, createdBy: 'bot' });
  });

  it('ignores $setOnInsert when the document already exists', async () => {
    const coll = await freshCollection([{ chatId: 1, step: 0, createdBy: 'human' }]);
    const res = await coll.updateOne({ chatId: 1 }, { $inc: { step: 1 }, $setOnInsert: { createdBy: 'bot' } }, { upsert: true });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await coll.findOne({ chatId: 1 }, { projection: { _id: 0 } })).toEqual({ chatId: 1, step: 1, createdBy: 'human' });
  });

  it('upserts a replacement document', async () => {
    const coll = await freshCollection([]);
    await coll.replaceOne({ _id: 'x' } as Document, { v: 1 }, { upsert: true });
    expect(await coll.findOne({ _id: 'x' } as Document)).toEqual({ _id: 'x', v: 1 });
  });
});

describe('findOneAndUpdate / findAndModify', () => {
  interface Ticket {
    ref: string;
    status: string;
    attempts: number;
    notes: string[];
  }
  let Ticket: Model<Ticket>;

  beforeAll(async () => {
    Ticket = m.conn.model<Ticket>('Ticket', new Schema<Ticket>({ ref: { type: String, required: true }, status: String, attempts: { type: Number, default: 0 }, notes: [String] }));
    await Ticket.init();
    await Ticket.create([
      { ref: 'T-1', status: 'new' },
      { ref: 'T-2', status: 'new' },
      { ref: 'T-3', status: 'assigned' },
    ]);
  });

  it('returns the document before the update by default', async () => {
    const before = await Ticket.findOneAndUpdate({ ref: 'T-1' }, { $set: { status: 'assigned' }, $inc: { attempts: 1 } }).lean();
    expect(before).toMatchObject({ ref: 'T-1', status: 'new', attempts: 0 });
    expect(await Ticket.findOne({ ref: 'T-1' }).lean()).toMatchObject({ status: 'assigned', attempts: 1 });
  });

  it('returns the document after the update when asked', async () => {
    const after = await Ticket.findOneAndUpdate({ ref: 'T-2' }, { $push: { notes: 'called back' } }, { returnDocument: 'after' }).lean();
    expect(after).toMatchObject({ ref: 'T-2', notes: ['called back'] });
  });

  it('honours sort to pick which document to modify', async () => {
    const after = await Ticket.findOneAndUpdate({}, { $set: { status: 'closed' } }, { sort: { ref: -1 }, returnDocument: 'after' }).lean();
    expect(after?.ref).toBe('T-3');
  });

  it('upserts and reports it in the raw lastErrorObject', async () => {
    const res = await t.db.command({ findAndModify: 'fam', query: { k: 'q' }, update: { $set: { v: 1 } }, upsert: true, new: true });
    expect(res.value).toMatchObject({ k: 'q', v: 1 });
    expect(res.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(res.lastErrorObject.upserted).toBeDefined();
    const again = await t.db.command({ findAndModify: 'fam', query: { k: 'q' }, update: { $inc: { v: 1 } } });
    expect(again.value).toMatchObject({ v: 1 });
    expect(again.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
  });

  it('returns null when nothing matches and upsert is off', async () => {
    expect(await Ticket.findOneAndUpdate({ ref: 'nope' }, { $set: { status: 'x' } }).lean()).toBeNull();
  });

  it('removes with findOneAndDelete and applies the projection', async () => {
    const coll = await freshCollection([{ _id: 1, a: 1, b: 2 } as Document]);
    const removed = await coll.findOneAndDelete({ _id: 1 } as Document, { projection: { b: 1 } });
    expect(removed).toEqual({ _id: 1, b: 2 });
    expect(await coll.countDocuments({})).toBe(0);
  });
});
