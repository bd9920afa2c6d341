/** Applies update documents (operators, replacements, pipelines) to copies of stored documents.
 * Operator updates are evaluated here, not by mingo, to follow MongoDB's rules: paths are checked
 * for conflicts before anything is applied, `$` is resolved against the original document, every
 * arrayFilters identifier must be used, and type errors fail with MongoDB's codes. */
import { ObjectId, Timestamp } from 'bson';
import { updateOne as mingoUpdateOne } from 'mingo';
import { CommandError, badValue, toCommandError } from './errors';
import { arithmetic } from './numbers';
import { compileQuery } from './query';
import { canonical, compareValues, deepCopy, getPath, isNumeric, isPlainObject, renderDoc, setOwn, setPath, type Doc } from './values';

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

const OPERATORS = ['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', '$setOnInsert', '$push', '$addToSet', '$pop', '$pull', '$pullAll', '$bit'];

interface Ctx {
  original: Doc;
  query: Doc;
  filters: Map<string, { test(doc: unknown): boolean }>;
}

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'date' : isNumeric(v) ? 'number' : isPlainObject(v) ? 'object' : typeof v === 'object' ? (v as object).constructor.name.toLowerCase() : typeof v;

const idOf = (doc: Doc): string => renderDoc({ _id: doc._id });

/** Parses `update.arrayFilters` into one compiled query per identifier. */
function parseArrayFilters(arrayFilters: Doc[] | undefined): Map<string, { test(doc: unknown): boolean }> {
  const out = new Map<string, { test(doc: unknown): boolean }>();
  for (const filter of arrayFilters ?? []) {
    const ids = new Set(Object.keys(filter).map((k) => k.split('.')[0]));
    if (ids.size !== 1) throw new CommandError(9, 'FailedToParse', 'Each array filter must use a single top-level field name');
    const [id] = [...ids];
    if (!/^[a-z][A-Za-z0-9]*$/.test(id)) throw new CommandError(2, 'BadValue', `The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`);
    if (out.has(id)) throw new CommandError(9, 'FailedToParse', `Found multiple array filters with the same top-level field name ${id}`);
    out.set(id, compileQuery(filter));
  }
  return out;
}

/** MongoDB refuses two paths of one update where one is the other or its prefix (code 40). */
function checkConflicts(u: Doc): void {
  const seen: string[][] = [];
  const add = (path: string): void => {
    const parts = path.split('.');
    for (const other of seen) {
      const n = Math.min(parts.length, other.length);
      if (parts.slice(0, n).join('.') === other.slice(0, n).join('.')) {
        throw new CommandError(40, 'ConflictingUpdateOperators', `Updating the path '${path}' would create a conflict at '${parts.slice(0, n).join('.')}'`);
      }
    }
    seen.push(parts);
  };
  for (const [op, fields] of Object.entries(u)) {
    for (const [path, arg] of Object.entries(fields as Doc)) {
      if (path === '') throw badValue('An empty update path is not valid.');
      add(path);
      if (op === '$rename') {
        if (typeof arg !== 'string') throw badValue(`The 'to' field for $rename must be a string: ${path}: ${String(arg)}`);
        add(arg);
      }
    }
  }
}

/** Every arrayFilters identifier must appear in some path, and every path identifier needs a filter. */
function checkIdentifiers(u: Doc, filters: Map<string, unknown>): void {
  const used = new Set<string>();
  for (const fields of Object.values(u)) {
    for (const path of Object.keys(fields as Doc)) {
      for (const m of path.matchAll(/\$\[([^\]]*)\]/g)) {
        if (m[1] === '') continue;
        if (!filters.has(m[1])) throw badValue(`No array filter found for identifier '${m[1]}' in path '${path}'`);
        used.add(m[1]);
      }
    }
  }
  for (const id of filters.keys()) {
    if (!used.has(id)) throw new CommandError(9, 'FailedToParse', `The array filter for identifier '${id}' was not used in the update ${renderDoc(u)}`);
  }
}

/** The query's conditions on `prefix` or below it, including those inside a top-level $and. */
export function conditionsOn(query: Doc, prefix: string): Doc[] {
  const out: Doc[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) for (const part of v) if (isPlainObject(part)) out.push(...conditionsOn(part, prefix));
    if (k === prefix || k.startsWith(`${prefix}.`)) out.push({ [k]: v });
  }
  return out;
}

