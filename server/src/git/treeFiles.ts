// ModuleFiles at a commit: the analyzer reads the files of a git tree at the same paths as the
// work tree's, without checking anything out. The analyzer reads synchronously and git objects
// are read asynchronously, so a pass of the analysis asks for what it lacks, `load()` reads
// that, and the caller runs the pass again until nothing new is asked (one pass per level of
// nested local modules).
import { basename, dirname, join } from 'node:path';
import { folderListing, type FolderListing } from '../core/folderListing';
import type { ModuleFiles, SourceText } from '../core/workspace';
import type { BaseScope } from '../baseScope';
import { decodeText, type DiskModuleFiles } from '../diskFiles';
import { readBlob, readTree, type GitRepository, type TreeEntry } from './repository';

/** The base commit's objects cannot be read (a shallow or partial clone without them, a damaged repository). */
export class GitReadError extends Error {}

type Folder = Map<string, TreeEntry>;

export class GitTreeFiles implements ModuleFiles {
  /** Files of the base that are not text, with the reason; and what the disk could not read. */
  readonly unreadable: Map<string, string>;
  /** Folders by repository-relative path ('' is the root); null: no such folder at the commit. */
  private readonly folders = new Map<string, Folder | null>();
  private readonly blobs = new Map<string, Uint8Array | 'missing'>();
  private readonly texts = new Map<string, SourceText | undefined>();
  private readonly wanted = { folders: new Set<string>(), files: new Set<string>() };

  constructor(private readonly repo: GitRepository, private readonly commit: string, private readonly scope: BaseScope, private readonly now: DiskModuleFiles) {
    this.unreadable = now.unreadable;
  }

  list(dir: string): FolderListing {
    const rel = this.scope.relative(dir);
    if (rel === undefined) return this.now.list(dir);
    const folder = this.folder(rel);
    if (!folder) return { tf: [], varFiles: [] };
    return folderListing(dir, [...folder.values()].filter((e) => e.type === 'blob').map((e) => join(dir, e.name)));
  }

  read(path: string): SourceText | undefined {
    const rel = this.scope.relative(path);
    if (rel === undefined) return this.now.read(path);
    if (this.texts.has(path)) return this.texts.get(path);
    const bytes = this.bytesAt(rel);
    if (bytes === undefined || bytes === 'missing') return undefined;
    const text = decodeText(bytes);
    if (text === undefined) this.unreadable.set(path, 'is not valid UTF-8 text at the base; not analysed');
    const source = text === undefined ? undefined : { path, text };
    this.texts.set(path, source);
    return source;
  }

  readBytes(path: string): Uint8Array | 'missing' | undefined {
    const rel = this.scope.relative(path);
    return rel === undefined ? this.now.readBytes(path) : this.bytesAt(rel);
  }

  /** Asks for the folders given (before the first pass, so that it finds the root modules). */
  async preload(dirs: readonly string[]): Promise<void> {
    for (const dir of dirs) {
      const rel = this.scope.relative(dir);
      if (rel !== undefined) this.wanted.folders.add(rel);
    }
    await this.load();
  }

  /** Reads what the last pass asked for and did not find; false when it asked for nothing. Throws GitReadError. */
  async load(): Promise<boolean> {
    const folders = [...this.wanted.folders];
    const files = [...this.wanted.files];
    this.wanted.folders.clear();
    this.wanted.files.clear();
    for (const rel of folders) {
      const folder = await this.loadFolder(rel);
      // The analysis reads a folder's configuration, var and usage files right after listing it.
      const listing = folder ? folderListing(rel, [...folder.values()].filter((e) => e.type === 'blob').map((e) => join(rel, e.name))) : undefined;
      for (const file of listing ? [...listing.tf, ...listing.varFiles, ...(listing.usageFile ? [listing.usageFile] : [])] : []) await this.loadBlob(file);
    }
    for (const rel of files) await this.loadBlob(rel);
    return folders.length + files.length > 0;
  }

  private folder(rel: string): Folder | null | undefined {
    if (!this.folders.has(rel)) this.wanted.folders.add(rel);
    return this.folders.get(rel);
  }

  /** A file's bytes; 'missing' when the commit has no such file; undefined until loaded (it is then asked for). */
  private bytesAt(rel: string): Uint8Array | 'missing' | undefined {
    const known = this.blobs.get(rel);
    if (known !== undefined) return known;
    const folder = this.folder(parentOf(rel));
    if (folder === null) return 'missing';
    if (folder !== undefined && folder.get(basename(rel))?.type !== 'blob') return 'missing';
    this.wanted.files.add(rel);
    return undefined;
  }

  private async loadFolder(rel: string): Promise<Folder | null> {
    if (this.folders.has(rel)) return this.folders.get(rel)!;
    let folder: Folder | null;
    if (rel === '') {
      folder = new Map((await this.objects(() => readTree(this.repo, this.commit), 'its root folder')).map((e) => [e.name, e]));
    } else {
      const parent = await this.loadFolder(parentOf(rel));
      const entry = parent?.get(basename(rel));
      folder = entry?.type === 'tree' ? new Map((await this.objects(() => readTree(this.repo, entry.oid), rel)).map((e) => [e.name, e])) : null;
    }
    this.folders.set(rel, folder);
    return folder;
  }

  private async loadBlob(rel: string): Promise<void> {
    if (this.blobs.has(rel)) return;
    const entry = (await this.loadFolder(parentOf(rel)))?.get(basename(rel));
    this.blobs.set(rel, entry?.type === 'blob' ? await this.objects(() => readBlob(this.repo, entry.oid), rel) : 'missing');
  }

  private async objects<T>(read: () => Promise<T>, what: string): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const shallow = this.repo.shallow ? ' (this is a shallow clone: fetch more history, git fetch --deepen=100 or git fetch --unshallow)' : '';
      throw new GitReadError(`${what} cannot be read at commit ${this.commit.slice(0, 7)}: ${(error as Error).message}${shallow}`);
    }
  }
}

/** The folder of a repository-relative path ('' for the root). */
function parentOf(rel: string): string {
  const parent = dirname(rel);
  return parent === '.' ? '' : parent;
}
