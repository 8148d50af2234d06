// Which files `vpce-lens diff` reads at the base and which it reads as they are now: the base
// covers the files under its root (the repository's work tree, or the current folder for
// --base-dir), except the `terraform init` cache (`.terraform`, never committed) and the files
// named by flags (--var-file, --usage-file: settings of the run, the same for both sides).
import { isAbsolute, relative, sep } from 'node:path';

export class BaseScope {
  constructor(readonly root: string, private readonly fromNow: ReadonlySet<string>) {}

  /** The path relative to the base's root when it is read at the base, else undefined. */
  relative(path: string): string | undefined {
    if (this.fromNow.has(path)) return undefined;
    const rel = relative(this.root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).includes('.terraform') ? undefined : rel;
  }
}
