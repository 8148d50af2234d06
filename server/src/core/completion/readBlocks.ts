// Blocks as completion reads them from the (repaired) tree: type, labels, arguments with their
// value as the user wrote it, and the types of the blocks nested in them. Arguments that error
// recovery left inside an ERROR node are still read, as the analysis does (parse/convert.ts).
import type { Node } from 'web-tree-sitter';
import type { RepairedText } from './repairedText';
import type { ScannedAttribute, ScannedBlock } from './scanned';

export function readBlock(node: Node, text: RepairedText): ScannedBlock {
  const header = readHeader(node, text);
  const block: ScannedBlock = { ...header, attributes: [], blockTypes: [] };
  const body = node.children.find((c) => c?.type === 'body');
  if (body) collectBody(body, block, text);
  return block;
}

/** The file's top-level blocks; `wanted` picks those whose arguments are read (by type and labels). */
export function readFileBlocks(root: Node, text: RepairedText, wanted: (type: string, labels: readonly string[]) => boolean = () => true): ScannedBlock[] {
  const blocks: ScannedBlock[] = [];
  const visit = (node: Node): void => {
    for (let i = 0, count = node.childCount; i < count; i++) {
      const child = node.child(i)!;
      const type = child.type;
      if (type === 'body' || type === 'ERROR') {
        visit(child);
      } else if (type === 'block') {
        const header = readHeader(child, text);
        blocks.push(wanted(header.type, header.labels) ? readBlock(child, text) : { ...header, attributes: [], blockTypes: [] });
      }
    }
  };
  visit(root);
  return blocks;
}

function readHeader(node: Node, text: RepairedText): { type: string; labels: string[] } {
  let type = '';
  const labels: string[] = [];
  for (let i = 0, count = node.childCount; i < count; i++) {
    const child = node.child(i)!;
    const kind = child.type;
    if (kind === 'identifier') {
      if (i === 0) type = text.slice(child.startIndex, child.endIndex);
      else labels.push(text.slice(child.startIndex, child.endIndex));
    } else if (kind === 'string_lit') {
      labels.push(stringContent(child, text));
    } else if (kind === 'block_start') {
      break;
    }
  }
  return { type, labels };
}

function collectBody(node: Node, block: ScannedBlock, text: RepairedText): void {
  for (let i = 0, count = node.childCount; i < count; i++) {
    const child = node.child(i)!;
    const type = child.type;
    if (type === 'attribute') {
      const attribute = readAttribute(child, text);
      if (attribute) block.attributes.push(attribute);
    } else if (type === 'block') {
      const name = child.child(0);
      if (name?.type === 'identifier') block.blockTypes.push(text.slice(name.startIndex, name.endIndex));
    } else if (type === 'ERROR') {
      collectBody(child, block, text);
    }
  }
}

function readAttribute(node: Node, text: RepairedText): ScannedAttribute | undefined {
  const name = node.child(0);
  const value = node.lastChild;
  if (name?.type !== 'identifier' || name.isMissing || value?.type !== 'expression') return undefined;
  const attribute: ScannedAttribute = { name: text.slice(name.startIndex, name.endIndex), valueText: text.slice(value.startIndex, value.endIndex).trim() };
  const string = plainString(value);
  if (string) attribute.stringValue = stringContent(string, text);
  return attribute;
}

/** The string literal an expression is made of, when it is one quoted string without interpolation. */
export function plainString(expression: Node): Node | undefined {
  const literal = expression.childCount === 1 ? expression.child(0) : null;
  const string = literal?.type === 'literal_value' ? literal.child(0) : null;
  return string?.type === 'string_lit' ? string : undefined;
}

/** A string literal's content as written (escapes kept), up to its closing quote or where that is missing. */
export function stringContent(node: Node, text: RepairedText): string {
  const { startIndex, endIndex } = node;
  const copy = text.text;
  // Fast path (lists can be long): both quotes there, the last one not escaped.
  if (endIndex - startIndex >= 2 && copy[startIndex] === '"' && copy[endIndex - 1] === '"' && copy[endIndex - 2] !== '\\') {
    return text.slice(startIndex + 1, endIndex - 1);
  }
  const close = node.lastChild;
  const end = close?.type === 'quoted_template_end' ? close.startIndex : endIndex;
  return text.slice(startIndex + 1, Math.max(startIndex + 1, end));
}
