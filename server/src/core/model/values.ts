// Values of the partial evaluator. What cannot be known is an `Unknown`, never a guess. An
// Unknown may carry an identity (`aws_subnet.private[0].id`): two Unknowns with the same
// identity are the same value, which is how distinct subnets are counted without knowing ids.

export class Unknown {
  constructor(
    readonly reason: string,
    readonly identity?: string,
  ) {}
}

/**
 * A value Terraform itself would fail to compute: a missing attribute or key, an index out of
 * range, a type error, a failing function call. `try()` and `can()` catch it; everything else
 * treats it as an Unknown (nothing is decided on it), which is why it is one.
 */
export class EvalError extends Unknown {
  readonly isError = true;
}

/** A resource instance: its attributes are evaluated on demand (see evaluator.ts). */
export interface InstanceValue {
  readonly kind: 'instance';
  readonly address: string;
  get(attribute: string): Value;
}

export type Value = null | boolean | number | string | Value[] | MapValue | Unknown | InstanceValue;
export type MapValue = Map<string, Value>;

export const isUnknown = (v: Value): v is Unknown => v instanceof Unknown;
export const isError = (v: Value): v is EvalError => v instanceof EvalError;
export const isList = (v: Value): v is Value[] => Array.isArray(v);
export const isMap = (v: Value): v is MapValue => v instanceof Map;
export const isInstance = (v: Value): v is InstanceValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Unknown) && v.kind === 'instance';

export function unknown(reason: string, identity?: string): Unknown {
  return new Unknown(reason, identity);
}

/** True when the value holds no Unknown anywhere (instances count as known objects). */
export function isWhollyKnown(v: Value): boolean {
  if (isUnknown(v)) return false;
  if (isList(v)) return v.every(isWhollyKnown);
  if (isMap(v)) return [...v.values()].every(isWhollyKnown);
  return true;
}

export function evalError(reason: string): EvalError {
  return new EvalError(reason);
}

/** The first evaluation error among values, which then stands for the whole expression. */
export function firstError(values: readonly Value[]): EvalError | undefined {
  return values.find(isError);
}

/** A key that is equal for equal values, and for Unknowns with the same identity. */
export function identityKey(v: Value): string | undefined {
  if (isUnknown(v)) return v.identity === undefined ? undefined : `?${v.identity}`;
  if (isInstance(v)) return `@${v.address}`;
  if (isList(v)) {
    const parts = v.map(identityKey);
    return parts.every((p) => p !== undefined) ? `[${parts.join(',')}]` : undefined;
  }
  if (isMap(v)) {
    const parts = [...v.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${identityKey(x)}`);
    return parts.some((p) => p.endsWith(':undefined')) ? undefined : `{${parts.join(',')}}`;
  }
  return JSON.stringify(v);
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (isList(v)) return 'list';
  if (isMap(v)) return 'map';
  if (isInstance(v)) return 'resource';
  return typeof v;
}

/** Terraform's string conversion of a primitive, or undefined when it has none. */
export function asString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

/** Terraform's number conversion of a primitive: a number, or a string in decimal notation (cty.ParseNumberVal). */
export function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && DECIMAL.test(v)) return Number(v);
  return undefined;
}
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Sets are lists of distinct elements (strings in lexical order); the functions that build one
 * (toset, setunion, ...) may mark it, so that operations that differ on sets can tell: indexing a
 * set is an error, a `for` over a set binds each element as both key and value, and a set equals
 * only a set. An unmarked list is taken as a list or tuple.
 */
const SETS = new WeakSet<Value[]>();
export function markSet(list: Value[]): Value[] {
  SETS.add(list);
  return list;
}
export const isSet = (v: Value): v is Value[] => Array.isArray(v) && SETS.has(v);

/** Map keys in Terraform's iteration order (lexical). */
export function sortedEntries(map: MapValue): [string, Value][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A short, readable rendering for hovers and messages. */
export function formatValue(v: Value): string {
  if (v === null) return 'null';
  if (isError(v)) return `(error: ${v.reason})`;
  if (isUnknown(v)) return v.identity ? `(known after apply: ${v.identity})` : '(unknown)';
  if (isInstance(v)) return v.address;
  if (isList(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (isMap(v)) return `{ ${[...v.entries()].map(([k, x]) => `${k} = ${formatValue(x)}`).join(', ')} }`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
