// What the core needs from the outside world: the files of a module directory. The CLI reads
// the disk; the server overlays open editor buffers on the disk.
export interface SourceText {
  path: string;
  text: string;
  /** Editor version of an open buffer (its next versions reuse what did not change). */
  version?: number;
}

export interface ModuleFiles {
  /**
   * Lists a directory's configuration files (`tf`: `*.tf` and `*.tofu`, see configFiles.ts) and
   * var files (absolute paths), and its `infracost-usage.yml` when there is one; empty when it
   * cannot be read.
   */
  list(dir: string): { tf: string[]; varFiles: string[]; usageFile?: string };
  /** The text of a file, or undefined when it cannot be read. */
  read(path: string): SourceText | undefined;
  /**
   * The bytes of any file, for Terraform's file functions (file(), filebase64(), ...): 'missing'
   * when no file exists there, undefined when it cannot be read. Failures are not problems of
   * the analysis (the function's result is an error or Unknown instead).
   */
  readBytes?(path: string): Uint8Array | 'missing' | undefined;
  /** The regular files under a directory, recursively (absolute paths), for fileset(); undefined when it cannot be listed. */
  listFiles?(dir: string): string[] | undefined;
}