/** Index of the first element of the array at `prefix` that satisfies the query's conditions on it. */
function positionalIndex(ctx: Ctx, prefix: string): number {
  const arr = getPath(ctx.original, prefix);
  const conds = conditionsOn(ctx.query, prefix);
  if (Array.isArray(arr) && conds.length > 0) {
    const q = compileQuery({ $and: conds });
    for (let i = 0; i < arr.length; i++) {
      const probe: Doc = {};
      setPath(probe, prefix, [arr[i]]);
      if (q.test(probe)) return i;
    }
  }
  throw badValue('The positional operator did not find the match needed from the query.');
}

/** Concrete paths for a path that may hold `$`, `$[]` and `$[id]`. */
function expandPath(doc: Doc, path: string, ctx: Ctx): string[] {
  let paths = [''];
  for (const part of path.split('.')) {
    const join = (p: string, x: string | number): string => (p ? `${p}.${x}` : String(x));
    if (part === '$') {
      paths = paths.map((p) => join(p, positionalIndex(ctx, p)));
      continue;
    }
    const m = /^\$\[([^\]]*)\]$/.exec(part);
    if (!m) {
      paths = paths.map((p) => join(p, part));
      continue;
    }
    const next: string[] = [];
    for (const p of paths) {
      const arr = getPath(doc, p);
      if (!Array.isArray(arr)) throw badValue(`The path '${p}' must exist in the document in order to apply array updates.`);
      const filter = m[1] ? ctx.filters.get(m[1]) : undefined;
      arr.forEach((el, i) => {
        if (!filter || filter.test({ [m[1]]: el })) next.push(join(p, i));
      });
    }
    paths = next;
  }
  return paths;
}

interface Slot {
  get(): unknown;
  set(v: unknown): void;
  unset(): void;
}

/** The container and key for a concrete path; creates missing objects when `create` is set. */
function slot(doc: Doc, path: string, create: boolean): Slot | undefined {
  const parts = path.split('.');
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: unknown;
    if (Array.isArray(cur) && /^\d+$/.test(part)) next = cur[Number(part)];
    else if (isPlainObject(cur)) next = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    else if (create) throw new CommandError(28, 'PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1]}: ${renderDoc({ v: cur }).slice(5, -2)}}`);
    else return undefined;
    if (next === null && create) throw new CommandError(28, 'PathNotViable', `Cannot create field '${parts[i + 1]}' in element {${part}: null}`);
    if (next === undefined || next === null) {
      if (!create) return undefined;
      next = {};
      if (Array.isArray(cur)) cur[Number(part)] = next;
      else setOwn(cur as Doc, part, next);
    }
    cur = next;
  }
  const key = parts[parts.length - 1];
  const container = cur;
  if (Array.isArray(container)) {
    if (!/^\d+$/.test(key)) {
      if (create) throw new CommandError(28, 'PathNotViable', `Cannot create field '${key}' in element {${parts[parts.length - 2]}: [...]}`);
      return undefined;
    }
    const idx = Number(key);
    return {
      get: () => container[idx],
      set: (v) => {
        while (container.length < idx) container.push(null);
        container[idx] = v;
      },
      unset: () => {
        if (idx < container.length) container[idx] = null;
      },
    };
  }
  if (!isPlainObject(container)) {
    if (create) throw new CommandError(28, 'PathNotViable', `Cannot create field '${key}' in element {${parts[parts.length - 2]}: ${renderDoc({ v: container }).slice(5, -2)}}`);
    return undefined;
  }
  return {
    get: () => (Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined),
    set: (v) => setOwn(container, key, v),
    unset: () => {
      delete container[key];
    },
  };
}

function arrayAt(s: Slot | undefined, doc: Doc, path: string, op: string): unknown[] | undefined {
  const v = s?.get();
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    if (op === '$pop') throw new CommandError(14, 'TypeMismatch', `Path '${path}' contains an element of non-array type '${typeName(v)}'`);
    if (op === '$pull' || op === '$pullAll') throw badValue('Cannot apply $pull to a non-array value');
    if (op === '$addToSet') throw badValue(`Cannot apply $addToSet to non-array field. Field named '${path}' has non-array type ${typeName(v)}`);
    throw badValue(`The field '${path}' must be an array but is of type ${typeName(v)} in document ${idOf(doc)}`);
  }
  return v;
}

