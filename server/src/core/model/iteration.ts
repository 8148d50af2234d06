// `for` expressions (HCL native syntax spec, "For Expressions"; hclsyntax ForExpr): what a
// collection yields to iterate, the element filter, keys, grouping. Errors Terraform reports
// win over Unknowns (a later element may fail even when an earlier one is not known yet).
import type { Expr } from '../parse/ast';
import type { Scope } from './scope';
import { asBool } from './operators';
import {
  type MapValue, type Unknown, type Value, asString, evalError, isError, isInstance, isList, isMap, isSet, isUnknown,
  sortedEntries, typeName, unknown,
} from './values';

export type Evaluate = (expr: Expr, scope: Scope) => Value;

/**
 * The (key, value) pairs a `for` visits: index and element of a list or tuple, key and value
 * of a map or object (keys in lexical order), element and element of a set.
 */
export function iterationEntries(collection: Value): [Value, Value][] | Unknown {
  if (isUnknown(collection)) return isError(collection) ? collection : unknown(collection.reason);
  if (collection === null) return evalError('a for over a null value');
  if (isSet(collection)) return collection.map((v) => [v, v]);
  if (isList(collection)) return collection.map((v, i) => [i, v]);
  if (isMap(collection)) return sortedEntries(collection);
  if (isInstance(collection)) return unknown(`the attributes of ${collection.address} are not all known`);
  return evalError(`a for over a ${typeName(collection)} value, which is not a collection`);
}

/** The scope of one iteration: the outer scope with the key and value names bound. */
export function iterationScope(scope: Scope, keyVar: string | undefined, valueVar: string, key: Value, value: Value): Scope {
  const vars = new Map(scope.vars ?? []);
  if (keyVar !== undefined) vars.set(keyVar, key);
  vars.set(valueVar, value);
  return { ...scope, vars };
}

export function forExpression(expr: Extract<Expr, { kind: 'for' }>, scope: Scope, evaluate: Evaluate): Value {
  const entries = iterationEntries(evaluate(expr.collection, scope));
  if (isUnknown(entries)) return entries;
  const list: Value[] = [];
  const object: MapValue = new Map();
  let pending: Unknown | undefined; // the first Unknown met; errors met later still win
  for (const [k, v] of entries) {
    const inner = iterationScope(scope, expr.keyVar, expr.valueVar, k, v);
    if (expr.cond) {
      const keep = condition(evaluate(expr.cond, inner));
      if (isUnknown(keep)) {
        if (isError(keep)) return keep;
        pending ??= keep;
        continue;
      }
      if (!keep) continue;
    }
    const value = evaluate(expr.valueExpr, inner);
    if (isError(value)) return value;
    if (!expr.object || !expr.keyExpr) {
      list.push(value);
      continue;
    }
    const key = objectKey(evaluate(expr.keyExpr, inner));
    if (isUnknown(key)) {
      if (isError(key)) return key;
      pending ??= key;
      continue;
    }
    if (expr.grouping) {
      const group = object.get(key);
      if (isList(group ?? null)) (group as Value[]).push(value);
      else object.set(key, [value]);
    } else if (object.has(key)) {
      return evalError(`two elements of the for expression produce the key "${key}" (use ... after the value to group them)`);
    } else object.set(key, value);
  }
  if (pending) return unknown(pending.reason);
  return expr.object ? object : list;
}

/** An `if` clause's value as a bool, or why not. */
function condition(v: Value): boolean | Unknown {
  if (isUnknown(v)) return isError(v) ? v : unknown('a for-expression condition that cannot be known');
  const b = asBool(v);
  if (b === null) return evalError('the if clause of a for expression is null');
  return b ?? evalError(`the if clause of a for expression is a ${typeName(v)}, not a bool`);
}

/** A key of an object `for`: a string (numbers and bools convert), never null. */
function objectKey(v: Value): string | Unknown {
  if (isUnknown(v)) return isError(v) ? v : unknown('a for-expression key that cannot be known');
  if (v === null) return evalError('a for-expression key that is null');
  return asString(v) ?? evalError(`a for-expression key that is a ${typeName(v)}, not a string`);
}
