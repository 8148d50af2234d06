// The Terraform functions that decide endpoint sets, subnet lists and AZ counts. Any other
// function, or a known one given Unknown input it needs, yields Unknown.
import {
  type MapValue, type Value, Unknown, asNumber, asString, identityKey, isList, isMap, isUnknown,
  sortedEntries, unknown,
} from './values';

type Impl = (args: Value[]) => Value;

function asCollection(v: Value): Value[] | undefined {
  if (isList(v)) return v;
  if (isMap(v)) return sortedEntries(v).map(([, x]) => x);
  return undefined;
}

/** Distinct elements, or Unknown when an element's identity cannot be told. */
function distinctValues(items: Value[], fn: string): Value[] | Unknown {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const item of items) {
    const key = identityKey(item);
    if (key === undefined) return unknown(`${fn}() of a list with unknown elements`);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

const toset: Impl = ([v]) => {
  if (v === undefined || isUnknown(v)) return unknown('toset() of an unknown value');
  const items = asCollection(v);
  if (!items) return unknown('toset() of a value that is not a collection');
  const distinct = distinctValues(items, 'toset');
  if (isUnknown(distinct)) return distinct;
  // Sets of strings iterate in lexical order.
  return distinct.every((x) => typeof x === 'string') ? [...(distinct as string[])].sort() : distinct;
};

const tolist: Impl = ([v]) => {
  if (v === undefined || isUnknown(v)) return unknown('tolist() of an unknown value');
  return asCollection(v) ?? unknown('tolist() of a value that is not a collection');
};

const concat: Impl = (args) => {
  const out: Value[] = [];
  for (const a of args) {
    if (isUnknown(a)) return unknown('concat() of an unknown list');
    if (!isList(a)) return unknown('concat() of a value that is not a list');
    out.push(...a);
  }
  return out;
};

const length: Impl = ([v]) => {
  if (v === undefined || isUnknown(v)) return unknown('length() of an unknown value');
  if (isList(v)) return v.length;
  if (isMap(v)) return v.size;
  if (typeof v === 'string') return [...v].length;
  return unknown('length() of a value without a length');
};

const values: Impl = ([v]) => {
  if (v === undefined || isUnknown(v)) return unknown('values() of an unknown map');
  return isMap(v) ? sortedEntries(v).map(([, x]) => x) : unknown('values() of a value that is not a map');
};

const keys: Impl = ([v]) => {
  if (v === undefined || isUnknown(v)) return unknown('keys() of an unknown map');
  return isMap(v) ? sortedEntries(v).map(([k]) => k) : unknown('keys() of a value that is not a map');
};

const merge: Impl = (args) => {
  const out: MapValue = new Map();
  for (const a of args) {
    if (a === null) continue;
    if (isUnknown(a)) return unknown('merge() of an unknown map');
    if (!isMap(a)) return unknown('merge() of a value that is not a map');
    for (const [k, x] of a) out.set(k, x);
  }
  return out;
};

const distinct: Impl = ([v]) => {
  if (v === undefined || isUnknown(v) || !isList(v)) return unknown('distinct() of an unknown list');
  return distinctValues(v, 'distinct');
};

const flatten: Impl = ([v]) => {
  if (v === undefined || isUnknown(v) || !isList(v)) return unknown('flatten() of an unknown list');
  const out: Value[] = [];
  const walk = (items: Value[]): Unknown | undefined => {
    for (const item of items) {
      if (isUnknown(item)) return unknown('flatten() of a list with unknown elements');
      if (isList(item)) {
        const u = walk(item);
        if (u) return u;
      } else out.push(item);
    }
    return undefined;
  };
  return walk(v) ?? out;
};

const lookup: Impl = ([map, key, fallback]) => {
  if (map === undefined || key === undefined || isUnknown(map) || isUnknown(key)) return unknown('lookup() of an unknown value');
  const k = asString(key);
  if (!isMap(map) || k === undefined) return unknown('lookup() of a value that is not a map');
  if (map.has(k)) return map.get(k) as Value;
  return fallback === undefined ? unknown(`lookup(): no key "${k}"`) : fallback;
};

const element: Impl = ([list, index]) => {
  if (list === undefined || index === undefined || isUnknown(list) || isUnknown(index) || !isList(list)) {
    return unknown('element() of an unknown value');
  }
  const i = asNumber(index);
  if (i === undefined || list.length === 0) return unknown('element() with an invalid index');
  return list[((Math.floor(i) % list.length) + list.length) % list.length] as Value;
};

const contains: Impl = ([list, v]) => {
  if (list === undefined || v === undefined || isUnknown(list) || !isList(list)) return unknown('contains() of an unknown list');
  const key = identityKey(v);
  if (key === undefined) return unknown('contains() of an unknown value');
  if (list.some((x) => identityKey(x) === key)) return true;
  return list.some((x) => identityKey(x) === undefined) ? unknown('contains() of a list with unknown elements') : false;
};

const compact: Impl = ([v]) => {
  if (v === undefined || isUnknown(v) || !isList(v)) return unknown('compact() of an unknown list');
  if (v.some(isUnknown)) return unknown('compact() of a list with unknown elements');
  return v.filter((x) => x !== null && x !== '');
};

const coalesce: Impl = (args) => {
  for (const a of args) {
    if (isUnknown(a)) return unknown('coalesce() of an unknown value');
    if (a !== null && a !== '') return a;
  }
  return unknown('coalesce(): no non-null argument');
};

const join: Impl = ([sep, list]) => {
  const s = sep === undefined ? undefined : asString(sep);
  if (s === undefined || list === undefined || !isList(list)) return unknown('join() of an unknown value');
  const parts = list.map(asString);
  return parts.every((p) => p !== undefined) ? parts.join(s) : unknown('join() of a list with unknown elements');
};

const split: Impl = ([sep, str]) => {
  const s = sep === undefined ? undefined : asString(sep);
  const v = str === undefined ? undefined : asString(str);
  return s === undefined || v === undefined ? unknown('split() of an unknown value') : v.split(s);
};

const stringFn = (name: string, f: (s: string) => string): Impl => ([v]) => {
  const s = v === undefined ? undefined : asString(v);
  return s === undefined ? unknown(`${name}() of an unknown value`) : f(s);
};

const range: Impl = (args) => {
  const nums = args.map(asNumber);
  if (nums.some((n) => n === undefined) || nums.length === 0) return unknown('range() of an unknown value');
  const [a, b, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  if (step === 0 || Math.abs((b - a) / step) > 10_000) return unknown('range() too large');
  const out: number[] = [];
  for (let i = a; step > 0 ? i < b : i > b; i += step) out.push(i);
  return out;
};

const slice: Impl = ([list, from, to]) => {
  const f = from === undefined ? undefined : asNumber(from);
  const t = to === undefined ? undefined : asNumber(to);
  if (list === undefined || !isList(list) || f === undefined || t === undefined) return unknown('slice() of an unknown value');
  return list.slice(f, t);
};

const zipmap: Impl = ([ks, vs]) => {
  if (ks === undefined || vs === undefined || !isList(ks) || !isList(vs)) return unknown('zipmap() of an unknown value');
  const out: MapValue = new Map();
  for (let i = 0; i < ks.length; i++) {
    const k = asString(ks[i]!);
    if (k === undefined) return unknown('zipmap() with an unknown key');
    out.set(k, vs[i] ?? null);
  }
  return out;
};

const tomap: Impl = ([v]) => (v !== undefined && isMap(v) ? v : unknown('tomap() of an unknown value'));
const identity = (name: string): Impl => ([v]) => (v === undefined ? unknown(`${name}() without an argument`) : v);

const FUNCTIONS: Record<string, Impl> = {
  toset, tolist, tomap, concat, length, values, keys, merge, distinct, flatten, lookup, element, contains, compact,
  coalesce, join, split, range, slice, zipmap,
  lower: stringFn('lower', (s) => s.toLowerCase()),
  upper: stringFn('upper', (s) => s.toUpperCase()),
  trimspace: stringFn('trimspace', (s) => s.trim()),
  tostring: stringFn('tostring', (s) => s),
  tonumber: ([v]) => (v === undefined ? unknown('tonumber()') : asNumber(v) ?? unknown('tonumber() of an unknown value')),
  sort: ([v]) => (v !== undefined && isList(v) && v.every((x) => typeof x === 'string') ? [...(v as string[])].sort() : unknown('sort() of an unknown list')),
  reverse: ([v]) => (v !== undefined && isList(v) ? [...v].reverse() : unknown('reverse() of an unknown list')),
  sensitive: identity('sensitive'),
  nonsensitive: identity('nonsensitive'),
};

/** Every function the evaluator knows; `try` and `can` are evaluated lazily by the evaluator itself. */
export const FUNCTION_NAMES: readonly string[] = [...Object.keys(FUNCTIONS), 'try', 'can'].sort();

/** Calls a function by name; unknown names and unknown inputs give Unknown. */
export function callFunction(name: string, args: Value[]): Value {
  const impl = FUNCTIONS[name];
  if (!impl) return unknown(`${name}() is not evaluated`);
  return impl(args);
}
