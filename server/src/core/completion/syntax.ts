// The syntax tree that completion reads: the tree-sitter tree of the current text, repaired
// around the cursor (repairs.ts) and parsed again until it needs no more repair. A document's
// tree is kept from one completion to the next (CompletionTrees), so each text is parsed
// incrementally from the last one, repairs included (the first time, the text is parsed whole:
// the analyzer keeps no tree of a buffer, core/parse/parts.ts). A change that opens a string is first
// repaired on a parse of the lines around the cursor alone: parsed whole, the open string
// would make tree-sitter read the rest of the file again, twice (open, then closed).
import type { Node, Tree } from 'web-tree-sitter';
import { LineIndex } from '../text';
import { type Repair, RepairedText, lastingRepairs } from './repairedText';
import { type RepairContext, nextRepair } from './repairs';
import { editTree, parse } from './parsing';
import { topLevelAt } from './treeNodes';

/** A tree of the user's text as repaired around the cursor, valid while it is being read. */
export interface CompletionSyntax {
  tree: Tree;
  text: RepairedText;
  /** The user's text. */
  lines: LineIndex;
  /** The cursor, in the copy. */
  cursor: number;
}

const MAX_REPAIRS = 8;
/** Lines below the cursor's that a change is first repaired on. */
const WINDOW_LINES = 40;

interface Parsed {
  text: RepairedText;
  tree: Tree;
}

/**
 * Parses `text` repaired around `offset`, from `base` (not changed or deleted) when given.
 * Undefined when a parse runs over budget.
 */
function parseRepaired(text: string, offset: number, lines: LineIndex, base: Parsed | undefined): Parsed | undefined {
  const position = lines.positionAt(offset);
  const line = {
    number: position.line,
    start: lines.offsetAt({ line: position.line, character: 0 }),
    end: lines.offsetAt({ line: position.line, character: Number.MAX_SAFE_INTEGER }),
  };
  const context = (tree: Tree, repaired: RepairedText): RepairContext => ({ tree, text: repaired, cursor: repaired.toCopy(offset), line });
  let repaired = new RepairedText(text, base ? lastingRepairs(base.text, text) : []);
  let tree: Tree | undefined;
  if (base) {
    const old = base.tree.copy();
    editTree(old, base.text.text, repaired.text);
    repaired = repairAroundCursorAlone(old, repaired, context);
    tree = parse(repaired.text, old);
    old.delete();
  } else {
    tree = parse(repaired.text);
  }
  for (let i = 0; tree && i < MAX_REPAIRS; i++) {
    const next = nextStep(tree, repaired, (t, r) => nextRepair(context(t, r)));
    if (!next) break;
    const old = tree;
    editTree(old, repaired.text, next.text);
    tree = parse(next.text, old);
    old.delete();
    repaired = next;
  }
  return tree ? { text: repaired, tree } : undefined;
}

/**
 * The repairs that keep the rest of the file out of the change: found on a parse of the lines
 * around the cursor alone (`old`, the previous tree edited to the new text, tells where lexing
 * can start), and made on `old` too.
 */
function repairAroundCursorAlone(old: Tree, start: RepairedText, context: (tree: Tree, repaired: RepairedText) => RepairContext): RepairedText {
  let repaired = start;
  const window = windowAt(old, context(old, repaired).cursor, repaired.text);
  for (let i = 0; window && i < MAX_REPAIRS; i++) {
    const tree = parse(repaired.text, undefined, window);
    if (!tree) break;
    const next = nextStep(tree, repaired, (t, r) => nextRepair(context(t, r), { cursorLineOnly: true }));
    tree.delete();
    if (!next) break;
    editTree(old, repaired.text, next.text);
    window.end += next.text.length - repaired.text.length;
    repaired = next;
  }
  return repaired;
}

