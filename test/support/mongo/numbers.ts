/** BSON numeric types as stored by the test server. A JS number stands for an int32 when it is an
 * integer in int32 range (that is how `bson` serializes it back) and for a double otherwise; the
 * two values a JS number cannot carry keep their wrapper: a Long, and a Double holding an integer. */
import { Decimal128, Double, Int32, Long } from 'bson';
import { CommandError } from './errors';
import { isPlainObject, setOwn, toNumber } from './values';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const isInt32 = (n: number): boolean => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;

/** The stored form of a double. */
export function double(n: number): number | Double {
  return isInt32(n) && !Object.is(n, -0) ? new Double(n) : n;
}

/** Converts a document deserialized with `promoteValues: false` into the stored form. */
export function fromWire(v: unknown): unknown {
  if (v instanceof Int32) return v.value;
  if (v instanceof Double) return double(v.value);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = fromWire(v[i]);
    return v;
  }
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      const y = fromWire(x);
      if (y !== x) setOwn(v, k, y);
    }
  }
  return v;
}

type Kind = 'int' | 'long' | 'double';

function kindOf(v: unknown): Kind {
  if (v instanceof Long || typeof v === 'bigint') return 'long';
  if (v instanceof Double) return 'double';
  if (v instanceof Decimal128) throw new CommandError(2, 'BadValue', 'arithmetic on Decimal128 is not supported by the test server');
  if (v instanceof Int32) return 'int';
  return isInt32(v as number) ? 'int' : 'double';
}

/** $inc / $mul with MongoDB's type promotion: int < long < double; an int result that overflows becomes a long. */
export function arithmetic(op: '$inc' | '$mul' | string, current: unknown, operand: unknown): unknown {
  const cur = current === undefined ? (op === '$mul' ? 0 : undefined) : current;
  if (cur === undefined) return operand;
  const kinds = [kindOf(cur), kindOf(operand)];
  if (!kinds.includes('double') && kinds.includes('long')) {
    const a = Long.fromValue(cur instanceof Long ? cur : Long.fromNumber(toNumber(cur) ?? 0));
    const b = Long.fromValue(operand instanceof Long ? operand : Long.fromNumber(toNumber(operand) ?? 0));
    return op === '$inc' ? a.add(b) : a.multiply(b);
  }
  const x = toNumber(cur) ?? 0;
  const y = toNumber(operand) ?? 0;
  const r = op === '$inc' ? x + y : x * y;
  if (kinds.includes('double')) return double(r);
  return isInt32(r) ? r : Long.fromNumber(r);
}

/** A deep copy with Long and Double wrappers as JS numbers, for mingo's aggregation expressions
 * (which would skip them as non-numbers). Longs beyond 2^53 lose precision there. */
export function plainNumbers(v: unknown): unknown {
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Double || v instanceof Int32) return v.value;
  if (Array.isArray(v)) return v.map(plainNumbers);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, plainNumbers(x));
    return out;
  }
  if (v instanceof Date) return new Date(v.getTime());
  return v;
}
