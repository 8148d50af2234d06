// Converted files as plain data, to cross a thread boundary (postMessage's structured clone),
// and back. Everything in an HclFile is plain data except a deferred block, whose body is a
// getter that parses the block's text on first read: it travels as its header and text.
//
// Deferred blocks are most of a large workspace, and cloning objects costs far more than
// cloning numbers: a deferred block's ranges travel as one flat list of numbers, which cut the
// cost of sending a file of deferred resources by about two thirds (measured, docs/design.md).
import type { Attribute, Block, Body, HclFile } from './ast';
import type { Range } from '../types';
import { deferredSource, lazyBlock, type DeferredSource } from './convert';

/** A deferred block in transit. */
interface PackedBlock {
  type: string;
  labels: string[];
  /** range, headerRange, then each label's range: four numbers per range. */
  ranges: number[];
  complete: boolean;
  /** Present only when the block has meta-arguments (count, for_each, provider). */
  meta?: ReadonlyMap<string, Attribute>;
  text: string;
}

type PlainBlock = Omit<Block, 'body'> & { body: PlainBody };
type PlainBody = Omit<Body, 'blocks'> & { blocks: (PlainBlock | { packed: PackedBlock })[] };

/** An HclFile that survives structured cloning. */
export type TransferableFile = Omit<HclFile, 'body'> & { body: PlainBody };

export function toTransferable(file: HclFile): TransferableFile {
  return { ...file, body: plainBody(file.body) };
}

export function fromTransferable(file: TransferableFile): HclFile {
  return { ...file, body: revivedBody(file.body) };
}

function plainBody(body: Body): PlainBody {
  return {
    ...body,
    blocks: body.blocks.map((block) => {
      const deferred = deferredSource(block);
      return deferred ? { packed: pack(deferred.header, deferred.text) } : { ...block, body: plainBody(block.body) };
    }),
  };
}

function revivedBody(body: PlainBody): Body {
  return {
    ...body,
    blocks: body.blocks.map((block) => ('packed' in block ? unpack(block.packed) : { ...block, body: revivedBody(block.body) })),
  };
}

const NO_META: ReadonlyMap<string, Attribute> = new Map();

function pack(header: DeferredSource['header'], text: string): PackedBlock {
  const ranges: number[] = [];
  for (const range of [header.range, header.headerRange, ...header.labelRanges]) {
    ranges.push(range.start.line, range.start.character, range.end.line, range.end.character);
  }
  return {
    type: header.type, labels: header.labels, ranges, complete: header.complete, text,
    ...(header.deferredMeta.size > 0 ? { meta: header.deferredMeta } : {}),
  };
}

function rangeAt(numbers: readonly number[], index: number): Range {
  const at = index * 4;
  return { start: { line: numbers[at]!, character: numbers[at + 1]! }, end: { line: numbers[at + 2]!, character: numbers[at + 3]! } };
}

function unpack(packed: PackedBlock): Block {
  return lazyBlock({
    type: packed.type,
    labels: packed.labels,
    labelRanges: packed.labels.map((_, i) => rangeAt(packed.ranges, i + 2)),
    headerRange: rangeAt(packed.ranges, 1),
    range: rangeAt(packed.ranges, 0),
    complete: packed.complete,
    deferredMeta: packed.meta ?? NO_META,
  }, packed.text);
}
