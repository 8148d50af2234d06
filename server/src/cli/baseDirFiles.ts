// ModuleFiles for `diff --base-dir DIR`: DIR holds the base of the current folder, so a path
// under the current folder is read at the same place under DIR and answered under its own
// name (the analysis of the base then names files as the analysis of now does).
import { join, relative } from 'node:path';
import type { FolderListing } from '../core/folderListing';
import type { ModuleFiles, SourceText } from '../core/workspace';
import type { BaseScope } from '../baseScope';
import { DiskModuleFiles } from '../diskFiles';

export class BaseDirFiles implements ModuleFiles {
  private readonly base = new DiskModuleFiles();

  constructor(private readonly scope: BaseScope, private readonly baseDir: string, private readonly now: DiskModuleFiles) {}

  /** What could not be read now and in DIR (DIR's paths as they are there). */
  get unreadable(): ReadonlyMap<string, string> {
    return new Map([...this.now.unreadable, ...this.base.unreadable]);
  }

  list(dir: string): FolderListing {
    const there = this.at(dir);
    if (there === undefined) return this.now.list(dir);
    const listing = this.base.list(there);
    const back = (path: string) => join(dir, relative(there, path));
    return { tf: listing.tf.map(back), varFiles: listing.varFiles.map(back), ...(listing.usageFile ? { usageFile: back(listing.usageFile) } : {}) };
  }

  read(path: string): SourceText | undefined {
    const there = this.at(path);
    if (there === undefined) return this.now.read(path);
    const source = this.base.read(there);
    return source && { path, text: source.text };
  }

  readBytes(path: string): Uint8Array | 'missing' | undefined {
    const there = this.at(path);
    return there === undefined ? this.now.readBytes(path) : this.base.readBytes(there);
  }

  listFiles(dir: string): string[] | undefined {
    const there = this.at(dir);
    if (there === undefined) return this.now.listFiles(dir);
    return this.base.listFiles(there)?.map((path) => join(dir, relative(there, path)));
  }

  private at(path: string): string | undefined {
    const rel = this.scope.relative(path);
    return rel === undefined ? undefined : join(this.baseDir, rel);
  }
}
