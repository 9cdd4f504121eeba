// The search's bound and the rate-limit arithmetic, with a GitHubApi over a table of refs (the
// end-to-end cases run against the OpenAPI-checked stand-in in test/resolve-ref.test.ts).
import { describe, expect, it } from '@jest/globals';
import { isReachableFromRepository, rateLimitWait, type GitHubApi } from '../../src/index.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');

/** A repository whose tags tag `tags` unrelated commits; compare says `behind` only for `reachableFrom`. */
function table(tags: number, reachableFrom?: number): { api: GitHubApi; calls: string[] } {
  const calls: string[] = [];
  const api: GitHubApi = {
    request: async (route, params) => {
      calls.push(route);
      if (route.endsWith('/tags'))
        return {
          data: Array.from({ length: Math.min(tags, Number(params.per_page)) }, (_, i) => ({
            name: `v${i}`,
            commit: { sha: sha(1000 + i) },
          })),
        };
      if (route.endsWith('/branches')) return { data: [{ name: 'main', commit: { sha: sha(1) } }] };
      if (route.includes('/compare/')) {
        const base = String(params.basehead).split('...')[0];
        return {
          data: { status: reachableFrom !== undefined && base === sha(1000 + reachableFrom) ? 'behind' : 'diverged' },
        };
      }
      throw new Error(`unexpected ${route}`);
    },
  };
  return { api, calls };
}

describe('isReachableFromRepository', () => {
  it('stops at the bound: 3 + maxCompares requests at most, and says the search was incomplete', async () => {
    const { api, calls } = table(500);
    const r = await isReachableFromRepository(api, 'o', 'r', sha(7), { defaultBranch: 'main', maxCompares: 10 });
    expect(r).toMatchObject({ reachable: false, complete: false });
    expect(calls.filter((c) => c.includes('/compare/'))).toHaveLength(11);
    expect(r.requests).toBe(calls.length);
    expect(calls.length).toBe(13);
  });

  it('a tag that is the commit itself needs no compare', async () => {
    const { api, calls } = table(50);
    const r = await isReachableFromRepository(api, 'o', 'r', sha(1030), { defaultBranch: 'main' });
    expect(r).toMatchObject({ reachable: true, via: 'tag v30' });
    expect(calls.filter((c) => c.includes('/compare/'))).toHaveLength(1);
  });

  it('an older tag whose history holds the commit, within the bound', async () => {
    const { api } = table(5, 3);
    expect(await isReachableFromRepository(api, 'o', 'r', sha(9), { defaultBranch: 'main' })).toMatchObject({
      reachable: true,
      via: 'tag v3',
      complete: true,
    });
  });

  it('a complete search that finds nothing is complete', async () => {
    const { api } = table(3);
    expect(await isReachableFromRepository(api, 'o', 'r', sha(9), { defaultBranch: 'main' })).toMatchObject({
      reachable: false,
      complete: true,
    });
  });
});

describe('rateLimitWait', () => {
  const now = 1_800_000_000_000;
  it.each([
    ['retry-after in seconds', 429, { 'retry-after': '7' }, '', 7000],
    [
      'the primary limit: until the reset, plus a second',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) },
      'API rate limit exceeded',
      31_000,
    ],
    ['a secondary limit without retry-after: a minute', 403, {}, 'You have exceeded a secondary rate limit', 60_000],
    ['429 without headers: a minute', 429, {}, '', 60_000],
  ])('%s', (_what, status, headers, message, ms) => {
    expect(rateLimitWait(status, headers, message, now)).toBe(ms);
  });
  it('a plain 403 (no access) is no rate limit', () => {
    expect(
      rateLimitWait(403, { 'x-ratelimit-remaining': '4999' }, 'Resource not accessible by integration', now),
    ).toBeUndefined();
    expect(rateLimitWait(404, { 'retry-after': '1' }, '', now)).toBeUndefined();
  });
});
