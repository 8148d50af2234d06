// The value of an argument at the cursor, read from the nodes on the path to it: the brackets
// open there (lists, calls, objects with their items and the key the cursor is under), and the
// quoted string it is in, which never reaches past the cursor's line.
import type { Node } from 'web-tree-sitter';
import { plainString, stringContent } from './readBlocks';
import type { ObjectField, OpenContainer, StringAtCursor } from './scanned';
import type { CompletionSyntax } from './syntax';

/** The value of an argument, as far as the path to the cursor has entered it. */
export interface Value {
  attribute: string;
  containers: OpenContainer[];
  string?: StringAtCursor;
  /** Where its `=` ends, and where its outermost open bracket starts (offsets in the copy). */
  equals: number;
  outermost?: number;
}

/** One node of the value on the path to the cursor: a container it opens, its string, or nowhere. */
export function enterValue(node: Node, syntax: CompletionSyntax, value: Value): 'none' | undefined {
  const { cursor } = syntax;
  switch (node.type) {
    case 'tuple':
    case 'for_tuple_expr':
    case 'new_index':
      if (inside(node, cursor)) open(value, node, container(node, '[', syntax));
      return undefined;
    case 'object':
    case 'for_object_expr':
      if (inside(node, cursor)) open(value, node, objectContainer(node, syntax));
      return undefined;
    case 'function_call': {
      const name = node.child(0)!;
      if (inside(node, cursor, 1)) open(value, node, { ...container(node, '(', syntax), call: syntax.text.slice(name.startIndex, name.endIndex) });
      return undefined;
    }
    case 'expression':
      if (node.child(0)?.type === '(' && inside(node, cursor)) open(value, node, container(node, '(', syntax));
      return undefined;
    case 'string_lit':
    case 'quoted_template':
      if (inside(node, cursor)) {
        const string = stringAt(node, syntax);
        if (string) value.string = string;
      }
      return undefined;
    case 'template_interpolation':
    case 'template_directive': {
      // From just after its `$` to its `}`.
      const close = node.lastChild;
      return cursor > node.startIndex && (!close || close.startIndex === close.endIndex || cursor <= close.startIndex) ? 'none' : undefined;
    }
    case 'heredoc_template':
      return 'none';
    default:
      return undefined;
  }
}

function open(value: Value, node: Node, container: OpenContainer): void {
  if (value.containers.length === 0) value.outermost = node.startIndex;
  value.containers.push(container);
}

/**
 * The cursor is between the node's opening token (its child `openAt`) and its closing one (the
 * last child), or after the opening one when the closing one is missing.
 */
function inside(node: Node, cursor: number, openAt = 0): boolean {
  const open = node.child(openAt);
  const close = node.lastChild;
  if (!open || cursor < open.endIndex) return false;
  return !close || close.startIndex === open.startIndex || close.startIndex === close.endIndex || cursor <= close.startIndex;
}

function container(node: Node, open: OpenContainer['open'], syntax: CompletionSyntax): OpenContainer {
  return { open, strings: stringsIn(node, syntax), fields: [] };
}

/** Brackets whose strings are their own, not those of a container around them. */
const NESTED = ['tuple', 'object', 'function_call', 'new_index', 'for_tuple_expr', 'for_object_expr', 'quoted_template', 'heredoc_template'];

/** The plain quoted strings of a container that no inner bracket (or `${…}`, or heredoc) holds. */
function stringsIn(node: Node, syntax: CompletionSyntax): string[] {
  // Two searches in wasm rather than a walk from JS: a list may have thousands of elements.
  const { startPosition, endPosition, startIndex, endIndex } = node;
  const inner = node.descendantsOfType([...NESTED, '('], startPosition, endPosition)
    .map((n) => (n?.type === '(' ? n.parent : n)) // a `(` stands for its call or parenthesized expression
    .filter((n): n is Node => n !== null && (n.type !== 'expression' || n.child(0)?.type === '('))
    .map((n) => [n.startIndex, n.endIndex] as const)
    .filter(([start, end]) => start !== startIndex || end !== endIndex);
  const strings: string[] = [];
  for (const string of node.descendantsOfType('string_lit', startPosition, endPosition)) {
    if (!string) continue;
    const at = string.startIndex;
    if (!inner.some(([start, end]) => at > start && at < end)) strings.push(stringContent(string, syntax.text));
  }
  return strings;
}

/** An object: its items, and the key of the one whose value the cursor is in. */
function objectContainer(node: Node, syntax: CompletionSyntax): OpenContainer {
  const { cursor, text } = syntax;
  const object: OpenContainer = { ...container(node, '{', syntax), fields: [] };
  let current: { key: string; end: number } | undefined;
  for (let i = 0, count = node.childCount; i < count; i++) {
    const child = node.child(i)!;
    if (child.type === ',' && child.endIndex <= cursor) current = undefined;
    if (child.type !== 'object_elem') continue;
    const key = child.child(0)!;
    const separator = child.child(1);
    const val = child.lastChild;
    const field: ObjectField = { key: keyText(key, syntax) };
    const string = val?.type === 'expression' ? plainString(val) : undefined;
    if (string) field.string = stringContent(string, text);
    object.fields.push(field);
    if (separator && separator.endIndex <= cursor) current = { key: field.key, end: child.endIndex };
  }
  // The item's key holds until a comma or the end of its line, as in HCL.
  if (current && (cursor <= current.end || !text.slice(current.end, cursor).includes('\n'))) object.key = current.key;
  return object;
}

function keyText(key: Node, syntax: CompletionSyntax): string {
  const inner = key.child(0);
  if (inner?.type === 'literal_value' && inner.child(0)?.type === 'string_lit') return stringContent(inner.child(0)!, syntax.text);
  return syntax.text.slice(key.startIndex, key.endIndex).trim();
}

/**
 * The string the cursor is in, on the cursor's line only: a quoted string ends with its line in
 * HCL, whatever recovery made of a line the repairs could not mend.
 */
function stringAt(node: Node, syntax: CompletionSyntax): StringAtCursor | undefined {
  const { text, lines } = syntax;
  const close = node.lastChild;
  const closing = close?.type === 'quoted_template_end' ? close : undefined;
  const cursor = text.toUser(syntax.cursor);
  const line = lines.positionAt(cursor).line;
  const lineEnd = lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  const start = text.toUser(node.child(0)!.endIndex);
  const end = text.toUser(closing ? closing.startIndex : node.endIndex);
  if (start < lines.offsetAt({ line, character: 0 })) return undefined;
  return {
    content: { start: lines.positionAt(start), end: lines.positionAt(Math.min(end, lineEnd)) },
    before: text.user.slice(start, cursor),
    after: text.user.slice(cursor, Math.min(end, lineEnd)),
    closed: end <= lineEnd && closing !== undefined && !closing.isMissing && !text.isInserted(closing.startIndex),
  };
}
