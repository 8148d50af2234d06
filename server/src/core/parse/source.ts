// The text being converted, shared by the block and expression converters for the duration of
// one synchronous conversion (reading text from the source is cheaper than from the tree).
import type { Node } from 'web-tree-sitter';

let source: string | undefined;

export function currentSource(): string | undefined {
  return source;
}

/** Runs `convert` with `text` as the current source, restoring the previous one after. */
export function withSource<T>(text: string | undefined, convert: () => T): T {
  const saved = source;
  source = text;
  try {
    return convert();
  } finally {
    source = saved;
  }
}

export function textOf(node: Node): string {
  return source !== undefined ? source.slice(node.startIndex, node.endIndex) : node.text;
}
