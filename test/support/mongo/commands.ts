/** Command handlers. Each takes the command document and the target database name. */
import { Long, ObjectId, calculateObjectSize } from 'bson';
import { CommandError, badValue, namespaceNotFound, toCommandError } from './errors';
import { type Collection, type Store } from './store';
import { plainNumbers } from './numbers';
import { projectDocs } from './projection';
import { compileQuery, runPipeline } from './query';
import { applyUpdate, buildUpsert, isOperatorUpdate, validateUpdate } from './update';
import { canonical, getPath, sameCanonical, isPlainObject, sortDocs, toNumber, type Doc } from './values';

export interface ConnectionInfo {
  connectionId: number;
  /** The client's appName from its handshake, which fail points can be scoped to. */
  appName?: string;
}

/** What `hello` says about the server: a one-member replica set, as production runs one. */
export interface ServerIdentity {
  setName: string;
  /** host:port that clients reach this server at; filled in once the server listens. */
  me: string;
  startedAt: number;
  connections(): { current: number; totalCreated: number };
}

const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/** The handshake (first hello) carries client metadata; its application name scopes fail points. */
function rememberAppName(cmd: Doc, conn: ConnectionInfo): void {
  const client = cmd.client;
  const app = isPlainObject(client) && isPlainObject(client.application) ? client.application.name : undefined;
  if (typeof app === 'string') conn.appName = app;
}

/** MongoDB refuses a stored document over 16 MiB (BSONObjectTooLarge). */
function checkSize(doc: Doc, after: 'insert' | 'update'): void {
  const size = calculateObjectSize(doc);
  if (size <= MAX_BSON_OBJECT_SIZE) return;
  throw after === 'update'
    ? new CommandError(10334, 'BSONObjectTooLarge', `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`)
    : new CommandError(10334, 'BSONObjectTooLarge', `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`);
}

type Handler = (cmd: Doc, dbName: string, conn: ConnectionInfo) => Doc;

export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;
const MAX_WRITE_BATCH = 100_000;
const DEFAULT_BATCH = 101;
// Keep reply batches well under the 16 MiB document limit.
const BATCH_BYTES = 12 * 1024 * 1024;

function num(v: unknown, fallback = 0): number {
  return toNumber(v) ?? fallback;
}

function optDoc(v: unknown, what: string): Doc | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new CommandError(14, 'TypeMismatch', `BSON field '${what}' is the wrong type, expected object`);
  return v;
}

function collName(cmd: Doc, name: string): string {
  const v = cmd[name];
  if (typeof v !== 'string' || v.length === 0) throw new CommandError(73, 'InvalidNamespace', `collection name has invalid type ${typeof v}`);
  return v;
}

function sortSpec(sort: Doc | undefined): Record<string, 1 | -1> | undefined {
  if (!sort) return undefined;
  const out: Record<string, 1 | -1> = {};
  for (const [k, v] of Object.entries(sort)) if (!k.startsWith('$')) out[k] = num(v, 1) < 0 ? -1 : 1;
  return Object.keys(out).length ? out : undefined;
}

function shape(docs: Doc[], opts: { sort?: Doc; skip?: number; limit?: number; projection?: Doc; query?: Doc }): Doc[] {
  const sort = sortSpec(opts.sort);
  const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined;
  const skip = opts.skip ?? 0;
  const limit = opts.limit ?? 0;
  const sorted = sort ? sortDocs(docs, sort) : docs;
  const page = skip || limit ? sorted.slice(skip, limit > 0 ? skip + limit : undefined) : sorted;
  if (!projection) return page;
  return projectDocs(page, projection, opts.query);
}

/** Collation cannot be honoured (string order and matching would silently differ), so it is refused;
 * the simple collation is the default anyway. */
function refuseCollation(collation: unknown): void {
  if (collation === undefined || collation === null) return;
  if (isPlainObject(collation) && collation.locale === 'simple') return;
  throw new CommandError(2, 'BadValue', 'collation is not supported by the test server (it compares strings by code point, as the simple collation does)');
}

