// Where the element that produced a for_each key is written: the string in a `locals` list or
// the entry of a map, followed through local./var. references, attribute steps, collection
// functions and for expressions. Lets a hover on `"ssm",` in a locals list talk about the
// endpoint that element creates.
import type { Expr } from '../parse/ast';
import { staticKey } from '../parse/ast';
import type { Location } from '../types';
import type { TerraformModule } from './module';

const MAX_DEPTH = 12;
/** Functions whose result keys are the keys or elements of their arguments. */
const KEY_PRESERVING = new Set(['toset', 'tolist', 'tomap', 'keys', 'distinct', 'sort', 'flatten', 'concat', 'setunion', 'merge', 'compact', 'try', 'coalesce']);

/** The element or map entry of `expr` (written in `file`) that yields the key `key`. */
export function keyOrigin(module: TerraformModule, expr: Expr, file: string, key: string, depth = 0): Location | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const next = (e: Expr, f: string = file) => keyOrigin(module, e, f, key, depth + 1);
  switch (expr.kind) {
    case 'tuple': {
      const item = expr.items.find((i) => (i.kind === 'literal' || i.kind === 'template') && staticKey(i) === key);
      if (item) return { file, range: item.range };
      return firstOf(expr.items, next);
    }
    case 'object': {
      const item = expr.items.find((i) => staticKey(i.key) === key);
      return item ? { file, range: item.range } : undefined;
    }
    case 'call':
      return KEY_PRESERVING.has(expr.name) ? firstOf(expr.args, next) : undefined;
    case 'for':
      return next(expr.collection);
    case 'parens':
      return next(expr.inner);
    case 'conditional':
      return next(expr.then) ?? next(expr.else);
    case 'variable':
    case 'traversal': {
      const written = writtenValue(module, expr, depth);
      return written ? keyOrigin(module, written.expr, written.file, key, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function firstOf(items: readonly Expr[], find: (e: Expr) => Location | undefined): Location | undefined {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return undefined;
}

/** `local.x.y` / `var.x` -> the expression written for it (a local's value, a default), if any. */
function writtenValue(module: TerraformModule, expr: Expr, depth: number): { expr: Expr; file: string } | undefined {
  const base = expr.kind === 'traversal' ? expr.base : expr;
  const steps = expr.kind === 'traversal' ? expr.steps : [];
  if (base.kind !== 'variable' || steps[0]?.kind !== 'attr') return undefined;
  const name = steps[0].name;
  let found: { expr: Expr; file: string } | undefined;
  if (base.name === 'local') {
    const local = module.locals.get(name);
    if (local) found = { expr: local.attribute.expr, file: local.file };
  } else if (base.name === 'var') {
    const variable = module.variables.get(name);
    if (variable?.default && !module.variableValues.has(name)) found = { expr: variable.default, file: variable.file };
  }
  for (const step of steps.slice(1)) {
    if (!found || depth > MAX_DEPTH) return undefined;
    if (step.kind !== 'attr') return undefined;
    const object = found.expr;
    if (object.kind !== 'object') return undefined;
    const item = object.items.find((i) => staticKey(i.key) === step.name);
    found = item ? { expr: item.value, file: found.file } : undefined;
  }
  return found;
}
