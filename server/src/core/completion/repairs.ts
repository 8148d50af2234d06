// What to repair before the tree is read. The grammar takes newlines as blanks, but HCL ends a
// quoted string and an argument with their line; on half-typed text, error recovery then glues
// the lines below into what is being typed: an unterminated string swallows the next lines (or
// a whole `locals` block), `service_name = ` takes the next argument as its value, a lone word
// becomes the type of a block made of the next lines, a list without its `]` takes in the
// blocks that follow. Each repair is read off the tree around the cursor and only inserts a few
// characters or blanks a lone word, so the copy still maps to the user's text (repairedText.ts):
// - a quoted string that does not close on its line (in the statement at the cursor) is closed
//   at the line's end, with any `${` or bracket open inside it;
// - an operand missing at the cursor (`data.aws_region.|}`) gets a placeholder;
// - a lone word on the cursor's line (an argument or key name being typed) is blanked;
// - a closing bracket that finds brackets of another kind still open (the `}` of a block after
//   a list without its `]`) gets their closers inserted before it;
// - the cursor's line is completed at its end: a placeholder after a trailing `=`, `.` or
//   operator, then the closers of the brackets recovery left unmatched (`toset(["s3", |`).
import type { Node, Tree } from 'web-tree-sitter';
import type { Repair, RepairedText } from './repairedText';
import { bracketsOpenAt, tokenAfter, tokenBefore, topLevelAt } from './treeNodes';

/**
 * How far from the cursor strings are checked (the rest of its block, usually); above it, only
 * when the statement has an error (a string that swallowed the lines below it makes one).
 */
const LOOKAROUND_LINES = 40;

/** Tokens after which an operand must follow. */
const EXPECTS_OPERAND = new Set(['=', '.', '?', ':', '=>', '+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||', '!', 'in', 'if']);

/** Tokens an operand starts with. */
const OPERAND_STARTS = new Set(['identifier', 'numeric_lit', 'true', 'false', 'null', 'quoted_template_start', '<<', '<<-', '(', '[', '{', '-', '!']);

const LONE_WORD = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?$/;

export interface RepairContext {
  tree: Tree;
  text: RepairedText;
  /** The cursor, in the copy. */
  cursor: number;
  /** The cursor's line in the user's text: its start and end (before the line break). */
  line: { number: number; start: number; end: number };
}

/**
 * The first repair the tree around the cursor still needs, if any. `cursorLineOnly`: only those
 * that keep the cursor's line from running into the rest of the file (a string opened on it
 * closed, and the operand at the cursor that lets recovery keep the string around it).
 */
export function nextRepair(context: RepairContext, options: { cursorLineOnly?: boolean } = {}): Repair | undefined {
  const statement = topLevelAt(context.tree.rootNode, context.cursor);
  if (!statement) return undefined;
  const typing = !inCommentOrHeredoc(context.tree.rootNode.descendantForIndex(context.cursor), context.cursor);
  // `data.aws_region.|}`: without an operand, recovery can undo the string around it.
  const operand = statement.hasError && typing ? operandAt(context, context.cursor) : undefined;
  if (operand) return operand;
  // Not only after an error: two strings left open can read as one that spans lines.
  const string = closeString(context, statement, options.cursorLineOnly === true);
  if (string || options.cursorLineOnly) return string;
  const word = blankLoneWord(context);
  if (word) return word;
  if (!statement.hasError) return undefined;
  return closeBeforeStrayCloser(context, statement) ?? (typing ? completeCursorLine(context, statement) : undefined);
}

/**
 * The first quoted string in `statement` (or on the cursor's line only) that does not close on
 * its own line, closed at its end.
 */
function closeString(context: RepairContext, statement: Node, cursorLineOnly: boolean): Repair | undefined {
  const row = context.line.number;
  const from = statement.hasError && !cursorLineOnly ? statement.startPosition : { row: Math.max(statement.startPosition.row, cursorLineOnly ? row : row - LOOKAROUND_LINES), column: 0 };
  const to = { row: cursorLineOnly ? row + 1 : row + LOOKAROUND_LINES, column: 0 };
  for (const start of statement.descendantsOfType('quoted_template_start', from, to)) {
    if (!start || closesOnItsLine(start)) continue;
    const copy = context.text.text;
    const lineEnd = lineEndAt(copy, start.endIndex);
    const open = bracketsOpenAt(start.parent!, lineEnd);
    const from = open.findIndex((o) => o.node.startIndex === start.startIndex);
    const closing = (from < 0 ? ['"'] : open.slice(from).map((o) => o.closing)).reverse().join('');
    return { at: context.text.toUser(lineEnd), insert: closing, lasting: true };
  }
  return undefined;
}

