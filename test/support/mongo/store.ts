/** In-memory databases, collections, indexes and cursors. Documents are never mutated in place:
 * updates build a new copy, so cursors holding references see a stable snapshot. */
import { ObjectId } from 'bson';
import { CommandError, badValue } from './errors';
import { compileQuery } from './query';
import { canonical, deepCopy, getPath, isPlainObject, renderDoc, type Doc } from './values';

export interface IndexDef {
  name: string;
  key: Doc;
  unique: boolean;
  sparse: boolean;
  /** Other options from createIndexes (expireAfterSeconds, partialFilterExpression...) echoed by listIndexes. */
  options: Doc;
  /** Canonical index key -> canonical _ids of the documents carrying it (the _id index uses `docs`). */
  postings?: Map<string, Set<string>>;
  /**
   * A compound index's first field -> the documents carrying that value: answers equality on the
   * first field with a range (or anything) on the rest, `{ county, incidentAt: { $gte } }`, which
   * a real server reads from the index and a scan of the whole collection made slower with every
   * document (the bench's long runs measured the test server, not the bot).
   */
  prefix?: Map<string, Set<string>>;
  /** A compound index saw an array value, so its keys no longer answer scalar equality lookups. */
  multikeyCompound?: boolean;
  /** partialFilterExpression: only matching documents are indexed (and checked for uniqueness). */
  partial?: { test(doc: unknown): boolean };
}

const SCALAR_CTORS = [ObjectId, Date];

/** The equality value of a filter condition when it is a simple scalar match, else undefined. */
function simpleEquality(cond: unknown): unknown {
  if (isPlainObject(cond)) {
    const keys = Object.keys(cond);
    if (keys.length === 1 && keys[0] === '$eq') return simpleEquality(cond.$eq);
    return undefined;
  }
  if (typeof cond === 'string' || typeof cond === 'number' || typeof cond === 'boolean') return cond;
  if (SCALAR_CTORS.some((c) => cond instanceof c)) return cond;
  return undefined;
}

/** The values of `{ $in: [...] }` when every one is a simple scalar (an index can answer it), else undefined. */
function simpleIn(cond: unknown): unknown[] | undefined {
  if (!isPlainObject(cond) || Object.keys(cond).length !== 1 || !Array.isArray(cond.$in) || cond.$in.length === 0) return undefined;
  const values = cond.$in.map(simpleEquality);
  return values.every((v) => v !== undefined) ? values : undefined;
}

