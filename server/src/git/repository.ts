// A git repository found on disk, read offline through isomorphic-git: where its work tree,
// its own git folder (HEAD) and its shared git folder (objects, refs) are. A linked worktree's
// `.git` is a file (`gitdir: …`) and its git folder names the shared one in `commondir`;
// isomorphic-git reads refs from the folder it is given, so both are resolved here.
import * as fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import git from 'isomorphic-git';

export interface GitRepository {
  /** The folder checked out (the parent of `.git`). */
  workTree: string;
  /** This work tree's git folder: its HEAD. */
  gitDir: string;
  /** The git folder with the objects and refs (the same as gitDir outside a linked worktree). */
  commonDir: string;
  /** A shallow clone: history stops at the commits in `shallow`. */
  shallow: boolean;
  /** isomorphic-git's cache of packfile indexes, kept across calls. */
  cache: object;
}

/** The repository whose work tree holds `start`, or undefined when none does. */
export function findRepository(start: string): GitRepository | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const gitDir = gitFolderAt(join(dir, '.git'));
    if (gitDir) {
      const common = readText(join(gitDir, 'commondir'))?.trim();
      const commonDir = common ? resolve(gitDir, common) : gitDir;
      return { workTree: dir, gitDir, commonDir, shallow: fs.existsSync(join(commonDir, 'shallow')), cache: {} };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** `.git` as a folder, or the folder a `.git` file points at (`gitdir: …`). */
function gitFolderAt(path: string): string | undefined {
  let stats;
  try {
    stats = fs.statSync(path);
  } catch {
    return undefined;
  }
  if (stats.isDirectory()) return path;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readText(path) ?? '');
  return pointer ? resolve(dirname(path), pointer[1]!) : undefined;
}

function readText(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The commit HEAD of this work tree points at, or undefined before the first commit. */
export async function headCommit(repo: GitRepository): Promise<string | undefined> {
  const head = readText(join(repo.gitDir, 'HEAD'))?.trim() ?? '';
  const symbolic = /^ref:\s*(\S+)$/.exec(head);
  if (!symbolic) return /^[0-9a-f]{40}$/.test(head) ? head : undefined;
  return resolveName(repo, symbolic[1]!);
}

/** A branch, tag, remote branch or (abbreviated) commit id; undefined when the repository has none of that name. */
export async function resolveName(repo: GitRepository, name: string): Promise<string | undefined> {
  if (name === 'HEAD') return headCommit(repo);
  try {
    return await git.resolveRef({ fs, gitdir: repo.commonDir, ref: name });
  } catch {
    if (!/^[0-9a-f]{4,40}$/.test(name)) return undefined;
    try {
      return await git.expandOid({ fs, gitdir: repo.commonDir, oid: name, cache: repo.cache });
    } catch {
      return undefined;
    }
  }
}

/** The full name a symbolic ref points at (`origin/HEAD` → `refs/remotes/origin/main`), if it is one. */
export async function symbolicTarget(repo: GitRepository, name: string): Promise<string | undefined> {
  const target = await git.resolveRef({ fs, gitdir: repo.commonDir, ref: name, depth: 2 }).catch(() => undefined);
  return target && target.startsWith('refs/') ? target : undefined;
}

/** The parents of a commit; undefined when the commit object is not in the repository. */
export async function parentsOf(repo: GitRepository, commit: string): Promise<string[] | undefined> {
  try {
    return (await git.readCommit({ fs, gitdir: repo.commonDir, oid: commit, cache: repo.cache })).commit.parent;
  } catch {
    return undefined;
  }
}

/** The best common ancestors of two commits (empty when history does not connect them here). */
export async function mergeBases(repo: GitRepository, a: string, b: string): Promise<string[]> {
  try {
    return await git.findMergeBase({ fs, gitdir: repo.commonDir, oids: [a, b], cache: repo.cache });
  } catch {
    return [];
  }
}

export interface TreeEntry {
  name: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

/** The entries of a tree (a commit's root tree when given the commit). */
export async function readTree(repo: GitRepository, oid: string): Promise<TreeEntry[]> {
  const { tree } = await git.readTree({ fs, gitdir: repo.commonDir, oid, cache: repo.cache });
  return tree.map((e) => ({ name: e.path, type: e.type, oid: e.oid }));
}

export async function readBlob(repo: GitRepository, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs, gitdir: repo.commonDir, oid, cache: repo.cache })).blob;
}
