import type { getOctokit } from '@actions/github';
import { BydigestError } from '@bydigest/core';
import { PERMISSION, type Target } from './targets.js';

export type Octokit = ReturnType<typeof getOctokit>;

/** The repository and the pull request or release the run belongs to, from the event. */
export interface RepoContext {
  owner: string;
  repo: string;
  /** The commit statuses go on: the pull request's head, not its merge commit. */
  sha: string;
  /** A pull_request(_target) event's number. */
  pullNumber?: number;
  /** A release event's release id. */
  releaseId?: number;
  /** The tag of a tag push (refs/tags/<tag>). */
  tag?: string;
}

/** Why the run has no RepoContext: the runner variables that are missing, e.g. "GITHUB_SHA is not set". */
export interface MissingRepoContext {
  missing: string;
}

/** The context a GitHub target writes to; refused, naming the variable, when the runner did not give it. */
export function repoContextFor(target: Exclude<Target, 'summary'>, ctx: RepoContext | MissingRepoContext): RepoContext {
  if (!('missing' in ctx)) return ctx;
  throw new BydigestError(
    'INVALID_ARGUMENT',
    `publish target '${target}' needs the run's repository and commit, but ${ctx.missing}`,
    {
      hint: 'run the step in a GitHub Actions workflow (the runner sets GITHUB_REPOSITORY and GITHUB_SHA), or set publish: summary to report without GitHub',
    },
  );
}

interface RequestErrorLike {
  status: number;
  message: string;
}

function isRequestError(e: unknown): e is RequestErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as RequestErrorLike).status === 'number';
}

/**
 * Runs one API call; a refusal becomes a BydigestError naming the operation and status, and a
 * 403 the permission the job lacks (GitHub answers "Resource not accessible by integration").
 */
export async function api<T>(
  target: Exclude<Target, 'summary'>,
  operation: string,
  reference: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!isRequestError(e)) {
      throw new BydigestError('NETWORK', `${operation} failed: ${(e as Error).message}`, {
        operation,
        reference,
        cause: e,
      });
    }
    const hint =
      e.status === 403
        ? `publish target '${target}' needs \`permissions: ${PERMISSION[target]}\` on the notify job (and a token that may write to ${reference})`
        : e.status === 401
          ? 'github-token is not accepted: pass ${{ github.token }} or a token for this repository'
          : undefined;
    throw new BydigestError('GITHUB', `the GitHub API refused: ${e.message}`, {
      operation,
      reference,
      status: e.status,
      cause: e,
      ...(hint ? { hint } : {}),
    });
  }
}
