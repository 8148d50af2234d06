// Variable type constraints (`type = map(object({ a = optional(bool, true) }))`) read from the
// syntax, as Terraform reads them (hcl's ext/typeexpr): keywords, constructors, optional()
// attributes with their defaults. Also the type a value has on its own and the unification of
// several such types, which `any` inside a collection needs (one element type for all elements).
import type { Expr } from '../parse/ast';
import { type Value, isInstance, isList, isMap, isUnknown } from './values';

type PrimitiveKind = 'string' | 'number' | 'bool';

export type TypeConstraint =
  /** A placeholder Terraform replaces with the type of the value (a single type in collections). */
  | { readonly kind: 'any' }
  | { readonly kind: PrimitiveKind }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeConstraint }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeConstraint[] }
  | { readonly kind: 'object'; readonly attributes: ReadonlyMap<string, ObjectAttribute> };

interface ObjectAttribute {
  readonly type: TypeConstraint;
  /** `optional(T)` or `optional(T, default)`: may be left out (or null) by the caller. */
  readonly optional: boolean;
  /** The second argument of optional(), a constant expression, evaluated where it is used. */
  readonly default?: Expr;
}

export type CollectionType = Extract<TypeConstraint, { kind: 'list' | 'set' | 'map' }>;
export type ObjectType = Extract<TypeConstraint, { kind: 'object' }>;

export const ANY: TypeConstraint = { kind: 'any' };
const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'number', 'bool']);

/** A type expression, or why Terraform rejects it. */
export function parseTypeConstraint(expr: Expr): TypeConstraint | { invalid: string } {
  try {
    return parseType(expr);
  } catch (e) {
    if (e instanceof InvalidType) return { invalid: e.message };
    throw e;
  }
}

class InvalidType extends Error {}

function parseType(expr: Expr): TypeConstraint {
  if (expr.kind === 'parens') return parseType(expr.inner);
  if (expr.kind === 'variable') {
    if (PRIMITIVES.has(expr.name)) return { kind: expr.name as PrimitiveKind };
    if (expr.name === 'any') return ANY;
    // The bare `list` and `map` keywords are kept for configurations older than Terraform 0.12.
    if (expr.name === 'list' || expr.name === 'map') return { kind: expr.name, element: ANY };
    throw new InvalidType(`"${expr.name}" is not a type`);
  }
  if (expr.kind !== 'call') throw new InvalidType('a type is a keyword (string, number, bool, any) or a constructor such as list(string)');
  const [arg, ...extra] = expr.args;
  if (expr.name === 'optional') throw new InvalidType('optional() is valid only for an attribute of an object type');
  if (arg === undefined || extra.length > 0 || expr.expandFinal) throw new InvalidType(`${expr.name}() takes exactly one argument`);
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, element: parseType(arg) };
    case 'tuple':
      if (arg.kind !== 'tuple') throw new InvalidType('tuple() takes a list of element types');
      return { kind: 'tuple', elements: arg.items.map(parseType) };
    case 'object': {
      if (arg.kind !== 'object') throw new InvalidType('object() takes a map of attribute names to types');
      const attributes = new Map<string, ObjectAttribute>();
      for (const item of arg.items) {
        // Attribute names must be bare identifiers; a quoted name is an error in Terraform.
        if (item.key.kind !== 'variable') throw new InvalidType('object type attribute names must be identifiers');
        attributes.set(item.key.name, parseAttribute(item.value));
      }
      return { kind: 'object', attributes };
    }
    default:
      throw new InvalidType(`"${expr.name}" is not a type constructor`);
  }
}

function parseAttribute(expr: Expr): ObjectAttribute {
  if (expr.kind !== 'call' || expr.name !== 'optional') return { type: parseType(expr), optional: false };
  const [type, def, ...extra] = expr.args;
  if (type === undefined || extra.length > 0) throw new InvalidType('optional() takes a type and, optionally, a default value');
  return { type: parseType(type), optional: true, ...(def ? { default: def } : {}) };
}

export function containsAny(type: TypeConstraint): boolean {
  switch (type.kind) {
    case 'any': return true;
    case 'list': case 'set': case 'map': return containsAny(type.element);
    case 'tuple': return type.elements.some(containsAny);
    case 'object': return [...type.attributes.values()].some((a) => containsAny(a.type));
    default: return false;
  }
}

/** For messages: the type as it is written. */
export function typeString(type: TypeConstraint): string {
  switch (type.kind) {
    case 'list': case 'set': case 'map': return `${type.kind}(${typeString(type.element)})`;
    case 'tuple': return `tuple([${type.elements.map(typeString).join(', ')}])`;
    case 'object': return `object({${[...type.attributes].map(([k, a]) => `${k} = ${a.optional ? `optional(${typeString(a.type)})` : typeString(a.type)}`).join(', ')}})`;
    default: return type.kind;
  }
}

