// ModuleFiles over the disk, with an optional overlay of open editor buffers (which win).
// Text that is not valid UTF-8 is still read (with replacement characters) and flagged, so a
// binary file is reported instead of crashing the analysis.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding } from './core/types';
import type { ModuleFiles, SourceText } from './core/workspace';
import { folderListing, type FolderListing } from './core/folderListing';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** fileset() over a larger tree (a checked-out .terraform folder, say) is left Unknown. */
const MAX_LISTED_ENTRIES = 10_000;

export interface Overlay {
  get(path: string): SourceText | undefined;
  /** Paths of open buffers in `dir` (they may not exist on disk yet). */
  inDirectory(dir: string): string[];
}

export class DiskModuleFiles implements ModuleFiles {
  /** Files that could not be read as text and folders that could not be listed, with the reason. */
  readonly unreadable = new Map<string, string>();

  constructor(private readonly overlay?: Overlay) {}

  list(dir: string): FolderListing {
    const names = new Set<string>();
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile() || entry.isSymbolicLink()) names.add(join(dir, entry.name));
      }
    } catch (error) {
      // an unreadable or deleted folder has no files; open buffers may still be listed
      if (isPermissionError(error)) this.unreadable.set(dir, 'is a folder that cannot be read (permission denied); its files are not analysed');
    }
    for (const path of this.overlay?.inDirectory(dir) ?? []) names.add(path);
    return folderListing(dir, names);
  }

  /** Disk files already read by this instance (it serves one analysis, or one CLI run). */
  private readonly texts = new Map<string, SourceText | undefined>();

  read(path: string): SourceText | undefined {
    const open = this.overlay?.get(path);
    if (open) return open;
    if (!this.texts.has(path)) this.texts.set(path, this.readDisk(path));
    return this.texts.get(path);
  }

  /** Files read for Terraform's file functions by this instance. */
  private readonly bytes = new Map<string, Uint8Array | 'missing' | undefined>();

  readBytes(path: string): Uint8Array | 'missing' | undefined {
    const open = this.overlay?.get(path);
    if (open) return new TextEncoder().encode(open.text);
    if (!this.bytes.has(path)) this.bytes.set(path, this.readDiskBytes(path));
    return this.bytes.get(path);
  }

  private readDiskBytes(path: string): Uint8Array | 'missing' | undefined {
    try {
      const stat = statSync(path);
      return stat.isFile() && stat.size <= MAX_FILE_BYTES ? readFileSync(path) : undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
    }
  }

  listFiles(dir: string): string[] | undefined {
    const files: string[] = [];
    const pending = [dir];
    let entries = 0;
    try {
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        for (const entry of readdirSync(next, { withFileTypes: true })) {
          if (++entries > MAX_LISTED_ENTRIES) return undefined;
          const path = join(next, entry.name);
          if (entry.isDirectory()) pending.push(path);
          else if (entry.isFile() || (entry.isSymbolicLink() && linksToFile(path))) files.push(path);
        }
      }
    } catch {
      return undefined;
    }
    return files;
  }

  private readDisk(path: string): SourceText | undefined {
    try {
      if (statSync(path).size > MAX_FILE_BYTES) {
        this.unreadable.set(path, `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not analysed`);
        return undefined;
      }
      const bytes = readFileSync(path);
      const text = decodeText(bytes);
      if (text === undefined) {
        this.unreadable.set(path, 'is not valid UTF-8 text; not analysed');
        return undefined;
      }
      return { path, text };
    } catch (error) {
      // A file that is not there is absent, not unreadable (optional files such as the
      // `terraform init` manifest are read this way).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.unreadable.set(path, `cannot be read (${isPermissionError(error) ? 'permission denied' : (error as NodeJS.ErrnoException).code ?? 'error'}); not analysed`);
      return undefined;
    }
  }
}

function linksToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a broken link
  }
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}

/** A path `DiskModuleFiles` could not read, as a VPCE000 finding at its start. */
export function unreadableFinding(path: string, reason: string): Finding {
  return {
    rule: 'VPCE000', severity: 'error', file: path, message: `${basename(path)} ${reason}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [],
  };
}

/** UTF-8 text without a BOM, or undefined for binary or invalid UTF-8 content. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
