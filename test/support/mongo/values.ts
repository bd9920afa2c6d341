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
  if (v instanceof Long || v instanceof Int32 || v instanceof Double) return `n${Number(v.valueOf())}`;
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

/** Deep copy of plain objects, arrays and Dates; BSON value classes are immutable so they are shared. */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out as T;
  }
  return v;
}

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
    const next = cur[part];
    if (!isPlainObject(next)) cur[part] = {};
    cur = cur[part] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
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
function typeRank(v: unknown): number {
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

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return cmp(Number(a instanceof Decimal128 ? a.toString() : (a as number)), Number(b instanceof Decimal128 ? b.toString() : (b as number)));
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
      return cmp(Buffer.from((a as Binary).buffer).toString('hex'), Buffer.from((b as Binary).buffer).toString('hex'));
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
