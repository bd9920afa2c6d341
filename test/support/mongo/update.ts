/** Applies update documents (operators, replacements, pipelines) to copies of stored documents. */
import { ObjectId } from 'bson';
import { update as mingoUpdate, updateOne as mingoUpdateOne } from 'mingo';
import { CommandError, toCommandError } from './errors';
import { canonical, deepCopy, isPlainObject, setPath, type Doc } from './values';

type UpdateSpec = Doc | Doc[];

export function isOperatorUpdate(u: Doc): boolean {
  const keys = Object.keys(u);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function validateUpdate(u: unknown): UpdateSpec {
  if (Array.isArray(u)) {
    if (!u.every(isPlainObject)) throw new CommandError(14, 'TypeMismatch', 'Each element of the update pipeline must be an object');
    return u;
  }
  if (!isPlainObject(u)) throw new CommandError(14, 'TypeMismatch', 'Update argument must be either an object or an array');
  const keys = Object.keys(u);
  if (keys.some((k) => k.startsWith('$')) && !keys.every((k) => k.startsWith('$'))) {
    throw new CommandError(9, 'FailedToParse', 'Update document cannot mix operators and plain fields');
  }
  return u;
}

const immutableId = (): CommandError =>
  new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");

/**
 * Returns the updated copy of `doc`. `inserting` means an upsert is creating the document, which is
 * when $setOnInsert applies (mingo has no $setOnInsert, so it is folded into $set here).
 */
export function applyUpdate(doc: Doc, u: UpdateSpec, opts: { arrayFilters?: Doc[]; query?: Doc; inserting?: boolean }): Doc {
  const copy = deepCopy(doc);
  let result: Doc;
  try {
    if (Array.isArray(u)) {
      const arr = [copy];
      mingoUpdateOne(arr, {}, u as never);
      result = arr[0];
    } else if (!isOperatorUpdate(u)) {
      if (u._id !== undefined && doc._id !== undefined && canonical(u._id) !== canonical(doc._id)) throw immutableId();
      const replacement = deepCopy(u);
      delete replacement._id;
      result = doc._id === undefined ? replacement : { _id: doc._id, ...replacement };
    } else {
      const mod: Doc = { ...u };
      const onInsert = mod.$setOnInsert;
      delete mod.$setOnInsert;
      if (opts.inserting && isPlainObject(onInsert)) {
        mod.$set = { ...(isPlainObject(mod.$set) ? mod.$set : {}), ...onInsert };
      }
      if (Object.keys(mod).length > 0) {
        mingoUpdate(copy, mod as never, opts.arrayFilters, (opts.inserting ? undefined : opts.query) as never, { cloneMode: 'deep' });
      }
      result = copy;
    }
  } catch (err) {
    // mingo refuses _id paths itself; report it with MongoDB's code.
    if (err instanceof Error && err.message.includes('would modify the immutable field')) throw immutableId();
    throw toCommandError(err);
  }
  if (doc._id !== undefined && canonical(result._id) !== canonical(doc._id)) throw immutableId();
  return result;
}

/** Equality fields of a filter become the seed of an upserted document, as in MongoDB. */
function seedFromQuery(query: Doc, into: Doc): void {
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) seedFromQuery(part, into);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(cond)) {
      const keys = Object.keys(cond);
      if (keys.length === 1 && keys[0] === '$eq') setPath(into, key, deepCopy(cond.$eq));
      else if (keys.length > 0 && keys.every((k) => !k.startsWith('$'))) setPath(into, key, deepCopy(cond));
      continue;
    }
    if (cond instanceof RegExp) continue;
    setPath(into, key, deepCopy(cond));
  }
}

export function buildUpsert(query: Doc, u: UpdateSpec, arrayFilters?: Doc[]): Doc {
  let doc: Doc;
  if (!Array.isArray(u) && !isOperatorUpdate(u)) {
    const seed: Doc = {};
    seedFromQuery(query, seed);
    doc = applyUpdate(seed._id === undefined ? {} : { _id: seed._id }, u, { inserting: true });
  } else {
    const seed: Doc = {};
    seedFromQuery(query, seed);
    doc = applyUpdate(seed, u, { arrayFilters, inserting: true });
  }
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  return { _id: doc._id, ...doc };
}