function closesOnItsLine(start: Node): boolean {
  const row = start.startPosition.row;
  const parent = start.parent;
  if (parent && (parent.type === 'string_lit' || parent.type === 'quoted_template')) {
    const end = parent.lastChild;
    return end?.type === 'quoted_template_end' && !end.isMissing && end.startPosition.row === row;
  }
  // Inside an ERROR the string's tokens are siblings.
  for (let next = start.nextSibling; next && next.startPosition.row === row; next = next.nextSibling) {
    if (next.type === 'quoted_template_end') return !next.isMissing;
    if (next.type === 'quoted_template_start') return false;
  }
  return false;
}

/** The offset of the line break ending the line that holds `offset` (or the text's end). */
function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/**
 * A word alone on the cursor's line is an argument (or object key) name being typed; the grammar
 * would make it the type of a block, or the name of an argument whose `=` is on a later line.
 */
function blankLoneWord(context: RepairContext): Repair | undefined {
  const { text, line } = context;
  const match = LONE_WORD.exec(text.user.slice(line.start, line.end));
  if (!match) return undefined;
  const at = line.start + match[0].indexOf(match[1]!);
  const start = text.toCopy(at);
  const node = context.tree.rootNode.descendantForIndex(start, start + match[1]!.length);
  if (!node || node.type !== 'identifier') return undefined;
  // An element of a list or of a call's arguments is a value, not a name.
  const owner = node.parent?.type === 'variable_expr' ? node.parent.parent?.parent : node.parent;
  if (owner && ELEMENT_PARENTS.has(owner.type)) return undefined;
  return { at, blank: match[1]!.length, lasting: false };
}

const ELEMENT_PARENTS = new Set(['tuple', 'function_arguments', 'for_tuple_expr', 'for_object_expr', 'for_intro', 'for_cond', 'conditional', 'binary_operation', 'unary_operation', 'new_index', 'template_interpolation']);

/**
 * A closing bracket that error recovery left unmatched while brackets opened inside its own are
 * still open (a list without its `]` before the `}` that ends the block): those are closed just
 * before it, as HCL has to read it. Otherwise the list would take in the blocks that follow.
 */
function closeBeforeStrayCloser(context: RepairContext, statement: Node): Repair | undefined {
  const limit = { row: context.line.number + LOOKAROUND_LINES, column: 0 };
  const errors = statement.type === 'ERROR' ? [statement] : [];
  errors.push(...statement.descendantsOfType('ERROR', statement.startPosition, limit).filter((e): e is Node => e !== null));
  for (const error of errors) {
    for (let i = 0, count = error.childCount; i < count; i++) {
      const token = error.child(i)!;
      if (!CLOSING_BRACKETS.has(token.type)) continue;
      const open = bracketsOpenAt(statement, token.startIndex);
      const own = open.map((o) => o.closing).lastIndexOf(token.type);
      const inside = open.slice(own + 1);
      if (own < 0 || inside.length === 0 || inside.some((o) => o.block || o.closing === '"')) continue;
      return { at: context.text.toUser(token.startIndex), insert: inside.map((o) => o.closing).reverse().join(''), lasting: false };
    }
  }
  return undefined;
}

const CLOSING_BRACKETS = new Set(['}', ')', ']']);

/** A placeholder operand at `at` (on the cursor's line) after a token that needs one, when none follows there. */
function operandAt(context: RepairContext, at: number): Repair | undefined {
  const { tree, text, line } = context;
  const before = tokenBefore(tree.rootNode, at);
  if (!before || before.endIndex <= text.toCopy(line.start) || !EXPECTS_OPERAND.has(before.type)) return undefined;
  const after = tokenAfter(tree.rootNode, at);
  if (after && after.startIndex < text.toCopyAfter(line.end) && OPERAND_STARTS.has(after.type)) return undefined;
  return { at: text.toUser(at), insert: 'x', lasting: false };
}

/** The cursor's line as a complete statement: an operand where one must follow, then closers. */
function completeCursorLine(context: RepairContext, statement: Node): Repair | undefined {
  const { tree, text, line, cursor } = context;
  const lineStart = text.toCopy(line.start);
  const last = tokenBefore(tree.rootNode, text.toCopyAfter(line.end));
  const at = Math.max(cursor, last && last.endIndex > lineStart ? last.endIndex : cursor);
  const operand = operandAt(context, at)?.insert ?? '';
  const open = bracketsOpenAt(statement, at);
  let first = open.length;
  while (first > 0 && open[first - 1]!.unmatched && !open[first - 1]!.block && open[first - 1]!.closing !== '"') first--;
  const closing = open.slice(first).map((o) => o.closing).reverse().join('');
  if (!operand && !closing) return undefined;
  return { at: text.toUser(at), insert: operand + closing, lasting: false };
}

function inCommentOrHeredoc(node: Node | null, offset: number): boolean {
  for (let n = node; n; n = n.parent) {
    if ((n.type === 'comment' || n.type === 'heredoc_template') && n.startIndex < offset) return true;
  }
  return false;
}
