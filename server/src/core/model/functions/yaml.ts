// yamldecode and yamlencode as Terraform's YAML library (go-cty-yaml) does them. Decoding reads
// the document's nodes and resolves plain scalars by that library's rules (YAML 1.1 booleans
// such as `yes`, `on`, `y`; decimal numbers with `_`; `0b` integers; timestamps -> RFC 3339
// strings; `!!binary` kept as Base64), rejecting other tags, several documents and aliases to
// an anchor from inside it. Encoding writes block style with double-quoted strings; a string
// whose layout depends on the emitter's line folding (long or multi-line) is Unknown.
import { type Document, type Node, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { type MapValue, type Value, evalError, isList, isMap as isMapValue, unknown } from '../values';
import { numberToString, parseNumber } from './convert';
import { decodeBase64 } from './encoding';
import type { Impl } from './spec';
import { compareStrings } from './text';

const TAG = 'tag:yaml.org,2002:';
const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const INFINITY: Record<string, number> = {
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};

class YamlError extends Error {}
const fail = (message: string): never => {
  throw new YamlError(message);
};

const pad2 = (n: string): string => n.padStart(2, '0');

/** A YAML timestamp (the forms Go's time.Parse accepts there) as RFC 3339, or undefined. */
function timestamp(s: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?))?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const [h, mi, se] = m[4] !== undefined ? [m[4], m[5]!, m[6]!] : m[8] !== undefined ? [m[8], m[9]!, m[10]!] : ['0', '0', '0'];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  return `${y}-${pad2(mo!)}-${pad2(d!)}T${pad2(h)}:${pad2(mi)}:${pad2(se)}${m[7] ?? 'Z'}`;
}

/** A scalar's value by go-cty-yaml's resolution; `tag` is '' for an untagged plain scalar. */
function resolveScalar(tag: string, src: string): Value {
  const known = ['', 'str', 'bool', 'int', 'float', 'null', 'timestamp', 'binary'];
  const short = tag.startsWith(TAG) ? tag.slice(TAG.length) : tag === '' ? '' : undefined;
  if (short === undefined || !known.includes(short)) return fail(`unsupported tag ${JSON.stringify(tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag)}`);
  if (short === 'str') return src;
  if (short === 'binary') return decodeBase64(src) ? src : fail(`cannot parse ${JSON.stringify(src)} as !!binary: not valid base64`);
  const plain = src.replace(/_/g, '');
  if (short === '') {
    if (TRUE.has(src)) return true;
    if (FALSE.has(src)) return false;
    if (NULL.has(src)) return null;
    if (src in INFINITY) return INFINITY[src]!;
    if (/^\.nan$/i.test(src)) return fail('floating point NaN is not supported');
    const first = src[0] ?? '';
    if (first === '.') return parseNumber(src) ?? src;
    if (/[0-9+-]/.test(first)) {
      const time = timestamp(src);
      if (time !== undefined) return time;
      const n = parseNumber(plain);
      if (n !== undefined) return n;
      const binary = /^(-?)0b([01]+)$/.exec(plain);
      if (binary) return Number(binary[1] === '-' ? -BigInt(`0b${binary[2]}`) : BigInt(`0b${binary[2]}`));
    }
    return src;
  }
  if (short === 'bool') return TRUE.has(src) ? true : FALSE.has(src) ? false : fail(`cannot parse ${JSON.stringify(src)} as !!bool`);
  if (short === 'null') return null;
  if (short === 'timestamp') return timestamp(src) ?? fail(`cannot parse ${JSON.stringify(src)} as !!timestamp`);
  const n = parseNumber(plain) ?? (src in INFINITY ? INFINITY[src] : undefined);
  if (n !== undefined) return n;
  const prefixed = /^(-?)0([xob])([0-9a-fA-F]+)$/.exec(plain) ?? /^(-?)0()([0-7]+)$/.exec(plain);
  if (prefixed) {
    const big = BigInt(`0${prefixed[2] || 'o'}${prefixed[3]}`);
    return Number(prefixed[1] === '-' ? -big : big);
  }
  return fail(`cannot parse ${JSON.stringify(src)} as !!${short}`);
}

