/** Query matching: mingo's engine with MongoDB's BSON comparison rules for the comparison, set
 * and type operators (mingo compares Binary, Long and Double wrappers by their string form and has
 * no notion of int vs double), and clear refusals for what the test server does not implement. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import { Context, type Aggregator, type Query } from 'mingo';
import { CommandError, badValue, toCommandError } from './errors';
import { canonical, compareValues, getPath, isPlainObject, toNumber, typeRank, type Doc } from './values';

// mingo's package root merges a caller's operators *under* its own, so overriding $eq & co. needs
// the base classes and operator tables (subpath exports that TypeScript's node10 resolution cannot type).
const load = createRequire(__filename);
const BaseQuery = (load('mingo/query') as { Query: typeof Query }).Query;
const BaseAggregator = (load('mingo/aggregator') as { Aggregator: typeof Aggregator }).Aggregator;
const ops = (name: string): Record<string, unknown> => load(`mingo/operators/${name}`) as Record<string, unknown>;

type Predicate = (doc: unknown) => boolean;
type QueryOp = (selector: string, value: unknown) => Predicate;

/** The value at `selector`, and when it holds arrays, their elements too (MongoDB's implicit array traversal). */
function candidates(doc: unknown, selector: string, withArray: boolean): unknown[] {
  const v = getPath(doc, selector);
  if (!Array.isArray(v)) return [v];
  const depth = selector.split('.').length;
  const out: unknown[] = withArray ? [v] : [];
  const walk = (xs: unknown[], level: number): void => {
    for (const x of xs) {
      out.push(x);
      if (Array.isArray(x) && level < depth) walk(x, level + 1);
    }
  };
  walk(v, 1);
  return out;
}

const isNullish = (v: unknown): boolean => v === null || v === undefined;

function equals(doc: unknown, selector: string, value: unknown): boolean {
  if (value instanceof RegExp) return candidates(doc, selector, false).some((x) => (typeof x === 'string' ? value.test(x) : x instanceof RegExp && String(x) === String(value)));
  const all = candidates(doc, selector, true);
  if (isNullish(value)) return all.some(isNullish);
  // Hot path: strings and booleans equal only themselves; numbers also equal other numeric types.
  if (typeof value === 'string' || typeof value === 'boolean') return all.includes(value);
  if (typeof value === 'number') return all.some((x) => x === value || (typeof x === 'object' && x !== null && !Array.isArray(x) && toNumber(x) === value));
  const key = canonical(value);
  return all.some((x) => !isNullish(x) && canonical(x) === key);
}

function comparison(test: (c: number) => boolean): QueryOp {
  return (selector, value) => (doc) => {
    const rank = typeRank(value);
    return candidates(doc, selector, Array.isArray(value)).some((x) => typeRank(x) === rank && test(compareValues(x, value)));
  };
}

function inList(doc: unknown, selector: string, list: unknown): boolean {
  if (!Array.isArray(list)) throw badValue('$in needs an array');
  return list.some((v) => equals(doc, selector, v));
}

/** $type names and numbers, as MongoDB stores them: a JS number is an int32 when it is an integer in range. */
function bsonTypeOf(v: unknown): string[] {
  if (v === undefined) return [];
  if (v === null) return ['null'];
  if (typeof v === 'number') return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? ['int', 'number'] : ['double', 'number'];
  if (v instanceof Int32) return ['int', 'number'];
  if (v instanceof Double) return ['double', 'number'];
  if (v instanceof Long || typeof v === 'bigint') return ['long', 'number'];
  if (v instanceof Decimal128) return ['decimal', 'number'];
  if (typeof v === 'string') return ['string'];
  if (typeof v === 'boolean') return ['bool'];
  if (v instanceof Date) return ['date'];
  if (v instanceof ObjectId) return ['objectId'];
  if (v instanceof Binary) return ['binData'];
  if (v instanceof RegExp) return ['regex'];
  if (v instanceof Timestamp) return ['timestamp'];
  if (Array.isArray(v)) return ['array'];
  return ['object'];
}

const TYPE_NUMBERS: Record<number, string> = { 1: 'double', 2: 'string', 3: 'object', 4: 'array', 5: 'binData', 7: 'objectId', 8: 'bool', 9: 'date', 10: 'null', 11: 'regex', 16: 'int', 17: 'timestamp', 18: 'long', 19: 'decimal' };

function typeName(t: unknown): string {
  if (typeof t === 'string') {
    if (!Object.values(TYPE_NUMBERS).includes(t) && t !== 'number') throw badValue(`Unknown type name alias: ${t}`);
    return t;
  }
  const n = typeof t === 'number' ? t : t instanceof Int32 || t instanceof Double ? t.value : NaN;
  const name = TYPE_NUMBERS[n];
  if (!name) throw badValue(`Invalid numerical type code: ${String(t)}`);
  return name;
}

const $type: QueryOp = (selector, value) => {
  const wanted = (Array.isArray(value) ? value : [value]).map(typeName);
  return (doc) => {
    const v = getPath(doc, selector);
    const values = Array.isArray(v) ? [v, ...v] : [v];
    return values.some((x) => bsonTypeOf(x).some((t) => wanted.includes(t)));
  };
};

