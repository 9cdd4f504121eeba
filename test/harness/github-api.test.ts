// The GitHub API stand-in is only a judge if it can say no: each of these requests breaks the
// OpenAPI description in one way and must be rejected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from './github-api.js';
import { FakeGitRepo } from './github-git.js';

const TOKEN = 'ghs_harness';
let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN });
});
afterAll(async () => {
  await api?.stop();
});

async function send(
  method: string,
  path: string,
  body?: unknown,
  auth = `token ${TOKEN}`,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}

describe('GitHub API stand-in', () => {
  it('answers a valid request with the spec example (201 for a commit status)', async () => {
    const r = await send('POST', '/repos/o/r/statuses/abc', { state: 'success', context: 'bydigest/x' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ state: 'success', context: 'bydigest/x', creator: { login: 'octocat' } });
    expect(api.rejections).toEqual([]);
  });

  it.each([
    ['an unknown path', 'GET', '/repos/o/r/no-such-thing', undefined, /no such path/],
    [
      'a method the path does not have',
      'DELETE',
      '/repos/o/r/statuses/abc',
      undefined,
      /method not allowed \(the spec has POST\)/,
    ],
    [
      'a state outside the enum',
      'POST',
      '/repos/o/r/statuses/abc',
      { state: 'cancelled' },
      /body does not match the schema.*allowedValues/,
    ],
    [
      'a missing required field',
      'PATCH',
      '/repos/o/r/issues/comments/1',
      {},
      /body does not match the schema.*"missingProperty":"body"/,
    ],
    [
      'a field of the wrong type',
      'POST',
      '/repos/o/r/issues/1/comments',
      { body: 42 },
      /body does not match the schema.*must be string/,
    ],
    [
      'a non-integer path parameter',
      'PATCH',
      '/repos/o/r/issues/comments/abc',
      { body: 'x' },
      /path parameter comment_id=abc is not of type integer/,
    ],
    [
      'an undeclared query parameter',
      'GET',
      '/repos/o/r/issues/1/comments?sort=asc',
      undefined,
      /query parameter sort is not defined/,
    ],
    [
      'a body where none is taken',
      'DELETE',
      '/repos/o/r/issues/comments/1',
      { body: 'x' },
      /issues\/delete-comment: takes no request body/,
    ],
  ])('rejects %s', async (_what, method, path, body, why) => {
    const before = api.rejections.length;
    const r = await send(method, path, body);
    expect(r.status).toBe(400);
    expect(api.rejections.slice(before)).toEqual([expect.stringMatching(why)]);
  });

  it('rejects a request without the token', async () => {
    const before = api.rejections.length;
    const r = await send('POST', '/repos/o/r/statuses/abc', { state: 'success' }, 'token wrong');
    expect(r.status).toBe(401);
    expect(api.rejections.slice(before)).toEqual([
      'repos/create-commit-status: Authorization header is not the expected token',
    ]);
  });

  it("answers git reads from a repository's data: compare tells history from a fork, tags peel, an unreadable repository is 404", async () => {
    const before = api.rejections.length;
    const repo = new FakeGitRepo('g', 'spec');
    const [c1, c2] = repo.line(undefined, 2) as [string, string];
    const fork = repo.commit(c1);
    repo.branch('main', c2);
    const tagObject = repo.annotatedTag('v1', c1);
    api.state.repos.set('g/spec', repo);
    const hidden = new FakeGitRepo('g', 'hidden');
    hidden.readable = false;
    api.state.repos.set('g/hidden', hidden);
    const compare = async (head: string) =>
      ((await send('GET', `/repos/g/spec/compare/main...${head}`)).json as { status: string }).status;
    expect(await compare(c1)).toBe('behind');
    expect(await compare(c2)).toBe('identical');
    expect(await compare(fork)).toBe('diverged');
    expect((await send('GET', '/repos/g/spec/git/ref/tags/v1')).json).toMatchObject({
      ref: 'refs/tags/v1',
      object: { type: 'tag', sha: tagObject },
    });
    expect((await send('GET', `/repos/g/spec/git/tags/${tagObject}`)).json).toMatchObject({
      object: { type: 'commit', sha: c1 },
    });
    expect((await send('GET', '/repos/g/spec/git/ref/heads/nope')).status).toBe(404);
    expect((await send('GET', '/repos/g/hidden')).status).toBe(404);
    expect(api.rejections.slice(before)).toEqual([]);
  });

  it('answers rate-limited requests with the status and headers asked for, then normally', async () => {
    api.rateLimit({ status: 429, headers: { 'retry-after': '3' }, message: 'secondary rate limit', times: 1 });
    const limited = await fetch(`${api.url}/repos/g/spec`, { headers: { authorization: `token ${TOKEN}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await send('GET', '/repos/g/spec')).status).toBe(200);
  });
});
