// Sequence functions: chunklist coalescelist compact concat contains distinct element flatten
// index length one range reverse slice sort sum. Where Terraform keeps a partly known list's
// shape, so do these: a list of known length with Unknown elements keeps its length.
import { type Value, evalError, identityKey, isInstance, isList, isMap, isUnknown } from '../values';
import { convert } from './convert';
import { wholeNumber } from './numeric';
import { distinctElements, sameValue } from './sets';
import { type Impl, notKnown } from './spec';
import { compareStrings, graphemes } from './text';

/** The argument as a list, an Unknown when it is not known, or an EvalError for anything else. */
function sequence(v: Value, fn: string): Value[] | Value {
  if (isUnknown(v)) return notKnown(fn);
  return isList(v) ? v : evalError(`${fn}(): the argument must be a list, set or tuple, not ${isInstance(v) ? 'an object' : v === null ? 'null' : `a ${isMap(v) ? 'map' : typeof v}`}`);
}

const asList = (v: Value | Value[]): v is Value[] => isList(v as Value);

export const length: Impl = ([v]) => {
  if (typeof v === 'string') return graphemes(v).length;
  if (isList(v!)) return v.length;
  if (isMap(v!)) return v.size;
  if (isUnknown(v!) || isInstance(v!)) return notKnown('length');
  return evalError(`length(): a ${typeof v} has no length`);
};

export const concat: Impl = (args) => {
  if (args.length === 0) return evalError('concat() needs at least one argument');
  const out: Value[] = [];
  for (const a of args) {
    const items = sequence(a, 'concat');
    if (!asList(items)) return items;
    out.push(...items);
  }
  return out;
};

export const coalescelist: Impl = (args) => {
  if (args.length === 0) return evalError('coalescelist() needs at least one argument');
  for (const a of args) {
    const items = sequence(a, 'coalescelist');
    if (!asList(items)) return items;
    if (items.length > 0) return items;
  }
  return evalError('coalescelist(): no non-empty list among the arguments');
};

export const compact: Impl = ([list]) => (list as Value[]).filter((x) => x !== null && x !== '');

/** contains(list, value): true as soon as a known element is equal; Unknown while an unknown one might be. */
export const contains: Impl = ([list, value]) => {
  const items = sequence(list!, 'contains');
  if (!asList(items)) return items;
  if (items.length === 0) return false;
  if (identityKey(value!) === undefined) return notKnown('contains');
  let maybe = false;
  for (const item of items) {
    const same = sameValue(item, value!);
    if (same) return true;
    if (same === undefined) maybe = true;
  }
  return maybe ? notKnown('contains') : false;
};

export const distinct: Impl = ([list]) => distinctElements(list as Value[]) ?? notKnown('distinct');

/** element(list, index): wraps around, from the end for a negative index (Terraform 1.10+). */
export const element: Impl = ([list, indexArg]) => {
  const items = sequence(list!, 'element');
  if (!asList(items)) return items;
  const index = wholeNumber(indexArg!, 'the index');
  if (typeof index !== 'number') return index;
  if (items.length === 0) return evalError('element(): cannot use element function with an empty list');
  return items[((index % items.length) + items.length) % items.length]!;
};

export const flatten: Impl = ([list]) => {
  const out: Value[] = [];
  const walk = (items: Value[]): Value | undefined => {
    for (const item of items) {
      // An element not known may itself be a list of any length.
      if (isUnknown(item)) return notKnown('flatten');
      if (isList(item)) {
        const stop = walk(item);
        if (stop) return stop;
      } else out.push(item);
    }
    return undefined;
  };
  const items = sequence(list!, 'flatten');
  if (!asList(items)) return items;
  return walk(items) ?? out;
};

export const index: Impl = ([list, value]) => {
  const items = sequence(list!, 'index');
  if (!asList(items)) return items;
  if (items.length === 0) return evalError('index(): cannot search an empty list');
  for (const [i, item] of items.entries()) {
    const same = sameValue(item, value!);
    if (same === undefined) return notKnown('index');
    if (same) return i;
  }
  return evalError('index(): item not found');
};

export const one: Impl = ([list]) => {
  const items = sequence(list!, 'one');
  if (!asList(items)) return items;
  if (items.length > 1) return evalError('one(): must be a list, set, or tuple value with either zero or one elements');
  return items[0] ?? null;
};

export const reverse: Impl = ([list]) => {
  const items = sequence(list!, 'reverse');
  return asList(items) ? [...items].reverse() : items;
};

export const slice: Impl = ([list, startArg, endArg]) => {
  const items = sequence(list!, 'slice');
  if (!asList(items)) return items;
  const start = wholeNumber(startArg!, 'the start index');
  const end = wholeNumber(endArg!, 'the end index');
  if (typeof start !== 'number') return start;
  if (typeof end !== 'number') return end;
  if (start < 0 || end < 0) return evalError('slice(): indices must not be less than zero');
  if (start > items.length || end > items.length) return evalError('slice(): indices must not be greater than the length of the list');
  if (start > end) return evalError('slice(): the start index must not be greater than the end index');
  return items.slice(start, end);
};

export const chunklist: Impl = ([list, sizeArg]) => {
  const items = sequence(list!, 'chunklist');
  if (!asList(items)) return items;
  const size = wholeNumber(sizeArg!, 'the chunk size');
  if (typeof size !== 'number') return size;
  if (size < 0) return evalError('chunklist(): the size argument must be positive');
  if (items.length === 0) return [];
  if (size === 0) return [items];
  const out: Value[] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export const sort: Impl = ([list]) => {
  const items = list as Value[];
  const nullAt = items.indexOf(null);
  if (nullAt >= 0) return evalError(`sort(): element ${nullAt} is null; a null string cannot be sorted`);
  return [...(items as string[])].sort(compareStrings);
};

export const sum: Impl = ([list]) => {
  if (!isList(list!)) return evalError('sum(): the argument must be a list, set, or tuple of numbers');
  if (list.length === 0) return evalError('sum(): cannot sum an empty list');
  let total = 0;
  for (const item of list) {
    const n = item === null ? item : convert(item, 'number');
    if (typeof n !== 'number') return evalError('sum(): the argument must be a list, set, or tuple of numbers');
    total += n;
  }
  return total;
};

/** Decimal places of a number, to step through ranges like 0.1 without binary drift. */
function decimals(n: number): number {
  const m = /\.(\d+)$/.exec(String(n));
  return m ? m[1]!.length : 0;
}

export const range: Impl = (args) => {
  const nums = args as number[];
  if (nums.length < 1 || nums.length > 3) return evalError('range() takes one, two, or three arguments');
  const [start, end] = nums.length === 1 ? [0, nums[0]!] : [nums[0]!, nums[1]!];
  const step = nums[2] ?? (end < start ? -1 : 1);
  if (step === 0) return evalError('range(): step must not be zero');
  if (step < 0 && end > start) return evalError('range(): end must be less than start when step is negative');
  if (step > 0 && end < start) return evalError('range(): end must be greater than start when step is positive');
  const scale = 10 ** Math.min(15, Math.max(decimals(start), decimals(step)));
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const n = Math.round((start + i * step) * scale) / scale;
    if (step > 0 ? n >= end : n <= end) break;
    if (out.length >= 1024) return evalError('range(): more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
    out.push(n);
  }
  return out;
};
