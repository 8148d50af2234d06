// Time functions: formatdate, timeadd and timecmp on RFC 3339 timestamps (exact to the
// nanosecond, keeping the timestamp's UTC offset); timestamp() and plantimestamp() are the
// time of a run, never known beforehand.
import { type Value, evalError, unknown } from '../values';
import type { Impl } from './spec';

interface Instant {
  /** Nanoseconds since the Unix epoch. */
  ns: bigint;
  /** The UTC offset the timestamp was written with, in minutes. */
  offset: number;
}

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_MINUTE = 60n * NS_PER_SECOND;

/** An RFC 3339 timestamp as Go's time.Parse(time.RFC3339) reads it. */
function parseTimestamp(text: string): Instant | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const localMs = BigInt(date.getTime()) + BigInt(((h * 60 + mi) * 60 + s) * 1000);
  const fraction = BigInt((m[7] ?? '').padEnd(9, '0'));
  return { ns: localMs * 1_000_000n + fraction - BigInt(offset) * NS_PER_MINUTE, offset };
}

function timestampArg(v: Value, fn: string): Instant | Value {
  return parseTimestamp(v as string) ?? evalError(`${fn}(): not a valid RFC3339 timestamp: ${JSON.stringify(v)}`);
}

const isInstant = (v: Instant | Value): v is Instant => typeof v === 'object' && v !== null && 'ns' in v && 'offset' in v;

/** The calendar fields of an instant in its own UTC offset. */
function fields(t: Instant): { year: number; month: number; day: number; weekday: number; hour: number; minute: number; second: number } {
  const local = t.ns + BigInt(t.offset) * NS_PER_MINUTE;
  const seconds = local >= 0n ? local / NS_PER_SECOND : (local - NS_PER_SECOND + 1n) / NS_PER_SECOND;
  const d = new Date(Number(seconds) * 1000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

function offsetText(minutes: number, colon: boolean): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}${colon ? ':' : ''}${two(abs % 60)}`;
}

/** Go's time.Format(time.RFC3339): whole seconds, `Z` for UTC. */
function rfc3339(t: Instant): string {
  const f = fields(t);
  const zone = t.offset === 0 ? 'Z' : offsetText(t.offset, true);
  return `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}:${two(f.second)}${zone}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const formatdate: Impl = ([spec, ts]) => {
  const t = timestampArg(ts!, 'formatdate');
  if (!isInstant(t)) return t;
  const f = fields(t);
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const sequences: Record<string, () => string> = {
    YYYY: () => String(f.year).padStart(4, '0'), YY: () => two(f.year % 100),
    MMMM: () => MONTHS[f.month - 1]!, MMM: () => MONTHS[f.month - 1]!.slice(0, 3), MM: () => two(f.month), M: () => String(f.month),
    DD: () => two(f.day), D: () => String(f.day), EEEE: () => DAYS[f.weekday]!, EEE: () => DAYS[f.weekday]!.slice(0, 3),
    hh: () => two(f.hour), h: () => String(f.hour), HH: () => two(hour12), H: () => String(hour12),
    AA: () => (f.hour < 12 ? 'AM' : 'PM'), aa: () => (f.hour < 12 ? 'am' : 'pm'),
    mm: () => two(f.minute), m: () => String(f.minute), ss: () => two(f.second), s: () => String(f.second),
    ZZZZZ: () => offsetText(t.offset, true), ZZZZ: () => offsetText(t.offset, false),
    ZZZ: () => (t.offset === 0 ? 'UTC' : offsetText(t.offset, false)), Z: () => (t.offset === 0 ? 'Z' : offsetText(t.offset, true)),
  };
  let out = '';
  const s = spec as string;
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c === "'") {
      // Quoted literal text; '' is a literal quote.
      if (s[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (; j < s.length; j++) {
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            text += "'";
            j++;
            continue;
          }
          break;
        }
        text += s[j];
      }
      if (j >= s.length) return evalError('formatdate(): unterminated literal in the format specification');
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (s[j] === c) j++;
    const run = s.slice(i, j);
    const write = sequences[run];
    if (!write) return evalError(`formatdate(): invalid date format verb ${JSON.stringify(run)}`);
    out += write();
    i = j;
  }
  return out;
};

const UNITS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: NS_PER_SECOND, m: NS_PER_MINUTE, h: 60n * NS_PER_MINUTE,
};

/** A Go duration ("1h30m", "-2.5s") in nanoseconds, or undefined. */
function parseDuration(text: string): bigint | undefined {
  const m = /^([+-]?)(.*)$/.exec(text)!;
  if (m[2] === '0') return 0n;
  if (m[2] === '') return undefined;
  let total = 0n;
  const part = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let at = 0;
  while (at < m[2]!.length) {
    part.lastIndex = at;
    const p = part.exec(m[2]!);
    if (!p) return undefined;
    const [whole = '0', fraction = ''] = p[1]!.split('.');
    const unit = UNITS[p[2]!]!;
    const scale = 10n ** BigInt(fraction.length);
    total += BigInt(whole || '0') * unit + (BigInt(fraction || '0') * unit) / scale;
    at = part.lastIndex;
  }
  return m[1] === '-' ? -total : total;
}

export const timeadd: Impl = ([ts, durationArg]) => {
  const t = timestampArg(ts!, 'timeadd');
  if (!isInstant(t)) return t;
  const d = parseDuration(durationArg as string);
  if (d === undefined) return evalError(`timeadd(): invalid duration ${JSON.stringify(durationArg)}`);
  return rfc3339({ ns: t.ns + d, offset: t.offset });
};

export const timecmp: Impl = ([a, b]) => {
  const x = timestampArg(a!, 'timecmp');
  if (!isInstant(x)) return x;
  const y = timestampArg(b!, 'timecmp');
  if (!isInstant(y)) return y;
  return x.ns < y.ns ? -1 : x.ns > y.ns ? 1 : 0;
};

export const timestamp: Impl = () => unknown('timestamp() is the time of the run: known only then');
export const plantimestamp: Impl = () => unknown('plantimestamp() is the time of the plan: known only then');