function pullMatcher(cond: unknown): (el: unknown) => boolean {
  if (!isPlainObject(cond)) {
    const key = canonical(cond);
    return (el) => canonical(el) === key;
  }
  const keys = Object.keys(cond);
  if (keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor', '$expr'].includes(k))) {
    const q = compileQuery({ v: cond });
    return (el) => q.test({ v: el });
  }
  // A document condition is a query applied to each element as though it were a top-level document.
  const q = compileQuery(cond);
  return (el) => isPlainObject(el) && q.test(el);
}

function pushValues(arr: unknown[], arg: unknown): void {
  if (!isPlainObject(arg) || !('$each' in arg)) {
    arr.push(deepCopy(arg));
    return;
  }
  const each = arg.$each;
  if (!Array.isArray(each)) throw badValue(`The argument to $each in $push must be an array but it was of type: ${typeName(each)}`);
  const pos = arg.$position === undefined ? arr.length : Number(arg.$position);
  const at = pos < 0 ? Math.max(0, arr.length + pos) : Math.min(pos, arr.length);
  arr.splice(at, 0, ...each.map(deepCopy));
  if (arg.$sort !== undefined) {
    const spec = arg.$sort;
    arr.sort((a, b) => {
      if (!isPlainObject(spec)) return compareValues(a, b) * (Number(spec) < 0 ? -1 : 1);
      for (const [f, dir] of Object.entries(spec)) {
        const c = compareValues(getPath(a, f), getPath(b, f)) * (Number(dir) < 0 ? -1 : 1);
        if (c) return c;
      }
      return 0;
    });
  }
  if (arg.$slice !== undefined) {
    const n = Number(arg.$slice);
    const kept = n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(0, arr.length + n));
    arr.splice(0, arr.length, ...kept);
  }
}

