// Terraform source text for a parsed expression, so that a fix can copy the user's own
// references (`vpc_id = aws_vpc.main.id`, `subnet_ids = [for s in aws_subnet.private : s.id]`)
// into a block it inserts. Undefined when the expression cannot be written back faithfully
// (it did not parse, or holds a template directive).
import type { Expr, Step, TemplatePart } from '../parse/ast';

export function exprText(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' ? `"${escapeTemplateText(expr.value)}"` : String(expr.value);
    case 'template':
      return templateText(expr.parts);
    case 'tuple':
      return joined(expr.items, (items) => `[${items.join(', ')}]`);
    case 'object': {
      const items: string[] = [];
      for (const item of expr.items) {
        const key = exprText(item.key);
        const value = exprText(item.value);
        if (key === undefined || value === undefined) return undefined;
        items.push(`${key} = ${value}`);
      }
      return items.length === 0 ? '{}' : `{ ${items.join(', ')} }`;
    }
    case 'variable':
      return expr.name;
    case 'traversal': {
      const base = exprText(expr.base);
      const steps = stepsText(expr.steps);
      return base === undefined || steps === undefined ? undefined : base + steps;
    }
    case 'call':
      return joined(expr.args, (args) => `${expr.name}(${args.join(', ')}${expr.expandFinal ? '...' : ''})`);
    case 'for':
      return forText(expr);
    case 'conditional':
      return joined([expr.cond, expr.then, expr.else], ([c, t, e]) => `${c} ? ${t} : ${e}`);
    case 'binary':
      return joined([expr.left, expr.right], ([l, r]) => `${l} ${expr.op} ${r}`);
    case 'unary':
      return joined([expr.operand], ([o]) => `${expr.op}${o}`);
    case 'parens':
      return joined([expr.inner], ([i]) => `(${i})`);
    case 'invalid':
      return undefined;
  }
}

/** Whether an expression depends on `each.*`, `count.*` or `self`: not copyable out of its block. */
export function usesInstanceScope(expr: Expr): boolean {
  switch (expr.kind) {
    case 'variable':
      return expr.name === 'each' || expr.name === 'count' || expr.name === 'self';
    case 'traversal':
      return usesInstanceScope(expr.base) || expr.steps.some(stepUsesInstanceScope);
    case 'template':
      return expr.parts.some((p) => p.kind === 'interpolation' && usesInstanceScope(p.expr));
    case 'tuple':
      return expr.items.some(usesInstanceScope);
    case 'object':
      return expr.items.some((i) => usesInstanceScope(i.key) || usesInstanceScope(i.value));
    case 'call':
      return expr.args.some(usesInstanceScope);
    case 'for':
      return [expr.collection, expr.valueExpr, ...(expr.keyExpr ? [expr.keyExpr] : []), ...(expr.cond ? [expr.cond] : [])].some(usesInstanceScope);
    case 'conditional':
      return [expr.cond, expr.then, expr.else].some(usesInstanceScope);
    case 'binary':
      return usesInstanceScope(expr.left) || usesInstanceScope(expr.right);
    case 'unary':
      return usesInstanceScope(expr.operand);
    case 'parens':
      return usesInstanceScope(expr.inner);
    default:
      return false;
  }
}

function stepUsesInstanceScope(step: Step): boolean {
  if (step.kind === 'index') return usesInstanceScope(step.key);
  if (step.kind === 'splat') return step.steps.some(stepUsesInstanceScope);
  return false;
}

/** Text inside a quoted template: quotes, backslashes, control characters and `${`/`%{` escaped. */
export function escapeTemplateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function templateText(parts: readonly TemplatePart[]): string | undefined {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'directive') return undefined;
    if (part.kind === 'text') {
      out += escapeTemplateText(part.text);
      continue;
    }
    const inner = exprText(part.expr);
    if (inner === undefined) return undefined;
    out += `\${${inner}}`;
  }
  return `"${out}"`;
}

function stepsText(steps: readonly Step[]): string | undefined {
  let out = '';
  for (const step of steps) {
    if (step.kind === 'attr') out += `.${step.name}`;
    else if (step.kind === 'index') {
      const key = exprText(step.key);
      if (key === undefined) return undefined;
      out += `[${key}]`;
    } else {
      const rest = stepsText(step.steps);
      if (rest === undefined) return undefined;
      out += (step.full ? '[*]' : '.*') + rest;
    }
  }
  return out;
}

function forText(expr: Extract<Expr, { kind: 'for' }>): string | undefined {
  const collection = exprText(expr.collection);
  const value = exprText(expr.valueExpr);
  const key = expr.keyExpr ? exprText(expr.keyExpr) : undefined;
  const cond = expr.cond ? exprText(expr.cond) : undefined;
  if (collection === undefined || value === undefined || (expr.keyExpr && key === undefined) || (expr.cond && cond === undefined)) return undefined;
  const vars = expr.keyVar ? `${expr.keyVar}, ${expr.valueVar}` : expr.valueVar;
  const body = expr.object ? `${key} => ${value}${expr.grouping ? '...' : ''}` : value;
  const filter = cond === undefined ? '' : ` if ${cond}`;
  const [open, close] = expr.object ? ['{', '}'] : ['[', ']'];
  return `${open}for ${vars} in ${collection} : ${body}${filter}${close}`;
}

function joined(items: readonly Expr[], build: (texts: string[]) => string): string | undefined {
  const texts: string[] = [];
  for (const item of items) {
    const text = exprText(item);
    if (text === undefined) return undefined;
    texts.push(text);
  }
  return build(texts);
}
