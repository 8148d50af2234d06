// Which module directories a CLI invocation covers, and which files within them it reports on.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isConfigFile } from '../core/configFiles';
import { terraformFoldersUnder } from '../terraformFolders';

export interface Target {
  dir: string;
  /** When a single .tf / .tofu file was named: report only on it. */
  onlyFile?: string;
  /** The PATH argument this target came from, as the user wrote it. */
  given: string;
  /** How output names this module: the PATH as given, or (with --recursive) the folder below it in the same style. */
  label: string;
}

/** Targets for the given paths, or an error message for a path that cannot be read. */
export function resolveTargets(paths: readonly string[], recursive: boolean): Target[] | string {
  const targets: Target[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? `${path}: no such file or directory` : `${path}: cannot be read (${code})`;
    }
    if (stats.isFile()) {
      if (!isConfigFile(absolute)) return `${path}: not a .tf or .tofu file or a directory`;
      targets.push({ dir: dirname(absolute), onlyFile: absolute, given: path, label: path });
    } else if (stats.isDirectory()) {
      const dirs = recursive ? terraformFoldersUnder(absolute) : listable(absolute) ? [absolute] : undefined;
      if (dirs === undefined) return `${path}: cannot be read (permission denied)`;
      targets.push(...dirs.map((dir) => ({ dir, given: path, label: dir === absolute ? path : join(path, relative(absolute, dir)) })));
    } else {
      return `${path}: not a .tf or .tofu file or a directory`;
    }
  }
  return targets;
}

function listable(dir: string): boolean {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
