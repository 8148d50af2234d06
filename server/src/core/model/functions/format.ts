// format and formatlist: printf-like verbs as Terraform (cty) implements them. %v picks a verb
// by type (%s, Go's shortest %g for numbers, %t, JSON otherwise), %#v is JSON, %d %b %o %x %X
// need whole numbers, widths and precisions count characters, `[n]` picks an argument, and an
// argument no verb uses is an error.
import { type Value, evalError, isError, isList, isUnknown, unknown } from '../values';
import { hasUnknown } from './call';
import { convert } from './convert';
import { jsonEncode, jsonString } from './json';
import { formatFloatDigits, formatShortest } from './numberFormat';
import type { Impl } from './spec';
import { graphemes } from './text';

interface Verb {
  raw: string;
  flags: string;
  width?: number;
  precision?: number;
  mode: string;
}

const has = (verb: Verb, flag: string): boolean => verb.flags.includes(flag);

/** Pads to the width in characters: zeros with `0`, on the right with `-` (cty's formatPadWidth). */
function pad(verb: Verb, text: string): string {
  if (verb.width === undefined) return text;
  const missing = verb.width - graphemes(text).length;
  if (missing <= 0) return text;
  const fill = (has(verb, '0') ? '0' : ' ').repeat(missing);
  return has(verb, '-') ? text + fill : fill + text;
}

/** Go's fmt for a big.Int: sign, `#` prefix, precision as minimum digits, width padding. */
function formatInteger(verb: Verb, n: bigint): string {
  const base = { b: 2, d: 10, o: 8, x: 16, X: 16 }[verb.mode]!;
  let digits = (n < 0n ? -n : n).toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  const sign = n < 0n ? '-' : has(verb, '+') ? '+' : has(verb, ' ') ? ' ' : '';
  const prefix = has(verb, '#') ? ({ b: '0b', o: '0', x: '0x', X: '0X' } as Record<string, string>)[verb.mode] ?? '' : '';
  let zeros = 0;
  if (verb.precision !== undefined) {
    if (digits.length < verb.precision) zeros = verb.precision - digits.length;
    else if (digits === '0' && verb.precision === 0) return '';
  }
  const length = sign.length + prefix.length + zeros + digits.length;
  let left = 0;
  let right = 0;
  if (verb.width !== undefined && length < verb.width) {
    const d = verb.width - length;
    if (has(verb, '-')) right = d;
    else if (has(verb, '0') && verb.precision === undefined) zeros += d;
    else left = d;
  }
  return ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
}

/** Go's fmt for a big.Float in %e %f %g: sign flags, then zero or space padding. */
function formatFloat(verb: Verb, x: number): string {
  const body = formatFloatDigits(Math.abs(x), verb.mode, verb.precision);
  const infinite = !Number.isFinite(x);
  const sign = x < 0 ? '-' : infinite ? (has(verb, ' ') ? ' ' : '+') : has(verb, '+') ? '+' : has(verb, ' ') ? ' ' : '';
  const padding = verb.width !== undefined ? Math.max(0, verb.width - sign.length - body.length) : 0;
  if (has(verb, '-')) return sign + body + ' '.repeat(padding);
  if (has(verb, '0') && !infinite) return sign + '0'.repeat(padding) + body;
  return ' '.repeat(padding) + sign + body;
}

