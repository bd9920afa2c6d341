import type { Connection, Model } from 'mongoose';

/**
 * Index changes as an explicit step. On MongoDB, building an index whose name exists with other
 * options (TTL seconds, a partial filter) fails with code 85/86; if every role built indexes at
 * start, one schema change would crash-loop them all. So in production the roles only check
 * (`checkIndexes`), and `node dist/main.js migrate` makes the database match the schemas:
 * it drops indexes no schema declares (or declares differently) and builds the missing ones.
 * Development and tests keep mongoose's automatic builds (`autoIndex`).
 */

export interface IndexChange {
  collection: string;
  /** Indexes to build: key pattern and options, as the schema declares them. */
  create: { key: Record<string, unknown>; options: Record<string, unknown> }[];
  /** Index names to drop (not declared, or declared with other options). */
  drop: string[];
}

/** Every model registered on the connection (the store's and the console accounts'). */
function modelsOf(conn: Connection): Model<unknown>[] {
  return Object.values(conn.models) as Model<unknown>[];
}

/** What `migrate` would do, per collection; collections needing nothing are left out. */
export async function planIndexes(conn: Connection): Promise<IndexChange[]> {
  const plan: IndexChange[] = [];
  for (const model of modelsOf(conn)) {
    const diff = await model.diffIndexes({ indexOptionsToCreate: true });
    const create = (diff.toCreate as [Record<string, unknown>, Record<string, unknown>][]).map(([key, options]) => ({ key, options }));
    const drop = diff.toDrop as string[];
    if (create.length || drop.length) plan.push({ collection: model.collection.collectionName, create, drop });
  }
  return plan;
}

/** Applies the plan: drops first (a changed index is dropped, then built anew), then builds. */
export async function applyIndexes(conn: Connection): Promise<IndexChange[]> {
  const plan = await planIndexes(conn);
  for (const model of modelsOf(conn)) {
    await model.createCollection().catch((err: { codeName?: string }) => {
      if (err.codeName !== 'NamespaceExists') throw err;
    });
    await model.syncIndexes();
  }
  return plan;
}

export class IndexesNotReadyError extends Error {
  constructor(readonly missing: string[]) {
    super(`MongoDB indexes missing or changed (${missing.join(', ')}): run "node dist/main.js migrate" once before starting the roles`);
    this.name = 'IndexesNotReadyError';
  }
}

/** Refuses (throws `IndexesNotReadyError`) when an index a schema declares is not in MongoDB as declared. */
export async function checkIndexes(conn: Connection): Promise<void> {
  const missing = (await planIndexes(conn)).flatMap((c) => c.create.map((i) => `${c.collection} ${JSON.stringify(i.key)}`));
  if (missing.length) throw new IndexesNotReadyError(missing);
}

/** One line per change, for the dry run and the log of a real run. */
export function describePlan(plan: IndexChange[]): string[] {
  if (plan.length === 0) return ['indexes are up to date: nothing to create or drop'];
  return plan.flatMap((c) => [
    ...c.drop.map((name) => `${c.collection}: drop ${name}`),
    ...c.create.map((i) => `${c.collection}: create ${JSON.stringify(i.key)}${Object.keys(i.options).length ? ` ${JSON.stringify(i.options)}` : ''}`),
  ]);
}
