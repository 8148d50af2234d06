// Numeric functions: abs ceil floor log max min parseint pow signum.
import { type Value, evalError } from '../values';
import type { Impl } from './spec';

const num = (v: Value): number => v as number;

/** A whole number argument, or an EvalError (Terraform requires integers for indices, sizes, bits). */
export function wholeNumber(v: Value, what: string): number | Value {
  const n = num(v);
  return Number.isInteger(n) ? n : evalError(`${what} must be a whole number, not ${n}`);
}

export const abs: Impl = ([n]) => Math.abs(num(n!));
export const ceil: Impl = ([n]) => Math.ceil(num(n!));
export const floor: Impl = ([n]) => Math.floor(num(n!));
export const log: Impl = ([n, base]) => Math.log(num(n!)) / Math.log(num(base!));
export const pow: Impl = ([n, power]) => Math.pow(num(n!), num(power!));
export const signum: Impl = ([n]) => Math.sign(num(n!)) || 0;

export const max: Impl = (args) => (args.length === 0 ? evalError('max() needs at least one number') : Math.max(...args.map(num)));
export const min: Impl = (args) => (args.length === 0 ? evalError('min() needs at least one number') : Math.min(...args.map(num)));

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** parseint(string, base): bases 2-62; up to 36 letters are case-insensitive, above lower case comes first. */
export const parseint: Impl = ([text, baseArg]) => {
  if (typeof text !== 'string') return evalError('parseint(): the first argument must be a string');
  const base = num(baseArg!);
  if (!Number.isInteger(base) || base < 2 || base > 62) return evalError('parseint(): the base must be a whole number between 2 and 62');
  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  if (digits === '') return evalError(`parseint(): cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
  let value = 0n;
  for (const c of digits) {
    const d = DIGITS.indexOf(base <= 36 ? c.toLowerCase() : c);
    if (d < 0 || d >= base) return evalError(`parseint(): cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
    value = value * BigInt(base) + BigInt(d);
  }
  return Number(negative ? -value : value);
};
