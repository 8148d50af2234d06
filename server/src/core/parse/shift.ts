// A converted block moved down or up by whole lines: the same syntax with every position's line
// shifted. Lets the conversion reuse a top-level block whose text did not change when lines were
// inserted or removed above it (a newline at the top of a file would otherwise re-convert every
// block of it, through many calls into the parser's wasm). Written per node kind: a generic deep
// copy cost more than the conversion it saves.
import type { Attribute, Block, Body, Expr, FileItems, ObjectItem, Step, TemplatePart } from './ast';
import type { Position, Range } from '../types';

/** How blocks whose body is converted on first read are taken apart and rebuilt (convert.ts). */
export interface DeferredBlocks<H> {
  source(block: Block): { header: H; text: string } | undefined;
  rebuild(header: H, text: string): Block;
}

/** The top-level items of a file or of a part of it, with every line number moved by `lines`; deferred bodies stay deferred. */
export function shiftItems<H extends Omit<Block, 'body'>>(items: FileItems, lines: number, deferred: DeferredBlocks<H>): FileItems {
  if (lines === 0) return items;
  const shift = new Shift(lines, deferred);
  return {
    body: shift.body(items.body),
    syntaxErrors: items.syntaxErrors.map((e) => ({ ...e, range: shift.range(e.range) })),
    comments: new Map([...items.comments].map(([line, text]) => [line + lines, text])),
  };
}

class Shift<H extends Omit<Block, 'body'>> {
  constructor(private readonly lines: number, private readonly deferred: DeferredBlocks<H>) {}

  private position(p: Position): Position {
    return { line: p.line + this.lines, character: p.character };
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  private header<T extends Omit<Block, 'body'>>(block: T): T {
    const meta = block.deferredMeta;
    return {
      ...block,
      labelRanges: block.labelRanges.map((r) => this.range(r)),
      headerRange: this.range(block.headerRange),
      range: this.range(block.range),
      ...(meta ? { deferredMeta: new Map([...meta].map(([name, attribute]) => [name, this.attribute(attribute)])) } : {}),
    };
  }

  private block(block: Block): Block {
    const source = this.deferred.source(block);
    if (source) return this.deferred.rebuild(this.header(source.header), source.text);
    return { ...this.header(block), body: this.body(block.body) };
  }

  body(body: Body): Body {
    return { attributes: body.attributes.map((a) => this.attribute(a)), blocks: body.blocks.map((b) => this.block(b)), range: this.range(body.range) };
  }

  private attribute(attribute: Attribute): Attribute {
    return { ...attribute, nameRange: this.range(attribute.nameRange), range: this.range(attribute.range), expr: this.expr(attribute.expr) };
  }

  private exprs(items: readonly Expr[]): Expr[] {
    return items.map((e) => this.expr(e));
  }

  private expr(expr: Expr): Expr {
    const range = this.range(expr.range);
    switch (expr.kind) {
      case 'literal': case 'variable': case 'invalid': return { ...expr, range };
      case 'template': return { ...expr, parts: this.parts(expr.parts), range };
      case 'tuple': return { ...expr, items: this.exprs(expr.items), range };
      case 'object': return { ...expr, items: expr.items.map((i) => this.item(i)), range };
      case 'traversal': return { ...expr, base: this.expr(expr.base), steps: this.steps(expr.steps), range };
      case 'call': return { ...expr, args: this.exprs(expr.args), range };
      case 'for': return {
        ...expr, collection: this.expr(expr.collection), valueExpr: this.expr(expr.valueExpr), range,
        ...(expr.keyExpr ? { keyExpr: this.expr(expr.keyExpr) } : {}), ...(expr.cond ? { cond: this.expr(expr.cond) } : {}),
      };
      case 'conditional': return { ...expr, cond: this.expr(expr.cond), then: this.expr(expr.then), else: this.expr(expr.else), range };
      case 'binary': return { ...expr, left: this.expr(expr.left), right: this.expr(expr.right), range };
      case 'unary': return { ...expr, operand: this.expr(expr.operand), range };
      case 'parens': return { ...expr, inner: this.expr(expr.inner), range };
    }
  }

  private item(item: ObjectItem): ObjectItem {
    return { key: this.expr(item.key), value: this.expr(item.value), range: this.range(item.range) };
  }

  private steps(steps: readonly Step[]): Step[] {
    return steps.map((step): Step => {
      const range = this.range(step.range);
      if (step.kind === 'index') return { ...step, key: this.expr(step.key), range };
      if (step.kind === 'splat') return { ...step, steps: this.steps(step.steps), range };
      return { ...step, range };
    });
  }

  private parts(parts: readonly TemplatePart[]): TemplatePart[] {
    return parts.map((part): TemplatePart => {
      if (part.kind === 'text') return part;
      if (part.kind === 'interpolation') return { ...part, expr: this.expr(part.expr) };
      if (part.directive === 'if') return { ...part, cond: this.expr(part.cond), then: this.parts(part.then), else: this.parts(part.else) };
      return { ...part, collection: this.expr(part.collection), body: this.parts(part.body) };
    });
  }
}