/** A hint changes no result here, but one naming no existing index fails as in MongoDB. */
function checkHint(c: Collection | undefined, hint: unknown): void {
  if (hint === undefined || hint === null || !c) return;
  if (typeof hint === 'string' ? c.indexes.some((i) => i.name === hint) : isPlainObject(hint) && ('$natural' in hint || c.indexes.some((i) => canonical(i.key) === canonical(hint)))) return;
  throw new CommandError(2, 'BadValue', 'hint provided does not correspond to an existing index');
}

const UNSUPPORTED_COLLECTION_OPTIONS: Record<string, string> = {
  capped: 'capped collections',
  timeseries: 'time series collections',
  clusteredIndex: 'clustered collections',
  expireAfterSeconds: 'collection-level expireAfterSeconds (TTL indexes are supported)',
  viewOn: 'views',
  validator: 'schema validation',
  changeStreamPreAndPostImages: 'change streams',
  encryptedFields: 'queryable encryption',
};

function refuseCollectionOptions(cmd: Doc): void {
  for (const [k, what] of Object.entries(UNSUPPORTED_COLLECTION_OPTIONS)) {
    if (cmd[k] !== undefined && cmd[k] !== false) throw new CommandError(115, 'CommandNotSupported', `${what}: not supported by the test server`);
  }
  refuseCollation(cmd.collation);
}

function checkReadOptions(c: Collection | undefined, opts: Doc): void {
  refuseCollation(opts.collation);
  checkHint(c, opts.hint);
}

function project(doc: Doc, fields: Doc | undefined, query: Doc): Doc {
  return shape([doc], { projection: fields, query })[0];
}

