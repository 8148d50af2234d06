// Terraform sets in our value model: a list of distinct elements in the order Terraform
// iterates them (strings lexically, numbers ascending, false before true; other element types
// in first-seen order). A set whose elements cannot all be told apart has an unknown length,
// so it is Unknown, unless all its elements are Unknowns with identities (vpce-lens counts
// distinct identities as distinct values: that is how subnets are counted without ids).
import { type Value, identityKey, isWhollyKnown, markSet, unknown } from '../values';
import { compareStrings } from './text';

/** Whether a value holds an Unknown anywhere (an identified one counts: its value is not known). */
const unknownPart = (v: Value): boolean => !isWhollyKnown(v);

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

/** Distinct elements in Terraform's set order, marked as a set (indexing it is an error). */
export function toSet(items: readonly Value[]): Value {
  const out = distinctElements(items);
  if (!out) return unknown('a set with elements not known until apply');
  if (out.every((x) => typeof x === 'string')) return markSet((out as string[]).sort(compareStrings));
  if (out.every((x) => typeof x === 'number')) return markSet((out as number[]).sort((a, b) => a - b));
  if (out.every((x) => typeof x === 'boolean')) return markSet((out as boolean[]).sort((a, b) => Number(a) - Number(b)));
  return markSet(out);
}
