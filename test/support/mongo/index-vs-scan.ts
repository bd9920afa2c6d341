import { MongoClient, type Collection, type Db, type Filter, type IndexSpecification, type OptionalUnlessRequiredId } from 'mongodb';
import { startMongoTestServer } from './server';

/** The same documents in two collections of one test server, one indexed and one not. */
export interface IndexedAndPlain<T extends { _id: number }> {
  db: Db;
  indexed: Collection<T>;
  plain: Collection<T>;
  /** The ids `filter` finds in each, in the order returned: [indexed, plain]. */
  both(filter: Filter<T>): Promise<[number[], number[]]>;
  stop(): Promise<void>;
}

/**
 * For tests that hold what an index answers equal to what a collection scan returns. The index is
 * built after half the documents are in, so both the build and later inserts must fill it.
 */
export async function indexedAndPlain<T extends { _id: number }>(name: string, docs: T[], key: IndexSpecification): Promise<IndexedAndPlain<T>> {
  const server = await startMongoTestServer({ port: 0 });
  const client = await MongoClient.connect(server.uri);
  const db = client.db(name);
  const indexed = db.collection<T>(name);
  const plain = db.collection<T>(`${name}_unindexed`);
  const rows = docs as OptionalUnlessRequiredId<T>[];
  const half = Math.floor(rows.length / 2);
  await indexed.insertMany(rows.slice(0, half));
  await indexed.createIndex(key);
  await indexed.insertMany(rows.slice(half));
  await plain.insertMany(rows);
  const ids = async (c: Collection<T>, filter: Filter<T>) => (await c.find(filter).toArray()).map((r) => r._id as number);
  return {
    db,
    indexed,
    plain,
    both: async (filter) => [await ids(indexed, filter), await ids(plain, filter)],
    stop: async () => {
      await client.close();
      await server.stop();
    },
  };
}