/** Fisher-Yates on a copy. */
function shuffled<T>(xs: T[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface HandlerOptions {
  /** Hand out matching documents in random order, so that equal sort keys (and no sort at all)
   * come back in a different order each time, as MongoDB may; insertion order otherwise. */
  randomTieOrder?: boolean;
}

export function createHandlers(store: Store, identity: ServerIdentity, opts: HandlerOptions = {}): Record<string, Handler> {
  // Sorting is stable, so shuffling the candidates first is what randomises ties.
  const matching = (c: Collection, filter: Doc | undefined): Doc[] => (opts.randomTieOrder ? shuffled(c.match(filter)) : c.match(filter));

  const takeBatch = (docs: Doc[], pos: number, batchSize: number): [Doc[], number] => {
    const max = batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER;
    const batch: Doc[] = [];
    let bytes = 0;
    while (pos < docs.length && batch.length < max) {
      bytes += calculateObjectSize(docs[pos]);
      if (batch.length > 0 && bytes > BATCH_BYTES) break;
      batch.push(docs[pos++]);
    }
    return [batch, pos];
  };

  const cursorReply = (ns: string, docs: Doc[], batchSize: number | undefined, singleBatch: boolean): Doc => {
    const [batch, pos] = takeBatch(docs, 0, batchSize ?? DEFAULT_BATCH);
    const open = !singleBatch && pos < docs.length;
    const id = open ? store.openCursor(ns, docs, pos) : 0;
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  };

  const coll = (dbName: string, name: string): Collection | undefined => store.db(dbName).get(name);

  const hello = (legacy: boolean): Handler => (cmd, _db, conn) => {
    rememberAppName(cmd, conn);
    return helloReply(legacy, conn);
  };
  const helloReply = (legacy: boolean, conn: ConnectionInfo): Doc => ({
    helloOk: true,
    ...(legacy ? { ismaster: true } : {}),
    isWritablePrimary: true,
    secondary: false,
    setName: identity.setName,
    setVersion: 1,
    electionId: ELECTION_ID,
    hosts: [identity.me],
    primary: identity.me,
    me: identity.me,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: MAX_WRITE_BATCH,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: conn.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  });

  const handlers: Record<string, Handler> = {
    hello: hello(false),
    isMaster: hello(true),
    ismaster: hello(true),
    ping: () => ({ ok: 1 }),
    buildInfo: () => ({
      version: '7.0.0',
      gitVersion: 'ripoti-test-server',
      versionArray: [7, 0, 0, 0],
      bits: 64,
      debug: false,
      maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
      storageEngines: ['memory'],
      ok: 1,
    }),
    endSessions: () => ({ ok: 1 }),

    serverStatus: () => {
      const uptimeMillis = Date.now() - identity.startedAt;
      const { current, totalCreated } = identity.connections();
      return {
        host: identity.me,
        version: '7.0.0',
        process: 'mongod',
        pid: Long.fromNumber(process.pid),
        uptime: Math.floor(uptimeMillis / 1000),
        uptimeMillis: Long.fromNumber(uptimeMillis),
        uptimeEstimate: Long.fromNumber(Math.floor(uptimeMillis / 1000)),
        localTime: new Date(),
        connections: { current, available: 1_000_000 - current, totalCreated },
        repl: { setName: identity.setName, isWritablePrimary: true, secondary: false, hosts: [identity.me], primary: identity.me, me: identity.me },
        storageEngine: { name: 'memory', supportsCommittedReads: false, persistent: false },
        ok: 1,
      };
    },

    // Query plans would be invented: the server scans in memory and has no planner to describe.
    explain: () => {
      throw new CommandError(115, 'CommandNotSupported', 'explain is not supported by the test server (it has no query planner)');
    },

    collMod: (cmd, dbName) => {
      const name = collName(cmd, 'collMod');
      const c = coll(dbName, name);
      if (!c) throw namespaceNotFound(`ns does not exist: ${dbName}.${name}`);
      const other = Object.keys(cmd).filter((k) => k !== 'collMod' && k !== 'index');
      if (other.length) throw new CommandError(115, 'CommandNotSupported', `collMod ${other.join(', ')}: not supported by the test server (only index expireAfterSeconds and hidden are)`);
      const spec = optDoc(cmd.index, 'index');
      if (!spec) return { ok: 1 };
      return { ...c.modifyIndex(spec), ok: 1 };
    },

    create: (cmd, dbName) => {
      const name = collName(cmd, 'create');
      const db = store.db(dbName);
      if (db.get(name)) throw new CommandError(48, 'NamespaceExists', `Collection ${dbName}.${name} already exists.`);
      refuseCollectionOptions(cmd);
      db.getOrCreate(name);
      return { ok: 1 };
    },

    drop: (cmd, dbName) => {
      const name = collName(cmd, 'drop');
      const db = store.db(dbName);
      const existing = db.get(name);
      db.collections.delete(name);
      return { nIndexesWas: existing?.indexes.length ?? 0, ns: `${dbName}.${name}`, ok: 1 };
    },

    dropDatabase: (_cmd, dbName) => {
      store.databases.delete(dbName);
      return { dropped: dbName, ok: 1 };
    },

    listCollections: (cmd, dbName) => {
      const filter = optDoc(cmd.filter, 'filter');
      const nameOnly = cmd.nameOnly === true;
      const infos: Doc[] = [...store.db(dbName).collections.values()].map((c) =>
        nameOnly
          ? { name: c.name, type: 'collection' }
          : { name: c.name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } },
      );
      let matched = infos;
      if (filter && Object.keys(filter).length) {
        const q = compileQuery(filter);
        matched = infos.filter((i) => q.test(i));
      }
      const cursor = optDoc(cmd.cursor, 'cursor');
      return cursorReply(`${dbName}.$cmd.listCollections`, matched, cursor ? num(cursor.batchSize, DEFAULT_BATCH) : undefined, false);
    },

    listDatabases: (cmd) => {
      const databases: Doc[] = [];
      let total = 0;
      for (const db of store.databases.values()) {
        if (db.collections.size === 0) continue;
        let size = 0;
        for (const c of db.collections.values()) for (const d of c.docs.values()) size += calculateObjectSize(d);
        total += size;
        databases.push(cmd.nameOnly === true ? { name: db.name } : { name: db.name, sizeOnDisk: size, empty: size === 0 });
      }
      return { databases, totalSize: total, totalSizeMb: Math.floor(total / 1024 / 1024), ok: 1 };
    },

    insert: (cmd, dbName) => {
      const c = store.db(dbName).getOrCreate(collName(cmd, 'insert'));
      const docs = cmd.documents;
      if (!Array.isArray(docs)) throw badValue("BSON field 'insert.documents' is missing but a required field");
      const ordered = cmd.ordered !== false;
      const writeErrors: Doc[] = [];
      let n = 0;
      docs.forEach((doc: unknown, index) => {
        if (ordered && writeErrors.length) return;
        try {
          if (!isPlainObject(doc)) throw badValue('document to insert must be an object');
          checkSize(doc, 'insert');
          c.insert(doc);
          n += 1;
        } catch (err) {
          writeErrors.push(toCommandError(err).toWriteError(index));
        }
      });
      return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
    },

    update: (cmd, dbName) => {
      const c = store.db(dbName).getOrCreate(collName(cmd, 'update'));
      const updates = cmd.updates;
      if (!Array.isArray(updates)) throw badValue("BSON field 'update.updates' is missing but a required field");
      const ordered = cmd.ordered !== false;
      const writeErrors: Doc[] = [];
      const upserted: Doc[] = [];
      let n = 0;
      let nModified = 0;
      updates.forEach((stmt: unknown, index) => {
        if (ordered && writeErrors.length) return;
        try {
          if (!isPlainObject(stmt)) throw badValue('update statement must be an object');
          const q = optDoc(stmt.q, 'q') ?? {};
          checkReadOptions(c, stmt);
          const u = validateUpdate(stmt.u);
          const multi = stmt.multi === true;
          if (multi && !Array.isArray(u) && !isOperatorUpdate(u)) {
            throw new CommandError(9, 'FailedToParse', 'multi update is not supported for replacement-style update');
          }
          const arrayFilters = Array.isArray(stmt.arrayFilters) ? stmt.arrayFilters.filter(isPlainObject) : undefined;
          const matches = matching(c, q);
          const targets = multi ? matches : matches.slice(0, 1);
          if (targets.length === 0 && stmt.upsert === true) {
            const doc = buildUpsert(q, u, arrayFilters);
            checkSize(doc, 'update');
            const inserted = c.insert(doc);
            n += 1;
            upserted.push({ index, _id: inserted._id });
            return;
          }
          for (const doc of targets) {
            const next = applyUpdate(doc, u, { arrayFilters, query: q });
            checkSize(next, 'update');
            n += 1;
            if (!sameCanonical(next, doc)) {
              c.replace(doc, next);
              nModified += 1;
            }
          }
        } catch (err) {
          writeErrors.push(toCommandError(err).toWriteError(index));
        }
      });
      const out: Doc = { n, nModified };
      if (upserted.length) out.upserted = upserted;
      if (writeErrors.length) out.writeErrors = writeErrors;
      out.ok = 1;
      return out;
    },

    delete: (cmd, dbName) => {
      const c = coll(dbName, collName(cmd, 'delete'));
      const deletes = cmd.deletes;
      if (!Array.isArray(deletes)) throw badValue("BSON field 'delete.deletes' is missing but a required field");
      const ordered = cmd.ordered !== false;
      const writeErrors: Doc[] = [];
      let n = 0;
      deletes.forEach((stmt: unknown, index) => {
        if (ordered && writeErrors.length) return;
        try {
          if (!isPlainObject(stmt)) throw badValue('delete statement must be an object');
          checkReadOptions(c, stmt);
          if (!c) return;
          const matches = matching(c, optDoc(stmt.q, 'q') ?? {});
          const targets = num(stmt.limit) === 1 ? matches.slice(0, 1) : matches;
          for (const doc of targets) c.remove(doc);
          n += targets.length;
        } catch (err) {
          writeErrors.push(toCommandError(err).toWriteError(index));
        }
      });
      return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
    },

    find: (cmd, dbName) => {
      const name = collName(cmd, 'find');
      const c = coll(dbName, name);
      checkReadOptions(c, cmd);
      const rawLimit = num(cmd.limit);
      const filter = optDoc(cmd.filter, 'filter');
      const docs = c
        ? shape(matching(c, filter), {
            query: filter,
            sort: optDoc(cmd.sort, 'sort'),
            skip: num(cmd.skip),
            limit: Math.abs(rawLimit),
            projection: optDoc(cmd.projection, 'projection'),
          })
        : [];
      const batchSize = cmd.batchSize === undefined ? undefined : num(cmd.batchSize);
      return cursorReply(`${dbName}.${name}`, docs, batchSize, cmd.singleBatch === true || rawLimit < 0);
    },

    getMore: (cmd, dbName) => {
      const id = num(cmd.getMore);
      const cursor = store.cursors.get(id);
      if (!cursor) throw new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
      const expectedNs = `${dbName}.${String(cmd.collection)}`;
      if (!cursor.ns.startsWith(`${dbName}.`) || (!cursor.ns.includes('.$cmd.') && cursor.ns !== expectedNs)) {
        throw new CommandError(13, 'Unauthorized', `Requested getMore on namespace '${expectedNs}', but cursor belongs to a different namespace ${cursor.ns}`);
      }
      const [batch, pos] = takeBatch(cursor.docs, cursor.pos, num(cmd.batchSize));
      cursor.pos = pos;
      cursor.lastUsed = Date.now();
      const done = pos >= cursor.docs.length;
      if (done) store.cursors.delete(id);
      return { cursor: { nextBatch: batch, id: Long.fromNumber(done ? 0 : id), ns: cursor.ns }, ok: 1 };
    },

    killCursors: (cmd) => {
      const ids = Array.isArray(cmd.cursors) ? cmd.cursors.map((v: unknown) => num(v)) : [];
      const killed: Long[] = [];
      const notFound: Long[] = [];
      for (const id of ids) (store.cursors.delete(id) ? killed : notFound).push(Long.fromNumber(id));
      return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
    },

    findAndModify: (cmd, dbName) => {
      const name = collName(cmd, Object.keys(cmd)[0]);
      const query = optDoc(cmd.query, 'query') ?? {};
      const fields = optDoc(cmd.fields, 'fields');
      const remove = cmd.remove === true;
      if (!remove && cmd.update === undefined) throw new CommandError(9, 'FailedToParse', 'Either an update or remove=true must be specified');
      if (remove && (cmd.upsert === true || cmd.new === true)) throw new CommandError(9, 'FailedToParse', 'Cannot specify remove with upsert or new');
      const c = cmd.upsert === true ? store.db(dbName).getOrCreate(name) : coll(dbName, name);
      checkReadOptions(c, cmd);
      const matches = c ? matching(c, query) : [];
      const sorted = matches.length > 1 && cmd.sort ? shape(matches, { sort: optDoc(cmd.sort, 'sort'), limit: 1 }) : matches;
      const target = sorted[0];
      const out = (value: Doc | null | undefined, lastErrorObject: Doc): Doc => ({
        lastErrorObject,
        value: value ? project(value, fields, query) : null,
        ok: 1,
      });
      if (remove) {
        if (target && c) c.remove(target);
        return out(target, { n: target ? 1 : 0 });
      }
      const u = validateUpdate(cmd.update);
      const arrayFilters = Array.isArray(cmd.arrayFilters) ? cmd.arrayFilters.filter(isPlainObject) : undefined;
      if (target && c) {
        const next = applyUpdate(target, u, { arrayFilters, query });
        checkSize(next, 'update');
        if (!sameCanonical(next, target)) c.replace(target, next);
        return out(cmd.new === true ? next : target, { n: 1, updatedExisting: true });
      }
      if (cmd.upsert === true && c) {
        const doc = buildUpsert(query, u, arrayFilters);
        checkSize(doc, 'update');
        const inserted = c.insert(doc);
        return out(cmd.new === true ? inserted : null, { n: 1, updatedExisting: false, upserted: inserted._id });
      }
      return out(null, { n: 0, updatedExisting: false });
    },

    count: (cmd, dbName) => {
      const c = coll(dbName, collName(cmd, 'count'));
      checkReadOptions(c, cmd);
      if (!c) return { n: 0, ok: 1 };
      const matched = c.match(optDoc(cmd.query, 'query'));
      const skip = num(cmd.skip);
      const limit = Math.abs(num(cmd.limit));
      const n = Math.max(0, Math.min(matched.length - skip, limit > 0 ? limit : Infinity));
      return { n, ok: 1 };
    },

    distinct: (cmd, dbName) => {
      const c = coll(dbName, collName(cmd, 'distinct'));
      checkReadOptions(c, cmd);
      const key = cmd.key;
      if (typeof key !== 'string') throw badValue("BSON field 'distinct.key' is missing but a required field");
      const seen = new Map<string, unknown>();
      for (const doc of c ? c.match(optDoc(cmd.query, 'query')) : []) {
        const v = getPath(doc, key);
        for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && !seen.has(canonical(x))) seen.set(canonical(x), x);
      }
      return { values: [...seen.values()], ok: 1 };
    },

    aggregate: (cmd, dbName) => {
      const target = cmd.aggregate;
      if (typeof target !== 'string') throw badValue('aggregate on a whole database is not supported by the test server');
      const pipeline = cmd.pipeline;
      if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) throw new CommandError(14, 'TypeMismatch', "'pipeline' option must be specified as an array");
      for (const stage of pipeline) {
        const op = Object.keys(stage)[0];
        if (op === '$out' || op === '$merge') throw badValue(`${op} is not supported by the test server`);
        // As MongoDB: "the limit must be positive" (mingo would return nothing and hide the bug).
        if (op === '$limit' && !(typeof stage.$limit === 'number' && stage.$limit > 0)) throw new CommandError(15958, 'Location15958', 'the limit must be positive');
      }
      if (cmd.explain === true) throw badValue('explain is not supported by the test server');
      const db = store.db(dbName);
      const c = db.get(target);
      checkReadOptions(c, cmd);
      // A leading $match can use the _id / unique-index fast path.
      let stages = pipeline as Doc[];
      let input: Doc[] = [];
      if (c) {
        if (stages.length && isPlainObject(stages[0].$match)) {
          input = matching(c, stages[0].$match);
          stages = stages.slice(1);
        } else {
          input = matching(c, undefined);
        }
      }
      const copy = (d: Doc): Doc => plainNumbers(d) as Doc;
      const result = runPipeline(stages, input.map(copy), (name: string) => [...(db.get(name)?.docs.values() ?? [])].map(copy));
      const cursor = optDoc(cmd.cursor, 'cursor') ?? {};
      return cursorReply(`${dbName}.${target}`, result, cursor.batchSize === undefined ? undefined : num(cursor.batchSize), false);
    },

    createIndexes: (cmd, dbName) => {
      const name = collName(cmd, 'createIndexes');
      const db = store.db(dbName);
      const existed = db.get(name) !== undefined;
      const c = db.getOrCreate(name);
      const specs = cmd.indexes;
      if (!Array.isArray(specs) || specs.length === 0) throw badValue('Must specify at least one index to create');
      const before = c.indexes.length;
      let created = 0;
      for (const spec of specs) {
        if (!isPlainObject(spec)) throw badValue('index specification must be an object');
        if (c.createIndex(spec) === 'created') created += 1;
      }
      const out: Doc = { numIndexesBefore: before, numIndexesAfter: c.indexes.length, createdCollectionAutomatically: !existed };
      if (created === 0) out.note = 'all indexes already exist';
      out.ok = 1;
      return out;
    },

    listIndexes: (cmd, dbName) => {
      const name = collName(cmd, 'listIndexes');
      const c = coll(dbName, name);
      if (!c) throw namespaceNotFound(`ns does not exist: ${dbName}.${name}`);
      const cursor = optDoc(cmd.cursor, 'cursor') ?? {};
      const batch = cursor.batchSize === undefined ? undefined : num(cursor.batchSize);
      return cursorReply(`${dbName}.$cmd.listIndexes.${name}`, c.indexes.map((i) => c.describeIndex(i)), batch, false);
    },

    dropIndexes: (cmd, dbName) => {
      const name = collName(cmd, 'dropIndexes');
      const c = coll(dbName, name);
      if (!c) throw namespaceNotFound(`ns not found ${dbName}.${name}`);
      const was = c.indexes.length;
      const spec = cmd.index;
      const drop = (pred: (i: { name: string; key: Doc }) => boolean, label: string): void => {
        const idx = c.indexes.findIndex(pred);
        if (idx < 0) throw new CommandError(27, 'IndexNotFound', `index not found with name [${label}]`);
        if (c.indexes[idx].name === '_id_') throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
        c.indexes.splice(idx, 1);
      };
      if (spec === '*') c.indexes.splice(1);
      else if (typeof spec === 'string') drop((i) => i.name === spec, spec);
      else if (Array.isArray(spec)) for (const s of spec) drop((i) => i.name === s, String(s));
      else if (isPlainObject(spec)) drop((i) => canonical(i.key) === canonical(spec), JSON.stringify(spec));
      else throw badValue('dropIndexes requires an index name, key pattern or "*"');
      return { nIndexesWas: was, ok: 1 };
    },
  };
  // Lower-case aliases that mongod registers too.
  handlers.findandmodify = handlers.findAndModify;
  handlers.buildinfo = handlers.buildInfo;
  return handlers;
}
