import { execFileSync } from 'node:child_process';

/**
 * git in `root`; stdout without its trailing newline (porcelain lines keep their leading status column). Throws with
 * git's own message when git fails.
 */
export function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
}

export function headSha(root: string): string {
  return git(root, ['rev-parse', 'HEAD']);
}

/** What `tag` is: absent, a lightweight tag, or an annotated one, with the commit it points at. */
export type TagState = { kind: 'absent' } | { kind: 'lightweight' | 'annotated'; commit: string };

export function tagState(root: string, tag: string): TagState {
  let type: string;
  try {
    type = git(root, ['cat-file', '-t', `refs/tags/${tag}`]);
  } catch {
    return { kind: 'absent' };
  }
  return {
    kind: type === 'tag' ? 'annotated' : 'lightweight',
    commit: git(root, ['rev-parse', `refs/tags/${tag}^{commit}`]),
  };
}

/** Tracked files with uncommitted changes (staged or not); untracked files do not count. */
export function changedTrackedFiles(root: string): string[] {
  return git(root, ['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
}

/** The annotated tag; its tagger is git's committer identity (GIT_COMMITTER_NAME/EMAIL in the workflow). */
export function createAnnotatedTag(root: string, tag: string, sha: string, message: string): void {
  git(root, ['tag', '--annotate', '--message', message, tag, sha]);
}