function formatOne(verb: Verb, arg: Value): string | Value {
  if (arg === null && verb.mode !== 'v') return evalError(`format(): unsupported value for "${verb.raw}": null value cannot be formatted`);
  const converted = (type: 'string' | 'number' | 'bool'): Value => {
    const v = convert(arg, type);
    return isError(v) ? evalError(`format(): unsupported value for "${verb.raw}": ${v.reason}`) : v;
  };
  switch (verb.mode) {
    case 'v':
      if (!has(verb, '#') && typeof arg === 'string') return pad(verb, arg);
      if (!has(verb, '#') && typeof arg === 'number') return pad(verb, formatShortest(arg));
      return pad(verb, jsonEncode(arg));
    case 't': {
      const b = converted('bool');
      return isError(b) ? b : b ? 'true' : 'false';
    }
    case 'b': case 'd': case 'o': case 'x': case 'X': {
      const n = converted('number');
      if (isError(n)) return n;
      if (!Number.isInteger(n)) return evalError(`format(): unsupported value for "${verb.raw}": an integer is required`);
      return formatInteger(verb, BigInt(n as number));
    }
    case 'e': case 'E': case 'f': case 'g': case 'G': {
      const n = converted('number');
      return isError(n) ? n : formatFloat(verb, n as number);
    }
    case 's': case 'q': {
      const s = converted('string');
      if (isError(s)) return s;
      const text = verb.precision ? graphemes(s as string).slice(0, verb.precision).join('') : (s as string);
      return pad(verb, verb.mode === 's' ? text : jsonString(text));
    }
    default:
      return evalError(`format(): unsupported format verb "${verb.mode}" in "${verb.raw}"`);
  }
}

const VERB = /^%([0#\-+ ]*)(?:\[([1-9]\d*)\])?([1-9]\d*|\*)?(?:\.(\d*|\*))?([A-Za-z])?/;

/** The formatted string, or an EvalError for a bad specification or argument. */
function formatString(spec: string, args: readonly Value[]): string | Value {
  let out = '';
  let next = 0;
  let highest = 0;
  for (let i = 0; i < spec.length;) {
    if (spec[i] !== '%') {
      out += spec[i++];
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const m = VERB.exec(spec.slice(i))!;
    if (m[5] === undefined) return evalError(`format(): invalid format string starting at offset ${i}`);
    if (m[3] === '*' || m[4] === '*') return evalError('format(): widths and precisions from arguments are not supported');
    const verb: Verb = {
      raw: m[0], flags: m[1]!, mode: m[5],
      ...(m[3] !== undefined ? { width: Number(m[3]) } : {}),
      ...(m[4] !== undefined ? { precision: Number(m[4] || 0) } : {}),
    };
    if (m[2] !== undefined) next = Number(m[2]) - 1;
    if (next >= args.length) return evalError(`format(): not enough arguments for "${verb.raw}" at ${i}: need index ${next + 1} but have ${args.length} total`);
    const text = formatOne(verb, args[next]!);
    if (typeof text !== 'string') return text;
    out += text;
    highest = Math.max(highest, ++next);
    i += m[0].length;
  }
  if (highest < args.length) {
    return evalError(highest === 0 ? 'format(): too many arguments; no verbs in format string' : `format(): too many arguments; only ${highest} used by format string`);
  }
  return out;
}

export const format: Impl = ([spec, ...args]) => formatString(spec as string, args);

/**
 * formatlist(spec, values...): lists (all of one length) are iterated together, other values
 * repeat; an element that is not known yet makes only its own result Unknown. With no list,
 * the result has one element.
 */
export const formatlist: Impl = ([spec, ...args]) => {
  let length: number | undefined;
  for (const [i, a] of args.entries()) {
    if (!isList(a)) continue;
    if (length !== undefined && a.length !== length) return evalError(`formatlist(): argument ${i + 2} has length ${a.length}, which is inconsistent with the others (${length})`);
    length = a.length;
  }
  // An argument not known at all may be a list of any length: the whole result is unknown.
  if (args.some(isUnknown)) return unknown('formatlist() of a value not known until apply');
  const out: Value[] = [];
  for (let n = 0; n < (length ?? 1); n++) {
    const row = args.map((a) => (isList(a) ? a[n]! : a));
    if (row.some(hasUnknown)) {
      out.push(unknown('formatlist() of a value not known until apply'));
      continue;
    }
    const text = formatString(spec as string, row);
    if (typeof text !== 'string') return text;
    out.push(text);
  }
  return out;
};
