import { repoPath, type GitHubRest } from './rest.js';

interface Named {
  name: string;
  commit: { sha: string };
}

export type Reachability = 'reachable' | 'unreachable' | 'inconclusive';

export interface ReachableOptions {
  /** Branches and tags compared at most (each one API call); beyond it the answer is inconclusive. */
  maxCompares?: number;
}

/**
 * Whether a commit is in the history of one of the repository's own branches or tags. A SHA
 * that is only in a fork (an "impostor commit") is served by GitHub under the parent's name,
 * so `owner/repo@<sha>` can run code the owner never merged. As zizmor's impostor-commit audit
 * does: a branch or tag whose tip is the commit answers at once; otherwise the compare API
 * (`{branch}...{sha}`) says `identical` or `behind` when the commit is in that ref's history.
 * The default branch is compared first, then the other branches, then the tags.
 */
export async function isReachableFromRepository(api: GitHubRest, owner: string, repo: string, sha: string, options: ReachableOptions = {}): Promise<Reachability> {
  const base = repoPath(owner, repo);
  const info = await api.get<{ default_branch?: string }>(base);
  if (info === undefined) return 'inconclusive';
  const branches = (await api.get<Named[]>(`${base}/branches?per_page=100`)) ?? [];
  const tags = (await api.get<Named[]>(`${base}/tags?per_page=100`)) ?? [];
  if ([...branches, ...tags].some((r) => r.commit.sha === sha)) return 'reachable';
  const order = [
    ...branches.filter((b) => b.name === info.default_branch),
    ...branches.filter((b) => b.name !== info.default_branch),
    ...tags,
  ];
  const limit = options.maxCompares ?? 50;
  for (const ref of order.slice(0, limit)) {
    const cmp = await api.get<{ status?: string }>(`${base}/compare/${ref.name.split('/').map(encodeURIComponent).join('/')}...${sha}`);
    if (cmp?.status === 'identical' || cmp?.status === 'behind') return 'reachable';
  }
  return order.length > limit || branches.length === 100 || tags.length === 100 ? 'inconclusive' : 'unreachable';
}