function applyOne(doc: Doc, op: string, path: string, arg: unknown): void {
  const create = !['$unset', '$pop', '$pull', '$pullAll', '$rename'].includes(op);
  const s = slot(doc, path, create);
  const cur = s?.get();
  switch (op) {
    case '$set':
    case '$setOnInsert':
      s?.set(deepCopy(arg));
      return;
    case '$unset':
      s?.unset();
      return;
    case '$inc':
    case '$mul':
      if (!isNumeric(arg)) throw new CommandError(14, 'TypeMismatch', `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: ${renderDoc({ [path]: arg })}`);
      if (cur !== undefined && !isNumeric(cur)) {
        throw new CommandError(14, 'TypeMismatch', `Cannot apply ${op} to a value of non-numeric type. ${idOf(doc)} has the field '${path.split('.').pop() ?? path}' of non-numeric type ${typeName(cur)}`);
      }
      s?.set(arithmetic(op, cur, arg));
      return;
    case '$min':
    case '$max':
      if (cur === undefined || compareValues(arg, cur) * (op === '$min' ? 1 : -1) < 0) s?.set(deepCopy(arg));
      return;
    case '$currentDate': {
      const wantsTimestamp = isPlainObject(arg) && arg.$type === 'timestamp';
      s?.set(wantsTimestamp ? Timestamp.fromNumber(Math.floor(Date.now() / 1000) * 2 ** 32) : new Date());
      return;
    }
    case '$rename': {
      if (cur === undefined || !s) return;
      s.unset();
      const target = slot(doc, String(arg), true);
      target?.set(cur);
      return;
    }
    case '$push':
    case '$addToSet': {
      const arr = arrayAt(s, doc, path, op) ?? [];
      if (op === '$push') pushValues(arr, arg);
      else {
        const values = isPlainObject(arg) && '$each' in arg ? arg.$each : [arg];
        if (!Array.isArray(values)) throw badValue(`The argument to $each in $addToSet must be an array but it was of type ${typeName(values)}`);
        for (const v of values) if (!arr.some((x) => canonical(x) === canonical(v))) arr.push(deepCopy(v));
      }
      s?.set(arr);
      return;
    }
    case '$pop': {
      const arr = arrayAt(s, doc, path, op);
      if (arr && arr.length) {
        if (Number(arg) < 0) arr.shift();
        else arr.pop();
      }
      return;
    }
    case '$pull':
    case '$pullAll': {
      const arr = arrayAt(s, doc, path, op);
      if (!arr) return;
      let match: (el: unknown) => boolean;
      if (op === '$pull') match = pullMatcher(arg);
      else {
        if (!Array.isArray(arg)) throw badValue(`$pullAll requires an array argument but was given a ${typeName(arg)}`);
        const keys = new Set(arg.map(canonical));
        match = (el) => keys.has(canonical(el));
      }
      s?.set(arr.filter((el) => !match(el)));
      return;
    }
    case '$bit':
      s?.set(bitwise(cur, arg, doc, path));
      return;
    default:
      throw new CommandError(9, 'FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
}

function bitwise(cur: unknown, arg: unknown, doc: Doc, path: string): number {
  if (!isPlainObject(arg)) throw badValue(`The $bit modifier is not compatible with a ${typeName(arg)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`);
  let v = cur === undefined ? 0 : cur;
  if (typeof v !== 'number') throw badValue(`Cannot apply $bit to a value of non-integral type.${idOf(doc)} has the field ${path} of non-integer type ${typeName(v)}`);
  for (const [k, x] of Object.entries(arg)) {
    const n = Number(x);
    if (k === 'and') v &= n;
    else if (k === 'or') v |= n;
    else if (k === 'xor') v ^= n;
    else throw badValue(`The $bit modifier only supports 'and', 'or', and 'xor', not '${k}'`);
  }
  return v;
}

function applyOperators(doc: Doc, u: Doc, opts: { arrayFilters?: Doc[]; query?: Doc; inserting?: boolean }): Doc {
  for (const [op, fields] of Object.entries(u)) {
    if (!OPERATORS.includes(op)) throw new CommandError(9, 'FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    if (!isPlainObject(fields)) throw new CommandError(9, 'FailedToParse', `Modifiers operate on fields but we found type ${typeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${String(fields)}}`);
  }
  checkConflicts(u);
  const filters = parseArrayFilters(opts.arrayFilters);
  checkIdentifiers(u, filters);
  const ctx: Ctx = { original: doc, query: opts.query ?? {}, filters };
  const copy = deepCopy(doc);
  for (const [op, fields] of Object.entries(u)) {
    if (op === '$setOnInsert' && !opts.inserting) continue;
    for (const [path, arg] of Object.entries(fields as Doc)) {
      for (const concrete of expandPath(doc, path, ctx)) applyOne(copy, op, concrete, arg);
    }
  }
  return copy;
}

/**
 * Returns the updated copy of `doc`. `inserting` means an upsert is creating the document, which is
 * when $setOnInsert applies.
 */
export function applyUpdate(doc: Doc, u: UpdateSpec, opts: { arrayFilters?: Doc[]; query?: Doc; inserting?: boolean }): Doc {
  let result: Doc;
  if (Array.isArray(u)) {
    try {
      const arr = [deepCopy(doc)];
      mingoUpdateOne(arr, {}, u as never);
      result = arr[0];
    } catch (err) {
      if (err instanceof Error && err.message.includes('would modify the immutable field')) throw immutableId();
      throw toCommandError(err);
    }
  } else if (!isOperatorUpdate(u)) {
    if (u._id !== undefined && doc._id !== undefined && canonical(u._id) !== canonical(doc._id)) throw immutableId();
    const replacement = deepCopy(u);
    delete replacement._id;
    result = doc._id === undefined ? replacement : { _id: doc._id, ...replacement };
  } else {
    result = applyOperators(doc, u, opts);
  }
  // An unchanged _id (mongoose sends the whole document back) is accepted, as by MongoDB.
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
  const seed: Doc = {};
  seedFromQuery(query, seed);
  if (!Array.isArray(u) && !isOperatorUpdate(u)) {
    doc = applyUpdate(seed._id === undefined ? {} : { _id: seed._id }, u, { inserting: true });
  } else {
    doc = applyUpdate(seed, u, { arrayFilters, query, inserting: true });
  }
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  return { _id: doc._id, ...doc };
}
