/** Operations that MongoDB 7 accepts and answers in a documented way, each of which the test server
 * once refused or answered wrongly (issue 22). Written against the driver and mongoose only, so the
 * same file passes against a real MongoDB (MONGODB_URI). */
import { Binary, Double, Int32, Long, type Collection, type Document } from 'mongodb';
import { Schema, type Types } from 'mongoose';
import { connectTestClient, connectTestDb, type TestClientDb, type TestDb } from '../../support/db';

let t: TestClientDb;
let m: TestDb;

beforeAll(async () => {
  t = await connectTestClient('behaviour');
  m = await connectTestDb('behaviour_mongoose');
});

afterAll(async () => {
  await t.drop();
  await m.drop();
});

let seq = 0;
async function fresh(docs: Document[]): Promise<Collection<Document>> {
  const coll = t.db.collection(`b${++seq}`);
  if (docs.length) await coll.insertMany(docs);
  return coll;
}

describe('valid updates that MongoDB accepts', () => {
  it('sets two fields of the same array element through $ in one update', async () => {
    const coll = await fresh([{ _id: 1, children: [{ name: 'a', n: 0 }, { name: 'b', n: 0 }] } as Document]);
    await coll.updateOne({ _id: 1, 'children.name': 'b' } as Document, { $set: { 'children.$.name': 'bb', 'children.$.n': 2 } });
    expect((await coll.findOne({ _id: 1 } as Document))?.children).toEqual([{ name: 'a', n: 0 }, { name: 'bb', n: 2 }]);
  });

  it('resolves $ from a condition inside a top-level $and', async () => {
    const coll = await fresh([{ _id: 1, children: [{ name: 'a', n: 0 }, { name: 'b', n: 0 }] } as Document]);
    await coll.updateOne({ $and: [{ _id: 1 }, { 'children.name': 'b' }] } as Document, { $inc: { 'children.$.n': 1 } });
    expect((await coll.findOne({ _id: 1 } as Document))?.children).toEqual([{ name: 'a', n: 0 }, { name: 'b', n: 1 }]);
  });

  it('keeps timestamps of a subdocument updated through $ with mongoose', async () => {
    const Child = new Schema({ name: String }, { timestamps: true });
    const Parent = m.conn.model('TsParent', new Schema({ children: [Child] }));
    const parent = await Parent.create({ children: [{ name: 'a' }, { name: 'b' }] });
    const childId = (parent.children[1] as unknown as { _id: Types.ObjectId })._id;
    const res = await Parent.updateOne({ _id: parent._id, 'children._id': childId }, { $set: { 'children.$.name': 'renamed' } });
    expect(res.modifiedCount).toBe(1);
    const after = await Parent.findById(parent._id).lean();
    expect(after?.children[1]).toMatchObject({ name: 'renamed', updatedAt: expect.any(Date) });
    expect(after?.children[0]).toMatchObject({ name: 'a' });
  });

  it('applies $addToSet and $set through $ to the same element', async () => {
    const coll = await fresh([{ _id: 1, rows: [{ k: 'a', tags: ['x'] }, { k: 'b', tags: [] }] } as Document]);
    await coll.updateOne({ _id: 1, 'rows.k': 'b' } as Document, { $addToSet: { 'rows.$.tags': 'y' }, $set: { 'rows.$.seen': 1 } });
    await coll.updateOne({ _id: 1, 'rows.k': 'b' } as Document, { $addToSet: { 'rows.$.tags': 'y' }, $set: { 'rows.$.seen': 2 } });
    expect((await coll.findOne({ _id: 1 } as Document))?.rows).toEqual([{ k: 'a', tags: ['x'] }, { k: 'b', tags: ['y'], seen: 2 }]);
  });

  it('applies arrayFilters in a mongoose bulkWrite', async () => {
    // Subdocument timestamps make mongoose add items.$[it].updatedAt next to the $inc.
    const Item = new Schema({ sku: String, qty: Number }, { timestamps: true });
    const Order = m.conn.model('BwOrder', new Schema({ items: [Item] }, { timestamps: true }));
    const order = await Order.create({ items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 1 }] });
    const res = await Order.bulkWrite([{ updateOne: { filter: { _id: order._id }, update: { $inc: { 'items.$[it].qty': 5 } }, arrayFilters: [{ 'it.sku': 'b' }] } }]);
    expect(res.modifiedCount).toBe(1);
    const after = await Order.findById(order._id).lean();
    expect(after?.items.map((i) => i.qty)).toEqual([1, 6]);
  });

  it('accepts $set of _id to the value it already has (mongoose sends whole documents)', async () => {
    const Person = m.conn.model('WholeDoc', new Schema({ name: String, age: Number }));
    const p = await Person.create({ name: 'Wanjiku', age: 30 });
    const whole = { ...p.toObject(), age: 31 };
    expect((await Person.updateOne({ _id: p._id }, whole)).modifiedCount).toBe(1);
    const after = await Person.findOneAndUpdate({ _id: p._id }, { ...whole, age: 32 }, { returnDocument: 'after' }).lean();
    expect(after).toMatchObject({ name: 'Wanjiku', age: 32 });
  });

  it('still refuses a $set that changes _id', async () => {
    const coll = await fresh([{ _id: 1 } as Document]);
    await expect(coll.updateOne({ _id: 1 } as Document, { $set: { _id: 2 } } as Document)).rejects.toMatchObject({ code: 66 });
  });
});

