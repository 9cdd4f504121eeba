import { BydigestError } from '../errors.js';
import { get, getOrMissing, GitHubError, type GitHubApi } from './api.js';
import type { RateLimitPolicy } from './rate-limit.js';
import { isReachableFromRepository } from './reachable.js';

export interface ResolvedRef {
  /** The commit, 40 lowercase hex. */
  sha: string;
  /** What was resolved: `refs/heads/main`, `refs/tags/v1.2`, or the SHA itself. */
  ref: string;
  kind: 'branch' | 'tag' | 'annotated-tag' | 'commit';
  /** For a SHA: the branch or tag whose history holds it. */
  reachableVia?: string;
  /** Requests made, for the log and the bound tests. */
  requests: number;
}

export interface ResolveRefOptions {
  maxCompares?: number;
  rateLimit?: RateLimitPolicy;
}

const FULL_SHA = /^[0-9a-fA-F]{40}$/;
/** Annotated tags may point at annotated tags; git itself never nests deeper than a handful. */
const MAX_TAG_DEPTH = 5;

/**
 * A ref as `git check-ref-format` accepts it for a branch or tag name (the part of its rules
 * that matters in a URL): no spaces or control characters, none of `~^:?*[\`, no `..`, no `@{`,
 * no leading `-` or `/`, no trailing `/`, `.` or `.lock`.
 */
