// String functions: chomp endswith indent join lower split startswith strcontains strrev substr
// title trim trimprefix trimsuffix trimspace upper. Characters are grapheme clusters where
// Terraform counts them; case mapping follows Unicode, one character at a time.
import { type Value, evalError } from '../values';
import { wholeNumber } from './numeric';
import type { Impl } from './spec';
import { graphemes, mapCodePoints } from './text';

const str = (v: Value | undefined): string => v as string;
const stringFn = (f: (s: string) => string): Impl => ([s]) => f(str(s));

export const chomp = stringFn((s) => s.replace(/(?:\r\n|\r|\n)+$/, ''));
export const lower = stringFn((s) => mapCodePoints(s, (c) => c.toLowerCase()));
export const upper = stringFn((s) => mapCodePoints(s, (c) => c.toUpperCase()));
export const strrev = stringFn((s) => graphemes(s).reverse().join(''));
export const trimspace = stringFn((s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, ''));

export const startswith: Impl = ([s, prefix]) => str(s).startsWith(str(prefix));
export const endswith: Impl = ([s, suffix]) => str(s).endsWith(str(suffix));
export const strcontains: Impl = ([s, part]) => str(s).includes(str(part));
export const trimprefix: Impl = ([s, prefix]) => (str(s).startsWith(str(prefix)) ? str(s).slice(str(prefix).length) : str(s));
export const trimsuffix: Impl = ([s, suffix]) => (str(s).endsWith(str(suffix)) && str(suffix) !== '' ? str(s).slice(0, -str(suffix).length) : str(s));

/** Removes every leading and trailing character found in the cutset (Go's strings.Trim). */
export const trim: Impl = ([s, cutset]) => {
  const cut = new Set(str(cutset));
  const chars = [...str(s)];
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start]!)) start++;
  while (end > start && cut.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
};

/** Word starts (after anything but a letter, digit or underscore) in title case (Go's strings.Title). */
export const title = stringFn((s) => {
  let previous = ' ';
  return Array.from(s, (c) => {
    const separator = /[\x00-\x7f]/.test(previous) ? !/[0-9A-Za-z_]/.test(previous) : !/[\p{L}\p{Nd}]/u.test(previous) && /\p{White_Space}/u.test(previous);
    previous = c;
    if (!separator) return c;
    const upperCase = c.toUpperCase();
    return [...upperCase].length === 1 ? upperCase : c;
  }).join('');
});

export const indent: Impl = ([spaces, s]) => {
  const n = wholeNumber(spaces!, 'the number of spaces');
  if (typeof n !== 'number') return n;
  if (n < 0) return evalError('indent(): the number of spaces must not be negative');
  return str(s).replace(/\n/g, `\n${' '.repeat(n)}`);
};

export const split: Impl = ([sep, s]) => (str(sep) === '' ? [...str(s)] : str(s).split(str(sep)));

/** join(separator, lists...): every element of every list, none null. */
export const join: Impl = ([sep, ...lists]) => {
  if (lists.length === 0) return evalError('join() needs at least one list');
  const items = (lists as Value[][]).flat();
  const nullAt = items.indexOf(null);
  if (nullAt >= 0) return evalError(`join(): element ${nullAt} is null`);
  return items.join(str(sep));
};

/** substr(string, offset, length): in characters; a negative offset counts from the end, a negative length takes the rest. */
export const substr: Impl = ([s, offsetArg, lengthArg]) => {
  const offset = wholeNumber(offsetArg!, 'the offset');
  const length = wholeNumber(lengthArg!, 'the length');
  if (typeof offset !== 'number') return offset;
  if (typeof length !== 'number') return length;
  const chars = graphemes(str(s));
  const start = Math.max(0, offset < 0 ? offset + chars.length : offset);
  return (length < 0 ? chars.slice(start) : chars.slice(start, start + length)).join('');
};
