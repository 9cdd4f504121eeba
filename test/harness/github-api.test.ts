// The GitHub API stand-in is only a judge if it can say no: each of these requests breaks the
// OpenAPI description in one way and must be rejected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from './github-api.js';

const TOKEN = 'ghs_harness';
let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN });
});
afterAll(async () => {
  await api?.stop();
});

async function send(method: string, path: string, body?: unknown, auth = `token ${TOKEN}`): Promise<{ status: number; json: unknown }> {
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
    ['a method the path does not have', 'DELETE', '/repos/o/r/statuses/abc', undefined, /method not allowed \(the spec has POST\)/],
    ['a state outside the enum', 'POST', '/repos/o/r/statuses/abc', { state: 'cancelled' }, /body does not match the schema.*allowedValues/],
    ['a missing required field', 'PATCH', '/repos/o/r/issues/comments/1', {}, /body does not match the schema.*"missingProperty":"body"/],
    ['a field of the wrong type', 'POST', '/repos/o/r/issues/1/comments', { body: 42 }, /body does not match the schema.*must be string/],
    ['a non-integer path parameter', 'PATCH', '/repos/o/r/issues/comments/abc', { body: 'x' }, /path parameter comment_id=abc is not of type integer/],
    ['an undeclared query parameter', 'GET', '/repos/o/r/issues/1/comments?sort=asc', undefined, /query parameter sort is not defined/],
    ['a body where none is taken', 'DELETE', '/repos/o/r/issues/comments/1', { body: 'x' }, /issues\/delete-comment: takes no request body/],
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
    expect(api.rejections.slice(before)).toEqual(['repos/create-commit-status: Authorization header is not the expected token']);
  });
});
