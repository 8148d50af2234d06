// Terraform's automatic type conversion, as applied to function arguments: number "3" -> 3 for
// a number parameter, 3 -> "3" for a string one, a tuple of mixed primitives -> a list of their
// most general type (cty's unification: strings win, numbers and bools do not mix), a value
// that does not convert -> an EvalError. Unknown values pass through unchanged (with their
// identity), to be decided on by the caller.
import {
  type EvalError, type MapValue, type Value, evalError, isError, isInstance, isList, isMap, isUnknown, typeName, unknown,
} from '../values';
import type { ParamType } from './spec';
import { toSet } from './sets';

/** A number as Terraform writes it in a string: shortest decimal, never an exponent. */
export function numberToString(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  // Expand JavaScript's exponent form (1e+21, 1.5e-7) into plain digits.
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const plain = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + plain;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A string Terraform reads as a number (a decimal representation), else undefined. */
export function parseNumber(s: string): number | undefined {
  return DECIMAL.test(s) ? Number(s) : undefined;
}

/** Converts to a primitive type; undefined when there is no conversion. */
function toPrimitive(v: Value, type: 'string' | 'number' | 'bool'): Value | undefined {
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberToString(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return undefined;
    case 'number':
      if (typeof v === 'number') return v;
      return typeof v === 'string' ? parseNumber(v) : undefined;
    case 'bool':
      if (typeof v === 'boolean') return v;
      return v === 'true' ? true : v === 'false' ? false : undefined;
  }
}

function describe(v: Value): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeName(v);
}

/**
 * `v` converted to `type`: nulls stay null, Unknowns stay themselves, a resource instance
 * converted to a map is Unknown (its attributes are not all known), anything else that does not
 * convert is an EvalError.
 */
export function convert(v: Value, type: ParamType): Value {
  if (v === null || isUnknown(v) || type === 'any') return v;
  if (typeof type === 'string') {
    const out = toPrimitive(v, type);
    return out !== undefined ? out : evalError(`cannot convert ${describe(v)} to ${type}`);
  }
  if ('map' in type) {
    if (isInstance(v)) return unknown(`the attributes of ${v.address} are not all known`);
    if (!isMap(v)) return evalError(`a ${typeName(v)} value where a map is needed`);
    const entries = [...v.entries()];
    const values = convertAll(entries.map(([, x]) => x), type.map);
    if (isError(values)) return values;
    return new Map(entries.map(([k], i) => [k, values[i]!]));
  }
  if (!isList(v)) return evalError(`a ${isInstance(v) ? 'object' : typeName(v)} value where a ${'list' in type ? 'list' : 'set'} is needed`);
  const items = convertAll(v, 'list' in type ? type.list : type.set);
  if (isError(items)) return items;
  // A list is a new array: a set's mark (values.ts markSet) must not follow it.
  return 'set' in type ? toSet(items) : [...items];
}

/** Elements converted to one element type; `any` unifies them as Terraform does for a collection. */
export function convertAll(items: readonly Value[], type: ParamType): Value[] | EvalError {
  if (type === 'any') return unify(items);
  const out: Value[] = [];
  for (const item of items) {
    const converted = convert(item, type);
    if (isError(converted)) return converted;
    out.push(converted);
  }
  return out;
}

type Kind = 'string' | 'number' | 'bool' | 'list' | 'map' | 'instance';

function kindOf(v: Value): Kind | undefined {
  if (v === null || isUnknown(v)) return undefined; // of any type: unifies with everything
  if (typeof v === 'string' || typeof v === 'number') return typeof v as Kind;
  if (typeof v === 'boolean') return 'bool';
  if (isList(v)) return 'list';
  if (isMap(v)) return 'map';
  return 'instance';
}

/**
 * Values converted to their most general common type (cty's unification): mixed primitives
 * become strings (a number and a bool have none), sequences and objects unify element by
 * element, objects with different attributes unify as a map. An EvalError when there is none.
 */
export function unify(values: readonly Value[]): Value[] | EvalError {
  const kinds = new Set(values.map(kindOf).filter((k): k is Kind => k !== undefined));
  if (kinds.size === 0) return [...values];
  if (kinds.size === 1 || (kinds.size === 2 && kinds.has('map') && kinds.has('instance'))) {
    if (kinds.has('list')) return unifySequences(values);
    if (kinds.has('map') && !kinds.has('instance')) return unifyObjects(values);
    return [...values];
  }
  if ([...kinds].every((k) => k === 'string' || k === 'number' || k === 'bool')) {
    if (!kinds.has('string')) return evalError('numbers and bools have no common type');
    return values.map((v) => (v === null || isUnknown(v) ? v : (toPrimitive(v, 'string') as string)));
  }
  return evalError(`values of different types (${[...kinds].sort().join(', ')}) have no common type`);
}

/** Tuples of one length unify position by position; else every element together (a list). */
function unifySequences(values: readonly Value[]): Value[] | EvalError {
  const lists = values.filter(isList);
  const length = lists[0]?.length ?? 0;
  if (lists.every((l) => l.length === length)) {
    const columns: Value[][] = [];
    for (let i = 0; i < length; i++) {
      const column = unify(lists.map((l) => l[i]!));
      if (isError(column)) return column;
      columns.push(column);
    }
    return rebuild(values, (n) => columns.map((c) => c[n]!));
  }
  const all = unify(lists.flat());
  if (isError(all)) return all;
  let offset = 0;
  return rebuild(values, (n) => {
    const part = all.slice(offset, offset + lists[n]!.length);
    offset += lists[n]!.length;
    return part;
  });
}

/** The collections among `values` replaced by `row(n)` for the n-th one; nulls and Unknowns stay. */
function rebuild(values: readonly Value[], row: (n: number) => Value): Value[] {
  let n = 0;
  return values.map((v) => (isList(v) || isMap(v) ? row(n++) : v));
}

/** Objects with the same attributes unify attribute by attribute; else all values as a map's. */
function unifyObjects(values: readonly Value[]): Value[] | EvalError {
  const maps = values.filter(isMap);
  const names = [...(maps[0]?.keys() ?? [])].sort();
  const sameNames = maps.every((m) => m.size === names.length && names.every((k) => m.has(k)));
  if (sameNames) {
    const columns = new Map<string, Value[]>();
    for (const name of names) {
      const column = unify(maps.map((m) => m.get(name)!));
      if (isError(column)) return column;
      columns.set(name, column);
    }
    return rebuild(values, (n) => new Map(names.map((k) => [k, columns.get(k)![n]!])));
  }
  const all = unify(maps.flatMap((m) => [...m.values()]));
  if (isError(all)) return all;
  let offset = 0;
  return rebuild(values, (n) => {
    const m = maps[n]!;
    const out: MapValue = new Map([...m.keys()].map((k, i) => [k, all[offset + i]!]));
    offset += m.size;
    return out;
  });
}
