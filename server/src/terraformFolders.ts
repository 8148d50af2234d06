// The Terraform folders of a tree: the CLI's --recursive targets and the editor's caller index
// both walk the same way (.terraform, node_modules, .git and hidden folders skipped).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isConfigFile } from './core/configFiles';

const SKIPPED_DIRS = new Set(['.terraform', 'node_modules', '.git']);

/**
 * Folders under `root` holding `.tf` / `.tofu` files; `root` itself only when it holds some (or
 * nothing below it does). A folder below `root` that cannot be listed is included: its analysis
 * reports it rather than skip it in silence. Undefined when `root` cannot be listed.
 */
export function terraformFoldersUnder(root: string): string[] | undefined {
  const found: string[] = [];
  let rootHasFiles = false;
  const visit = (dir: string, isRoot: boolean): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      if (!isRoot) found.push(dir);
      return !isRoot;
    }
    const hasFiles = entries.some((e) => e.isFile() && isConfigFile(e.name));
    if (isRoot) rootHasFiles = hasFiles;
    if (isRoot || hasFiles) found.push(dir);
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) visit(join(dir, entry.name), false);
    }
    return true;
  };
  if (!visit(root, true)) return undefined;
  return rootHasFiles || found.length === 1 ? found : found.slice(1);
}