describe('projections', () => {
  const doc = { _id: 1, name: 'x', nums: [1, 5, 9], tags: ['a', 'b', 'c'] };

  it('projects $elemMatch with $in and $gte on an array of scalars', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { nums: { $elemMatch: { $in: [5, 9] } } } })).toEqual({ _id: 1, nums: [5] });
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { nums: { $elemMatch: { $gte: 6 } } } })).toEqual({ _id: 1, nums: [9] });
  });

  it('combines an exclusion with $slice', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { name: 0, tags: { $slice: 1 } } })).toEqual({ _id: 1, nums: [1, 5, 9], tags: ['a'] });
  });

  it('leaves the stored document whole after an exclusion that slices a nested list', async () => {
    const nested = { _id: 2, secret: 's', a: { list: [1, 2, 3], keep: { x: 1 } } };
    const coll = await fresh([nested]);
    expect(await coll.findOne({ _id: 2 } as Document, { projection: { secret: 0, 'a.list': { $slice: 1 } } })).toEqual({ _id: 2, a: { list: [1], keep: { x: 1 } } });
    expect(await coll.findOne({ _id: 2 } as Document, { projection: { secret: 0 } })).toEqual({ _id: 2, a: { list: [1, 2, 3], keep: { x: 1 } } });
    expect(await coll.findOne({ _id: 2 } as Document)).toEqual(nested);
  });

  it('keeps every other field when the projection only slices (mongoose slice())', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { tags: { $slice: -2 } } })).toEqual({ ...doc, tags: ['b', 'c'] });
    const Item = m.conn.model('SliceItem', new Schema({ name: String, tags: [String] }));
    const item = await Item.create({ name: 'kept', tags: ['a', 'b', 'c'] });
    expect(await Item.findById(item._id).slice('tags', 1).lean()).toMatchObject({ name: 'kept', tags: ['a'] });
  });

  it('returns only _id for { _id: 1 }, and everything else for { _id: 0 }', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { _id: 1 } })).toEqual({ _id: 1 });
    expect(await coll.find({}, { projection: { _id: true } }).toArray()).toEqual([{ _id: 1 }]);
    const { _id: _dropped, ...rest } = doc;
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { _id: 0 } })).toEqual(rest);
  });

  it('makes { _id: 1 } with a $slice an inclusion of _id and the sliced list', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { _id: 1, tags: { $slice: 1 } } })).toEqual({ _id: 1, tags: ['a'] });
    expect(await coll.findOne({ _id: 1 } as Document, { projection: { _id: 0, tags: { $slice: 1 } } })).toEqual({ name: 'x', nums: [1, 5, 9], tags: ['a'] });
  });

  it('returns the matched element for the positional projection tags.$', async () => {
    const coll = await fresh([doc]);
    expect(await coll.findOne({ _id: 1, tags: 'b' } as Document, { projection: { 'tags.$': 1 } })).toEqual({ _id: 1, tags: ['b'] });
  });
});

describe('matching', () => {
  it('reads $$NOW afresh for every query (the queries share their operators, not their clock)', async () => {
    const coll = await fresh([{ n: 1, at: new Date(Date.now() - 60_000) }]);
    const due = { $expr: { $lte: ['$at', '$$NOW'] } };
    expect(await coll.find(due).toArray()).toHaveLength(1);
    const before = Date.now();
    while (Date.now() <= before); // the next document is stamped a millisecond later at least
    await coll.insertOne({ n: 2, at: new Date() });
    expect(await coll.find(due).toArray()).toHaveLength(2);
  });

  it('matches $all on a scalar field holding one of the values', async () => {
    const coll = await fresh([{ s: 'open' }, { s: 'closed' }, { s: ['open', 'x'] }]);
    expect(await coll.countDocuments({ s: { $all: ['open'] } })).toBe(2);
    expect(await coll.countDocuments({ s: { $all: [] } })).toBe(0);
  });

  it('orders Binary values by length, then subtype, then bytes', async () => {
    const bin = (...bytes: number[]): Binary => new Binary(Buffer.from(bytes));
    const coll = await fresh([{ _id: 'short', v: bin(9) }, { _id: 'low', v: bin(1, 2) }, { _id: 'high', v: bin(1, 3) }] as Document[]);
    const below = await coll.find({ v: { $lt: bin(1, 3) } }).sort({ _id: 1 }).toArray();
    expect(below.map((d) => d._id)).toEqual(['low', 'short']);
    const sorted = await coll.find({}).sort({ v: -1 }).toArray();
    expect(sorted.map((d) => d._id)).toEqual(['high', 'low', 'short']);
  });
});

