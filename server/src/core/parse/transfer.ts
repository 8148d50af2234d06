// Converted files as plain data, to cross a thread boundary (postMessage's structured clone),
// and back. Everything in an HclFile is plain data except a deferred block, whose body is a
// getter that parses the block's text on first read: it travels as its header and text.
import type { Block, Body, HclFile } from './ast';
import { deferredSource, lazyBlock, type DeferredSource } from './convert';

type PlainBlock = Omit<Block, 'body'> & { body: PlainBody };
type PlainBody = Omit<Body, 'blocks'> & { blocks: (PlainBlock | { deferred: DeferredSource })[] };

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
      return deferred ? { deferred } : { ...block, body: plainBody(block.body) };
    }),
  };
}

function revivedBody(body: PlainBody): Body {
  return {
    ...body,
    blocks: body.blocks.map((block) => ('deferred' in block
      ? lazyBlock(block.deferred.header, block.deferred.text)
      : { ...block, body: revivedBody(block.body) })),
  };
}
