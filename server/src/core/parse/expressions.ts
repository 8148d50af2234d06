// Tree-sitter expression nodes -> HCL expression objects (ast.ts). Reads the flat sibling
// layout of grammar 1.2.0: a primary term followed by get_attr/index/splat siblings; binary
// operands are flat runs of siblings around the operator. What does not parse is `invalid`.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import type { Expr, ObjectItem, Step } from './ast';
import { rangeOf } from './range';
import { currentSource, textOf } from './source';
import { templateParts, unescapeQuoted } from './templates';

const POSTFIX = new Set(['get_attr', 'index', 'splat']);

/** Deeper expressions than this are not read (the evaluator could not use them anyway). */
const MAX_EXPRESSION_DEPTH = 256;
let expressionDepth = 0;

/** An `expression` node (or an operand term followed by postfix siblings). */
export function convertExpression(node: Node): Expr {
  if (expressionDepth >= MAX_EXPRESSION_DEPTH) return { kind: 'invalid', range: rangeOf(node) };
  expressionDepth++;
  try {
    const children = node.type === 'expression' ? node.namedChildren.filter((c): c is Node => c !== null) : [node];
    return convertTermWithSteps(children, rangeOf(node));
  } finally {
    expressionDepth--;
  }
}

function convertTermWithSteps(children: Node[], range: Range): Expr {
  const [first, ...rest] = children;
  if (!first) return { kind: 'invalid', range };
  const base = convertTerm(first);
  const steps = convertSteps(rest);
  if (steps === undefined) return { kind: 'invalid', range };
  return steps.length === 0 ? base : { kind: 'traversal', base, steps, range };
}

/**
 * Postfix steps, grouped as HCL groups them: a full splat `[*]` applies every step after it to
 * each element (nested splats included); an attribute-only splat `.*` takes only the attribute
 * (and legacy `.0` index) steps right after it, and the first `[...]` index applies to its result.
 */
function convertSteps(nodes: readonly Node[]): Step[] | undefined {
  const steps: Step[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!POSTFIX.has(node.type)) return undefined;
    if (node.type !== 'splat') {
      const step = convertStep(node);
      if (!step) return undefined;
      steps.push(step);
      continue;
    }
    const inner = node.namedChildren[0];
    if (!inner) return undefined;
    const innerNodes = inner.namedChildren.filter((c): c is Node => c !== null);
    const range = rangeOf(node);
    if (inner.type === 'full_splat') {
      const each = convertSteps([...innerNodes, ...nodes.slice(i + 1)]);
      if (!each) return undefined;
      steps.push({ kind: 'splat', full: true, steps: each, range });
      return steps;
    }
    const cut = innerNodes.findIndex((n) => !(n.type === 'get_attr' || n.namedChildren[0]?.type === 'legacy_index'));
    const each = convertSteps(cut < 0 ? innerNodes : innerNodes.slice(0, cut));
    const after = convertSteps([...(cut < 0 ? [] : innerNodes.slice(cut)), ...nodes.slice(i + 1)]);
    if (!each || !after) return undefined;
    steps.push({ kind: 'splat', full: false, steps: each, range }, ...after);
    return steps;
  }
  return steps;
}

function convertStep(node: Node): Step | undefined {
  const range = rangeOf(node);
  const type = node.type; // each read of a node property is a call into wasm
  if (type === 'get_attr') {
    const id = node.namedChildren[0];
    return id && !id.isMissing ? { kind: 'attr', name: textOf(id), range } : undefined;
  }
  if (type === 'index') {
    const inner = node.namedChildren[0];
    if (!inner) return undefined;
    if (inner.type === 'legacy_index') {
      const digits = inner.text.replace(/^\./, '');
      return { kind: 'index', key: { kind: 'literal', value: Number(digits), range: rangeOf(inner) }, range };
    }
    const keyNode = inner.namedChildren[0];
    return keyNode ? { kind: 'index', key: convertExpression(keyNode), range } : undefined;
  }
  return undefined;
}

