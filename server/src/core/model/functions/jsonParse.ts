// JSON text -> values, as jsondecode reads it: RFC 8259 only, objects as maps (an attribute
// given twice is an error, as in Terraform), arrays as lists.
import type { MapValue, Value } from '../values';

class JsonError extends Error {}

const STRING = /"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The match of a sticky pattern at `at`, or undefined. */
function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

export function parseJson(text: string): { value: Value } | { error: string } {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonError(`invalid JSON: ${what} at offset ${i}`);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const stringValue = (): string => {
    const m = matchAt(STRING, text, i);
    if (m === undefined) return fail('a malformed string');
    i += m.length;
    return JSON.parse(m) as string;
  };
  const value = (): Value => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: MapValue = new Map();
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('an object key that is not a string');
        const key = stringValue();
        if (out.has(key)) fail(`duplicate "${key}" property in a JSON object`);
        space();
        if (text[i++] !== ':') fail('a missing colon');
        out.set(key, value());
        space();
        const sep = text[i++];
        if (sep === '}') return out;
        if (sep !== ',') fail('a missing comma or }');
      }
    }
    if (c === '[') {
      i++;
      const out: Value[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        space();
        const sep = text[i++];
        if (sep === ']') return out;
        if (sep !== ',') fail('a missing comma or ]');
      }
    }
    if (c === '"') return stringValue();
    const m = matchAt(LITERAL, text, i);
    if (m === undefined) return fail('an unexpected character');
    i += m.length;
    return m === 'true' ? true : m === 'false' ? false : m === 'null' ? null : Number(m);
  };
  try {
    const result = value();
    space();
    if (i < text.length) fail('extra data after the value');
    return { value: result };
  } catch (e) {
    if (e instanceof JsonError) return { error: e.message };
    throw e;
  }
}
