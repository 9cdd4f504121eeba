// resolve-ref as the runner runs it (dist bundle, INPUT_*), against the loopback GitHub API that
// holds every request to GitHub's OpenAPI description, with a repository's git data behind it:
// branches, lightweight and annotated tags, and commits that only exist in its fork network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';
import { FakeGitRepo } from './harness/github-git.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';

const TOKEN = 'ghs_resolveRefTestToken0123456789';
let api: GitHubApi;
let spec: FakeGitRepo;
/** main: c1 ← c2 ← c3; release-1: c2 ← r1 (tagged v1.0.1, branch since deleted); a fork's f1 on c3. */
const c: Record<string, string> = {};

beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN });
  spec = new FakeGitRepo('margine-os', 'spec');
  const [c1, c2, c3] = spec.line(undefined, 3) as [string, string, string];
  const r1 = spec.commit(c2);
  const f1 = spec.commit(c3);
  Object.assign(c, { c1, c2, c3, r1, f1 });
  spec.branch('main', c3).branch('feature/x', c2);
  spec.lightweightTag('v1.0.0', c2);
  c.tagObject = spec.annotatedTag('v1.0.1', r1);
  spec.branch('both', c1).lightweightTag('both', c2);
  api.state.repos.set('margine-os/spec', spec);
  const hidden = new FakeGitRepo('margine-os', 'private-spec');
  hidden.readable = false;
  api.state.repos.set('margine-os/private-spec', hidden);
});

afterAll(async () => {
  await api?.stop();
});

afterEach(() => {
  expect(api.rejections).toEqual([]);
});

async function resolve(inputs: Record<string, string>): Promise<StepResult> {
  const run = await runAction('resolve-ref', {
    inputs: {
      repository: 'margine-os/spec',
      'label-key': 'place.the-empty.margine.spec-ref',
      'build-arg-name': 'MARGINE_REF',
      ...inputs,
    },
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'margine-os/margine' },
    timeoutMs: 60_000,
  });
  return run.main;
}

function expectResolved(step: StepResult, sha: string, ref: string): void {
  expect(errorLines(step)).toEqual([]);
  expect(step.code).toBe(0);
  expect(step.outputs).toEqual({
    sha,
    'build-arg': `MARGINE_REF=${sha}`,
    label: `place.the-empty.margine.spec-ref=${sha}`,
    ref,
  });
}

const since = (n: number) =>
  api.requests.slice(n).map((r) => `${r.operationId} ${Object.values(r.params).slice(2).join(' ')}`.trim());