function convertTerm(node: Node): Expr {
  const range = rangeOf(node);
  if (node.isMissing || node.type === 'ERROR') return { kind: 'invalid', range };
  switch (node.type) {
    case 'expression':
      return { kind: 'parens', inner: convertExpression(node), range };
    case 'literal_value':
      return convertLiteral(node);
    case 'template_expr':
      return convertTemplate(node.namedChildren[0] ?? node, range);
    case 'collection_value':
      return convertCollection(node.namedChildren[0], range);
    case 'variable_expr': {
      const id = node.namedChildren[0];
      return id && !id.isMissing ? { kind: 'variable', name: textOf(id), range } : { kind: 'invalid', range };
    }
    case 'function_call':
      return convertCall(node, range);
    case 'for_expr':
      return convertFor(node.namedChildren[0], range);
    case 'conditional': {
      const [cond, then, otherwise] = node.namedChildren;
      if (!cond || !then || !otherwise) return { kind: 'invalid', range };
      return rightAssociated({ kind: 'conditional', cond: convertExpression(cond), then: convertExpression(then), else: convertExpression(otherwise), range });
    }
    case 'operation':
      return convertOperation(node.namedChildren[0], range);
    default:
      return { kind: 'invalid', range };
  }
}

function convertLiteral(node: Node): Expr {
  const range = rangeOf(node);
  const inner = node.namedChildren[0];
  if (!inner) return { kind: 'invalid', range };
  switch (inner.type) {
    case 'numeric_lit':
      return { kind: 'literal', value: Number(textOf(inner)), range };
    case 'bool_lit':
      return { kind: 'literal', value: textOf(inner) === 'true', range };
    case 'null_lit':
      return { kind: 'literal', value: null, range };
    case 'string_lit':
      return inner.hasError ? { kind: 'invalid', range } : { kind: 'literal', value: stringLiteral(inner), range };
    default:
      return { kind: 'invalid', range };
  }
}

/** The value of a one-line `string_lit` without errors whose range is known (oneLineRange). */
export function quotedText(node: Node, range: Range): string {
  return unquoted(currentSource()!.slice(node.startIndex + 1, node.startIndex + range.end.character - range.start.character - 1));
}

/** A quoted string's content as written (between the quotes) -> its value. */
function unquoted(raw: string): string {
  return raw.includes('\\') || raw.includes('$${') || raw.includes('%%{') ? unescapeQuoted(raw) : raw;
}

/** The value of a `string_lit` (a quoted string without interpolations). */
export function stringLiteral(node: Node): string {
  // Fast path: a well-formed one-line string is its source between the quotes.
  const source = currentSource();
  if (source !== undefined && !node.hasError && node.startPosition.row === node.endPosition.row) {
    const raw = source.slice(node.startIndex + 1, node.endIndex - 1);
    if (source[node.startIndex] === '"' && source[node.endIndex - 1] === '"') {
      return unquoted(raw);
    }
  }
  return node.namedChildren
    .filter((c): c is Node => c !== null && c.type === 'template_literal')
    .map((c) => unescapeQuoted(c.text))
    .join('');
}

function convertTemplate(node: Node, range: Range): Expr {
  if (node.hasError && node.namedChildren.some((c) => c?.type === 'ERROR')) return { kind: 'invalid', range };
  const parts = templateParts(node, convertExpression);
  return parts ? { kind: 'template', parts, range } : { kind: 'invalid', range };
}

type Conditional = Extract<Expr, { kind: 'conditional' }>;

/**
 * HCL's conditional is right-associative (`a ? 1 : b ? 2 : 3` is `a ? 1 : (b ? 2 : 3)`), but the
 * grammar reads a conditional after the `:` as the condition of the next one:
 * `(a ? 1 : b) ? 2 : 3`. A condition cannot be an unparenthesised conditional in HCL, so one
 * found there is rotated back into the else branch (its parts are already right-associated).
 */
function rightAssociated(c: Conditional): Conditional {
  if (c.cond.kind !== 'conditional') return c;
  const inner = c.cond;
  const rest = rightAssociated({ kind: 'conditional', cond: inner.else, then: c.then, else: c.else, range: { start: inner.else.range.start, end: c.range.end } });
  return { kind: 'conditional', cond: inner.cond, then: inner.then, else: rest, range: c.range };
}

