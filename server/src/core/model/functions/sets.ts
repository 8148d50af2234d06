// Terraform sets in our value model: a list of distinct elements in the order Terraform
// iterates them (strings lexically, numbers ascending, false before true; other element types
// in first-seen order). A set whose elements cannot all be told apart has an unknown length,
// so it is Unknown unless its Unknown elements carry an identity.
import { type EvalError, type Value, identityKey, isError, isList, isMap, isUnknown, unknown } from '../values';
import { unify } from './convert';
import { compareStrings } from './text';

/** Whether a value holds an Unknown anywhere (an identified one counts: its value is not known). */
function unknownPart(v: Value): boolean {
  if (isUnknown(v)) return true;
  if (isList(v)) return v.some(unknownPart);
  if (isMap(v)) return [...v.values()].some(unknownPart);
  return false;
}

/**
 * Whether two values are equal: undefined when it cannot be told. Unknowns with one identity
 * are the same value, and (by vpce-lens's design) different identities are different values;
 * an Unknown next to a known value may turn out equal to it.
 */
export function sameValue(a: Value, b: Value): boolean | undefined {
  const x = identityKey(a);
  const y = identityKey(b);
  if (x === undefined || y === undefined) return undefined;
  if (x === y) return true;
  return unknownPart(a) !== unknownPart(b) ? undefined : false;
}

/** The distinct elements in first-seen order, or undefined when their number cannot be told. */
export function distinctElements(items: readonly Value[]): Value[] | undefined {
  const seen = new Set<string>();
  const out: Value[] = [];
  const partly = items.some(unknownPart);
  if (partly && !items.every(unknownPart)) return undefined;
  for (const item of items) {
    const key = identityKey(item);
    if (key === undefined) return undefined;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

export function toSet(items: readonly Value[]): Value {
  const out = distinctElements(items);
  if (!out) return unknown('a set with elements not known until apply');
  if (out.every((x) => typeof x === 'string')) return (out as string[]).sort(compareStrings);
  if (out.every((x) => typeof x === 'number')) return (out as number[]).sort((a, b) => a - b);
  if (out.every((x) => typeof x === 'boolean')) return (out as boolean[]).sort((a, b) => Number(a) - Number(b));
  return out;
}

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

export function setUnion(sets: readonly Value[]): Value {
  const maps = keyed(sets);
  return isError(maps) ? maps : toSet(maps.flatMap((m) => [...m.values()]));
}

export function setIntersection(sets: readonly Value[]): Value {
  const maps = keyed(sets);
  if (isError(maps)) return maps;
  const [first, ...rest] = maps;
  return toSet([...first!.entries()].filter(([k]) => rest.every((m) => m.has(k))).map(([, v]) => v));
}

export function setSubtract(sets: readonly Value[]): Value {
  const maps = keyed(sets);
  if (isError(maps)) return maps;
  const [a, b] = maps;
  return toSet([...a!.entries()].filter(([k]) => !b!.has(k)).map(([, v]) => v));
}

