// Small readings of the tree-sitter tree that completion needs: which child holds an offset,
// the token before an offset, and the brackets open at an offset. Every property read of a
// node is a call into wasm, so these walk down one path, never a whole tree.
import type { Node } from 'web-tree-sitter';

/** The top-level statement (a block, an attribute, an ERROR) at or before `offset`. */
export function topLevelAt(root: Node, offset: number): Node | undefined {
  if (root.type !== 'config_file') return root; // the whole file is one ERROR
  let container: Node = root;
  for (;;) {
    const child = lastChildBefore(container, offset);
    if (!child) return undefined;
    if (child.type !== 'body') return child;
    container = child;
  }
}

function isEmpty(node: Node): boolean {
  return node.startIndex === node.endIndex;
}

/** The last child of `node` that starts before `offset` (it may hold the offset or end before it). */
function lastChildBefore(node: Node, offset: number): Node | null {
  const after = node.firstChildForIndex(offset); // the first child that ends after the offset
  if (after && after.startIndex < offset) return after;
  return after ? after.previousSibling : node.lastChild;
}

/**
 * The child of `node` that holds `offset`: it starts before the offset and ends at or after it
 * (so the offset just after a token is in that token). Empty (MISSING) children are skipped.
 */
function childAt(node: Node, offset: number): Node | undefined {
  let child = lastChildBefore(node, offset);
  while (child && isEmpty(child)) child = child.previousSibling;
  return child && child.endIndex >= offset ? child : undefined;
}

/** The nodes from `root` down to the innermost one holding `offset` (childAt at each level). */
export function pathTo(root: Node, offset: number): Node[] {
  const path = [root];
  for (let child = childAt(root, offset); child; child = childAt(child, offset)) path.push(child);
  return path;
}

/** The last token that ends at or before `offset`, skipping comments and empty (MISSING) tokens. */
export function tokenBefore(root: Node, offset: number): Node | undefined {
  let node = root;
  for (;;) {
    let candidate = lastChildBefore(node, offset);
    while (candidate && (isEmpty(candidate) || candidate.type === 'comment')) candidate = candidate.previousSibling;
    if (!candidate) return undefined;
    // A token the offset is inside of is not before it.
    if (candidate.childCount === 0) return candidate.endIndex <= offset ? candidate : undefined;
    node = candidate;
  }
}

/** The first token that ends after `offset` (the one at it, or the next), skipping comments and empty tokens. */
export function tokenAfter(root: Node, offset: number): Node | undefined {
  let node = root;
  for (;;) {
    let candidate = node.firstChildForIndex(offset);
    while (candidate && (isEmpty(candidate) || candidate.type === 'comment')) candidate = candidate.nextSibling;
    if (!candidate) return undefined;
    if (candidate.childCount === 0) return candidate;
    node = candidate;
  }
}

type Bracket = '(' | '[' | '{' | '${' | '"' | '?';

const OPENERS: Readonly<Record<string, Bracket>> = {
  '(': '(', '[': '[', tuple_start: '[', '{': '{', object_start: '{', block_start: '{',
  template_interpolation_start: '${', template_directive_start: '${', quoted_template_start: '"',
  '?': '?', // a conditional's `?` waits for its `:`
};
const CLOSERS: Readonly<Record<string, Bracket>> = {
  ')': '(', ']': '[', tuple_end: '[', '}': '{', object_end: '{', block_end: '{',
  template_interpolation_end: '${', template_directive_end: '${', quoted_template_end: '"',
  ':': '?',
};
const CLOSING_TEXT: Readonly<Record<Bracket, string>> = { '(': ')', '[': ']', '{': '}', '${': '}', '"': '"', '?': ' : x' };

/** A bracket token still open at some offset. */
export interface OpenBracket {
  node: Node;
  /** What closes it. */
  closing: string;
  /** A block's `{`. */
  block: boolean;
  /** Left unmatched by error recovery (its parent is an ERROR): nothing after it closes it. */
  unmatched: boolean;
}

/**
 * The brackets (and quotes, and `${`) opened inside `scope` before `offset` and not closed
 * before it, outermost first. Subtrees that end before the offset without an error are balanced
 * and skipped; inside ERROR nodes the tokens are matched one by one.
 */
export function bracketsOpenAt(scope: Node, offset: number): OpenBracket[] {
  const open: (OpenBracket & { kind: Bracket })[] = [];
  const visit = (node: Node): void => {
    for (let i = 0, count = node.childCount; i < count; i++) {
      const child = node.child(i)!;
      if (child.startIndex >= offset) break;
      const type = child.type;
      const opens = OPENERS[type];
      const closes = CLOSERS[type];
      if (opens && (child.childCount === 0 || type.endsWith('_start'))) {
        open.push({ node: child, kind: opens, closing: CLOSING_TEXT[opens], block: type === 'block_start', unmatched: node.type === 'ERROR' });
      } else if (closes && (child.childCount === 0 || type.endsWith('_end'))) {
        if (child.isMissing || (child.childCount > 0 && child.child(0)!.isMissing)) continue;
        const k = innermostClosedBy(open, closes);
        if (k >= 0) open.length = k;
      } else if (child.endIndex > offset || child.hasError) {
        visit(child);
      }
    }
  };
  visit(scope);
  return open.map(({ node, closing, block, unmatched }) => ({ node, closing, block, unmatched }));
}

/**
 * The open bracket a closing token ends: the innermost of its kind (what is open inside it was
 * left unclosed). A `:` ends only the innermost `?` (it also follows a for's intro or a key), and
 * recovery can leave the `}` of a `${` as a plain brace.
 */
function innermostClosedBy(open: readonly { kind: Bracket }[], closes: Bracket): number {
  if (closes === '?') return open.at(-1)?.kind === '?' ? open.length - 1 : -1;
  for (let k = open.length - 1; k >= 0; k--) {
    const kind = open[k]!.kind;
    if (kind === closes || (closes === '{' && kind === '${')) return k;
  }
  return -1;
}
