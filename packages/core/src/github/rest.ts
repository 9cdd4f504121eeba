import { BydigestError } from '../errors.js';
import type { GitHubApi } from './api.js';

export interface GitHubRestOptions {
  /** `https://api.github.com`, or GHES's `https://host/api/v3` (GITHUB_API_URL). */
  baseUrl?: string;
  token: string;
  /** The longest a rate limit is waited out; a longer `retry-after` is an error. */
  maxRateLimitWaitSeconds?: number;
  /** For tests: how waiting is done. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A read-only client of GitHub's REST API for the pin checks. Every GET is made once per path
 * and its answer shared (the same tag of the same repository is asked about once however many
 * workflows pin it); `requests` counts the ones that went out.
 */
export interface GitHubRest {
  /** The JSON answer, or undefined for 404 (no such repository, ref or commit). */
  get<T>(path: string): Promise<T | undefined>;
  readonly requests: number;
}

const MAX_ATTEMPTS = 4;

export function createGitHubRest(options: GitHubRestOptions): GitHubRest {
  const base = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const answers = new Map<string, Promise<unknown>>();
  let requests = 0;

  const fetchJson = async (path: string): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      requests++;
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${options.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'bydigest-check-pins',
          },
        });
      } catch (e) {
        throw new BydigestError('NETWORK', `GitHub API GET ${path}: ${(e as Error).message}`, {
          operation: 'GitHub API GET',
          reference: path,
          cause: e,
        });
      }
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (res.ok) return res.json();
      const text = await res.text();
      const wait = rateLimitWait(res);
      if (wait !== undefined) {
        if (wait > maxWait || attempt >= MAX_ATTEMPTS) {
          throw new BydigestError(
            'GITHUB',
            `GitHub API GET ${path}: rate limited (HTTP ${res.status}), retry after ${wait} s`,
            {
              operation: 'GitHub API GET',
              reference: path,
              status: res.status,
              hint: `the wait is longer than ${maxWait} s or the limit held for ${MAX_ATTEMPTS} attempts; run again later, or pass a token with a higher limit (the job's GITHUB_TOKEN, or an app token)`,
            },
          );
        }
        await sleep(wait * 1000);
        continue;
      }
      throw new BydigestError('GITHUB', `GitHub API GET ${path}: HTTP ${res.status} ${messageOf(text)}`, {
        operation: 'GitHub API GET',
        reference: path,
        status: res.status,
        hint:
          res.status === 401
            ? 'the github-token is not valid'
            : res.status === 403
              ? 'the github-token may not read this repository (contents: read)'
              : undefined,
      });
    }
  };

  return {
    get<T>(path: string): Promise<T | undefined> {
      let answer = answers.get(path);
      if (!answer) {
        answer = fetchJson(path);
        answers.set(path, answer);
      }
      return answer as Promise<T | undefined>;
    },
    get requests() {
      return requests;
    },
  };
}

/** Seconds to wait for a 403/429 rate limit (secondary: retry-after; primary: x-ratelimit-reset), or undefined. */
function rateLimitWait(res: Response): number | undefined {
  if (res.status !== 403 && res.status !== 429) return undefined;
  const retryAfter = res.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  if (res.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset)) return Math.max(1, Math.ceil(reset - Date.now() / 1000));
  }
  return res.status === 429 ? 60 : undefined;
}

function messageOf(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    return typeof m === 'string' ? `(${m.slice(0, 200)})` : '';
  } catch {
    return '';
  }
}

/** `/repos/{owner}/{repo}` with both parts encoded. */
export const repoPath = (owner: string, repo: string): string =>
  `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;

/**
 * The pin checks' client behind the Octokit-shaped seam the shared GitHub logic takes
 * (isReachableFromRepository): `GET /repos/{owner}/{repo}/…` routes with their parameters
 * expanded (the rest as the query), a 404 as a rejection with `status`, as Octokit rejects.
 */
export function restAsGitHubApi(rest: GitHubRest): GitHubApi {
  return {
    async request(route, params) {
      const [method, template] = route.split(' ') as [string, string];
      if (method !== 'GET') throw new Error(`${route}: the pin checks' GitHub client only reads`);
      const query = new URLSearchParams();
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
      for (const [k, v] of Object.entries(params)) if (!template.includes(`{${k}}`)) query.set(k, String(v));
      const url = query.size > 0 ? `${path}?${query}` : path;
      const data = await rest.get<unknown>(url);
      if (data === undefined) throw Object.assign(new Error(`GET ${url}: Not Found`), { status: 404 });
      return { data };
    },
  };
}
