// Syntax errors as positions and one-line messages. Only subtrees that contain an error are
// visited, so a clean file costs nothing here.
import type { Node } from 'web-tree-sitter';
import type { SyntaxError } from './ast';
import { rangeOf } from './range';

export const MAX_SYNTAX_ERRORS = 50;

export function collectSyntaxErrors(root: Node): SyntaxError[] {
  const errors: SyntaxError[] = [];
  // Iterative, in document order: a 4,000-deep file must not overflow the stack.
  const stack: Node[] = [root];
  while (stack.length > 0 && errors.length < MAX_SYNTAX_ERRORS) {
    const node = stack.pop()!;
    if (node.isMissing) {
      errors.push({ range: rangeOf(node), message: `Syntax error: missing ${describeMissing(node)}.` });
    } else if (node.type === 'ERROR') {
      errors.push({ range: rangeOf(node), message: `Syntax error: unexpected ${describeUnexpected(node)}.` });
    } else {
      const children = node.children.filter((c): c is Node => c !== null && (c.hasError || c.isMissing));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return errors;
}

function describeMissing(node: Node): string {
  // After `=` the grammar expects an expression and reports the identifier it would start with.
  if (node.type === 'identifier' && node.parent?.type === 'variable_expr') return 'a value';
  return node.isNamed ? node.type.replace(/_/g, ' ') : `"${node.type}"`;
}

function describeUnexpected(node: Node): string {
  const text = node.text.trim();
  if (text.length === 0) return 'end of file';
  const firstLine = text.split('\n')[0]!;
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  return `"${shown}"`;
}