function convertCollection(node: Node | null, range: Range): Expr {
  if (!node) return { kind: 'invalid', range };
  if (node.type === 'tuple') {
    const items = node.namedChildren
      .filter((c): c is Node => c !== null && c.type === 'expression')
      .map(convertExpression);
    return { kind: 'tuple', items, range };
  }
  if (node.type === 'object') {
    const items: ObjectItem[] = [];
    for (const elem of node.namedChildren) {
      if (!elem || elem.type !== 'object_elem') continue;
      const key = elem.childForFieldName('key');
      const value = elem.childForFieldName('val');
      if (!key || !value) continue;
      items.push({ key: convertExpression(key), value: convertExpression(value), range: rangeOf(elem) });
    }
    return { kind: 'object', items, range };
  }
  return { kind: 'invalid', range };
}

function convertCall(node: Node, range: Range): Expr {
  const name = node.namedChildren[0];
  const argsNode = node.namedChildren.find((c) => c?.type === 'function_arguments');
  if (!name || name.isMissing) return { kind: 'invalid', range };
  const args = (argsNode?.namedChildren ?? [])
    .filter((c): c is Node => c !== null && c.type === 'expression')
    .map(convertExpression);
  const expandFinal = (argsNode?.namedChildren ?? []).some((c) => c?.type === 'ellipsis');
  return { kind: 'call', name: name.text, args, expandFinal, range };
}

function convertFor(node: Node | null, range: Range): Expr {
  if (!node) return { kind: 'invalid', range };
  const intro = node.namedChildren.find((c) => c?.type === 'for_intro');
  const exprs = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'expression');
  const cond = node.namedChildren.find((c) => c?.type === 'for_cond')?.namedChildren[0] ?? null;
  if (!intro) return { kind: 'invalid', range };
  const vars = intro.namedChildren.filter((c): c is Node => c !== null && c.type === 'identifier').map((c) => c.text);
  const collection = intro.namedChildren.find((c) => c?.type === 'expression');
  if (!collection || vars.length === 0) return { kind: 'invalid', range };
  const object = node.type === 'for_object_expr';
  const [first, second] = exprs;
  if (!first || (object && !second)) return { kind: 'invalid', range };
  return {
    kind: 'for',
    ...(vars.length === 2 ? { keyVar: vars[0] } : {}),
    valueVar: vars.length === 2 ? vars[1]! : vars[0]!,
    collection: convertExpression(collection),
    ...(object ? { keyExpr: convertExpression(first) } : {}),
    valueExpr: convertExpression(object ? second! : first),
    ...(cond ? { cond: convertExpression(cond) } : {}),
    grouping: node.namedChildren.some((c) => c?.type === 'ellipsis'),
    object,
    range,
  };
}

const BINARY_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '&&', '||']);
const isParen = (n: Node) => n.type === '(' || n.type === ')';

function convertOperation(node: Node | null, range: Range): Expr {
  if (!node) return { kind: 'invalid', range };
  const all = node.children.filter((c): c is Node => c !== null);
  if (node.type === 'unary_operation') {
    const [op, ...operand] = all;
    if (!op || operand.length === 0) return { kind: 'invalid', range };
    return { kind: 'unary', op: op.type, operand: convertTermWithSteps(operand.filter((c) => !isParen(c)), range), range };
  }
  // Operands are flat runs of siblings (a term, its postfix steps, parentheses) around the operator.
  const opIndex = all.findIndex((c, i) => i > 0 && !c.isNamed && BINARY_OPERATORS.has(c.type));
  if (opIndex < 1) return { kind: 'invalid', range };
  const left = all.slice(0, opIndex).filter((c) => !isParen(c));
  const right = all.slice(opIndex + 1).filter((c) => !isParen(c));
  return {
    kind: 'binary',
    op: all[opIndex]!.type,
    left: convertTermWithSteps(left, range),
    right: convertTermWithSteps(right, range),
    range,
  };
}
