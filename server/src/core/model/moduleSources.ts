// Where a module call's code is: a local source is a folder beside the caller; any other source
// (registry, git, S3, ...) is where `terraform init` (or `tofu init`) downloaded it, as recorded
// in the root module's `.terraform/modules/modules.json`. Read offline; never downloads.
import { join, resolve } from 'node:path';
import type { ModuleFiles } from '../workspace';
import type { ModuleCall } from './module';
import { normalizeModuleSource } from './registryModules/sources';

const MODULE_MANIFEST = join('.terraform', 'modules', 'modules.json');

interface ManifestEntry {
  dir: string;
  source: string;
}

/** The `terraform init` cache of one root module: module key (`vpc`, `vpc.endpoints`) -> folder. */
export class ModuleManifest {
  private constructor(private readonly entries: ReadonlyMap<string, ManifestEntry>, readonly problem?: string) {}

  static empty(): ModuleManifest {
    return new ModuleManifest(new Map());
  }

  /** Reads `<rootDir>/.terraform/modules/modules.json`; a missing file is an empty cache. */
  static read(rootDir: string, files: ModuleFiles): ModuleManifest {
    const source = files.read(join(rootDir, MODULE_MANIFEST));
    if (!source) return ModuleManifest.empty();
    let parsed: unknown;
    try {
      parsed = JSON.parse(source.text);
    } catch (error) {
      return new ModuleManifest(new Map(), `${MODULE_MANIFEST} is not valid JSON (${(error as Error).message}); downloaded modules are not read`);
    }
    const modules = (parsed as { Modules?: unknown })?.Modules;
    if (!Array.isArray(modules)) return new ModuleManifest(new Map(), `${MODULE_MANIFEST} has no "Modules" list; downloaded modules are not read`);
    const entries = new Map<string, ManifestEntry>();
    for (const entry of modules as { Key?: unknown; Dir?: unknown; Source?: unknown }[]) {
      if (typeof entry?.Key !== 'string' || typeof entry.Dir !== 'string') continue;
      entries.set(entry.Key, { dir: resolve(rootDir, entry.Dir), source: typeof entry.Source === 'string' ? entry.Source : '' });
    }
    return new ModuleManifest(entries);
  }

  get size(): number {
    return this.entries.size;
  }

  entry(key: string): ManifestEntry | undefined {
    return this.entries.get(key);
  }
}

export type ModuleLocation =
  | { kind: 'local'; dir: string }
  | { kind: 'downloaded'; dir: string }
  | { kind: 'unread'; reason: string };

/** Terraform reads a source as a local path only when it starts with ./ or ../ */
export function isLocalSource(source: string): boolean {
  return /^\.\.?(\/|\\|$)/.test(source);
}

/** The module key Terraform records for a call: its callers' call names joined by dots. */
export function moduleKey(parentKey: string, call: ModuleCall): string {
  return parentKey === '' ? call.name : `${parentKey}.${call.name}`;
}

export function locateModule(call: ModuleCall, callerDir: string, key: string, manifest: ModuleManifest): ModuleLocation {
  if (call.source === undefined) return { kind: 'unread', reason: 'its source is not a literal string' };
  if (isLocalSource(call.source)) return { kind: 'local', dir: resolve(callerDir, call.source) };
  const entry = manifest.entry(key);
  if (!entry) return { kind: 'unread', reason: 'source not downloaded: run terraform init' };
  if (entry.source !== '' && normalizeModuleSource(entry.source) !== normalizeModuleSource(call.source)) {
    return { kind: 'unread', reason: 'the source changed since terraform init: run terraform init' };
  }
  return { kind: 'downloaded', dir: entry.dir };
}