/** The text with the next repair: closing quotes that went stale dropped first, else the next repair made. */
function nextStep(tree: Tree, repaired: RepairedText, find: (tree: Tree, repaired: RepairedText) => Repair | undefined): RepairedText | undefined {
  const stale = staleQuotes(tree, repaired);
  if (stale.length > 0) return repaired.without(stale);
  const repair = find(tree, repaired);
  const repeated = repair && repaired.repairs.some((r) => r.at === repair.at && r.insert === repair.insert && r.blank === repair.blank);
  return repair && !repeated ? repaired.with(repair) : undefined;
}

/**
 * The lines from the cursor's down, enough to see a string opened on its line run on: lexing
 * starts afresh at a line start unless a heredoc, a comment or a template spans it (then the
 * whole statement is parsed).
 */
function windowAt(old: Tree, cursor: number, text: string): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  let end = lineStart;
  for (let i = 0; i <= WINDOW_LINES && end < text.length; i++) end = text.indexOf('\n', end) + 1 || text.length;
  for (let node: Node | null = old.rootNode.descendantForIndex(lineStart); node; node = node.parent) {
    if (SPANS_LINES.has(node.type) && node.startIndex < lineStart) {
      const statement = topLevelAt(old.rootNode, cursor);
      return statement && { start: statement.startIndex, end: statement.endIndex };
    }
  }
  return { start: lineStart, end };
}

/** Nodes that may hold a line break inside a token. */
const SPANS_LINES = new Set(['heredoc_template', 'comment', 'quoted_template', 'string_lit', 'template_interpolation']);

/**
 * Closing quotes (lasting repairs, maybe carried from the last text) that no longer close a
 * string the user opened on their line in `tree`.
 */
function staleQuotes(tree: Tree, text: RepairedText): Repair[] {
  const root = tree.rootNode;
  return text.repairs.filter((r) => {
    const inserted = r.lasting ? text.insertedAt(r) : undefined;
    if (inserted === undefined || !r.insert) return false;
    const quote = inserted + r.insert.length - 1;
    if (quote < root.startIndex || quote >= root.endIndex) return false;
    const end = root.descendantForIndex(quote, quote + 1);
    if (end?.type !== 'quoted_template_end') return true;
    const open = end.parent?.child(0);
    return !open || text.isInserted(open.startIndex) || open.startPosition.row !== end.startPosition.row;
  });
}

/**
 * Runs `read` on the repaired tree of `text` at `offset` (a UTF-16 index), parsed from nothing;
 * the tree is deleted after. `lines`: the caller's index of `text`, if it made one. Undefined
 * when the parse runs over budget.
 */
export function withSyntax<T>(text: string, offset: number, read: (syntax: CompletionSyntax) => T, lines = new LineIndex(text)): T | undefined {
  const parsed = parseRepaired(text, offset, lines, undefined);
  if (!parsed) return undefined;
  try {
    return read({ ...parsed, lines, cursor: parsed.text.toCopy(offset) });
  } finally {
    parsed.tree.delete();
  }
}

/**
 * The completion trees of the last documents completed in, each kept to parse the document's
 * next text incrementally (trees live in wasm memory: only a few are kept).
 */
export class CompletionTrees {
  private readonly entries = new Map<string, Parsed>();

  constructor(private readonly capacity = 4) {}

  /**
   * Runs `read` on the repaired tree of `text` (document `key`) at `offset`; the tree is valid
   * during the call only. `lines`: as for withSyntax. Undefined when a parse runs over budget.
   */
  read<T>(key: string, text: string, offset: number, read: (syntax: CompletionSyntax) => T, lines = new LineIndex(text)): T | undefined {
    const kept = this.entries.get(key);
    const parsed = parseRepaired(text, offset, lines, kept);
    if (kept) {
      kept.tree.delete();
      this.entries.delete(key);
    }
    if (!parsed) return undefined;
    this.entries.set(key, parsed);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      entry.tree.delete();
      this.entries.delete(oldest);
    }
    return read({ ...parsed, lines, cursor: parsed.text.toCopy(offset) });
  }

  /** Frees every kept tree. */
  clear(): void {
    for (const entry of this.entries.values()) entry.tree.delete();
    this.entries.clear();
  }
}
