// Tree-sitter tree -> HCL syntax objects (ast.ts): files, blocks and attributes (expressions
// are in expressions.ts). Blocks and attributes inside ERROR nodes are still kept.
import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../types';
import { META_ARGUMENTS, type Attribute, type Block, type Body, type EagerBodyPredicate, type FileItems, type HclFile } from './ast';
import { convertExpression, quotedText, stringLiteral } from './expressions';
import { textOf, withSource } from './source';
import { loadedParser } from './grammar';
import { collectSyntaxErrors } from './syntaxErrors';
import { oneLineRange, rangeOf, rangeStart, withOrigin } from './range';
import { shiftItems, type DeferredBlocks } from './shift';

export interface ConvertOptions {
  lineEnding?: '\n' | '\r\n';
  /** Picks the blocks converted whole; the others are converted on first read. */
  eager?: EagerBodyPredicate;
  /** The parsed text (faster than reading text back from the tree). */
  source?: string;
}

/** Set for the duration of one (synchronous) conversion. */
let eagerBody: EagerBodyPredicate | undefined;

export function convertTree(path: string, tree: Tree, options: ConvertOptions = {}): HclFile {
  const saved = eagerBody;
  eagerBody = options.eager;
  try {
    return withSource(options.source, () => convertRoot(path, tree, options));
  } finally {
    eagerBody = saved;
  }
}

function convertRoot(path: string, tree: Tree, options: ConvertOptions): HclFile {
  const { body, syntaxErrors, comments } = convertItems(tree.rootNode);
  return { path, body, syntaxErrors, comments, lineEnding: options.lineEnding ?? '\n' };
}

function convertItems(root: Node): FileItems {
  const bodyNode = root.namedChildren.find((c) => c?.type === 'body') ?? null;
  const comments = new Map<number, string>();
  collectDirectiveComments(root, comments);
  const body = bodyNode ? convertBody(bodyNode) : { attributes: [], blocks: [], range: rangeOf(root) };
  if (root.hasError) body.blocks = body.blocks.flatMap(hoistSwallowedBlocks);
  return { body, syntaxErrors: root.hasError ? collectSyntaxErrors(root) : [], comments };
}

/** Converts the tree of a part of a file that starts at line `row`, column 0. */
export function convertPart(tree: Tree, source: string, row: number, eager?: EagerBodyPredicate): FileItems {
  const saved = eagerBody;
  eagerBody = eager;
  try {
    return withSource(source, () => withOrigin({ row, column: 0 }, () => convertItems(tree.rootNode)));
  } finally {
    eagerBody = saved;
  }
}

const TOP_LEVEL_BLOCKS = new Set(['resource', 'data', 'variable', 'locals', 'provider', 'module', 'output', 'terraform', 'moved', 'import', 'check', 'removed']);

/**
 * While a block is half-typed, error recovery can nest the blocks after it inside it. Blocks
 * that only exist at the top level are lifted back out of an incomplete block.
 */
function hoistSwallowedBlocks(block: Block): Block[] {
  if (block.complete) return [block];
  const kept: Block[] = [];
  const lifted: Block[] = [];
  for (const child of block.body.blocks) (TOP_LEVEL_BLOCKS.has(child.type) ? lifted : kept).push(child);
  block.body.blocks = kept;
  return [block, ...lifted.flatMap(hoistSwallowedBlocks)];
}

function convertBody(node: Node): Body {
  const body: Body = { attributes: [], blocks: [], range: rangeOf(node) };
  collectBodyItems(node, body);
  return body;
}

function collectBodyItems(node: Node, body: Body): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type; // each read of a node property is a call into wasm
    if (type === 'attribute') {
      const attribute = convertAttribute(child);
      if (attribute) body.attributes.push(attribute);
    } else if (type === 'block') {
      const block = convertBlock(child);
      if (block) body.blocks.push(block);
    } else if (type === 'ERROR' || type === 'body') {
      collectBodyItems(child, body); // salvage what parsed inside an error
    }
  }
}

function convertAttribute(node: Node): Attribute | undefined {
  const [name, value] = node.namedChildren;
  if (!name || name.type !== 'identifier' || name.isMissing) return undefined;
  return {
    name: textOf(name),
    nameRange: rangeOf(name),
    expr: value ? convertExpression(value) : { kind: 'invalid', range: rangeOf(node) },
    range: rangeOf(node),
  };
}

