import { BydigestError } from '../errors.js';
import { repoPath, type GitHubRest } from './rest.js';

interface GitObject {
  object: { type: string; sha: string };
}

/** Annotated tags can point at tags; a chain longer than this is not a release tag. */
const MAX_TAG_DEPTH = 5;

/**
 * The commit a tag points at, through annotated tag objects; undefined when the repository has
 * no such tag (or no such repository: see `repositoryExists`).
 */
export async function tagCommit(
  api: GitHubRest,
  owner: string,
  repo: string,
  tag: string,
): Promise<string | undefined> {
  return refCommit(api, owner, repo, `tags/${tag}`);
}

/** The commit a branch points at, or undefined. */
export async function branchCommit(
  api: GitHubRest,
  owner: string,
  repo: string,
  branch: string,
): Promise<string | undefined> {
  return refCommit(api, owner, repo, `heads/${branch}`);
}

async function refCommit(api: GitHubRest, owner: string, repo: string, ref: string): Promise<string | undefined> {
  const found = await api.get<GitObject>(
    `${repoPath(owner, repo)}/git/ref/${ref.split('/').map(encodeURIComponent).join('/')}`,
  );
  let object = found?.object;
  for (let depth = 0; object?.type === 'tag'; depth++) {
    if (depth >= MAX_TAG_DEPTH) {
      throw new BydigestError(
        'GITHUB',
        `${owner}/${repo} ${ref}: more than ${MAX_TAG_DEPTH} annotated tags in a chain`,
        { operation: 'dereference tag', reference: `${owner}/${repo}@${ref}` },
      );
    }
    object = (await api.get<GitObject>(`${repoPath(owner, repo)}/git/tags/${object.sha}`))?.object;
  }
  return object?.type === 'commit' ? object.sha : undefined;
}

export async function repositoryExists(api: GitHubRest, owner: string, repo: string): Promise<boolean> {
  return (await api.get(repoPath(owner, repo))) !== undefined;
}
