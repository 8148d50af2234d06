// regex, regexall and replace, with Go's matching rules on top of a translated RE2 pattern
// (re2.ts): successive non-overlapping matches where an empty match right after a previous
// match is skipped, and `$1` / `${name}` expansion in replacements.
import { type MapValue, type Value, evalError, unknown } from '../values';
import { translateRe2 } from './re2';
import type { Impl } from './spec';

interface Compiled {
  re: RegExp;
  groups: (string | undefined)[];
}

const cache = new Map<string, Compiled | Value>();

/** The pattern compiled, or the EvalError (RE2 rejects it) / Unknown (no JavaScript equivalent). */
function compile(pattern: string): Compiled | Value {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const t = translateRe2(pattern);
  let result: Compiled | Value;
  if (t.kind === 'ok') {
    try {
      result = { re: new RegExp(t.source, `${t.flags}gu`), groups: t.groups };
    } catch (e) {
      result = evalError(`invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
  } else {
    result = t.kind === 'error' ? evalError(`invalid regular expression ${JSON.stringify(pattern)}: ${t.reason}`) : unknown(`the regular expression uses ${t.reason}, which is not evaluated`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, result);
  return result;
}

const isCompiled = (v: Compiled | Value): v is Compiled => typeof v === 'object' && v !== null && 're' in v && v.re instanceof RegExp;

/** Every match Go's FindAll would report. */
function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let previousEnd = -1;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const end = m.index + m[0].length;
    let accept = true;
    if (end === pos || m[0].length === 0) {
      if (m.index === previousEnd) accept = false;
      pos = m.index >= s.length ? s.length + 1 : m.index + String.fromCodePoint(s.codePointAt(m.index)!).length;
    } else {
      pos = end;
    }
    previousEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** A match as regex() returns it: the matched text, a list of captures, or a map of named captures. */
function matchResult(m: RegExpExecArray, groups: (string | undefined)[]): Value {
  if (groups.length === 0) return m[0];
  const captures = groups.map((_, i) => m[i + 1] ?? null);
  if (groups.every((g) => g === undefined)) return captures;
  const out: MapValue = new Map();
  groups.forEach((g, i) => out.set(g!, captures[i]!));
  return out;
}

function compileForMatch(pattern: string): Compiled | Value {
  const c = compile(pattern);
  if (!isCompiled(c)) return c;
  const named = c.groups.filter((g) => g !== undefined).length;
  if (named > 0 && named < c.groups.length) return evalError('invalid regular expression: cannot mix both named and unnamed capture groups');
  return c;
}

export const regex: Impl = ([pattern, s]) => {
  const c = compileForMatch(pattern as string);
  if (!isCompiled(c)) return c;
  const m = allMatches(c.re, s as string)[0];
  return m ? matchResult(m, c.groups) : evalError('regex(): pattern did not match any part of the given string');
};

export const regexall: Impl = ([pattern, s]) => {
  const c = compileForMatch(pattern as string);
  if (!isCompiled(c)) return c;
  return allMatches(c.re, s as string).map((m) => matchResult(m, c.groups));
};

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}` (longest name), `$$`; unknown names are empty. */
function expand(template: string, m: RegExpExecArray, groups: (string | undefined)[]): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (whole, body: string | undefined, braced: string | undefined, bare: string | undefined) => {
    if (body === undefined) return whole;
    if (body === '$') return '$';
    const name = (braced ?? bare)!;
    if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
    const index = groups.indexOf(name);
    return index < 0 ? '' : m[index + 1] ?? '';
  });
}

/** replace(string, substring, replacement): a `/regex/` substring replaces every match. */
export const replace: Impl = ([sArg, search, replacement]) => {
  const s = sArg as string;
  const sub = search as string;
  const rep = replacement as string;
  if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/')) {
    const c = compile(sub.slice(1, -1));
    if (!isCompiled(c)) return c;
    let out = '';
    let last = 0;
    for (const m of allMatches(c.re, s)) {
      out += s.slice(last, m.index) + expand(rep, m, c.groups);
      last = m.index + m[0].length;
    }
    return out + s.slice(last);
  }
  // Go's strings.Replace: an empty substring matches before every character and at the end.
  if (sub === '') return [...s].map((ch) => rep + ch).join('') + rep;
  return s.split(sub).join(rep);
};
