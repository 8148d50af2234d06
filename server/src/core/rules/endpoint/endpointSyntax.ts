// Where in an endpoint's block a finding goes, and edits on its arguments that stay valid
// when the block is written on one line.
import type { EndpointView } from '../../model/endpoints';
import type { Attribute, Block, HclFile } from '../../parse/ast';
import { findAttribute } from '../../parse/ast';
import { removeAttribute } from '../../fixes/edits';
import type { Range, TextEdit } from '../../types';

export function argumentOf(view: EndpointView, name: string): Attribute | undefined {
  return findAttribute(view.resource.block.body, name);
}

export function nestedBlockOf(view: EndpointView, type: string): Block | undefined {
  return view.resource.block.body.blocks.find((b) => b.type === type);
}

/** The range for a missing argument: the block's header (`resource "aws_vpc_endpoint" "x" {`). */
export function headerOf(view: EndpointView): Range {
  return view.resource.block.headerRange;
}

/** The attribute when written, else the block header. */
export function argumentOrHeader(view: EndpointView, name: string): Range {
  return argumentOf(view, name)?.range ?? headerOf(view);
}

/** Removes an argument (attribute or nested block) with its lines, or only its text when it shares a line with the block's braces. */
export function removeArgument(file: HclFile, block: Block, argument: Attribute | Block): TextEdit {
  const sharesLine = argument.range.start.line === block.range.start.line || argument.range.end.line === block.range.end.line;
  if (sharesLine) return { file: file.path, range: argument.range, newText: '' };
  if ('name' in argument) return removeAttribute(file, argument);
  return { file: file.path, range: { start: { line: argument.range.start.line, character: 0 }, end: { line: argument.range.end.line + 1, character: 0 } }, newText: '' };
}
