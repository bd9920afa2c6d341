/**
 * "Was the document modified?" (`nModified`, findAndModify's write): MongoDB counts a write only
 * when the document changed. The test server decides it by walking both versions
 * (`sameCanonical`), which must agree with its canonical form: same values, same order.
 */
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, type Collection, type Document } from 'mongodb';
import { canonical, sameCanonical } from '../../support/mongo/values';
import { connectTestClient, type TestClientDb } from '../../support/db';

let t: TestClientDb;

beforeAll(async () => {
  t = await connectTestClient('modified');
});

afterAll(async () => {
  await t.drop();
});

let seq = 0;
const links = (n: number) => Array.from({ length: n }, (_, i) => ({ reportId: `r${i}`, score: i / 10, reasons: ['same place', `word ${i}`] }));

async function withReport(): Promise<Collection<Document>> {
  const coll = t.db.collection(`m${++seq}`);
  await coll.insertOne({ _id: 1, status: 'received', similar: links(20), at: new Date(Date.UTC(2026, 10, 30)) } as Document);
  return coll;
}

describe('a write that changes nothing is not counted as a modification', () => {
  it('counts a change deep in a long list, and not the same values written again', async () => {
    const coll = await withReport();
    const same = await coll.updateOne({ _id: 1 } as Document, { $set: { status: 'received', 'similar.19.score': 1.9, at: new Date(Date.UTC(2026, 10, 30)) } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const changed = await coll.updateOne({ _id: 1 } as Document, { $set: { 'similar.19.reasons.1': 'word nineteen' } });
    expect(changed).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect((await coll.findOne({ _id: 1 } as Document))?.similar[19].reasons).toEqual(['same place', 'word nineteen']);
  });

  it('counts a replacement that only reorders fields, as MongoDB compares documents field by field in order', async () => {
    const coll = t.db.collection(`m${++seq}`);
    await coll.insertOne({ _id: 1, a: 1, b: 2 } as Document);
    expect(await coll.replaceOne({ _id: 1 } as Document, { a: 1, b: 2 })).toMatchObject({ modifiedCount: 0 });
    expect(await coll.replaceOne({ _id: 1 } as Document, { b: 2, a: 1 })).toMatchObject({ modifiedCount: 1 });
  });

  it('findAndModify writes a changed document and returns it', async () => {
    const coll = await withReport();
    const after = await coll.findOneAndUpdate({ _id: 1 } as Document, { $push: { similar: { reportId: 'r20', score: 2, reasons: [] } } } as Document, { returnDocument: 'after' });
    expect(after?.similar).toHaveLength(21);
    expect((await coll.findOne({ _id: 1 } as Document))?.similar).toHaveLength(21);
  });
});

describe('sameCanonical', () => {
  const id = new ObjectId();
  const pairs: [unknown, unknown][] = [
    [1, 1],
    [0, -0],
    [Number.NaN, Number.NaN],
    [1, new Int32(1)],
    [1, new Double(1)],
    [1, Long.fromNumber(1)],
    [1, new Decimal128('1')],
    [1, '1'],
    [null, undefined],
    [null, 0],
    [true, 'true'],
    [id, new ObjectId(id.toHexString())],
    [id, id.toHexString()],
    [new Date(5), new Date(5)],
    [new Date(5), 5],
    [new Binary(Buffer.from('ab')), new Binary(Buffer.from('ab'))],
    [new Timestamp({ t: 1, i: 2 }), new Timestamp({ t: 1, i: 2 })],
    [/a/i, /a/i],
    [/a/i, /a/],
    [[], {}],
    [[1, 2], [1, 2]],
    [[1, 2], [2, 1]],
    [[1], [1, undefined]],
    [{ a: 1, b: 2 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ a: undefined }, { a: null }],
    [{ a: undefined }, {}],
    [{ a: [{ b: 1 }] }, { a: [{ b: new Int32(1) }] }],
    [{ a: [{ b: 1 }] }, { a: [{ b: 2 }] }],
    [{ a: 's' }, 'a'],
    [links(20), links(20)],
    [links(20), [...links(19), { ...links(20)[19], score: 2 }]],
  ];

  it.each(pairs.map((p, i) => [i, ...p]))('pair %i agrees with the canonical strings', (_i, a, b) => {
    const expected = canonical(a) === canonical(b);
    expect(sameCanonical(a, b)).toBe(expected);
    expect(sameCanonical(b, a)).toBe(expected);
  });

  it('tells equal from different values, not only agrees (the pairs hold both kinds)', () => {
    const verdicts = pairs.map(([a, b]) => sameCanonical(a, b));
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10);
  });
});