/**
 * The type a value has by itself: a tuple for a list literal, an object for a map literal. Null,
 * Unknown and resource instances say nothing about their type here (`any`), so that, as in
 * Terraform, they take the type their neighbours agree on.
 */
export function typeOfValue(value: Value): TypeConstraint {
  if (value === null || isUnknown(value) || isInstance(value)) return ANY;
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'bool' };
  if (isList(value)) return { kind: 'tuple', elements: value.map(typeOfValue) };
  if (isMap(value)) return { kind: 'object', attributes: new Map([...value].map(([k, v]) => [k, { type: typeOfValue(v), optional: false }])) };
  return ANY;
}

function sameType(a: TypeConstraint, b: TypeConstraint): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list': case 'set': case 'map': return sameType(a.element, (b as CollectionType).element);
    case 'tuple': {
      const other = (b as typeof a).elements;
      return a.elements.length === other.length && a.elements.every((t, i) => sameType(t, other[i]!));
    }
    case 'object': {
      const other = (b as ObjectType).attributes;
      return a.attributes.size === other.size && [...a.attributes].every(([k, x]) => other.has(k) && sameType(x.type, other.get(k)!.type));
    }
    default: return true;
  }
}

/**
 * One type all the given types convert to, or undefined when there is none (go-cty's unify, in
 * its unsafe mode as Terraform uses it). Types that say nothing (`any`) are left out: Terraform
 * assumes an undecided type takes its neighbours' type.
 */
export function unifyTypes(types: readonly TypeConstraint[]): TypeConstraint | undefined {
  const known = types.filter((t) => t.kind !== 'any');
  const [first] = known;
  if (first === undefined) return ANY;
  if (known.every((t) => sameType(t, first))) return first;
  const kinds = new Set(known.map((t) => t.kind));
  if (known.every(isStructural)) {
    if (kinds.has('object') && kinds.has('tuple')) return undefined;
    if (!kinds.has('tuple') && !kinds.has('list') && !kinds.has('set')) return unifyObjects(known);
    if (!kinds.has('object') && !kinds.has('map') && !kinds.has('set')) return unifyTuples(known);
    return undefined;
  }
  if (known.every((t) => PRIMITIVES.has(t.kind))) {
    // Numbers and bools convert to strings, never to each other.
    return kinds.has('string') ? { kind: 'string' } : undefined;
  }
  return undefined;
}

function isStructural(t: TypeConstraint): boolean {
  return t.kind === 'object' || t.kind === 'map' || t.kind === 'tuple' || t.kind === 'list' || t.kind === 'set';
}

/** Objects with the same attribute names unify attribute by attribute; otherwise into a map. */
function unifyObjects(types: readonly TypeConstraint[]): TypeConstraint | undefined {
  const objects = types.filter((t): t is ObjectType => t.kind === 'object');
  const maps = types.filter((t): t is CollectionType => t.kind === 'map');
  if (maps.length === 0) {
    const names = [...objects[0]!.attributes.keys()].sort().join('\0');
    if (objects.every((o) => [...o.attributes.keys()].sort().join('\0') === names)) {
      const attributes = new Map<string, ObjectAttribute>();
      for (const name of objects[0]!.attributes.keys()) {
        const type = unifyTypes(objects.map((o) => o.attributes.get(name)!.type));
        if (type === undefined) return undefined;
        attributes.set(name, { type, optional: false });
      }
      return { kind: 'object', attributes };
    }
  }
  const element = unifyTypes([...objects.flatMap((o) => [...o.attributes.values()].map((a) => a.type)), ...maps.map((m) => m.element)]);
  return element === undefined ? undefined : { kind: 'map', element };
}

/** Tuples of one length unify element by element; otherwise (or with lists) into a list. */
function unifyTuples(types: readonly TypeConstraint[]): TypeConstraint | undefined {
  const tuples = types.filter((t): t is Extract<TypeConstraint, { kind: 'tuple' }> => t.kind === 'tuple');
  const lists = types.filter((t): t is CollectionType => t.kind === 'list');
  if (lists.length === 0 && tuples.every((t) => t.elements.length === tuples[0]!.elements.length)) {
    const elements: TypeConstraint[] = [];
    for (let i = 0; i < tuples[0]!.elements.length; i++) {
      const type = unifyTypes(tuples.map((t) => t.elements[i]!));
      if (type === undefined) return undefined; // then no list type can hold them either
      elements.push(type);
    }
    return { kind: 'tuple', elements };
  }
  const element = unifyTypes([...tuples.flatMap((t) => t.elements), ...lists.map((l) => l.element)]);
  return element === undefined ? undefined : { kind: 'list', element };
}
