/** Cursors across batches, and many concurrent clients and requests. */
import { MongoClient, MongoServerError, type Collection, type Document } from 'mongodb';
import { Schema } from 'mongoose';
import { connectTestClient, connectTestDb, type TestClientDb, type TestDb } from '../../support/db';

let t: TestClientDb;
let big: Collection<Document>;

beforeAll(async () => {
  t = await connectTestClient('cursors');
  big = t.db.collection('big');
  await big.insertMany(Array.from({ length: 1000 }, (_, i) => ({ i, even: i % 2 === 0, pad: 'x'.repeat(50) })));
});

afterAll(async () => {
  await t.drop();
});

describe('cursors', () => {
  it('reads 1,000 documents in small batches with getMore', async () => {
    const docs = await big.find({}).sort({ i: 1 }).batchSize(7).toArray();
    expect(docs).toHaveLength(1000);
    expect(docs.map((d) => d.i)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('returns an open cursor id in the first batch and exhausts it with getMore', async () => {
    const first = await t.db.command({ find: 'big', filter: { even: true }, batchSize: 100 });
    const cursor = first.cursor as { id: unknown; firstBatch: Document[]; ns: string };
    expect(cursor.firstBatch).toHaveLength(100);
    expect(cursor.ns).toBe(`${t.dbName}.big`);
    let seen = cursor.firstBatch.length;
    let id = cursor.id;
    while (String(id) !== '0') {
      const more = await t.db.command({ getMore: id, collection: 'big', batchSize: 150 });
      const next = more.cursor as { id: unknown; nextBatch: Document[] };
      seen += next.nextBatch.length;
      id = next.id;
    }
    expect(seen).toBe(500);
  });

  it('iterates a mongoose cursor with a small batch size', async () => {
    const m: TestDb = await connectTestDb('cursors_mongoose');
    try {
      const Item = m.conn.model('Item', new Schema({ n: Number }));
      await Item.insertMany(Array.from({ length: 1000 }, (_, n) => ({ n })));
      let sum = 0;
      let count = 0;
      for await (const doc of Item.find({}).batchSize(10).cursor()) {
        sum += doc.n ?? 0;
        count += 1;
      }
      expect(count).toBe(1000);
      expect(sum).toBe((999 * 1000) / 2);
    } finally {
      await m.drop();
    }
  });

  it('kills cursors, after which getMore reports CursorNotFound', async () => {
    const first = await t.db.command({ find: 'big', filter: {}, batchSize: 2 });
    const id = (first.cursor as { id: unknown }).id;
    const killed = await t.db.command({ killCursors: 'big', cursors: [id] });
    expect((killed.cursorsKilled as unknown[]).map(String)).toEqual([String(id)]);
    const err = await t.db.command({ getMore: id, collection: 'big' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(43);
  });

  it('closes a driver cursor early without leaking errors', async () => {
    const cursor = big.find({}).batchSize(5);
    const firstTen: number[] = [];
    for await (const doc of cursor) {
      firstTen.push(doc.i as number);
      if (firstTen.length === 10) break;
    }
    expect(firstTen).toHaveLength(10);
    expect(cursor.closed).toBe(true);
  });

  it('honours limit, negative limit and singleBatch', async () => {
    expect(await big.find({}).limit(250).batchSize(20).toArray()).toHaveLength(250);
    const single = await t.db.command({ find: 'big', filter: {}, limit: 5, batchSize: 2, singleBatch: true });
    expect((single.cursor as { firstBatch: unknown[] }).firstBatch).toHaveLength(2);
    expect(String((single.cursor as { id: unknown }).id)).toBe('0');
  });
});

describe('concurrency', () => {
  it('serves many parallel operations over a pooled connection', async () => {
    const coll = t.db.collection('parallel');
    await Promise.all(Array.from({ length: 300 }, (_, i) => coll.insertOne({ i })));
    const found = await Promise.all(Array.from({ length: 100 }, (_, i) => coll.findOne({ i: i * 3 })));
    expect(found.map((d) => d?.i)).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
    expect(await coll.countDocuments({})).toBe(300);
  });

  it('serves several clients at once, each with its own connections', async () => {
    const uri = process.env.MONGODB_URI ?? '';
    const clients = await Promise.all(Array.from({ length: 5 }, () => MongoClient.connect(uri, { maxPoolSize: 3 })));
    try {
      await Promise.all(
        clients.map((c, ci) => Promise.all(Array.from({ length: 40 }, (_, i) => c.db(t.dbName).collection('multi').updateOne({ _id: `${ci}-${i}` } as Document, { $inc: { n: 1 } }, { upsert: true })))),
      );
      expect(await t.db.collection('multi').countDocuments({})).toBe(200);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  it('round-trips a document far larger than one TCP chunk', async () => {
    const coll = t.db.collection('large');
    const blob = 'ü'.repeat(3 * 1024 * 1024);
    await coll.insertOne({ _id: 'big', blob } as Document);
    const doc = await coll.findOne({ _id: 'big' } as Document);
    expect(doc?.blob).toBe(blob);
  });
});
