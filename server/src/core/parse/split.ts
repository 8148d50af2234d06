// Which files the parse thread gets. Sending a converted file back costs this thread its
// deserialisation, and that cost depends on what the file holds: a block converted whole (an
// endpoint, a subnet) is a tree of small objects that costs about as much to receive as to parse
// here, while a deferred block (most resources) is a header and a string, cheap to receive.
// So the thread gets the files with the fewest eager blocks, up to its share of the bytes.
import type { EagerBodyPredicate } from './ast';

export interface SplitSource {
  text: string;
}

/** A top-level block header at the start of a line: its type and first label. */
const TOP_LEVEL_HEADER = /^([A-Za-z_][\w-]*)(?:[ \t]+"([^"\n]*)")?/gm;

/** The fraction of the file's top-level blocks that are converted whole (0 when none are found). */
export function eagerFraction(text: string, eager: EagerBodyPredicate): number {
  let blocks = 0;
  let eagerBlocks = 0;
  for (const match of text.matchAll(TOP_LEVEL_HEADER)) {
    blocks++;
    if (eager(match[1]!, match[2] === undefined ? [] : [match[2]])) eagerBlocks++;
  }
  return blocks === 0 ? 0 : eagerBlocks / blocks;
}

/** The total length of the sources' texts. */
export function bytesOf(sources: readonly SplitSource[]): number {
  return sources.reduce((n, s) => n + s.text.length, 0);
}

/**
 * [the thread's files, this thread's files]: the thread's about `share` of the bytes, taken from
 * the files cheapest to send back (fewest eager blocks first, larger first among equals).
 */
export function splitForThread<T extends SplitSource>(sources: readonly T[], share: number, eager: EagerBodyPredicate): [T[], T[]] {
  const target = share * bytesOf(sources);
  const ranked = sources
    .map((source) => ({ source, cost: eagerFraction(source.text, eager) }))
    .sort((a, b) => a.cost - b.cost || b.source.text.length - a.source.text.length);
  const theirs: T[] = [];
  const mine: T[] = [];
  let theirBytes = 0;
  for (const { source } of ranked) {
    const size = source.text.length;
    if (theirBytes + size / 2 <= target) {
      theirs.push(source);
      theirBytes += size;
    } else {
      mine.push(source);
    }
  }
  return [theirs, mine];
}
