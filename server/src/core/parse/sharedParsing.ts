// Parsing a batch of files on two threads: this one and the parse thread (parallel.ts). The
// thread gets the files cheapest to send back (split.ts), as large a share as it proved able
// to carry (shareEstimate.ts); this thread parses the rest meanwhile and then adopts the
// thread's conversions. A thread that fails or is stuck only means this one parses everything.
import type { EagerBodyPredicate } from './ast';
import type { ParseThread, ParseRequest } from './parallel';
import type { HclParser } from './parseFile';
import { ShareEstimate } from './shareEstimate';
import { bytesOf, splitForThread } from './split';

/** How many files were parsed on this thread and on the parse thread. */
export interface SharedParseResult {
  here: number;
  onThread: number;
}

/** Below this many bytes to parse, a second thread costs more than it saves. */
const MIN_PARALLEL_BYTES = 64 * 1024;
/** The least time the parse thread is given before it is taken for stuck. */
const MIN_PATIENCE_MS = 10_000;

export class SharedParsing {
  /** The parse thread's share of the bytes, learnt from how fast each side was. */
  readonly share = new ShareEstimate();

  constructor(private readonly parser: HclParser, private readonly thread: ParseThread, private readonly eager: EagerBodyPredicate) {}

  get usable(): boolean {
    return this.thread.usable;
  }

  /** Parses `sources` (disk files, not parsed yet) into the parser's cache, on both threads. */
  async parse(sources: readonly ParseRequest[]): Promise<SharedParseResult> {
    if (!this.thread.usable || sources.length < 2 || bytesOf(sources) < MIN_PARALLEL_BYTES) return { here: 0, onThread: 0 };
    const [theirs, mine] = splitForThread(sources, this.share.share, this.eager);
    const started = performance.now();
    let arrived = 0;
    const answer = this.thread.parse(theirs.map(({ path, text }) => ({ path, text }))).then((result) => {
      arrived = performance.now();
      return result;
    });
    for (const { path, text } of mine) this.parser.parse(path, text);
    const mineMs = performance.now() - started;
    // A thread that takes far longer than its share should is taken for stuck: this thread then
    // parses its files too, and the analysis is late but never hangs.
    const expectedMs = mineMs * (bytesOf(theirs) / Math.max(1, bytesOf(mine)));
    const converted = await this.thread.waitAtMost(answer, Math.max(MIN_PATIENCE_MS, 4 * expectedMs));
    if (!converted) return { here: mine.length, onThread: 0 };
    converted.files.forEach((file, i) => this.parser.adopt(theirs[i]!.path, theirs[i]!.text, file));
    // The thread's cost as this thread felt it: its work, or, when this thread had to wait,
    // everything until its files were here (sending and receiving them included).
    const theirMs = arrived - started > mineMs ? arrived - started : converted.workMs;
    this.share.observe(bytesOf(theirs), theirMs, bytesOf(mine), mineMs);
    return { here: mine.length, onThread: converted.files.length };
  }

  dispose(): Promise<void> {
    return this.thread.dispose();
  }
}
