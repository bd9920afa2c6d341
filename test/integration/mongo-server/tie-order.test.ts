/** The randomTieOrder option: MongoDB promises no order among equal sort keys (or without a sort),
 * so the suites' server returns those in random order, and code that pages by a key that can tie
 * must add a unique last key. */
import { MongoClient, type Collection, type Document } from 'mongodb';
import { startMongoTestServer, type MongoTestServer } from '../../support/mongo/server';

const DOCS = Array.from({ length: 30 }, (_, i) => ({ _id: i, priority: i % 2, createdAt: new Date(Date.UTC(2026, 0, 1)) }));

async function serve(randomTieOrder: boolean): Promise<{ server: MongoTestServer; client: MongoClient; coll: Collection<Document> }> {
  const server = await startMongoTestServer({ port: 0, randomTieOrder });
  const client = await MongoClient.connect(server.uri);
  const coll = client.db('ties').collection('tickets');
  await coll.insertMany(DOCS.map((d) => ({ ...d })) as Document[]);
  return { server, client, coll };
}

const ids = (docs: Document[]): string => docs.map((d) => String(d._id)).join(',');

async function orders(run: () => Promise<Document[]>, times = 8): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < times; i++) seen.add(ids(await run()));
  return seen;
}

describe('randomTieOrder', () => {
  let on: Awaited<ReturnType<typeof serve>>;
  let off: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    [on, off] = await Promise.all([serve(true), serve(false)]);
  });

  afterAll(async () => {
    for (const s of [on, off]) {
      await s.client.close();
      await s.server.stop();
    }
  });

  it('orders equal sort keys differently from one query to the next', async () => {
    // 15 documents share each priority: a repeated order would be a 1 in 15!^2 coincidence.
    expect((await orders(() => on.coll.find({}).sort({ priority: 1 }).toArray())).size).toBeGreaterThan(1);
    expect((await orders(() => on.coll.aggregate([{ $sort: { createdAt: -1 } }]).toArray())).size).toBeGreaterThan(1);
  });

  it('returns unsorted results in a different order each time', async () => {
    expect((await orders(() => on.coll.find({}).toArray())).size).toBeGreaterThan(1);
  });

  it('still sorts by the keys given, and a unique last key makes the order total', async () => {
    const sorted = await orders(() => on.coll.find({}).sort({ priority: -1, createdAt: 1, _id: 1 }).toArray());
    expect([...sorted]).toEqual([ids([...DOCS].sort((a, b) => b.priority - a.priority || a._id - b._id))]);
  });

  it('pages without repeats or gaps when the sort ends with _id', async () => {
    const pages: Document[] = [];
    for (let skip = 0; skip < DOCS.length; skip += 7) pages.push(...(await on.coll.find({}).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(7).toArray()));
    expect(pages.map((d) => d._id)).toEqual(DOCS.map((d) => d._id));
  });

  it('keeps insertion order when off', async () => {
    expect([...(await orders(() => off.coll.find({}).sort({ priority: 1 }).toArray()))]).toHaveLength(1);
  });
});
