// When each module folder last changed, on one clock: an analysis stamped with the clock when it
// started is current while no folder it read has changed since. Edits, opened and closed
// buffers, files changed on disk and settings all advance the clock.
export class ChangeClock {
  private now = 0;
  private readonly changedAt = new Map<string, number>();
  /** The last change that concerns every folder (settings, workspace folders, a watched file). */
  private everythingAt = 0;

  /** The clock now: stamp an analysis with it before it reads anything. */
  stamp(): number {
    return this.now;
  }

  changed(dir: string): void {
    this.changedAt.set(dir, ++this.now);
  }

  changedEverything(): void {
    this.everythingAt = ++this.now;
  }

  /** Whether any of `dirs` changed after `stamp`. */
  changedSince(stamp: number, dirs: Iterable<string>): boolean {
    if (this.everythingAt > stamp) return true;
    for (const dir of dirs) if ((this.changedAt.get(dir) ?? 0) > stamp) return true;
    return false;
  }
}
