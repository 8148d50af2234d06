// The HCL syntax as plain objects: what the model and the evaluator read. Converted once per
// parse from the tree-sitter tree, so that trees can be freed and the rest of the core never
// sees tree-sitter.
import type { Range } from '../types';

export interface HclFile {
  path: string;
  body: Body;
  syntaxErrors: SyntaxError[];
  /** Comment lines (0-based line -> text) for inline suppressions. */
  comments: Map<number, string>;
  /** The file's line ending, which inserted text must use. */
  lineEnding: '\n' | '\r\n';
}

/** The top-level items of a file or of one part of it (parts.ts), with its errors and directive comments. */
export type FileItems = Pick<HclFile, 'body' | 'syntaxErrors' | 'comments'>;

export interface SyntaxError {
  range: Range;
  message: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
  range: Range;
}

export interface Block {
  type: string;
  labels: string[];
  labelRanges: Range[];
  /** From the type to the opening brace. */
  headerRange: Range;
  range: Range;
  body: Body;
  /** False when the block's closing brace is missing (half-typed file). */
  complete: boolean;
  /**
   * Present when the body is converted on first use (a block the analysis rarely reads): its
   * meta-arguments (count, for_each, provider), read without converting the rest.
   */
  deferredMeta?: ReadonlyMap<string, Attribute>;
}

export interface Attribute {
  name: string;
  nameRange: Range;
  expr: Expr;
  range: Range;
}

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; range: Range }
  | { kind: 'template'; parts: TemplatePart[]; range: Range }
  | { kind: 'tuple'; items: Expr[]; range: Range }
  | { kind: 'object'; items: ObjectItem[]; range: Range }
  | { kind: 'variable'; name: string; range: Range }
  | { kind: 'traversal'; base: Expr; steps: Step[]; range: Range }
  | { kind: 'call'; name: string; args: Expr[]; expandFinal: boolean; range: Range }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; keyExpr?: Expr; valueExpr: Expr; cond?: Expr; grouping: boolean; object: boolean; range: Range }
  | { kind: 'conditional'; cond: Expr; then: Expr; else: Expr; range: Range }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; range: Range }
  | { kind: 'unary'; op: string; operand: Expr; range: Range }
  | { kind: 'parens'; inner: Expr; range: Range }
  /** Something that did not parse, or a construct the evaluator does not read. */
  | { kind: 'invalid'; range: Range };

/**
 * A template's parts, after the HCL template rules applied at parse time (escapes, strip markers,
 * `<<-` indentation). A template of exactly one interpolation is that expression's value itself.
 */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'interpolation'; expr: Expr }
  /** `%{ if cond }then%{ else }else%{ endif }` (no else: an empty `else`). */
  | { kind: 'directive'; directive: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[] }
  /** `%{ for k, v in collection }body%{ endfor }`. */
  | { kind: 'directive'; directive: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

/** Every expression of a template, directives included, with the names `for` directives bind around it. */
export function templateExpressions(parts: readonly TemplatePart[], bound: readonly string[] = []): { expr: Expr; bound: readonly string[] }[] {
  return parts.flatMap((part) => {
    if (part.kind === 'text') return [];
    if (part.kind === 'interpolation') return [{ expr: part.expr, bound }];
    if (part.directive === 'if') return [{ expr: part.cond, bound }, ...templateExpressions(part.then, bound), ...templateExpressions(part.else, bound)];
    const inner = [...bound, part.valueVar, ...(part.keyVar !== undefined ? [part.keyVar] : [])];
    return [{ expr: part.collection, bound }, ...templateExpressions(part.body, inner)];
  });
}

export interface ObjectItem {
  key: Expr;
  value: Expr;
  range: Range;
}

export type Step =
  | { kind: 'attr'; name: string; range: Range }
  | { kind: 'index'; key: Expr; range: Range }
  /** `[*]` (full) or `.*` (attribute-only) splat, with the steps applied to each element. */
  | { kind: 'splat'; full: boolean; steps: Step[]; range: Range };

/** The name of an object key written as an identifier or a literal string, if it is one. */
export function staticKey(key: Expr): string | undefined {
  if (key.kind === 'variable') return key.name;
  if (key.kind === 'literal' && typeof key.value === 'string') return key.value;
  if (key.kind === 'template' && key.parts.every((p) => p.kind === 'text')) {
    return key.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  }
  if (key.kind === 'parens') return staticKey(key.inner);
  return undefined;
}

/** A reference written as `a.b.c` with only attribute steps (`aws_vpc.main`), as its parts. */
export function referenceParts(expr: Expr): string[] | undefined {
  if (expr.kind === 'variable') return [expr.name];
  if (expr.kind !== 'traversal' || expr.base.kind !== 'variable') return undefined;
  const parts = [expr.base.name];
  for (const step of expr.steps) {
    if (step.kind !== 'attr') break;
    parts.push(step.name);
  }
  return parts;
}

export function findAttribute(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

export const META_ARGUMENTS: ReadonlySet<string> = new Set(['count', 'for_each', 'provider']);

/** A meta-argument of a block, without converting a deferred body. */
export function metaArgument(block: Block, name: string): Attribute | undefined {
  return block.deferredMeta ? block.deferredMeta.get(name) : findAttribute(block.body, name);
}

/** Decides which blocks are converted whole at parse time; the others are converted on use. */
export type EagerBodyPredicate = (type: string, labels: readonly string[]) => boolean;
