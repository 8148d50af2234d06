// A converted block moved down or up by whole lines: the same syntax with every position's line
// shifted. Lets the conversion reuse a top-level block whose text did not change when lines were
// inserted or removed above it (a newline at the top of a file would otherwise re-convert every
// block of it, through many calls into the parser's wasm).
import type { Block } from './ast';

/** How blocks whose body is converted on first read are taken apart and rebuilt (convert.ts). */
export interface DeferredBlocks<H> {
  source(block: Block): { header: H; text: string } | undefined;
  rebuild(header: H, text: string): Block;
}

/** `block` with every line number moved by `lines`; deferred bodies stay deferred. */
export function shiftBlock<H>(block: Block, lines: number, deferred: DeferredBlocks<H>): Block {
  const shifted = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(shifted);
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, shifted(v)]));
    const source = deferred.source(value as Block);
    if (source) return deferred.rebuild(shifted(source.header) as H, source.text);
    const record = value as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number') return { ...record, line: record.line + lines };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) out[key] = shifted(record[key]);
    return out;
  };
  return lines === 0 ? block : (shifted(block) as Block);
}
