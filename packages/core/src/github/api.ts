import { BydigestError } from '../errors.js';
import { rateLimitWait, type RateLimitPolicy, DEFAULT_RATE_LIMIT_POLICY } from './rate-limit.js';

/**
 * The one call core needs of a GitHub client: Octokit's `request(route, params)`. It resolves
 * with the parsed JSON of a 2xx answer and rejects with an error carrying `status` and
 * `response.headers` otherwise, as @octokit/request-error does; the action passes its Octokit
 * in, so core never imports @actions/* or @octokit/*.
 */
export interface GitHubApi {
  request(route: string, params: Record<string, string | number>): Promise<{ data: unknown }>;
}

/** What a GitHub error is about, so an action can name the input behind it. */
export type GitHubSubject = 'repository' | 'ref' | 'token';

export class GitHubError extends BydigestError {
  readonly about: GitHubSubject | undefined;

  constructor(message: string, details: ConstructorParameters<typeof BydigestError>[2] & { about?: GitHubSubject }) {
    super('GITHUB', message, details);
    this.name = 'GitHubError';
    this.about = details?.about;
  }
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isRequestError(e: unknown): e is RequestErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as RequestErrorLike).status === 'number';
}

/**
 * `owner/name` as GitHub spells them: the owner 1–39 of letters, digits and dashes; the name of letters, digits, `.`,
 * `_`, `-`.
 */
export function parseRepositorySlug(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!m || m[2] === '.' || m[2] === '..') {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} is not a repository`,
      {
        hint: 'write owner/name, e.g. ublue-os/bluefin (no URL, no .git)',
      },
    );
  }
  return { owner: m[1] as string, repo: m[2] as string };
}

export interface CallOptions {
  /** For messages: "get ref", "compare". */
  operation: string;
  /** For messages: `owner/repo`, `owner/repo@sha`. */
  reference: string;
  rateLimit?: RateLimitPolicy;
  /** Statuses that mean "no such thing" besides 404 (GitHub answers 422 to a commit SHA it does not have). */
  missing?: readonly number[];
}

/**
 * One request: a rate-limit refusal is waited out when the wait is short (within the policy's
 * bound, a bounded number of times), else it fails saying when the limit resets. A 404 comes back
 * as `undefined` (the callers decide what is missing); any other refusal is a GitHubError.
 */
export async function getOrMissing<T>(
  api: GitHubApi,
  route: string,
  params: Record<string, string | number>,
  opts: CallOptions,
): Promise<T | undefined> {
  const policy = opts.rateLimit ?? DEFAULT_RATE_LIMIT_POLICY;
  for (let attempt = 0; ; attempt++) {
    try {
      return (await api.request(route, params)).data as T;
    } catch (e) {
      if (!isRequestError(e)) {
        throw new GitHubError(`${opts.operation} failed: ${(e as Error).message}`, {
          operation: opts.operation,
          reference: opts.reference,
          cause: e,
        });
      }
      if (e.status === 404 || opts.missing?.includes(e.status)) return undefined;
      const wait = rateLimitWait(e.status, e.response?.headers ?? {}, e.message, policy.now());
      if (wait !== undefined) {
        if (wait <= policy.maxWaitMs && attempt < policy.maxRetries) {
          await policy.sleep(wait);
          continue;
        }
        const resumes = new Date(policy.now() + wait).toISOString();
        throw new GitHubError(
          `GitHub's API rate limit refused ${opts.operation} for ${opts.reference}: the limit lifts at ${resumes}, in ${Math.ceil(wait / 1000)} s${attempt > 0 ? ` (after ${attempt} wait(s))` : ''}, longer than this step waits (${Math.round(policy.maxWaitMs / 1000)} s)`,
          {
            operation: opts.operation,
            reference: opts.reference,
            status: e.status,
            about: 'token',
            hint: 'pass github-token (the job token or an app token: anonymous requests get 60 an hour), or run again after the limit lifts',
            cause: e,
          },
        );
      }
      throw refusal(e, opts);
    }
  }
}

export async function get<T>(
  api: GitHubApi,
  route: string,
  params: Record<string, string | number>,
  opts: CallOptions & { notFound: () => GitHubError },
): Promise<T> {
  const data = await getOrMissing<T>(api, route, params, opts);
  if (data === undefined) throw opts.notFound();
  return data;
}

function refusal(e: RequestErrorLike, opts: CallOptions): GitHubError {
  // Octokit reports a request that never got an answer (DNS, refused, reset) as status 500 without a response.
  if (e.response === undefined) {
    return new GitHubError(`${opts.operation} for ${opts.reference} failed before GitHub answered: ${e.message}`, {
      operation: opts.operation,
      reference: opts.reference,
      cause: e,
      hint: "check GITHUB_API_URL and the runner's network",
    });
  }
  const details = { operation: opts.operation, reference: opts.reference, status: e.status, cause: e };
  if (e.status === 401) {
    return new GitHubError(`GitHub did not accept the token: ${e.message}`, {
      ...details,
      about: 'token',
      hint: 'pass ${{ github.token }} or a token that is still valid',
    });
  }
  if (e.status === 403) {
    return new GitHubError(`GitHub refused ${opts.operation} for ${opts.reference}: ${e.message}`, {
      ...details,
      about: 'token',
      hint: 'the token may not read this repository: for another private repository pass a token with contents: read on it (the job token covers only this one)',
    });
  }
  return new GitHubError(
    `GitHub answered ${opts.operation} for ${opts.reference} with HTTP ${e.status}: ${e.message}`,
    details,
  );
}
