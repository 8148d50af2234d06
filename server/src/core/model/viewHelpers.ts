// Small readers shared by the typed views: evaluate an argument of an instance, count distinct
// members of a list, name the thing a reference points at.
import type { Attribute, Expr } from '../parse/ast';
import { findAttribute, templateExpressions } from '../parse/ast';
import type { Evaluation } from './evaluation';
import type { Instance } from './scope';
import { type Value, identityKey, isInstance, isList, isUnknown } from './values';

/** An argument as written, whatever its value: what a fix edits. */
export function argument(instance: Instance, name: string): Attribute | undefined {
  return findAttribute(instance.resource.block.body, name);
}

/**
 * An argument's value as Terraform sees it: undefined when it is not written or is null (null
 * is an unset argument, however it comes: `lookup(each.value, "x", null)`, a conditional...).
 */
export function evaluateArgument(evaluator: Evaluation, instance: Instance, name: string): Value | undefined {
  const attribute = argument(instance, name);
  const value = attribute ? evaluator.evaluate(attribute.expr, instance.scope) : null;
  return value === null ? undefined : value;
}

/**
 * Whether an argument is set: 'unknown' when its value cannot be known and may be null; rules
 * stay silent on those. A value that cannot be known but is never null (a template, a list,
 * `jsonencode(...)`) is set.
 */
export type ArgumentState = 'set' | 'unset' | 'unknown';

export function argumentState(evaluator: Evaluation, instance: Instance, name: string): ArgumentState {
  const value = evaluateArgument(evaluator, instance, name);
  if (value === undefined) return 'unset';
  return isUnknown(value) && mayBeNull(argument(instance, name)!.expr) ? 'unknown' : 'set';
}

/** Functions that can return null: they pass on an argument or an element, or decode one. */
const MAY_RETURN_NULL = new Set([
  'lookup', 'element', 'one', 'try', 'coalesce', 'tostring', 'tonumber', 'tobool', 'tolist', 'toset', 'tomap',
  'sensitive', 'nonsensitive', 'jsondecode', 'yamldecode', 'csvdecode', 'type', 'ephemeralasnull',
]);

/** False when the expression's value is never null, whatever its operands: a template, a list, `a + b`. */
export function mayBeNull(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal': return expr.value === null;
    // `"${x}"` alone is x itself, unconverted (HCL's template wrap), so it may be null.
    case 'template': return expr.parts.length === 1 && expr.parts[0]!.kind === 'interpolation' ? mayBeNull(expr.parts[0]!.expr) : false;
    case 'tuple': case 'object': case 'for': case 'binary': case 'unary': return false;
    case 'call': return expr.name.includes(':') || MAY_RETURN_NULL.has(expr.name);
    case 'conditional': return mayBeNull(expr.then) || mayBeNull(expr.else);
    case 'parens': return mayBeNull(expr.inner);
    default: return true;
  }
}

/** The argument as written when its value is not null (Unknown counts): what a fix may copy. */
export function writtenArgument(evaluator: Evaluation, instance: Instance, name: string): Attribute | undefined {
  return evaluateArgument(evaluator, instance, name) === undefined ? undefined : argument(instance, name);
}

/** What a value refers to: a literal id, or the address its unknown id belongs to (`aws_vpc.main`). */
export function referenceKey(value: Value | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (isInstance(value)) return value.address;
  if (isUnknown(value) && value.identity) return value.identity.replace(/\.(id|arn)$/, '');
  return undefined;
}

/** Members of a list value, each as a reference key; undefined when the list cannot be known. */
export function referenceList(value: Value | undefined): { keys: (string | undefined)[]; distinct: number } | undefined {
  if (value === undefined || value === null) return { keys: [], distinct: 0 };
  if (!isList(value)) return undefined;
  const keys = value.map(referenceKey);
  const seen = new Set<string>();
  let anonymous = 0;
  for (const item of value) {
    const key = identityKey(item);
    if (key === undefined) anonymous++;
    else seen.add(key);
  }
  return { keys, distinct: seen.size + anonymous };
}

/** Resource addresses (without instance keys) that an expression refers to. */
export function referencedAddresses(expr: Expr): string[] {
  const found = new Set<string>();
  const bound = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'traversal':
        if (e.base.kind === 'variable') {
          const attrs = e.steps.filter((s) => s.kind === 'attr').map((s) => (s.kind === 'attr' ? s.name : ''));
          const root = e.base.name;
          if (root === 'var' || root === 'local' || root === 'module') {
            if (attrs[0]) found.add(`${root}.${attrs[0]}${root === 'module' && attrs[1] ? `.${attrs[1]}` : ''}`);
          } else if (root === 'data') {
            if (attrs[1]) found.add(`data.${attrs[0]}.${attrs[1]}`);
          } else if (!['each', 'count', 'path', 'self', 'terraform'].includes(root) && !bound.has(root) && attrs[0]) {
            found.add(`${root}.${attrs[0]}`);
          }
        } else visit(e.base);
        for (const step of e.steps) if (step.kind === 'index') visit(step.key);
        return;
      case 'tuple': e.items.forEach(visit); return;
      case 'object': e.items.forEach((i) => { visit(i.key); visit(i.value); }); return;
      case 'call': e.args.forEach(visit); return;
      case 'for': {
        visit(e.collection);
        const names = [e.valueVar, ...(e.keyVar ? [e.keyVar] : [])].filter((n) => !bound.has(n));
        names.forEach((n) => bound.add(n));
        visit(e.valueExpr);
        if (e.keyExpr) visit(e.keyExpr);
        if (e.cond) visit(e.cond);
        names.forEach((n) => bound.delete(n));
        return;
      }
      case 'conditional': visit(e.cond); visit(e.then); visit(e.else); return;
      case 'binary': visit(e.left); visit(e.right); return;
      case 'unary': visit(e.operand); return;
      case 'parens': visit(e.inner); return;
      case 'template':
        for (const { expr: inner, bound: names } of templateExpressions(e.parts)) {
          const added = names.filter((n) => !bound.has(n));
          added.forEach((n) => bound.add(n));
          visit(inner);
          added.forEach((n) => bound.delete(n));
        }
        return;
      default: return;
    }
  };
  visit(expr);
  return [...found];
}
