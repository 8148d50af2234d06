// How to split parsing between this thread and the parse thread: in proportion to the speed
// each showed last time (bytes per millisecond), smoothed so one noisy run cannot swing it.
// The two threads are rarely equal: the parse thread also pays for sending its results, and
// on a shared machine one core is often busier than the other.

const MIN_SHARE = 0.2;
const MAX_SHARE = 0.8;
/** Weight of the newest observation. */
const SMOOTHING = 0.5;
/** Shorter runs say more about timer noise than about speed. */
const MIN_OBSERVED_MS = 20;

export class ShareEstimate {
  /** The parse thread's share of the bytes, 0..1. */
  share = 0.5;

  /** One split as it happened: the bytes each side parsed and the time each took. */
  observe(theirBytes: number, theirMs: number, myBytes: number, myMs: number): void {
    if (theirBytes === 0 || myBytes === 0 || theirMs < MIN_OBSERVED_MS || myMs < MIN_OBSERVED_MS) return;
    const theirSpeed = theirBytes / theirMs;
    const mySpeed = myBytes / myMs;
    const balanced = theirSpeed / (theirSpeed + mySpeed);
    const next = (1 - SMOOTHING) * this.share + SMOOTHING * balanced;
    this.share = Math.min(MAX_SHARE, Math.max(MIN_SHARE, next));
  }
}
