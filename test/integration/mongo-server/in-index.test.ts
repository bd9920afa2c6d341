/** `{ field: { $in: [...] } }` on _id or a single-field index (the reporter lookup,
 * `lookupHash: { $in }`) is answered from the index: the same documents, in the same order, as a
 * collection without the index returns, whatever was updated or deleted since. */
import { indexedAndPlain, type IndexedAndPlain } from '../../support/mongo/index-vs-scan';

interface Row {
  _id: number;
  hash?: string | string[] | null;
  n?: number;
}

const docs = (count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: i,
    // Every 11th has no hash, every 17th a null one, the rest one of 40 values (some shared).
    ...(i % 11 === 0 ? {} : i % 17 === 0 ? { hash: null } : { hash: `h${i % 40}` }),
    n: i % 7,
  }));

describe('index answering $in', () => {
  let h: IndexedAndPlain<Row>;
  beforeAll(async () => {
    h = await indexedAndPlain<Row>('reporters', docs(200), { hash: 1 });
  });
  afterAll(() => h.stop());
  const both = (filter: Parameters<IndexedAndPlain<Row>['both']>[0]) => h.both(filter);
  const filters = () => [
    { hash: { $in: ['h1', 'h2'] } },
    { hash: { $in: ['h3'] }, n: { $gte: 3 } },
    { hash: { $in: ['h5', 'nobody'] } },
    { hash: { $in: ['h7', null] } },
    { _id: { $in: [150, 3, 77, 999] } },
    { _id: { $in: [4, 5] }, hash: 'h5' },
  ];

  it('returns what a collection scan returns, in natural order', async () => {
    for (const filter of filters()) {
      const [got, want] = await both(filter);
      expect(got).toEqual(want);
    }
    expect((await both({ hash: { $in: ['h1', 'h2'] } }))[0].length).toBeGreaterThan(5);
    // Both collections have the _id index: what it answers is checked against the documents themselves.
    expect((await both({ _id: { $in: [150, 3, 77, 999] } }))[0]).toEqual([3, 77, 150]);
    expect((await both({ _id: { $in: [4, 5, 15] }, hash: 'h5' }))[0]).toEqual([5]);
  });

  it('leaves a partial index out (it lacks documents) and answers from a sparse one', async () => {
    const rows = docs(200);
    const expected = (values: string[]) => rows.filter((r) => typeof r.hash === 'string' && values.includes(r.hash)).map((r) => r._id);
    const partial = h.db.collection<Row>('partial_reporters');
    await partial.createIndex({ hash: 1 }, { partialFilterExpression: { n: { $gte: 3 } } });
    await partial.insertMany(rows);
    const sparse = h.db.collection<Row>('sparse_reporters');
    await sparse.createIndex({ hash: 1 }, { sparse: true });
    await sparse.insertMany(rows);
    for (const values of [['h1', 'h2'], ['h3'], ['h39', 'none']]) {
      expect((await partial.find({ hash: { $in: values } }).toArray()).map((r) => r._id)).toEqual(expected(values));
      expect((await sparse.find({ hash: { $in: values } }).toArray()).map((r) => r._id)).toEqual(expected(values));
    }
  });

  it('follows documents whose value changed, became an array, or were deleted', async () => {
    for (const c of [h.indexed, h.plain]) {
      await c.updateMany({ hash: 'h1', n: { $lt: 3 } }, { $set: { hash: 'h2' } });
      await c.updateOne({ _id: 22 }, { $set: { hash: ['h1', 'h9'] } });
      await c.updateOne({ _id: 41 }, { $unset: { hash: 1 } });
      await c.deleteMany({ hash: 'h2', _id: { $gt: 120 } });
    }
    for (const filter of [...filters(), { hash: { $in: ['h9'] } }]) {
      const [got, want] = await both(filter);
      expect(got).toEqual(want);
    }
    expect((await both({ hash: { $in: ['h1'] } }))[0]).toContain(22);
    expect((await both({ hash: { $in: ['h1'] } }))[0]).not.toContain(41);
  });

  it('still finds, updates and refuses duplicates through an upsert on a unique index, as the reporter lookup does', async () => {
    const reporters = h.db.collection<Row>('unique_reporters');
    await reporters.createIndex({ hash: 1 }, { unique: true });
    await reporters.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, hash: `r${i}`, n: 0 })));
    const found = await reporters.findOneAndUpdate({ hash: { $in: ['old-r7', 'r7'] } }, { $setOnInsert: { _id: 1000, hash: 'r7', n: 1 } }, { upsert: true, returnDocument: 'after' });
    expect(found?._id).toBe(7);
    const made = await reporters.findOneAndUpdate({ hash: { $in: ['old-r70', 'r70'] } }, { $setOnInsert: { _id: 1001, hash: 'r70', n: 1 } }, { upsert: true, returnDocument: 'after' });
    expect(made?._id).toBe(1001);
    await expect(reporters.insertOne({ _id: 1002, hash: 'r70' })).rejects.toMatchObject({ code: 11000 });
    expect(await reporters.countDocuments({ hash: { $in: ['r7', 'r70', 'none'] } })).toBe(2);
  });
});
