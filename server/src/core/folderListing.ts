// What `ModuleFiles.list` answers for a folder, from the paths of its files (disk, a git tree):
// its configuration files, var files and usage file.
import { isVarFileName } from './model/tfvars';
import { DEFAULT_USAGE_FILE } from './pricing/usage';
import { configFilesOf } from './configFiles';

export interface FolderListing {
  tf: string[];
  varFiles: string[];
  usageFile?: string;
}

/** The listing of `dir` from the absolute paths of its files, in any order. */
export function folderListing(dir: string, paths: Iterable<string>): FolderListing {
  const sorted = [...new Set(paths)].sort();
  const usageFile = sorted.find((p) => p.slice(dir.length + 1) === DEFAULT_USAGE_FILE);
  return {
    tf: configFilesOf(sorted),
    varFiles: sorted.filter((p) => isVarFileName(p.slice(dir.length + 1))),
    ...(usageFile ? { usageFile } : {}),
  };
}
