// HCL's operators on values, as hclsyntax implements them over go-cty (expression_ops.go,
// cty/function/stdlib/number.go and bool.go, cty/value_ops.go): each operand is converted to the
// operator's type (numbers for arithmetic and comparison, bools for logic; a string of digits is
// a number, "true"/"false" are bools), a value that does not convert is an EvalError, an Unknown
// operand gives Unknown. `==` and `!=` compare type and value, deep.
import {
  type EvalError, type Value, asNumber, evalError, identityKey, isError, isInstance, isList, isMap, isSet, isUnknown, isWhollyKnown, sortedEntries, typeName,
  unknown,
} from './values';

/** `!v` and `-v`. */
export function unaryOperation(op: string, v: Value): Value {
  if (isUnknown(v)) return isError(v) ? v : unknown(`${op} of an unknown value`);
  if (op === '!') {
    const b = asBool(v);
    return b === undefined || b === null ? unsuitable('unary', v, 'bool') : !b;
  }
  const n = asNumber(v);
  return n === undefined ? unsuitable('unary', v, 'number') : number(-n);
}

/** Every binary operator but `&&` and `||` (see logicalOperation). */
export function binaryOperation(op: string, left: Value, right: Value): Value {
  if (op === '==' || op === '!=') {
    const error = firstOperandError(left, right);
    if (error) return error;
    const equal = equals(left, right);
    if (equal === undefined) return unknown('a comparison with an unknown value');
    return op === '==' ? equal : !equal;
  }
  const a = numberOperand(left, 'left');
  const b = numberOperand(right, 'right');
  const error = firstOperandError(a, b);
  if (error) return error;
  if (isUnknown(a) || isUnknown(b)) return unknown(`${op} of an unknown value`);
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+': return number(x + y);
    case '-': return number(x - y);
    case '*': return number(x * y);
    case '/': return number(x / y); // x / 0 is an infinity in cty; 0 / 0 is an error (NaN below)
    case '%': return modulo(x, y);
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    default: return evalError(`unknown operator ${op}`);
  }
}

/**
 * `&&` and `||`, with hclsyntax's short circuit: a known operand that decides the result decides
 * it even when the other operand fails or is unknown (`var.x != null && var.x.y`). Both operands
 * are still converted, so a non-bool operand is an error either way.
 */
export function logicalOperation(op: '&&' | '||', left: Value, right: Value): Value {
  const l = boolOperand(left, 'left');
  const r = boolOperand(right, 'right');
  if ('conversion' in l) return l.conversion;
  if ('conversion' in r) return r.conversion;
  const decides = op === '||'; // the value that decides alone
  if (!l.known && !r.known) {
    if (!l.error) return unknown(`${op} of unknown values`);
  } else {
    if (holds(l, decides)) return decides;
    if (holds(r, decides)) return decides;
    if (!l.known && holds(r, !decides)) return l.error ?? unknown(`${op} of an unknown value`);
    if (!r.known && holds(l, !decides)) return r.error ?? unknown(`${op} of an unknown value`);
  }
  if (l.error) return l.error;
  if (r.error) return r.error;
  if (l.value === null || r.value === null) return evalError(`${op} of a null value`);
  return op === '&&' ? l.value! && r.value! : l.value! || r.value!;
}

/**
 * Whether two values are equal: same type and value, deep; null equals only null. Undefined
 * when an Unknown decides: an Unknown has no known type, so a value holding one equals another
 * only if known, unless their shapes already differ (cty: types that cannot conform). Values
 * with the same identity are the same value, Unknowns included.
 */
function equals(a: Value, b: Value): boolean | undefined {
  const ka = identityKey(a);
  if (ka !== undefined && ka === identityKey(b)) return true;
  if (isUnknown(a) || isUnknown(b)) return undefined;
  if (!isWhollyKnown(a) || !isWhollyKnown(b)) return sameShape(a, b) ? undefined : false;
  return sameShape(a, b) && knownEqual(a, b);
}

/** Whether two values could have one type: Unknowns fit anything, null fits anything. */
function sameShape(a: Value, b: Value): boolean {
  if (isUnknown(a) || isUnknown(b) || a === null || b === null) return true;
  if (isInstance(a) || isInstance(b)) return (isInstance(a) || isMap(a)) && (isInstance(b) || isMap(b));
  if (isList(a) || isList(b)) {
    return isList(a) && isList(b) && isSet(a) === isSet(b) && a.length === b.length && a.every((x, i) => sameShape(x, b[i]!));
  }
  if (isMap(a) || isMap(b)) {
    return isMap(a) && isMap(b) && a.size === b.size && [...a].every(([k, x]) => b.has(k) && sameShape(x, b.get(k)!));
  }
  return typeof a === typeof b;
}

/** Equality of two wholly known values of the same shape. */
function knownEqual(a: Value, b: Value): boolean | undefined {
  if (a === null || b === null) return a === b;
  // A resource instance is an object whose attributes are mostly known only after apply.
  if (isInstance(a) || isInstance(b)) return isInstance(a) && isInstance(b) && a.address === b.address ? true : undefined;
  if (isList(a) && isList(b)) return every(a.map((x, i) => knownEqual(x, b[i]!)));
  if (isMap(a) && isMap(b)) return every(sortedEntries(a).map(([k, x]) => knownEqual(x, b.get(k)!)));
  return a === b;
}

function every(results: (boolean | undefined)[]): boolean | undefined {
  return results.includes(false) ? false : results.includes(undefined) ? undefined : true;
}

/** Terraform's bool conversion: a bool, or the strings "true" and "false"; null stays null. */
export function asBool(v: Value): boolean | null | undefined {
  if (typeof v === 'boolean' || v === null) return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

type BoolSide = { known: boolean; value?: boolean | null; error?: EvalError };

function boolOperand(v: Value, side: string): BoolSide | { conversion: EvalError } {
  if (isError(v)) return { known: false, error: v };
  if (isUnknown(v)) return { known: false };
  const b = asBool(v);
  return b === undefined ? { conversion: unsuitable(side, v, 'bool') } : { known: true, value: b };
}

function numberOperand(v: Value, side: string): number | EvalError | Value {
  if (isUnknown(v)) return v;
  if (v === null) return evalError(`the ${side} operand is null`);
  return asNumber(v) ?? unsuitable(side, v, 'number');
}

/** Whether a known operand is `want` (cty's True() is false for a null bool, so null is "not true"). */
function holds(side: BoolSide, want: boolean): boolean {
  return side.known && (side.value === true) === want;
}

function firstOperandError(a: Value, b: Value): EvalError | undefined {
  return isError(a) ? a : isError(b) ? b : undefined;
}

function unsuitable(side: string, v: Value, want: string): EvalError {
  return evalError(`unsuitable value for the ${side} operand: a ${typeName(v)} where a ${want} is required`);
}

/** cty's modulo: the remainder of the division truncated toward zero; `x % 0` is x. */
function modulo(x: number, y: number): Value {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return number(x * y);
  return y === 0 ? x : number(x % y);
}

/** A numeric result: NaN (0/0, infinity by infinity) is an error, -0 is 0. */
function number(n: number): Value {
  if (Number.isNaN(n)) return evalError('an arithmetic operation without a result (zero by zero or infinity by infinity)');
  return n === 0 ? 0 : n;
}