describe('$pull with a condition on subdocuments', () => {
  it('removes the elements matching $or and $and conditions', async () => {
    const coll = await fresh([{ _id: 1, sub: [{ a: 1, b: 1 }, { a: 2, b: 2 }, { a: 3, b: 3 }] } as Document]);
    await coll.updateOne({ _id: 1 } as Document, { $pull: { sub: { $or: [{ a: 1 }, { b: 3 }] } } } as Document);
    expect((await coll.findOne({ _id: 1 } as Document))?.sub).toEqual([{ a: 2, b: 2 }]);
    await coll.updateOne({ _id: 1 } as Document, { $pull: { sub: { $and: [{ a: 2 }, { b: 2 }] } } } as Document);
    expect((await coll.findOne({ _id: 1 } as Document))?.sub).toEqual([]);
  });

  it('lets mongoose pull a subdocument that has no _id', async () => {
    const Box = m.conn.model('PullBox', new Schema({ things: [new Schema({ k: String, v: Number }, { _id: false })] }));
    const box = await Box.create({ things: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] });
    box.things.pull(box.things[0]);
    await box.save();
    expect((await Box.findById(box._id).lean())?.things).toEqual([{ k: 'b', v: 2 }]);
  });
});

describe('numeric BSON types', () => {
  it('keeps an int64 an int64, even a small one', async () => {
    const coll = await fresh([{ _id: 'small', v: Long.fromNumber(5) }, { _id: 'big', v: Long.fromString('9007199254740993') }] as Document[]);
    const small = await coll.findOne({ _id: 'small' } as Document, { useBigInt64: true });
    expect(small?.v).toBe(5n);
    const big = await coll.findOne({ _id: 'big' } as Document, { useBigInt64: true });
    expect(big?.v).toBe(9007199254740993n);
  });

  it('keeps an integer-valued double a double', async () => {
    const coll = await fresh([{ _id: 'd', v: new Double(2) }] as Document[]);
    const doc = await coll.findOne({ _id: 'd' } as Document, { promoteValues: false });
    expect(doc?.v).toBeInstanceOf(Double);
  });

  it('tells int, long and double apart in $type', async () => {
    const coll = await fresh([
      { _id: 'int', v: new Int32(3) },
      { _id: 'long', v: Long.fromNumber(3) },
      { _id: 'bigLong', v: Long.fromString('9007199254740993') },
      { _id: 'double', v: new Double(3) },
      { _id: 'fraction', v: 2.5 },
    ] as Document[]);
    const ids = async (type: string): Promise<unknown[]> => (await coll.find({ v: { $type: type } } as Document).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids('int')).toEqual(['int']);
    expect(await ids('long')).toEqual(['bigLong', 'long']);
    expect(await ids('double')).toEqual(['double', 'fraction']);
    expect(await ids('number')).toHaveLength(5);
    expect(await coll.countDocuments({ v: 3 })).toBe(3);
  });

  it('adds to an int64 with $inc and keeps it an int64', async () => {
    const coll = await fresh([{ _id: 1, v: Long.fromNumber(1) }] as Document[]);
    await coll.updateOne({ _id: 1 } as Document, { $inc: { v: 1 } });
    expect((await coll.findOne({ _id: 1 } as Document, { useBigInt64: true }))?.v).toBe(2n);
  });
});

describe('aggregation over numeric types', () => {
  it('sums int64 and double values with int32 ones', async () => {
    const coll = await fresh([{ v: Long.fromNumber(5) }, { v: new Double(2) }, { v: 1 }, { v: 0.5 }]);
    const [row] = await coll.aggregate([{ $group: { _id: null, total: { $sum: '$v' } } }]).toArray();
    expect(row.total).toBe(8.5);
  });
});

describe('field names', () => {
  it('stores a __proto__ key inside a $set value as an ordinary field', async () => {
    const coll = await fresh([{ _id: 1 } as Document]);
    const value = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Document;
    await coll.updateOne({ _id: 1 } as Document, { $set: { o: value } });
    const doc = await coll.findOne({ _id: 1 } as Document);
    expect(Object.keys(doc?.o as object)).toEqual(['__proto__', 'y']);
    expect(Object.getOwnPropertyDescriptor(doc?.o, '__proto__')?.value).toEqual({ x: 1 });
  });
});
