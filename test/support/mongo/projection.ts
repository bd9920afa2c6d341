/** find / findAndModify projections as MongoDB 7 applies them: inclusion or exclusion, `$slice`
 * (which selects no mode of its own), `$elemMatch` and the positional `field.$`. Projections with
 * aggregation expressions are handed to mingo. */
import { find as mingoFind } from 'mingo';
import { CommandError, badValue, toCommandError } from './errors';
import { compileQuery, elemMatcher, refuseUnsupported } from './query';
import { conditionsOn } from './update';
import { deepCopy, getPath, isPlainObject, setOwn, setPath, toNumber, type Doc } from './values';

type Tree = { [key: string]: Tree | true };

interface Plan {
  mode: 'include' | 'exclude' | 'none';
  idIncluded: boolean;
  paths: string[];
  slices: [string, unknown][];
  elemMatches: [string, (x: unknown) => boolean][];
  positional: string[];
}

const truthy = (v: unknown): boolean | undefined => {
  if (typeof v === 'boolean') return v;
  const n = toNumber(v);
  return n === undefined ? undefined : n !== 0;
};

function plan(projection: Doc): Plan | undefined {
  const p: Plan = { mode: 'none', idIncluded: true, paths: [], slices: [], elemMatches: [], positional: [] };
  let idOn = false;
  const setMode = (mode: 'include' | 'exclude', field: string): void => {
    if (p.mode !== 'none' && p.mode !== mode) {
      throw mode === 'include'
        ? new CommandError(31253, 'Location31253', `Cannot do inclusion on field ${field} in exclusion projection`)
        : new CommandError(31254, 'Location31254', `Cannot do exclusion on field ${field} in inclusion projection`);
    }
    p.mode = mode;
  };
  for (const [path, spec] of Object.entries(projection)) {
    if (isPlainObject(spec) && '$slice' in spec) p.slices.push([path, spec.$slice]);
    else if (isPlainObject(spec) && '$elemMatch' in spec) {
      if (path.includes('.')) throw badValue(`Cannot use $elemMatch projection on a nested field.`);
      setMode('include', path);
      p.elemMatches.push([path, elemMatcher(spec.$elemMatch)]);
    } else if (path.endsWith('.$')) {
      setMode('include', path);
      p.positional.push(path.slice(0, -2));
    } else {
      const on = truthy(spec);
      if (on === undefined) return undefined; // an expression: mingo evaluates those
      if (path === '_id') {
        p.idIncluded = on;
        idOn = on;
      } else {
        setMode(on ? 'include' : 'exclude', path);
        p.paths.push(path);
      }
    }
  }
  // As MongoDB decides a projection no other field decides: `{_id: 1}` (with or without `$slice`s)
  // is an inclusion of _id alone, anything else an exclusion.
  if (p.mode === 'none' && idOn) p.mode = 'include';
  if (p.mode === 'include') for (const [path] of p.slices) p.paths.push(path);
  return p;
}

function tree(paths: string[]): Tree {
  const root: Tree = {};
  for (const path of paths) {
    let cur = root;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) setOwn(cur, part, true);
      else {
        const next = cur[part];
        if (next === true) return;
        if (!next) setOwn(cur, part, {});
        cur = cur[part] as Tree;
      }
    });
  }
  return root;
}

function include(doc: Doc, t: Tree): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    const sub = Object.prototype.hasOwnProperty.call(t, k) ? t[k] : undefined;
    if (sub === undefined) continue;
    if (sub === true) setOwn(out, k, deepCopy(v));
    else if (Array.isArray(v)) setOwn(out, k, v.filter((x) => isPlainObject(x) || Array.isArray(x)).map((x) => (isPlainObject(x) ? include(x, sub) : x)));
    else if (isPlainObject(v)) setOwn(out, k, include(v, sub));
  }
  return out;
}

/**
 * The document without the excluded paths. `copy: false` shares what is kept with the stored
 * document, as a find without projection returns stored documents themselves (the store never
 * changes a document in place); only a `$slice` after it changes the result in place.
 */
function exclude(doc: unknown, t: Tree, copy: boolean): unknown {
  if (Array.isArray(doc)) return doc.map((x) => exclude(x, t, copy));
  if (!isPlainObject(doc)) return doc;
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    const sub = Object.prototype.hasOwnProperty.call(t, k) ? t[k] : undefined;
    if (sub === true) continue;
    setOwn(out, k, sub ? exclude(v, sub, copy) : copy ? deepCopy(v) : v);
  }
  return out;
}

/** Applies `fn` to the values at a dotted path, through arrays of documents. */
function modifyAt(obj: unknown, parts: string[], fn: (v: unknown) => unknown): void {
  if (Array.isArray(obj)) {
    for (const x of obj) modifyAt(x, parts, fn);
    return;
  }
  if (!isPlainObject(obj) || !Object.prototype.hasOwnProperty.call(obj, parts[0])) return;
  if (parts.length === 1) setOwn(obj, parts[0], fn(obj[parts[0]]));
  else modifyAt(obj[parts[0]], parts.slice(1), fn);
}

function slice(v: unknown, arg: unknown): unknown {
  if (!Array.isArray(v)) return v;
  if (Array.isArray(arg)) {
    const skip = toNumber(arg[0]) ?? 0;
    const n = toNumber(arg[1]) ?? 0;
    if (n <= 0) throw badValue('$slice limit must be positive');
    const start = skip < 0 ? Math.max(0, v.length + skip) : skip;
    return v.slice(start, start + n);
  }
  const n = toNumber(arg);
  if (n === undefined) throw badValue('$slice only supports numbers and [skip, limit] arrays');
  return n >= 0 ? v.slice(0, n) : v.slice(Math.max(0, v.length + n));
}

function positionalElement(doc: Doc, base: string, query: Doc): unknown[] {
  const conds = conditionsOn(query, base);
  const arr = getPath(doc, base);
  if (Array.isArray(arr) && conds.length > 0) {
    const q = compileQuery({ $and: conds });
    for (const el of arr) {
      const probe: Doc = {};
      setPath(probe, base, [el]);
      if (q.test(probe)) return [deepCopy(el)];
    }
  }
  throw new CommandError(51246, 'Location51246', "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
}

function applyPlan(p: Plan, doc: Doc, query: Doc): Doc {
  let out: Doc;
  if (p.mode === 'include') {
    out = include(doc, tree(p.paths));
    for (const [field, match] of p.elemMatches) {
      const arr = doc[field];
      const found = Array.isArray(arr) ? arr.find(match) : undefined;
      if (found !== undefined) setOwn(out, field, [deepCopy(found)]);
    }
    for (const base of p.positional) setPath(out, base, positionalElement(doc, base, query));
  } else {
    out = exclude(doc, tree(p.paths), p.slices.length > 0) as Doc;
  }
  for (const [path, arg] of p.slices) modifyAt(out, path.split('.'), (v) => slice(v, arg));
  if (p.idIncluded && doc._id !== undefined) return { _id: doc._id, ...out };
  delete out._id;
  return out;
}

/** MongoDB returns _id first; mingo's projection appends it last. */
function idFirst(doc: Doc): Doc {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  return { _id: doc._id, ...doc };
}

export function projectDocs(docs: Doc[], projection: Doc, query: Doc = {}): Doc[] {
  refuseUnsupported(projection);
  const p = plan(projection);
  if (p) return docs.map((d) => applyPlan(p, d, query));
  try {
    return (mingoFind(docs, {}, projection).all() as Doc[]).map(idFirst);
  } catch (err) {
    throw toCommandError(err);
  }
}