/** The same index entries (null: none, a sparse or partial index skipping the document). */
function sameKeys(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Adds `id` to the documents under `key` (postings and prefix maps alike). */
function addOwner(map: Map<string, Set<string>>, key: string, id: string): void {
  const owners = map.get(key);
  if (owners) owners.add(id);
  else map.set(key, new Set([id]));
}

/** Removes `id` from the documents under `key`, and the key once nobody is left under it. */
function dropOwner(map: Map<string, Set<string>>, key: string, id: string): void {
  const owners = map.get(key);
  if (!owners) return;
  owners.delete(id);
  if (owners.size === 0) map.delete(key);
}

// Options that do not change what an index is (MongoDB ignores them when comparing specs).
const NEUTRAL_OPTIONS = ['background', 'hidden', 'comment'];

function optionsSignature(flags: { unique: boolean; sparse: boolean }, options: Doc): string {
  const relevant: Doc = { unique: flags.unique, sparse: flags.sparse };
  for (const k of Object.keys(options).sort()) if (!NEUTRAL_OPTIONS.includes(k)) relevant[k] = options[k];
  return canonical(relevant);
}

const PARTIAL_OPERATORS = ['$eq', '$gt', '$gte', '$lt', '$lte', '$type', '$in', '$exists'];

/** MongoDB 7 accepts only equality, $exists: true, comparisons, $type, $in, $and and $or in a partial filter. */
function checkPartialFilter(filter: Doc, depth = 0): void {
  const refuse = (what: string): never => {
    throw new CommandError(67, 'CannotCreateIndex', `Expression not supported in partial index: ${what}`);
  };
  for (const [k, cond] of Object.entries(filter)) {
    if (k === '$and' || k === '$or') {
      if (!Array.isArray(cond) || depth > 1) refuse(k);
      for (const part of cond as unknown[]) if (isPlainObject(part)) checkPartialFilter(part, depth + 1);
      continue;
    }
    if (k.startsWith('$')) refuse(k);
    if (cond instanceof RegExp) refuse(`${k} regex`);
    if (!isPlainObject(cond) || !Object.keys(cond).some((op) => op.startsWith('$'))) continue;
    for (const [op, arg] of Object.entries(cond)) {
      if (!PARTIAL_OPERATORS.includes(op)) refuse(`${k} ${op}`);
      if (op === '$exists' && arg !== true && arg !== 1) refuse(`${k} $exists: false`);
    }
  }
}

const UNSUPPORTED_INDEX_OPTIONS: Record<string, string> = {
  collation: 'index collation',
  '2dsphereIndexVersion': 'geospatial indexes',
  textIndexVersion: 'text indexes',
  wildcardProjection: 'wildcard indexes',
};

function refuseIndexOptions(options: Doc): void {
  for (const [k, what] of Object.entries(UNSUPPORTED_INDEX_OPTIONS)) {
    if (options[k] !== undefined) throw new CommandError(67, 'CannotCreateIndex', `${what} is not supported by the test server`);
  }
  if (options.partialFilterExpression !== undefined) {
    if (!isPlainObject(options.partialFilterExpression)) throw new CommandError(67, 'CannotCreateIndex', 'partialFilterExpression must be an object');
    checkPartialFilter(options.partialFilterExpression);
  }
  const ttl = options.expireAfterSeconds;
  if (ttl !== undefined && !(typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0 && ttl <= 2147483647)) {
    throw new CommandError(2, 'BadValue', `TTL index 'expireAfterSeconds' option must be within an acceptable range [0, 2147483647], got ${String(ttl)}`);
  }
}

export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes: IndexDef[] = [{ name: '_id_', key: { _id: 1 }, unique: true, sparse: false, options: {} }];
  /** Insertion sequence per canonical _id, to return index lookups in natural order. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;

  constructor(
    readonly dbName: string,
    readonly name: string,
  ) {}

  get ns(): string {
    return `${this.dbName}.${this.name}`;
  }

  /** Index keys for a document, or null when a sparse index skips it. */
  private indexKeys(index: IndexDef, doc: Doc): string[] | null {
    const fields = Object.keys(index.key);
    if (index.partial && !index.partial.test(doc)) return null;
    const values = fields.map((f) => getPath(doc, f));
    if (index.sparse && values.every((v) => v === undefined)) return null;
    if (fields.length === 1 && Array.isArray(values[0]) && values[0].length > 0) {
      return [...new Set(values[0].map(canonical))];
    }
    return [values.map(canonical).join('|')];
  }

  private duplicateError(index: IndexDef, doc: Doc): CommandError {
    const keyValue: Doc = {};
    for (const f of Object.keys(index.key)) keyValue[f] = getPath(doc, f) ?? null;
    return new CommandError(
      11000,
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${index.name} dup key: ${renderDoc(keyValue)}`,
      { keyPattern: { ...index.key }, keyValue },
    );
  }

  /** Throws E11000 if `doc` would collide with a document other than `selfId`. */
  checkUnique(doc: Doc, selfId?: string): void {
    const id = canonical(doc._id);
    if (id !== selfId && this.docs.has(id)) throw this.duplicateError(this.indexes[0], doc);
    for (const index of this.indexes) {
      if (!index.unique || !index.postings) continue;
      for (const key of this.indexKeys(index, doc) ?? []) {
        const owners = index.postings.get(key);
        if (owners && (owners.size > 1 || !owners.has(selfId ?? ''))) throw this.duplicateError(index, doc);
      }
    }
  }

  private addKeys(doc: Doc, id: string): void {
    for (const index of this.indexes) if (index.postings) this.addIndexKeys(index, doc, id);
  }

  private addIndexKeys(index: IndexDef, doc: Doc, id: string): void {
    const postings = index.postings;
    if (!postings) return;
    if (Object.keys(index.key).length > 1 && Object.keys(index.key).some((f) => Array.isArray(getPath(doc, f)))) index.multikeyCompound = true;
    const keys = this.indexKeys(index, doc);
    for (const key of keys ?? []) addOwner(postings, key, id);
    if (index.prefix && keys) addOwner(index.prefix, this.prefixKey(index, doc), id);
  }

  private prefixKey(index: IndexDef, doc: Doc): string {
    return canonical(getPath(doc, Object.keys(index.key)[0]));
  }

  private removeKeys(doc: Doc, id: string): void {
    for (const index of this.indexes) this.removeIndexKeys(index, doc, id, this.indexKeys(index, doc));
  }

  private removeIndexKeys(index: IndexDef, doc: Doc, id: string, keys: string[] | null): void {
    if (!index.postings || !keys) return;
    for (const key of keys) dropOwner(index.postings, key, id);
    if (index.prefix) dropOwner(index.prefix, this.prefixKey(index, doc), id);
  }

  /**
   * An updated document's entries in one index. Most updates leave most indexes' keys as they were
   * (a report has 15 indexes, and a queued mark changes two fields): those entries stay untouched,
   * where dropping and adding every key of every index was about 7% of the server's time in a paced
   * benchmark.
   */
  private moveIndexKeys(index: IndexDef, old: Doc, next: Doc, id: string): void {
    if (!index.postings) return;
    const before = this.indexKeys(index, old);
    const after = this.indexKeys(index, next);
    const prefixSame = !index.prefix || !before || !after || this.prefixKey(index, old) === this.prefixKey(index, next);
    if (sameKeys(before, after) && prefixSame) return;
    this.removeIndexKeys(index, old, id, before);
    this.addIndexKeys(index, next, id);
  }

  insert(input: Doc): Doc {
    const doc: Doc = input._id === undefined ? { _id: new ObjectId(), ...input } : { _id: input._id, ...input };
    if (Array.isArray(doc._id)) throw badValue("can't use an array for _id");
    this.checkUnique(doc);
    const id = canonical(doc._id);
    this.docs.set(id, doc);
    this.seq.set(id, this.nextSeq++);
    this.addKeys(doc, id);
    return doc;
  }

  replace(old: Doc, next: Doc): void {
    const id = canonical(old._id);
    if (canonical(next._id) !== id) {
      throw new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    this.checkUnique(next, id);
    this.docs.set(id, next);
    for (const index of this.indexes) this.moveIndexKeys(index, old, next, id);
  }

  remove(doc: Doc): void {
    const id = canonical(doc._id);
    if (!this.docs.delete(id)) return;
    this.seq.delete(id);
    this.removeKeys(doc, id);
  }

  /** Matching documents in natural (insertion) order; uses _id / index postings for equality filters. */
  match(filter: Doc | undefined): Doc[] {
    if (!filter || Object.keys(filter).length === 0) return [...this.docs.values()];
    const found = this.candidates(filter);
    // Index keys use MongoDB equality (incl. array elements), so a filter made only of the looked-up
    // fields needs no further test; this skips compiling a mingo query on hot paths.
    if (found?.exact) return found.docs;
    const query = compileQuery(filter);
    const out: Doc[] = [];
    for (const doc of found?.docs ?? this.docs.values()) if (query.test(doc)) out.push(doc);
    return out;
  }

  private candidates(filter: Doc): { docs: Doc[]; exact: boolean } | undefined {
    const filterKeys = Object.keys(filter);
    const idValue = simpleEquality(filter._id);
    if (idValue !== undefined) {
      const doc = this.docs.get(canonical(idValue));
      return { docs: doc ? [doc] : [], exact: filterKeys.length === 1 };
    }
    let best: Set<string> | undefined;
    let exact = false;
    for (const index of this.indexes) {
      if (!index.postings || index.multikeyCompound || index.partial) continue;
      const values = Object.keys(index.key).map((f) => simpleEquality(filter[f]));
      if (values.some((v) => v === undefined)) continue;
      const owners = index.postings.get(values.map(canonical).join('|')) ?? new Set<string>();
      if (!best || owners.size < best.size) {
        best = owners;
        exact = filterKeys.every((k) => Object.prototype.hasOwnProperty.call(index.key, k));
      }
      if (best.size <= 1 && exact) break;
    }
    if (!best) return this.inCandidates(filter) ?? this.prefixCandidates(filter);
    return { docs: this.inNaturalOrder(best), exact };
  }

  /**
   * `{ field: { $in: [scalars] } }` on _id or a single-field index: the documents of each value
   * (the caller's query tests the whole filter on them). A real server reads these from the index;
   * a scan made every reporter lookup (`lookupHash: { $in }`) slower with every reporter stored.
   */
  private inCandidates(filter: Doc): { docs: Doc[]; exact: boolean } | undefined {
    const ids = simpleIn(filter._id);
    if (ids) return { docs: this.inNaturalOrder(new Set(ids.map(canonical))), exact: false };
    let best: Set<string> | undefined;
    for (const index of this.indexes) {
      const fields = Object.keys(index.key);
      if (!index.postings || index.partial || fields.length !== 1) continue;
      const values = simpleIn(filter[fields[0]]);
      if (!values) continue;
      const owners = new Set<string>();
      for (const v of values) for (const id of index.postings.get(canonical(v)) ?? []) owners.add(id);
      if (!best || owners.size < best.size) best = owners;
    }
    return best ? { docs: this.inNaturalOrder(best), exact: false } : undefined;
  }

  /**
   * Equality (or `$in` of scalars) on a compound index's first field (the rest is tested by the
   * caller's query), as a real server reads the index's range for each value.
   */
  private prefixCandidates(filter: Doc): { docs: Doc[]; exact: boolean } | undefined {
    let best: Set<string> | undefined;
    for (const index of this.indexes) {
      if (!index.prefix || index.multikeyCompound || index.partial || index.sparse) continue;
      const cond = filter[Object.keys(index.key)[0]];
      const one = simpleEquality(cond);
      const values = one !== undefined ? [one] : simpleIn(cond);
      if (!values) continue;
      const owners = values.length === 1 ? (index.prefix.get(canonical(values[0])) ?? new Set<string>()) : new Set<string>();
      if (values.length > 1) for (const v of values) for (const id of index.prefix.get(canonical(v)) ?? []) owners.add(id);
      if (!best || owners.size < best.size) best = owners;
    }
    return best ? { docs: this.inNaturalOrder(best), exact: false } : undefined;
  }

  private inNaturalOrder(best: Set<string>): Doc[] {
    // Keep natural (insertion) order, as a collection scan would.
    const ids = [...best];
    if (ids.length > 1) ids.sort((x, y) => (this.seq.get(x) ?? 0) - (this.seq.get(y) ?? 0));
    const docs: Doc[] = [];
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  createIndex(spec: Doc): 'created' | 'exists' {
    const key = spec.key;
    const name = spec.name;
    if (!isPlainObject(key) || Object.keys(key).length === 0) throw new CommandError(67, 'CannotCreateIndex', 'index key pattern must be a non-empty object');
    if (typeof name !== 'string' || !name) throw new CommandError(9, 'FailedToParse', 'index name must be a non-empty string');
    for (const kind of Object.values(key)) {
      if (kind === 'text' || kind === '2d' || kind === '2dsphere' || kind === 'geoHaystack') {
        throw new CommandError(67, 'CannotCreateIndex', `${kind} indexes are not supported by the test server`);
      }
    }
    const unique = spec.unique === true;
    const sparse = spec.sparse === true;
    const sameName = this.indexes.find((i) => i.name === name);
    const sameKey = this.indexes.find((i) => canonical(i.key) === canonical(key));
    const options: Doc = {};
    for (const [k, v] of Object.entries(spec)) if (!['key', 'name', 'unique', 'sparse', 'v', 'ns'].includes(k)) options[k] = deepCopy(v);
    if (sameName) {
      const differs = canonical(sameName.key) !== canonical(key) || (sameName.name !== '_id_' && optionsSignature(sameName, sameName.options) !== optionsSignature({ unique, sparse }, options));
      if (differs) {
        throw new CommandError(86, 'IndexKeySpecsConflict', `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${renderDoc(spec)}, existing index: ${renderDoc(this.describeIndex(sameName))}`);
      }
      return 'exists';
    }
    if (sameKey) {
      throw new CommandError(85, 'IndexOptionsConflict', `Index already exists with a different name: ${sameKey.name}`);
    }
    refuseIndexOptions(options);
    const index: IndexDef = { name, key: deepCopy(key), unique, sparse, options };
    if (isPlainObject(spec.partialFilterExpression)) {
      index.partial = compileQuery(spec.partialFilterExpression);
    }
    // Build the postings first so a duplicate among existing documents fails the whole build.
    index.postings = new Map();
    if (Object.keys(key).length > 1) index.prefix = new Map();
    for (const [id, doc] of this.docs) {
      if (unique) this.checkIndexBuild(index, doc, id);
      this.addIndexKeys(index, doc, id);
    }
    this.indexes.push(index);
    return 'created';
  }

  private checkIndexBuild(index: IndexDef, doc: Doc, id: string): void {
    for (const key of this.indexKeys(index, doc) ?? []) {
      const owners = index.postings?.get(key);
      if (owners && !(owners.size === 1 && owners.has(id))) throw this.duplicateError(index, doc);
    }
  }

  /** collMod's index form: change expireAfterSeconds or hidden of an existing index. */
  modifyIndex(spec: Doc): Doc {
    const index = this.indexes.find((i) => (typeof spec.name === 'string' ? i.name === spec.name : isPlainObject(spec.keyPattern) && canonical(i.key) === canonical(spec.keyPattern)));
    if (!index) throw new CommandError(27, 'IndexNotFound', `cannot find index ${renderDoc(spec)} for ns ${this.ns}`);
    const out: Doc = {};
    if (spec.expireAfterSeconds !== undefined) {
      if (index.options.expireAfterSeconds === undefined) throw new CommandError(72, 'InvalidOptions', 'no expireAfterSeconds field to update');
      refuseIndexOptions({ expireAfterSeconds: spec.expireAfterSeconds });
      out.expireAfterSeconds_old = index.options.expireAfterSeconds;
      out.expireAfterSeconds_new = spec.expireAfterSeconds;
      index.options.expireAfterSeconds = spec.expireAfterSeconds;
    }
    if (spec.hidden !== undefined) {
      out.hidden_old = index.options.hidden === true;
      out.hidden_new = spec.hidden === true;
      if (spec.hidden === true) index.options.hidden = true;
      else delete index.options.hidden;
    }
    return out;
  }

  /** Deletes documents whose TTL index date is older than expireAfterSeconds; returns how many. */
  removeExpired(now: number): number {
    let removed = 0;
    for (const index of this.indexes) {
      const ttl = index.options.expireAfterSeconds;
      const fields = Object.keys(index.key);
      if (typeof ttl !== 'number' || fields.length !== 1) continue;
      for (const doc of [...this.docs.values()]) {
        if (index.partial && !index.partial.test(doc)) continue;
        const v = getPath(doc, fields[0]);
        const dates = (Array.isArray(v) ? v : [v]).filter((x): x is Date => x instanceof Date);
        if (dates.length === 0) continue;
        // An array of dates expires with its earliest date, as in MongoDB.
        const earliest = Math.min(...dates.map((d) => d.getTime()));
        if (earliest + ttl * 1000 <= now) {
          this.remove(doc);
          removed += 1;
        }
      }
    }
    return removed;
  }

  describeIndex(i: IndexDef): Doc {
    const out: Doc = { v: 2, key: deepCopy(i.key), name: i.name };
    if (i.unique && i.name !== '_id_') out.unique = true;
    if (i.sparse) out.sparse = true;
    return { ...out, ...deepCopy(i.options) };
  }
}

export class Database {
  readonly collections = new Map<string, Collection>();
  constructor(readonly name: string) {}

  get(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  getOrCreate(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      if (!name || name.includes('\0') || name.startsWith('$')) throw new CommandError(73, 'InvalidNamespace', `Invalid collection name: ${name}`);
      coll = new Collection(this.name, name);
      this.collections.set(name, coll);
    }
    return coll;
  }
}

export interface ServerCursor {
  ns: string;
  docs: Doc[];
  pos: number;
  lastUsed: number;
}

// Like mongod's cursorTimeoutMillis: abandoned cursors must not pin snapshots forever.
const CURSOR_IDLE_MS = 10 * 60 * 1000;

export class Store {
  readonly databases = new Map<string, Database>();
  readonly cursors = new Map<number, ServerCursor>();
  private nextCursorId = 1;

  db(name: string): Database {
    let db = this.databases.get(name);
    if (!db) {
      db = new Database(name);
      this.databases.set(name, db);
    }
    return db;
  }

  /** One pass of the TTL monitor over every collection. */
  removeExpired(now = Date.now()): number {
    let removed = 0;
    for (const db of this.databases.values()) for (const c of db.collections.values()) removed += c.removeExpired(now);
    return removed;
  }

  openCursor(ns: string, docs: Doc[], pos: number): number {
    const now = Date.now();
    if (this.cursors.size >= 100) {
      for (const [id, c] of this.cursors) if (now - c.lastUsed > CURSOR_IDLE_MS) this.cursors.delete(id);
    }
    const id = this.nextCursorId++;
    this.cursors.set(id, { ns, docs, pos, lastUsed: now });
    return id;
  }
}
