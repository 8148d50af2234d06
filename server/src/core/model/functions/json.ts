// JSON as Terraform writes it (jsonencode, format's %#v and %q): object keys in lexical order,
// numbers in plain decimal, strings escaped as Go's encoding/json does (HTML characters and
// U+2028/U+2029 as \u escapes), no whitespace.
import { type Value, isList, isMap } from '../values';
import { numberToString } from './convert';
import { compareStrings } from './text';

const ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029',
};

export function jsonString(s: string): string {
  return `"${s.replace(/["\\\x00-\x1f<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** JSON of a wholly known value (the caller checks: no Unknown, no resource instance). */
export function jsonEncode(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isList(v)) return `[${v.map(jsonEncode).join(',')}]`;
  if (isMap(v)) {
    const entries = [...v.entries()].sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, x]) => `${jsonString(k)}:${jsonEncode(x)}`).join(',')}}`;
  }
  return 'null';
}
