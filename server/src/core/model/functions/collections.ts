// Map, boolean and set functions: alltrue anytrue coalesce keys lookup matchkeys merge
// setintersection setproduct setsubtract setunion transpose values zipmap.
import { type EvalError, type MapValue, type Value, evalError, identityKey, isError, isInstance, isList, isMap, isSet, isUnknown, markSet, sortedEntries } from '../values';
import { convertAll, unify } from './convert';
import { sameValue, toSet } from './sets';
import { type Impl, notKnown } from './spec';
import { compareStrings } from './text';

/** The argument as a map, Unknown when its keys are not known, or an EvalError. */
function mapping(v: Value, fn: string): MapValue | Value {
  if (isUnknown(v) || isInstance(v)) return notKnown(fn);
  return isMap(v) ? v : evalError(`${fn}(): the argument must be a map or object, not ${v === null ? 'null' : isList(v) ? 'a list' : `a ${typeof v}`}`);
}

const asMap = (v: MapValue | Value): v is MapValue => isMap(v as Value);

/** alltrue: false as soon as an element is false or null (whatever the unknown ones turn out to be). */
export const alltrue: Impl = ([list]) => {
  const items = list as Value[];
  if (items.some((x) => x === false || x === null)) return false;
  return items.some(isUnknown) ? notKnown('alltrue') : true;
};

export const anytrue: Impl = ([list]) => {
  const items = list as Value[];
  if (items.some((x) => x === true)) return true;
  return items.some(isUnknown) ? notKnown('anytrue') : false;
};

/** coalesce: the first argument that is neither null nor "", all converted to their common type. */
export const coalesce: Impl = (args) => {
  if (args.length === 0) return evalError('coalesce() needs at least one argument');
  const values = unify(args);
  if (isError(values)) return evalError('coalesce(): all arguments must have the same type');
  const strings = values.some((v) => typeof v === 'string');
  for (const v of values) {
    if (isUnknown(v)) return notKnown('coalesce');
    if (v === null || (strings && v === '')) continue;
    return v;
  }
  return evalError('coalesce(): no non-null, non-empty-string arguments');
};

export const keys: Impl = ([m]) => {
  const map = mapping(m!, 'keys');
  return asMap(map) ? sortedEntries(map).map(([k]) => k) : map;
};

export const values: Impl = ([m]) => {
  const map = mapping(m!, 'values');
  return asMap(map) ? sortedEntries(map).map(([, v]) => v) : map;
};

/** lookup(map, key, default): the key's value even when others are not known yet. */
export const lookup: Impl = ([m, key, ...rest]) => {
  if (isInstance(m!)) return notKnown('lookup');
  const map = mapping(m!, 'lookup');
  if (!asMap(map)) return map;
  const k = key as string;
  if (map.has(k)) return map.get(k)!;
  if (rest.length > 0) return rest[0]!;
  return evalError(`lookup(): the map has no key ${JSON.stringify(k)} and no default was given`);
};

export const merge: Impl = (args) => {
  const out: MapValue = new Map();
  if (args.length > 0 && args.every((a) => a === null)) return null;
  for (const a of args) {
    if (a === null) continue;
    const map = mapping(a, 'merge');
    if (!asMap(map)) return map;
    for (const [k, v] of map) out.set(k, v);
  }
  return out;
};

/** matchkeys(values, keys, searchset): the values whose key is in the search set, in order. */
export const matchkeys: Impl = ([valuesArg, keysArg, searchArg]) => {
  const vals = valuesArg as Value[];
  const keyList = keysArg as Value[];
  if (vals.length !== keyList.length) return evalError('matchkeys(): length of keys and values should be equal');
  const both = convertAll([...keyList, ...(searchArg as Value[])], 'any');
  if (isError(both)) return evalError('matchkeys(): keys and searchset must be of the same type');
  const keysOut = both.slice(0, keyList.length);
  const search = both.slice(keyList.length);
  return vals.filter((_, i) => search.some((s) => sameValue(keysOut[i]!, s)));
};

export const transpose: Impl = ([m]) => {
  const out = new Map<string, string[]>();
  for (const [k, list] of sortedEntries(m as MapValue)) {
    for (const v of list as Value[]) {
      if (v === null) return evalError('transpose(): a list element is null');
      const group = out.get(v as string) ?? [];
      group.push(k);
      out.set(v as string, group);
    }
  }
  return new Map([...out.entries()].sort(([a], [b]) => compareStrings(a, b)));
};

export const zipmap: Impl = ([keysArg, valuesArg]) => {
  const keyList = keysArg as Value[];
  if (isUnknown(valuesArg!)) return notKnown('zipmap');
  if (!isList(valuesArg!)) return evalError('zipmap(): the values must be a list or tuple');
  if (keyList.length !== valuesArg.length) return evalError(`zipmap(): number of keys (${keyList.length}) does not match number of values (${valuesArg.length})`);
  const out: MapValue = new Map();
  for (const [i, k] of keyList.entries()) {
    if (k === null) return evalError(`zipmap(): keys list has null value at index ${i}`);
    out.set(k as string, valuesArg[i]!);
  }
  return out;
};

const keyOf = (v: Value): string => identityKey(v) as string;

/**
 * The arguments of a set operation (each already a set) with their elements unified across all
 * of them, as Terraform gives every set the one element type; each keyed by element identity.
 */
function keyed(sets: readonly Value[]): Map<string, Value>[] | EvalError {
  const lists = sets as Value[][];
  const all = unify(lists.flat());
  if (isError(all)) return all;
  let offset = 0;
  return lists.map((list) => {
    const part = all.slice(offset, offset + list.length);
    offset += list.length;
    return new Map(part.map((v) => [keyOf(v), v]));
  });
}

export const setunion: Impl = (sets) => {
  const maps = keyed(sets);
  return isError(maps) ? maps : toSet(maps.flatMap((m) => [...m.values()]));
};

export const setintersection: Impl = (sets) => {
  const maps = keyed(sets);
  if (isError(maps)) return maps;
  const [first, ...rest] = maps;
  return toSet([...first!.entries()].filter(([k]) => rest.every((m) => m.has(k))).map(([, v]) => v));
};

export const setsubtract: Impl = (sets) => {
  const maps = keyed(sets);
  if (isError(maps)) return maps;
  const [a, b] = maps;
  return toSet([...a!.entries()].filter(([k]) => !b!.has(k)).map(([, v]) => v));
};

/** setproduct(sets...): every combination, in the order of the arguments' elements. */
export const setproduct: Impl = (args) => {
  if (args.length < 2) return evalError('setproduct() needs at least two arguments');
  const lists: Value[][] = [];
  for (const a of args) {
    if (isUnknown(a)) return notKnown('setproduct');
    if (!isList(a)) return evalError('setproduct(): every argument must be a set or a list');
    const unified = unify(a);
    if (isError(unified)) return evalError('setproduct(): all elements of an argument must be of the same type');
    lists.push(unified);
  }
  let product: Value[][] = [[]];
  for (const list of lists) product = product.flatMap((prefix) => list.map((x) => [...prefix, x]));
  // Sets in, a set out; any list among the arguments makes the result a list.
  return args.every((a) => isSet(a)) ? markSet(product) : product;
};
