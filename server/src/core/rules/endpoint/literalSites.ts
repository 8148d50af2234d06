// Where a wrong value is written: the literals of a file inside a range (the for_each
// element or map entry an instance comes from), so a fix edits the `"ssmm"` in a locals list
// rather than the endpoint block every instance shares.
import type { EvaluatedModule } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import { keyOrigin } from '../../model/origins';
import type { Body, Expr, HclFile, Step } from '../../parse/ast';
import type { Range } from '../../types';

export type Literal = Extract<Expr, { kind: 'literal' }>;

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function within(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function stepExpressions(steps: readonly Step[]): Expr[] {
  return steps.flatMap((s) => (s.kind === 'index' ? [s.key] : s.kind === 'splat' ? stepExpressions(s.steps) : []));
}

function subExpressions(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'template': return expr.parts.flatMap((p) => (p.kind === 'interpolation' ? [p.expr] : []));
    case 'tuple': return expr.items;
    case 'object': return expr.items.flatMap((i) => [i.key, i.value]);
    case 'traversal': return [expr.base, ...stepExpressions(expr.steps)];
    case 'call': return expr.args;
    case 'for': return [expr.collection, expr.valueExpr, ...(expr.keyExpr ? [expr.keyExpr] : []), ...(expr.cond ? [expr.cond] : [])];
    case 'conditional': return [expr.cond, expr.then, expr.else];
    case 'binary': return [expr.left, expr.right];
    case 'unary': return [expr.operand];
    case 'parens': return [expr.inner];
    default: return [];
  }
}

const overlaps = (a: Range, b: Range) => a.end.line >= b.start.line && a.start.line <= b.end.line;

/** Expressions of a body that overlap `range`; blocks elsewhere are not opened (their bodies may be deferred). */
function bodyExpressions(body: Body, range: Range): Expr[] {
  return [
    ...body.attributes.filter((a) => overlaps(a.range, range)).map((a) => a.expr),
    ...body.blocks.filter((b) => overlaps(b.range, range)).flatMap((b) => bodyExpressions(b.body, range)),
  ];
}

/** The literals (strings, booleans) equal to `value` inside `range` of `file`. */
function literalsIn(file: HclFile, range: Range, value: string | boolean): Literal[] {
  const found: Literal[] = [];
  const stack = bodyExpressions(file.body, range);
  for (let expr = stack.pop(); expr; expr = stack.pop()) {
    if (expr.kind === 'literal' && expr.value === value && within(expr.range, range)) found.push(expr);
    stack.push(...subExpressions(expr));
  }
  return found;
}

const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The list or object literal one of whose elements / entries spans exactly `range`, with its index. */
export function containerOf(file: HclFile, range: Range): { items: readonly { range: Range }[]; index: number; container: Expr } | undefined {
  const stack = bodyExpressions(file.body, range);
  for (let expr = stack.pop(); expr; expr = stack.pop()) {
    if (expr.kind === 'tuple' || expr.kind === 'object') {
      const items: readonly { range: Range }[] = expr.items;
      const index = items.findIndex((i) => sameRange(i.range, range));
      if (index >= 0) return { items, index, container: expr };
    }
    stack.push(...subExpressions(expr));
  }
  return undefined;
}

/** The one literal equal to `value` in the for_each element or map entry the instance comes from. */
export function originLiteral(module: EvaluatedModule, view: EndpointView, value: string | boolean): { file: HclFile; literal: Literal } | undefined {
  const forEach = view.resource.forEach;
  const key = view.instance.key;
  const origin = forEach && typeof key === 'string' ? keyOrigin(module.evaluator.module, forEach, view.file, key) : undefined;
  const file = origin ? module.evaluator.module.files.find((f) => f.path === origin.file) : undefined;
  const literals = origin && file ? literalsIn(file, origin.range, value) : [];
  return file && literals.length === 1 ? { file, literal: literals[0]! } : undefined;
}