export function checkRefName(ref: string): void {
  const bad =
    ref.length > 255 ||
    [...ref].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f) ||
    /[~^:?*[\\]/.test(ref) ||
    ref.includes('..') ||
    ref.includes('@{') ||
    ref.includes('//') ||
    /^[-/]/.test(ref) ||
    /(\/|\.|\.lock)$/.test(ref) ||
    ref === '@';
  if (bad) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(ref.length > 80 ? `${ref.slice(0, 80)}…` : ref)} is not a branch, tag or commit SHA`,
      {
        hint: 'give a branch (main), a tag (v1.2.0), refs/heads/… or refs/tags/…, or a full 40-character commit SHA',
      },
    );
  }
}

/**
 * Resolves a branch, tag or SHA of `owner/repo` to the commit it names, as the chapter's
 * `gh api repos/<o>/<r>/commits/<ref> --jq .sha` did, but strictly: a name must be exactly one
 * branch or one tag (both is ambiguous, a prefix is nothing), annotated tags are followed to
 * their commit, a SHA must be complete and reachable from the repository's own branches or tags
 * (not a commit that only exists in a fork), and no ref means the default branch.
 */
export async function resolveRef(
  api: GitHubApi,
  owner: string,
  repo: string,
  ref: string | undefined,
  opts: ResolveRefOptions = {},
): Promise<ResolvedRef> {
  const slug = `${owner}/${repo}`;
  const rl = opts.rateLimit ? { rateLimit: opts.rateLimit } : {};
  let requests = 0;
  const repository = async () => {
    requests++;
    return get<{ default_branch: string }>(
      api,
      'GET /repos/{owner}/{repo}',
      { owner, repo },
      {
        ...rl,
        operation: 'get repository',
        reference: slug,
        notFound: () =>
          new GitHubError(`repository ${slug} was not found, or the token cannot read it`, {
            operation: 'get repository',
            reference: slug,
            status: 404,
            about: 'repository',
            hint: 'check owner/name; a private repository other than this one needs a github-token with contents: read on it (GitHub answers 404, not 403, to a token without access)',
          }),
      },
    );
  };
  /** A missing thing is the ref's fault only once the repository is known to be readable. */
  const missingRef = async (message: string, hint: string): Promise<never> => {
    await repository();
    throw new GitHubError(message, {
      operation: 'resolve ref',
      reference: `${slug}@${ref ?? ''}`,
      status: 404,
      about: 'ref',
      hint,
    });
  };

  if (ref === undefined || ref === '') {
    const branch = (await repository()).default_branch;
    const r = await resolveName(branch, ['heads']);
    return { ...r, requests };
  }
  checkRefName(ref);
  if (FULL_SHA.test(ref)) {
    const sha = ref.toLowerCase();
    requests++;
    const commit = await getOrMissing<{ sha: string }>(
      api,
      'GET /repos/{owner}/{repo}/commits/{ref}',
      { owner, repo, ref: sha },
      { ...rl, operation: 'get commit', reference: `${slug}@${sha}`, missing: [422] },
    );
    if (!commit)
      return missingRef(
        `commit ${sha} does not exist in ${slug}`,
        'give a commit of this repository (git rev-parse on a clone of it), or a branch or tag',
      );
    const { default_branch } = await repository();
    const reach = await isReachableFromRepository(api, owner, repo, sha, { defaultBranch: default_branch, ...opts });
    requests += reach.requests;
    if (!reach.reachable) {
      const searched = reach.complete
        ? 'any of its branches or tags'
        : `the default branch or the ${reach.checked.length - 1} other branches and tags compared (the search is bounded)`;
      throw new GitHubError(
        `commit ${sha} is not reachable from ${searched} in ${slug}: it exists only in a fork or a deleted ref (an impostor commit)`,
        {
          operation: 'check commit is reachable',
          reference: `${slug}@${sha}`,
          about: 'ref',
          hint: `pin a commit of ${slug} itself: give a tag or branch, or a SHA from its history`,
        },
      );
    }
    return { sha, ref: sha, kind: 'commit', reachableVia: reach.via!, requests };
  }
  const spaces: Array<'heads' | 'tags'> = ref.startsWith('refs/heads/')
    ? ['heads']
    : ref.startsWith('refs/tags/')
      ? ['tags']
      : ['heads', 'tags'];
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  checkRefName(name);
  return { ...(await resolveName(name, spaces)), requests };

  async function resolveName(name: string, spaces: Array<'heads' | 'tags'>): Promise<Omit<ResolvedRef, 'requests'>> {
    interface GitRef {
      ref: string;
      object: { type: string; sha: string };
    }
    requests += spaces.length;
    const found = await Promise.all(
      spaces.map(async (space) => ({
        space,
        ref: await getOrMissing<GitRef>(
          api,
          'GET /repos/{owner}/{repo}/git/ref/{ref}',
          { owner, repo, ref: `${space}/${name}` },
          { ...rl, operation: 'get ref', reference: `${slug} refs/${space}/${name}` },
        ),
      })),
    );
    const hits = found.filter(
      (f): f is { space: 'heads' | 'tags'; ref: GitRef } =>
        f.ref !== undefined && f.ref.ref === `refs/${f.space}/${name}`,
    );
    if (hits.length === 0) {
      const shortSha = /^[0-9a-fA-F]{7,39}$/.test(name) ? '; a commit SHA must be given in full (40 characters)' : '';
      return missingRef(
        `${JSON.stringify(name)} is neither a branch nor a tag of ${slug}`,
        `check the name (branches and tags are case-sensitive)${shortSha}`,
      );
    }
    if (hits.length > 1) {
      throw new GitHubError(`${JSON.stringify(name)} is both a branch and a tag of ${slug}`, {
        operation: 'resolve ref',
        reference: `${slug}@${name}`,
        about: 'ref',
        hint: `say which: refs/heads/${name} or refs/tags/${name}`,
      });
    }
    const hit = hits[0]!;
    let object = hit.ref.object;
    let depth = 0;
    while (object.type === 'tag') {
      if (++depth > MAX_TAG_DEPTH)
        throw new GitHubError(`tag ${name} of ${slug} nests annotated tags more than ${MAX_TAG_DEPTH} deep`, {
          operation: 'get tag',
          reference: `${slug}@${name}`,
          about: 'ref',
        });
      requests++;
      const tagSha = object.sha;
      const tag = await get<{ object: { type: string; sha: string } }>(
        api,
        'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
        { owner, repo, tag_sha: tagSha },
        {
          ...rl,
          operation: 'get tag',
          reference: `${slug}@${tagSha}`,
          notFound: () =>
            new GitHubError(`tag object ${tagSha} of ${name} is missing from ${slug}`, {
              operation: 'get tag',
              reference: `${slug}@${tagSha}`,
              status: 404,
              about: 'ref',
            }),
        },
      );
      object = tag.object;
    }
    if (object.type !== 'commit' || !FULL_SHA.test(object.sha)) {
      throw new GitHubError(`${hit.ref.ref} of ${slug} points at a ${object.type}, not a commit`, {
        operation: 'resolve ref',
        reference: `${slug}@${name}`,
        about: 'ref',
        hint: 'give a branch or tag that names a commit',
      });
    }
    return {
      sha: object.sha.toLowerCase(),
      ref: hit.ref.ref,
      kind: hit.space === 'heads' ? 'branch' : depth > 0 ? 'annotated-tag' : 'tag',
    };
  }
}