export function elemMatcher(criteria: unknown): Predicate {
  if (!isPlainObject(criteria)) throw badValue('$elemMatch needs an Object');
  const keys = Object.keys(criteria);
  const operatorsOnly = keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k));
  if (operatorsOnly) {
    const q = compileQuery({ v: criteria });
    return (x) => q.test({ v: x });
  }
  const q = compileQuery(criteria);
  return (x) => isPlainObject(x) && q.test(x);
}

/** $all: every listed value is the field's value or one of its elements (a scalar field counts as a one-element list). */
const $all: QueryOp = (selector, value) => {
  if (!Array.isArray(value)) throw badValue('$all needs an array');
  const parts = value.map((expr): Predicate => {
    if (isPlainObject(expr) && Object.keys(expr)[0] === '$elemMatch') {
      const match = elemMatcher(expr.$elemMatch);
      return (doc) => {
        const v = getPath(doc, selector);
        return Array.isArray(v) && v.some(match);
      };
    }
    return (doc) => equals(doc, selector, expr);
  });
  return (doc) => parts.length > 0 && parts.every((p) => p(doc));
};

const unsupported = (name: string): QueryOp => () => {
  throw badValue(`${name} is not supported by the test server`);
};

const BSON_QUERY_OPS: Record<string, QueryOp> = {
  $eq: (selector, value) => (doc) => equals(doc, selector, value),
  $ne: (selector, value) => (doc) => !equals(doc, selector, value),
  $in: (selector, value) => (doc) => inList(doc, selector, value),
  $nin: (selector, value) => (doc) => !inList(doc, selector, value),
  $lt: comparison((c) => c < 0),
  $lte: comparison((c) => c <= 0),
  $gt: comparison((c) => c > 0),
  $gte: comparison((c) => c >= 0),
  $all,
  $type,
  $near: unsupported('$near (geospatial queries)'),
  $nearSphere: unsupported('$nearSphere (geospatial queries)'),
  $geoWithin: unsupported('$geoWithin (geospatial queries)'),
  $geoIntersects: unsupported('$geoIntersects (geospatial queries)'),
  $where: unsupported('$where (server-side JavaScript)'),
  $text: unsupported('$text (text search)'),
};

const CONTEXT = Context.init({
  accumulator: ops('accumulator'),
  expression: ops('expression'),
  pipeline: ops('pipeline'),
  projection: ops('projection'),
  query: { ...ops('query'), ...BSON_QUERY_OPS },
  window: ops('window'),
} as never);

const MINGO_OPTIONS = { context: CONTEXT, scriptEnabled: false } as never;

// A new Query copies every operator table of a plain options object's context; handed mingo's own
// options class (not exported, so loaded by file), it shares them and copies only its locals. On a
// bench sequence that copying was 0.33 s of the test server's 7.6 s (BENCHMARKS.md, issue 17).
const { ComputeOptions } = load(join(dirname(load.resolve('mingo/core')), '_internal.js')) as { ComputeOptions: { init(options: unknown): unknown } };
if (typeof ComputeOptions?.init !== 'function') throw new Error('mingo no longer has ComputeOptions in core/_internal.js: see QUERY_OPTIONS in query.ts');
const QUERY_OPTIONS = ComputeOptions.init(MINGO_OPTIONS) as never;

/** Operators refused everywhere, found before mingo compiles anything (some are top level). */
const REFUSED_ANYWHERE: Record<string, string> = {
  $where: '$where (server-side JavaScript)',
  $function: '$function (server-side JavaScript)',
  $accumulator: '$accumulator (server-side JavaScript)',
  $text: '$text (text search)',
  $near: '$near (geospatial queries)',
  $nearSphere: '$nearSphere (geospatial queries)',
  $geoWithin: '$geoWithin (geospatial queries)',
  $geoIntersects: '$geoIntersects (geospatial queries)',
  $geoNear: '$geoNear (geospatial queries)',
  $search: '$search (Atlas Search)',
  $meta: '$meta (text search scores)',
};

export function refuseUnsupported(value: unknown): void {
  if (Array.isArray(value)) {
    for (const x of value) refuseUnsupported(x);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const what = REFUSED_ANYWHERE[k];
    if (what) throw badValue(`${what} is not supported by the test server`);
    refuseUnsupported(v);
  }
}

export function compileQuery(filter: Doc): { test(doc: unknown): boolean } {
  refuseUnsupported(filter);
  try {
    const q = new BaseQuery(filter, QUERY_OPTIONS);
    return {
      test: (doc) => {
        try {
          return q.test(doc as Doc);
        } catch (err) {
          throw toCommandError(err);
        }
      },
    };
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw toCommandError(err);
  }
}

export function runPipeline(stages: Doc[], input: Doc[], collectionResolver: (name: string) => Doc[]): Doc[] {
  refuseUnsupported(stages);
  try {
    const agg = new BaseAggregator(stages, { ...(MINGO_OPTIONS as object), collectionResolver } as never);
    return agg.run(input) as Doc[];
  } catch (err) {
    throw toCommandError(err);
  }
}
