/** Value helpers: canonical keys (for O(1) maps), deep copies and dotted-path access. */
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, type Document } from 'bson';

export type Doc = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A string that is equal for two values iff MongoDB considers them equal (numbers across types too). */
export function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return `s${JSON.stringify(v)}`;
    case 'number':
      return `n${Object.is(v, -0) ? 0 : v}`;
    case 'bigint':
      return `n${v.toString()}`;
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      break;
  }
  if (v instanceof ObjectId) return `o${v.toHexString()}`;
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof Long) return `n${v.toString()}`;
  if (v instanceof Int32 || v instanceof Double) return `n${Object.is(v.value, -0) ? 0 : v.value}`;
  if (v instanceof Decimal128) return `n${Number(v.toString())}`;
  if (v instanceof Binary) return `b${v.sub_type}:${Buffer.from(v.buffer).toString('base64')}`;
  if (v instanceof Timestamp) return `t${v.toString()}`;
  if (v instanceof RegExp) return `r${v.toString()}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Doc).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return `?${String(v)}`;
}

/** A value `canonical` renders whole (a scalar or one of bson's types), not by walking it. */
function isLeaf(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return (
    v instanceof ObjectId || v instanceof Date || v instanceof Long || v instanceof Int32 || v instanceof Double || v instanceof Decimal128 || v instanceof Binary || v instanceof Timestamp || v instanceof RegExp
  );
}

/**
 * `canonical(a) === canonical(b)`, without building either string: an update's "did it change the
 * document?" asks this of two whole documents on every write, and the strings of documents that
 * carry lists (a report's links) cost more than the write itself. Walks both, stops at the first
 * difference; scalars and bson values still compare by their canonical strings.
 */
export function sameCanonical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const leafA = isLeaf(a);
  if (leafA || isLeaf(b)) return leafA && isLeaf(b) && canonical(a) === canonical(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCanonical(a[i], b[i])) return false;
    return true;
  }
  const ea = Object.entries(a as Doc);
  const eb = Object.entries(b as Doc);
  if (ea.length !== eb.length) return false;
  for (let i = 0; i < ea.length; i++) if (ea[i][0] !== eb[i][0] || !sameCanonical(ea[i][1], eb[i][1])) return false;
  return true;
}

/** Sets an own property, even one named `__proto__` (plain assignment would change the prototype). */
export function setOwn(obj: Doc, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Deep copy of plain objects, arrays and Dates; BSON value classes are immutable so they are shared. */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, deepCopy(x));
    return out as T;
  }
  return v;
}

/** A number-like BSON value as a JS number (Long beyond 2^53 loses precision), else undefined. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Int32 || v instanceof Double) return v.value;
  if (v instanceof Decimal128) return Number(v.toString());
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

export const isNumeric = (v: unknown): boolean => toNumber(v) !== undefined;

/** Value at a dotted path; arrays along the way collect from each element (MongoDB multikey semantics). */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (/^\d+$/.test(part)) cur = cur[Number(part)];
      else cur = cur.map((x) => (isPlainObject(x) ? x[part] : undefined)).filter((x) => x !== undefined);
    } else if (typeof cur === 'object') {
      cur = (cur as Doc)[part];
    } else {
      return undefined;
    }
  }
  return cur;
}

export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = doc;
  for (const part of parts.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    if (!isPlainObject(next)) setOwn(cur, part, {});
    cur = cur[part] as Doc;
  }
  setOwn(cur, parts[parts.length - 1], value);
}

/** Shell-like rendering used in E11000 messages: { email: "a@b" }. */
export function renderValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[ ${v.map(renderValue).join(', ')} ]`;
  if (isPlainObject(v)) return renderDoc(v);
  return String(v);
}

export function renderDoc(d: Document): string {
  const entries = Object.entries(d);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${k}: ${renderValue(v)}`).join(', ')} }`;
}

/** BSON comparison order: null < numbers < strings < objects < arrays < binData < ObjectId < bool < Date < Timestamp < regex. */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof Long || v instanceof Int32 || v instanceof Double || v instanceof Decimal128) return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Binary) return 6;
  if (v instanceof ObjectId) return 7;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof Timestamp) return 10;
  if (v instanceof RegExp) return 11;
  return 4;
}

const cmp = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Longs compare exactly with each other; everything else as doubles. */
function compareNumbers(a: unknown, b: unknown): number {
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  return cmp(toNumber(a) ?? NaN, toNumber(b) ?? NaN);
}

/** MongoDB orders BinData by length, then subtype, then bytes. */
function compareBinary(a: Binary, b: Binary): number {
  const x = Buffer.from(a.buffer.subarray(0, a.position));
  const y = Buffer.from(b.buffer.subarray(0, b.position));
  return x.length - y.length || a.sub_type - b.sub_type || Buffer.compare(x, y);
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return compareNumbers(a, b);
    case 3:
      return cmp(a as string, b as string);
    case 5: {
      const xs = a as unknown[];
      const ys = b as unknown[];
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = compareValues(xs[i], ys[i]);
        if (c) return c;
      }
      return xs.length - ys.length;
    }
    case 6:
      return compareBinary(a as Binary, b as Binary);
    case 7:
      return cmp((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 8:
      return Number(a) - Number(b);
    case 9:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 10:
      return (a as Timestamp).compare(b as Timestamp);
    case 11:
      return cmp(String(a), String(b));
    default: {
      const ea = Object.entries(a as Doc);
      const eb = Object.entries(b as Doc);
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        const c = cmp(ea[i][0], eb[i][0]) || compareValues(ea[i][1], eb[i][1]);
        if (c) return c;
      }
      return ea.length - eb.length;
    }
  }
}

/** Stable sort by a MongoDB sort spec; array fields sort by their min (ascending) or max (descending) element. */
export function sortDocs(docs: Doc[], spec: Record<string, 1 | -1>): Doc[] {
  const fields = Object.entries(spec);
  const keyOf = (doc: Doc, path: string, dir: 1 | -1): unknown => {
    const v = getPath(doc, path);
    if (!Array.isArray(v) || v.length === 0) return v;
    return v.reduce((best: unknown, x: unknown) => (compareValues(x, best) * dir < 0 ? x : best));
  };
  const decorated = docs.map((doc, i) => ({ doc, i, keys: fields.map(([f, dir]) => keyOf(doc, f, dir)) }));
  decorated.sort((x, y) => {
    for (let j = 0; j < fields.length; j++) {
      const c = compareValues(x.keys[j], y.keys[j]) * fields[j][1];
      if (c) return c;
    }
    return x.i - y.i;
  });
  return decorated.map((d) => d.doc);
}
