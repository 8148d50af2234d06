// Where the cursor is, read from the (repaired) tree along the path from the root to the
// cursor: the blocks it is in, then either a place in a block body where an argument name is
// typed, or the value of an argument (readValue.ts: the brackets, object item and quoted string
// open there). Inside comments, heredocs, `${…}` and block headers it is nowhere completion answers.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import { readBlock } from './readBlocks';
import { type Value, enterValue } from './readValue';
import type { CursorPlace, ScannedBlock } from './scanned';
import type { CompletionSyntax } from './syntax';
import { pathTo, tokenBefore } from './treeNodes';

const NONE: CursorPlace = { kind: 'none' };
const IDENTIFIER_CHAR = /[A-Za-z0-9_-]/;
/** Tokens after which only the word at the cursor stands where a new element starts. */
const ELEMENT_STARTS = new Set(['=', '[', '(', '{', ',']);

export function readPlace(syntax: CompletionSyntax): CursorPlace {
  const { tree, cursor } = syntax;
  const path = pathTo(tree.rootNode, cursor);
  const blocks: ScannedBlock[] = [];
  let value: Value | undefined;
  for (let k = 1; k < path.length; k++) {
    const node = path[k]!;
    const type = node.type;
    if (type === 'comment') {
      if (cursor < node.endIndex || !syntax.text.slice(node.startIndex, node.endIndex).startsWith('/*')) return NONE;
      break;
    }
    if (!value) {
      if (type === 'body' || type === 'ERROR') continue;
      if (type === 'block') {
        const name = node.child(0);
        if (blocks.length > 0 && name && cursor <= name.endIndex) break; // on a nested block's type: an argument name is typed
        if (!insideBody(node, cursor)) return NONE;
        blocks.push(readBlock(node, syntax.text));
        continue;
      }
      if (type === 'attribute') {
        const name = node.child(0);
        if (name && cursor <= name.endIndex) break; // on the name: an argument name is typed
        value = valueOf(node, syntax);
        if (!value) return NONE;
        continue;
      }
      break; // a bracket of a block: its body
    }
    if (enterValue(node, syntax, value) === 'none') return NONE;
  }
  if (blocks.length === 0) return NONE;
  if (value && !reachesCursor(syntax, value)) value = undefined;
  value ??= sameLineValue(syntax);
  return value ? valuePlace(syntax, blocks, value) : argumentPlace(syntax, blocks);
}

/**
 * HCL ends an argument at the end of its line unless a bracket opened on that line is still
 * open: a value the grammar glued to the lines below does not hold a cursor there.
 */
function reachesCursor(syntax: CompletionSyntax, value: Value): boolean {
  const { text } = syntax;
  const from = value.outermost ?? syntax.cursor;
  return !text.slice(value.equals, Math.min(from, syntax.cursor)).includes('\n');
}

/** The cursor is after a block's `{` and not after its `}`. */
function insideBody(block: Node, cursor: number): boolean {
  const children = block.children;
  const open = children.find((c) => c?.type === 'block_start');
  const close = children.find((c) => c?.type === 'block_end');
  if (!open || cursor < open.endIndex) return false;
  return !close || close.startIndex === close.endIndex || cursor <= close.startIndex;
}

/**
 * At a block's body level, the cursor still on the line where an argument's value ended (after
 * it, before any line break) is in that value, as HCL ends an argument at its line's end.
 */
function sameLineValue(syntax: CompletionSyntax): Value | undefined {
  const { tree, text, cursor } = syntax;
  const token = tokenBefore(tree.rootNode, cursor);
  if (!token || text.slice(token.endIndex, cursor).includes('\n')) return undefined;
  let node: Node | null = token;
  while (node && node.type !== 'attribute' && node.type !== 'block' && node.type !== 'body') node = node.parent;
  return node?.type === 'attribute' ? valueOf(node, syntax) : undefined;
}

/** The value of an attribute node, when it has a name and an `=` the cursor is after. */
function valueOf(attribute: Node, syntax: CompletionSyntax): Value | undefined {
  const name = attribute.child(0);
  const equals = attribute.child(1);
  if (!name || equals?.type !== '=' || syntax.cursor < equals.endIndex) return undefined;
  return { attribute: syntax.text.slice(name.startIndex, name.endIndex), containers: [], equals: equals.endIndex };
}

function valuePlace(syntax: CompletionSyntax, blocks: ScannedBlock[], value: Value): CursorPlace {
  const word = wordAround(syntax);
  const wordStart = syntax.text.toCopy(syntax.lines.offsetAt(word.start));
  const before = tokenBefore(syntax.tree.rootNode, wordStart);
  return {
    kind: 'value',
    blocks,
    attribute: value.attribute,
    containers: value.containers,
    ...(value.string ? { string: value.string } : {}),
    word,
    // A word hidden from the parser (repairs.ts) still stands between.
    startsElement: before !== undefined && ELEMENT_STARTS.has(before.type) && !syntax.text.blankedBetween(before.endIndex, wordStart),
  };
}

/** An argument name typed on a line of its own in a block body (old text may follow an `=` or `{`). */
function argumentPlace(syntax: CompletionSyntax, blocks: ScannedBlock[]): CursorPlace {
  const { lines, text } = syntax;
  const word = wordAround(syntax);
  const start = lines.offsetAt(word.start);
  const end = lines.offsetAt(word.end);
  const lineStart = lines.offsetAt({ line: word.start.line, character: 0 });
  const lineEnd = lines.offsetAt({ line: word.end.line, character: Number.MAX_SAFE_INTEGER }); // before a `\r\n`
  const restOfLine = text.user.slice(end, lineEnd);
  const indent = text.user.slice(lineStart, start);
  if (!/^[ \t]*$/.test(indent) || !/^\s*([={].*)?$/.test(restOfLine)) return NONE;
  return { kind: 'argument', blocks, word, restOfLine, indent };
}

/** The identifier characters around the cursor (the word being typed), in the user's text. */
function wordAround(syntax: CompletionSyntax): Range {
  const text = syntax.text.user;
  const offset = syntax.text.toUser(syntax.cursor);
  let start = offset;
  while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && IDENTIFIER_CHAR.test(text[end]!)) end++;
  return { start: syntax.lines.positionAt(start), end: syntax.lines.positionAt(end) };
}