describe('resolve-ref: a branch, tag or SHA → one commit, ready for --build-arg and --label', () => {
  it('a branch: its tip, with the token sent and masked', async () => {
    const n = api.requests.length;
    const step = await resolve({ ref: 'main' });
    expectResolved(step, c.c3!, 'refs/heads/main');
    expect(since(n).sort()).toEqual(['git/get-ref heads/main', 'git/get-ref tags/main']);
    expect(api.requests.slice(n).every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(step.masks).toContain(TOKEN);
    expect(step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr + step.summary).not.toContain(TOKEN);
    expect(step.summary).toContain(`--build-arg MARGINE_REF=${c.c3} --label place.the-empty.margine.spec-ref=${c.c3}`);
  });

  it('no ref: the default branch', async () => {
    const n = api.requests.length;
    expectResolved(await resolve({}), c.c3!, 'refs/heads/main');
    expect(since(n)).toEqual(['repos/get', 'git/get-ref heads/main']);
  });

  it('a branch with a slash, and refs/heads/ spelled out', async () => {
    expectResolved(await resolve({ ref: 'feature/x' }), c.c2!, 'refs/heads/feature/x');
    expectResolved(await resolve({ ref: 'refs/heads/feature/x' }), c.c2!, 'refs/heads/feature/x');
  });

  it('a lightweight tag: the commit it names', async () => {
    expectResolved(await resolve({ ref: 'v1.0.0' }), c.c2!, 'refs/tags/v1.0.0');
  });

  it('an annotated tag: dereferenced to its commit, never the tag object', async () => {
    const n = api.requests.length;
    const step = await resolve({ ref: 'v1.0.1' });
    expectResolved(step, c.r1!, 'refs/tags/v1.0.1');
    expect(step.outputs.sha).not.toBe(c.tagObject);
    expect(since(n)).toContain(`git/get-tag ${c.tagObject}`);
  });

  it('a full SHA on the default branch: checked to exist and to be reachable', async () => {
    const n = api.requests.length;
    const step = await resolve({ ref: c.c1!.toUpperCase() });
    expectResolved(step, c.c1!, c.c1!);
    expect(since(n)).toEqual([`repos/get-commit ${c.c1}`, 'repos/get', `repos/compare-commits main ${c.c1}`]);
  });

  it("a SHA reachable only from a tag (its branch deleted) is the repository's own", async () => {
    const step = await resolve({ ref: c.r1! });
    expectResolved(step, c.r1!, c.r1!);
    expect(step.stdout).toContain('reachable from tag v1.0.1');
  });

  it('an impostor SHA (only in a fork of the network) is refused, naming ref', async () => {
    const step = await resolve({ ref: c.f1! });
    expect(step.code).toBe(1);
    expect(step.outputs).toEqual({});
    expect(errorLines(step).join('\n')).toMatch(
      new RegExp(
        `input 'ref': commit ${c.f1} is not reachable from any of its branches or tags in margine-os/spec: it exists only in a fork.*impostor`,
      ),
    );
  });

  it('a SHA that does not exist: refused, naming ref', async () => {
    const step = await resolve({ ref: 'ab'.repeat(20) });
    expect(step.code).toBe(1);
    expect(errorLines(step).join('\n')).toMatch(/input 'ref': commit (ab){20} does not exist in margine-os\/spec/);
  });

  it('a ref that does not exist: refused, naming ref; a short SHA is told to be given in full', async () => {
    const step = await resolve({ ref: 'mian' });
    expect(step.code).toBe(1);
    expect(errorLines(step).join('\n')).toMatch(
      /input 'ref': "mian" is neither a branch nor a tag of margine-os\/spec/,
    );
    const short = await resolve({ ref: c.c2!.slice(0, 7) });
    expect(errorLines(short).join('\n')).toMatch(/a commit SHA must be given in full \(40 characters\)/);
  });

  it('a name that is both a branch and a tag must say which', async () => {
    const step = await resolve({ ref: 'both' });
    expect(step.code).toBe(1);
    expect(errorLines(step).join('\n')).toMatch(
      /input 'ref': "both" is both a branch and a tag.*\n.*refs\/heads\/both or refs\/tags\/both/,
    );
    expectResolved(await resolve({ ref: 'refs/tags/both' }), c.c2!, 'refs/tags/both');
  });

  it('a repository the token cannot read: refused, naming repository, not ref', async () => {
    const step = await resolve({ repository: 'margine-os/private-spec', ref: 'main' });
    expect(step.code).toBe(1);
    const err = errorLines(step).join('\n');
    expect(err).toMatch(
      /input 'repository': repository margine-os\/private-spec was not found, or the token cannot read it \(HTTP 404\)/,
    );
    expect(err).toMatch(/contents: read/);
  });

  it('rate limited with retry-after: waits and resolves', async () => {
    api.rateLimit({
      status: 429,
      headers: { 'retry-after': '1' },
      message: 'You have exceeded a secondary rate limit',
      times: 1,
    });
    const t0 = Date.now();
    expectResolved(await resolve({ ref: 'v1.0.0' }), c.c2!, 'refs/tags/v1.0.0');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
  });

  it('rate limited until an hour from now: a clear error naming github-token and when the limit lifts, without waiting', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    api.rateLimit({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'x-ratelimit-limit': '60' },
      message: 'API rate limit exceeded',
      times: 2,
    });
    const t0 = Date.now();
    const step = await resolve({ ref: 'main' });
    expect(step.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const err = errorLines(step).join('\n');
    expect(err).toMatch(
      /input 'github-token': GitHub's API rate limit refused get ref for margine-os\/spec refs\/(heads|tags)\/main: the limit lifts at \d{4}-\d\d-\d\dT/,
    );
    expect(err).toContain(new Date((reset + 1) * 1000).toISOString().slice(0, 16));
  });

  it.each([
    ['repository', { repository: 'https://github.com/margine-os/spec' }, /input 'repository': .* is not a repository/],
    ['ref', { ref: 'main..dev' }, /input 'ref': "main\.\.dev" is not a branch, tag or commit SHA/],
    ['label-key', { 'label-key': 'spec ref=x' }, /input 'label-key': "spec ref=x" is not a label key/],
    ['build-arg-name', { 'build-arg-name': '1REF' }, /input 'build-arg-name': "1REF" is not a build argument name/],
  ])('malformed %s: refused before any request', async (_input, inputs, why) => {
    const n = api.requests.length;
    const step = await resolve(inputs);
    expect(step.code).toBe(1);
    expect(errorLines(step).join('\n')).toMatch(why);
    expect(api.requests.length).toBe(n);
  });
});
