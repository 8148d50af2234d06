// What a value rests on that the Terraform itself does not say: the AZ count of a region from
// the shipped table, a region taken from the vpceLens.region setting or the us-east-1 fallback.
// Such notes travel with the values computed from them, into the views and the cost entries.
//
// Evaluation is synchronous, so the notes of the computation under way live in module state:
// a frame is opened for each cached value (References keeps the frame's notes with the value
// and replays them on every cache hit) and for each `Evaluator.withAssumptions` call. A note
// made outside any frame concerns nobody and is dropped. Nothing is allocated until a note is
// made, so evaluation that assumes nothing costs a counter and a field per frame.

export interface Assumption {
  /** What the assumption decides: rules that judge a region stay silent on an assumed one. */
  readonly about: 'region' | 'zones';
  /** One sentence, as the cost entries and hovers show it. */
  readonly text: string;
}

const interned = new Map<string, Assumption>();

/** The one Assumption object for a text, so that sets of them hold each once. */
export function assumption(about: Assumption['about'], text: string): Assumption {
  let found = interned.get(text);
  if (!found) interned.set(text, (found = Object.freeze({ about, text })));
  return found;
}

let openFrames = 0;
let current: Set<Assumption> | undefined;

/** Records that the value being computed rests on `note`. */
export function assume(note: Assumption): void {
  if (openFrames === 0) return;
  (current ??= new Set()).add(note);
}

/** Adds notes gathered earlier (a cached value's) to the computation under way. */
export function replay(notes: ReadonlySet<Assumption> | undefined): void {
  if (notes === undefined || openFrames === 0) return;
  if (current) for (const note of notes) current.add(note);
  else current = new Set(notes);
}

/** Starts gathering the notes of one computation; give the result to `closeFrame`. */
export function openFrame(): Set<Assumption> | undefined {
  const outer = current;
  current = undefined;
  openFrames++;
  return outer;
}

/**
 * Ends the computation started by the matching `openFrame` (call it in a `finally`): returns
 * its notes, which also count for the computation that encloses it.
 */
export function closeFrame(outer: Set<Assumption> | undefined): ReadonlySet<Assumption> | undefined {
  const mine = current;
  openFrames--;
  current = outer;
  replay(mine);
  return mine;
}

/** The notes of the frame `inFrame` closed last. */
let lastFrameNotes: ReadonlySet<Assumption> | undefined;

function inFrame<T>(compute: () => T): T {
  const outer = openFrame();
  try {
    return compute();
  } finally {
    lastFrameNotes = closeFrame(outer);
  }
}

export const NONE: readonly Assumption[] = Object.freeze([]);

/** The value `compute` returns, with the notes made while computing it. */
export function withAssumptions<T>(compute: () => T): { value: T; assumptions: readonly Assumption[] } {
  const value = inFrame(compute);
  return { value, assumptions: lastFrameNotes ? [...lastFrameNotes] : NONE };
}

/**
 * Builds an object (a view) that lists what its values rest on: `build` makes it with
 * `assumptions: NONE`, and the notes made meanwhile are put there. No copy, no wrapper.
 */
export function withAssumptionsIn<T extends { assumptions: readonly Assumption[] }>(build: () => T): T {
  const built = inFrame(build);
  if (lastFrameNotes) built.assumptions = [...lastFrameNotes];
  return built;
}

/** Both lists, each note once. */
export function mergeAssumptions(a: readonly Assumption[], b: readonly Assumption[]): readonly Assumption[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])];
}
