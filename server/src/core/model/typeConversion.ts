// Converts a value to a type constraint as Terraform does for an input variable (go-cty's
// convert package, with the optional() defaults of hcl's typeexpr applied on the way): primitives
// to and from strings, tuples to lists and sets, objects to maps and objects, `any` resolved to
// one element type. A value that does not convert is an EvalError; null and Unknown convert to
// themselves (an Unknown keeps its identity); a partly known value keeps what is known.
import { compareStrings } from './functions/text';
import type { Expr } from '../parse/ast';
import { type CollectionType, type ObjectType, type TypeConstraint, containsAny, typeOfValue, unifyTypes } from './typeConstraints';
import { type EvalError, type MapValue, type Value, asString, evalError, firstError, identityKey, isError, isInstance, isList, isMap, isUnknown, markSet, unknown } from './values';

/** Evaluates the default value of an optional() attribute (a constant expression). */
export type DefaultEvaluator = (expr: Expr) => Value;

export function convertValue(value: Value, type: TypeConstraint, evaluateDefault: DefaultEvaluator): Value {
  return new Converter(evaluateDefault).convert(value, type, '');
}

class Converter {
  constructor(private readonly evaluateDefault: DefaultEvaluator) {}

  convert(value: Value, type: TypeConstraint, path: string): Value {
    if (isError(value) || type.kind === 'any' || value === null || isUnknown(value)) return value;
    switch (type.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return toPrimitive(value, type.kind, path);
      case 'list':
        return this.toList(value, type, path);
      case 'set':
        return this.toSet(value, type, path);
      case 'map':
        return this.toMap(value, type, path);
      case 'tuple':
        if (!isList(value) || value.length !== type.elements.length) return mismatch(path, `a tuple of ${type.elements.length} element${type.elements.length === 1 ? '' : 's'}`, value);
        return this.all(value.map((v, i) => this.convert(v, type.elements[i]!, `${path}[${i}]`)));
      case 'object':
        return this.toObject(value, type, path);
    }
  }

  private toList(value: Value, type: CollectionType, path: string): Value {
    if (!isList(value)) return mismatch(path, 'a list', value);
    const converted = this.all(value.map((v, i) => this.convert(v, type.element, `${path}[${i}]`)));
    return isList(converted) && containsAny(type.element) ? this.unify(converted, path) : converted;
  }

  private toSet(value: Value, type: CollectionType, path: string): Value {
    const list = this.toList(value, type, path);
    const set = isList(list) ? distinctInOrder(list) : list;
    // Marked as the functions' sets are (values.ts): indexing a set is an error.
    return isList(set) ? markSet(set) : set;
  }

  private toMap(value: Value, type: CollectionType, path: string): Value {
    if (isInstance(value)) return unknown(`the attributes of ${value.address} are not all known`);
    if (!isMap(value)) return mismatch(path, 'a map', value);
    const keys = [...value.keys()];
    const converted = this.all(keys.map((k) => this.convert(value.get(k)!, type.element, `${path}[${JSON.stringify(k)}]`)));
    if (!isList(converted)) return converted;
    const elements = containsAny(type.element) ? this.unify(converted, path) : converted;
    return isList(elements) ? new Map(keys.map((k, i) => [k, elements[i]!])) : elements;
  }

  /**
   * Attributes the type does not declare are dropped. A missing or null optional attribute is its
   * default (null without one), converted, which also fills the default's own nested defaults.
   */
  private toObject(value: Value, type: ObjectType, path: string): Value {
    if (!isMap(value) && !isInstance(value)) return mismatch(path, 'an object', value);
    const out: MapValue = new Map();
    for (const [name, attribute] of type.attributes) {
      const at = `${path}.${name}`;
      const given = value.get(name);
      let converted: Value;
      if ((given === undefined || given === null) && attribute.optional) {
        converted = attribute.default ? this.convert(this.evaluateDefault(attribute.default), attribute.type, at) : null;
      } else if (given === undefined) {
        return evalError(`${describe(path)}: attribute "${name}" is required`);
      } else {
        converted = this.convert(given, attribute.type, at);
      }
      if (isError(converted)) return converted;
      out.set(name, converted);
    }
    return out;
  }

  /** `any` inside a collection: all elements take one type, the one they can all convert to. */
  private unify(elements: Value[], path: string): Value {
    const type = unifyTypes(elements.map(typeOfValue));
    if (type === undefined) return evalError(`${describe(path)}: all elements must have the same type`);
    if (type.kind === 'any') return elements;
    return this.all(elements.map((v, i) => this.convert(v, type, `${path}[${i}]`)));
  }

  private all(values: Value[]): Value[] | EvalError {
    return firstError(values) ?? values;
  }
}

function describe(path: string): string {
  return path === '' ? 'the value' : path.replace(/^\./, '');
}

function mismatch(path: string, wanted: string, value: Value): EvalError {
  const got = isList(value) ? 'a list' : isMap(value) || isInstance(value) ? 'an object' : `a ${typeof value}`;
  return evalError(`${describe(path)}: ${wanted} is required, not ${got}`);
}

function toPrimitive(value: Value, kind: 'string' | 'number' | 'bool', path: string): Value {
  if (typeof value === (kind === 'bool' ? 'boolean' : kind)) return value;
  if (kind === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return asString(value)!;
  if (typeof value === 'string') {
    if (kind === 'number' && DECIMAL.test(value)) return Number(value);
    // go-cty also reads "1" and "0" as bools.
    if (kind === 'bool' && (value === 'true' || value === '1')) return true;
    if (kind === 'bool' && (value === 'false' || value === '0')) return false;
  }
  return evalError(`${describe(path)}: a ${kind} is required, not ${isList(value) ? 'a list' : isMap(value) || isInstance(value) ? 'an object' : JSON.stringify(value)}`);
}

/** A number written in decimal, as go-cty parses a string it converts to a number. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A set: duplicates removed, then in go-cty's order (strings lexically by code point, numbers
 * ascending, false before true; unknown elements after known ones, null last). An element
 * without an identity could equal another, so such a set of more than one element is Unknown.
 */
function distinctInOrder(elements: Value[]): Value {
  const seen = new Set<string>();
  const distinct: Value[] = [];
  for (const element of elements) {
    const key = identityKey(element);
    if (key === undefined) {
      if (elements.length > 1) return unknown('a set with elements that cannot be told apart before apply');
      return elements;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(element);
  }
  return distinct.map((v, i) => [v, i] as const).sort(([a, i], [b, j]) => setOrder(a, b) || i - j).map(([v]) => v);
}

function setOrder(a: Value, b: Value): number {
  const rank = (v: Value) => (v === null ? 2 : isUnknown(v) ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0; // other element types have no defined order: keep the given one
}

