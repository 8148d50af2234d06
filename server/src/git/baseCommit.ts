// Which commit is "the base" of `vpce-lens diff`: the merge-base of HEAD with the ref given
// (--base), else with the repository's default branch (origin/HEAD, else main, else master).
// Every way this can fail is a message that says what to fetch or name.
import { headCommit, mergeBases, parentsOf, resolveName, symbolicTarget, type GitRepository } from './repository';

export type BaseCommit = { commit: string; label: string } | { error: string };

const DEFAULT_BRANCHES = ['origin/HEAD', 'main', 'master'];

/** How messages name the way a user picks the base: the CLI's flag, or the editor's setting. */
export interface BaseWording {
  /** The base as the user gave it: `--base main`. */
  given(ref: string): string;
  /** How to name another base: `--base REF`. */
  nameIt: string;
}

const CLI_WORDING: BaseWording = { given: (ref) => `--base ${ref}`, nameIt: '--base REF' };

export async function baseCommit(repo: GitRepository, ref: string | undefined, wording: BaseWording = CLI_WORDING): Promise<BaseCommit> {
  const head = await headCommit(repo);
  if (!head) return { error: NO_HEAD };
  const base = await baseTip(repo, ref, wording);
  if ('error' in base) return base;
  return mergeBaseOf(repo, head, base, wording);
}

export const NO_HEAD = 'HEAD has no commit yet: there is nothing to compare with a base';

/** The commit `ref` names (the default branch when undefined), before the merge-base is taken: cheap (refs only). */
export function baseTip(repo: GitRepository, ref: string | undefined, wording: BaseWording = CLI_WORDING): Promise<BaseCommit> {
  return ref === undefined ? defaultBranch(repo, wording) : namedCommit(repo, ref, wording);
}

/** The merge-base of HEAD and the base's tip, labelled with the tip's name. */
export async function mergeBaseOf(repo: GitRepository, head: string, base: { commit: string; label: string }, wording: BaseWording = CLI_WORDING): Promise<BaseCommit> {
  const [common] = await mergeBases(repo, head, base.commit);
  if (common) return { commit: common, label: `${base.label}@${common.slice(0, 7)}` };
  if (repo.shallow) {
    return {
      error: `the merge-base of HEAD and ${base.label} is not in this shallow clone: fetch more history (git fetch --deepen=100, or git fetch --unshallow) and the base branch (${fetchCommand(base.label)})`,
    };
  }
  return { error: `HEAD and ${base.label} have no common history: name a base with ${wording.nameIt}` };
}

async function defaultBranch(repo: GitRepository, wording: BaseWording): Promise<{ commit: string; label: string } | { error: string }> {
  for (const name of DEFAULT_BRANCHES) {
    const commit = await resolveName(repo, name);
    if (!commit) continue;
    const target = name === 'origin/HEAD' ? await symbolicTarget(repo, name) : undefined;
    return { commit, label: target?.replace(/^refs\/(remotes|heads)\//, '') ?? name };
  }
  return {
    error: `no default branch to compare with: origin/HEAD, main and master are not in this repository${repo.shallow ? ' (a shallow clone)' : ''}; fetch the base branch (git fetch origin main) or name the base with ${wording.nameIt}`,
  };
}

/** `main`, `origin/main`, `v1.2`, a commit id, each optionally followed by `~N` / `^` steps to first parents. */
async function namedCommit(repo: GitRepository, ref: string, wording: BaseWording): Promise<{ commit: string; label: string } | { error: string }> {
  const match = /^(.+?)((?:~\d*|\^1?)*)$/.exec(ref);
  const name = match?.[1] ?? ref;
  let commit = await resolveName(repo, name);
  if (!commit) {
    return { error: `${wording.given(ref)}: no branch, tag or commit called ${name} in this repository; a CI checkout may lack it: ${fetchCommand(name)}` };
  }
  for (const step of (match?.[2] ?? '').match(/~\d*|\^1?/g) ?? []) {
    const count = step.startsWith('~') ? Number(step.slice(1) || '1') : 1;
    for (let i = 0; i < count; i++) {
      const parents = await parentsOf(repo, commit);
      if (parents === undefined || parents.length === 0) {
        const why = parents === undefined && repo.shallow ? 'is beyond this shallow clone: fetch more history (git fetch --deepen=100)' : 'does not exist (the history is shorter)';
        return { error: `${wording.given(ref)}: that commit ${why}` };
      }
      commit = parents[0]!;
    }
  }
  return { commit, label: ref };
}

/** How to fetch a branch: `origin/main` and `main` → `git fetch origin main`. */
function fetchCommand(name: string): string {
  const branch = name.replace(/[~^].*$/, '');
  const remote = /^([^/]+)\/(.+)$/.exec(branch);
  return remote ? `git fetch ${remote[1]} ${remote[2]}` : `git fetch origin ${branch}`;
}