function convertBlock(node: Node): Block | undefined {
  const children = node.namedChildren;
  const typeNode = children[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  // Each read of a node's end or error state is a call into wasm: in a block without errors,
  // where most blocks are, one-line labels and the `{` are measured from their start instead.
  const clean = !node.hasError;
  const labels: string[] = [];
  const labelRanges: Range[] = [];
  let bodyNode: Node | null = null;
  let headerEnd: Range['end'] | undefined;
  let complete = false;
  for (let i = 1; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    const type = child.type;
    if (type === 'string_lit' || type === 'identifier') {
      const range = clean ? oneLineRange(child) : undefined;
      labels.push(type === 'identifier' ? textOf(child) : range ? quotedText(child, range) : stringLiteral(child));
      labelRanges.push(range ?? rangeOf(child));
    } else if (type === 'block_start') {
      headerEnd = clean ? { line: rangeStart(child).line, character: rangeStart(child).character + 1 } : rangeOf(child).end;
    } else if (type === 'body') {
      bodyNode = child;
    } else if (type === 'block_end') {
      complete = clean || (!child.isMissing && !child.hasError);
    }
  }
  const range = rangeOf(node);
  headerEnd ??= (labelRanges.at(-1) ?? rangeOf(typeNode)).end;
  const type = textOf(typeNode);
  const headerRange = { start: range.start, end: headerEnd };
  if (!bodyNode) return { type, labels, labelRanges, headerRange, range, complete, body: { attributes: [], blocks: [], range: { start: headerEnd, end: range.end } } };
  if (eagerBody && clean && !eagerBody(type, labels)) return deferredBlock({ type, labels, labelRanges, headerRange, range, complete, deferredMeta: NO_META }, node, bodyNode);
  return { type, labels, labelRanges, headerRange, range, complete, body: convertBody(bodyNode) };
}

/**
 * A block whose body is converted on first use, by parsing the block's text again: most
 * resources in a large workspace are never read past their meta-arguments.
 */
const MAY_HAVE_META = /\b(count|for_each|provider)\s*=/;

const NO_META: ReadonlyMap<string, Attribute> = new Map();

/** `header` without meta-arguments yet: they are read here, when the block's text may have some. */
function deferredBlock(header: DeferredSource['header'], node: Node, bodyNode: Node): Block {
  const text = textOf(node);
  if (MAY_HAVE_META.test(text)) {
    const deferredMeta = new Map<string, Attribute>();
    header.deferredMeta = deferredMeta;
    for (const child of bodyNode.namedChildren) {
      if (child?.type !== 'attribute') continue;
      const name = child.namedChildren[0];
      if (name && META_ARGUMENTS.has(name.text)) {
        const attribute = convertAttribute(child);
        if (attribute) deferredMeta.set(attribute.name, attribute);
      }
    }
  }
  return lazyBlock(header, text);
}

/** What a deferred block is made of, as plain data (to rebuild it in another thread). */
export interface DeferredSource {
  header: Omit<Block, 'body'> & { deferredMeta: ReadonlyMap<string, Attribute> };
  /** The block's text, from its first character. */
  text: string;
}

const DEFERRED: DeferredBlocks<DeferredSource['header']> = { source: deferredSource, rebuild: lazyBlock };

/** Converted items moved by `lines` (a part of a file reused where lines were added above it); deferred bodies stay deferred. */
export function shiftConverted(items: FileItems, lines: number): FileItems {
  return shiftItems(items, lines, DEFERRED);
}

/**
 * A block whose body is converted from its text when first read. A class, not an object with
 * a getter: thousands are made per cold analysis, and a class instance is cheaper to make and
 * to collect (a getter in an object literal, plus a WeakMap entry to find its text, cost a
 * quarter of the conversion of a large workspace).
 */
class DeferredBlock implements Block {
  readonly type: string;
  readonly labels: string[];
  readonly labelRanges: Range[];
  readonly headerRange: Range;
  readonly range: Range;
  readonly complete: boolean;
  readonly deferredMeta: ReadonlyMap<string, Attribute>;
  private converted: Body | undefined;

  constructor(header: DeferredSource['header'], readonly text: string) {
    this.type = header.type;
    this.labels = header.labels;
    this.labelRanges = header.labelRanges;
    this.headerRange = header.headerRange;
    this.range = header.range;
    this.complete = header.complete;
    this.deferredMeta = header.deferredMeta;
  }

  get body(): Body {
    this.converted ??= reconvertBody(this.text, { row: this.range.start.line, column: this.range.start.character })
      ?? { attributes: [...this.deferredMeta.values()], blocks: [], range: this.range };
    return this.converted;
  }

  /** As plain data, body included (what a converted block gives). */
  toJSON(): Block {
    const { type, labels, labelRanges, headerRange, range, complete, deferredMeta, body } = this;
    return { type, labels, labelRanges, headerRange, range, body, complete, deferredMeta };
  }
}

/** The plain data of a block whose body is converted on first use; undefined for other blocks. */
export function deferredSource(block: Block): DeferredSource | undefined {
  return block instanceof DeferredBlock ? { header: block, text: block.text } : undefined;
}

/** A block (header known) whose body is converted from `text` when first read. */
export function lazyBlock(header: DeferredSource['header'], text: string): Block {
  return new DeferredBlock(header, text);
}

function reconvertBody(text: string, at: { row: number; column: number }): Body | undefined {
  const tree = loadedParser().parse(text);
  if (!tree) return undefined;
  const saved = eagerBody;
  eagerBody = undefined;
  try {
    return withSource(text, () => withOrigin(at, () => {
      const blockNode = tree.rootNode.namedChildren[0]?.namedChildren.find((c) => c?.type === 'block');
      return blockNode ? convertBlock(blockNode)?.body : undefined;
    }));
  } finally {
    eagerBody = saved;
    tree.delete();
  }
}

/** Comments that carry a `vpce-lens:` directive, by line: the only comments the core reads. */
function collectDirectiveComments(root: Node, into: Map<number, string>): void {
  const text = root.text;
  if (!text.includes('vpce-lens:')) return;
  for (const comment of root.descendantsOfType('comment')) {
    if (comment && comment.text.includes('vpce-lens:')) into.set(rangeOf(comment).start.line, comment.text);
  }
}