function toValue(node: Node | null, doc: Document, stack: Node[]): Value {
  if (node === null) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) return fail(`unknown anchor ${JSON.stringify(node.source)}`);
    if (stack.includes(target)) return fail(`cannot refer to anchor ${JSON.stringify(node.source)} from inside its own definition`);
    return toValue(target, doc, stack);
  }
  const tag = node.tag ?? '';
  if (isScalar(node)) {
    // The text as written: the library may already have applied a tag it knows (!!binary).
    const src = typeof node.value === 'string' ? node.value : node.source ?? '';
    const quoted = node.type !== 'PLAIN';
    return resolveScalar(tag === '' && quoted ? `${TAG}str` : tag, src);
  }
  const inner = [...stack, node];
  if (isSeq(node)) {
    if (tag !== '' && tag !== `${TAG}seq`) return fail(`unsupported tag ${JSON.stringify(tag)}`);
    return node.items.map((item) => toValue(item as Node | null, doc, inner));
  }
  if (isMap(node)) {
    if (tag !== '' && tag !== `${TAG}map`) return fail(`unsupported tag ${JSON.stringify(tag)}`);
    const out: MapValue = new Map();
    for (const pair of node.items) {
      const key = toValue(pair.key as Node | null, doc, inner);
      if (key === null || typeof key === 'object') return fail('a mapping key must be a string');
      out.set(typeof key === 'number' ? numberToString(key) : String(key), toValue(pair.value as Node | null, doc, inner));
    }
    return out;
  }
  return fail('an unsupported YAML node');
}

export const yamldecode: Impl = ([s]) => {
  const docs = parseAllDocuments(s as string, { schema: 'failsafe', uniqueKeys: false });
  if (!Array.isArray(docs) || docs.length === 0) return null;
  if (docs.length > 1) return evalError('yamldecode(): only one YAML document is allowed');
  const doc = docs[0]!;
  if (doc.errors.length > 0) return evalError(`yamldecode(): ${doc.errors[0]!.message.split('\n')[0]}`);
  try {
    return toValue(doc.contents as Node | null, doc, []);
  } catch (e) {
    if (e instanceof YamlError) return evalError(`yamldecode(): ${e.message}`);
    throw e;
  }
}

const YAML_ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e',
  '"': '\\"', '\\': '\\\\', '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/** A double-quoted scalar starting at `column`, or undefined where the emitter would fold or choose another style. */
function quoted(s: string, column: number): string | undefined {
  if (s.includes('\n')) return undefined;
  const text = `"${s.replace(/[\0-\x1f"\\\x7f-\x9f\u2028\u2029\ufeff]/g, (c) => {
    if (YAML_ESCAPES[c] !== undefined) return YAML_ESCAPES[c]!;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  })}"`;
  return column + [...text].length > 80 && s.includes(' ') ? undefined : text;
}

class NotReproduced extends Error {}

function scalar(v: Value, column: number): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'string') {
    const q = quoted(v, column);
    if (q === undefined) throw new NotReproduced();
    return q;
  }
  if (isList(v) && v.length === 0) return '[]';
  if (isMapValue(v) && v.size === 0) return '{}';
  return undefined;
}

/** Block-style lines for a value at `indent`; sequences in mappings are not indented (go-yaml). */
function block(v: Value, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isList(v)) {
    return v.flatMap((item) => {
      const s = scalar(item, indent + 2);
      if (s !== undefined) return [`${pad}- ${s}`];
      const [first, ...rest] = block(item, indent + 2);
      return [`${pad}- ${first!.slice(indent + 2)}`, ...rest];
    });
  }
  const entries = [...(v as MapValue).entries()].sort(([a], [b]) => compareStrings(a, b));
  return entries.flatMap(([k, x]) => {
    const key = quoted(k, indent);
    if (key === undefined) throw new NotReproduced();
    const s = scalar(x, indent + key.length + 2);
    if (s !== undefined) return [`${pad}${key}: ${s}`];
    return [`${pad}${key}:`, ...block(x, isList(x) ? indent : indent + 2)];
  });
}

export const yamlencode: Impl = ([v]) => {
  try {
    const s = scalar(v!, 0);
    if (s !== undefined) return typeof v === 'string' || isList(v!) || isMapValue(v!) ? `${s}\n` : `${s}\n...\n`;
    return `${block(v!, 0).join('\n')}\n`;
  } catch (e) {
    if (e instanceof NotReproduced) return unknown("yamlencode(): the layout of long or multi-line strings is not reproduced");
    throw e;
  }
};

