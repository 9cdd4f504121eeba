// resolve-ref's run() in-process against an in-memory GitHub: FakeGitRepo (the git data behind the
// loopback API stand-in) answering Octokit-shaped requests, errors shaped as @octokit/request-error's.
// What it resolves, the lines it prints, the errors main.ts turns into input errors; and readInputs'
// refusals. The bundle against the OpenAPI-checked stand-in: test/resolve-ref.test.ts.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubError, type GitHubApi } from '@bydigest/core';
import { InputError } from '@bydigest/action-kit';
import { FakeGitRepo } from '../../../test/harness/github-git.js';
import { readInputs, type ResolveRefInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

/** Octokit routes to the operation ids FakeGitRepo answers. */
const OPERATIONS: Record<string, string> = {
  'GET /repos/{owner}/{repo}': 'repos/get',
  'GET /repos/{owner}/{repo}/git/ref/{ref}': 'git/get-ref',
  'GET /repos/{owner}/{repo}/git/tags/{tag_sha}': 'git/get-tag',
  'GET /repos/{owner}/{repo}/commits/{ref}': 'repos/get-commit',
  'GET /repos/{owner}/{repo}/compare/{basehead}': 'repos/compare-commits-with-basehead',
  'GET /repos/{owner}/{repo}/tags': 'repos/list-tags',
  'GET /repos/{owner}/{repo}/branches': 'repos/list-branches',
};

/** A GitHubApi over the repositories given; every call is recorded as its operation id. */
function github(...repos: FakeGitRepo[]): { api: GitHubApi; calls: string[] } {
  const calls: string[] = [];
  const api: GitHubApi = {
    request: async (route, params) => {
      const op = OPERATIONS[route];
      if (!op) throw new Error(`unexpected route ${route}`);
      calls.push(op);
      const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      const repo = repos.find((r) => r.owner === params.owner && r.name === params.repo);
      const answer = repo?.answer(op, strings, strings, undefined) ?? { status: 404, body: { message: 'Not Found' } };
      if (answer.status >= 400) {
        throw Object.assign(new Error((answer.body as { message?: string }).message ?? 'error'), {
          status: answer.status,
          response: { headers: {} },
        });
      }
      return { data: answer.body };
    },
  };
  return { api, calls };
}

describe('resolve-ref run() as a unit', () => {
  const saved = { ...process.env };
  // @actions/core keeps the first summary path it sees: one file, emptied before each test.
  const summary = join(mkdtempSync(join(tmpdir(), 'resolve-ref-unit-')), 'summary.md');
  /** main: c1 ← c2 ← c3; v1.0.0 on c2 (lightweight); v1.0.1 annotated on r1, a commit off c2 no branch has. */
  const spec = new FakeGitRepo('margine-os', 'spec');
  const [c1, c2, c3] = spec.line(undefined, 3) as [string, string, string];
  const r1 = spec.commit(c2);
  spec.branch('main', c3).lightweightTag('v1.0.0', c2);
  const tagObject = spec.annotatedTag('v1.0.1', r1);
  spec.branch('both', c1).lightweightTag('both', c2);
  /** A commit the fork network holds but no ref of the repository reaches (an impostor). */
  const forkOnly = spec.commit(c3);
  const inputs = (ref: string | undefined): ResolveRefInputs => ({
    owner: 'margine-os',
    repo: 'spec',
    ...(ref === undefined ? {} : { ref }),
    labelKey: 'place.the-empty.margine.spec-ref',
    buildArgName: 'MARGINE_REF',
    githubToken: 'unused-by-run',
  });
  const failure = async (p: Promise<unknown>): Promise<GitHubError> => {
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitHubError);
    return e as GitHubError;
  };

  beforeEach(() => {
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('resolves a tag to its commit: the sha, the ref, and the build-arg and label lines', async () => {
    const { api, calls } = github(spec);
    expect(await run(inputs('v1.0.0'), api)).toEqual({
      sha: c2,
      ref: 'refs/tags/v1.0.0',
      buildArg: `MARGINE_REF=${c2}`,
      label: `place.the-empty.margine.spec-ref=${c2}`,
    });
    // A bare name is looked up as a branch and as a tag, once each.
    expect(calls.sort()).toEqual(['git/get-ref', 'git/get-ref']);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('margine-os/spec');
    expect(text).toContain(`--build-arg MARGINE_REF=${c2} --label place.the-empty.margine.spec-ref=${c2}`);
  });

  it('follows an annotated tag to the commit it tags, not the tag object', async () => {
    const { api, calls } = github(spec);
    const r = await run(inputs('refs/tags/v1.0.1'), api);
    expect(r.sha).toBe(r1);
    expect(r.sha).not.toBe(tagObject);
    expect(r.ref).toBe('refs/tags/v1.0.1');
    expect(calls).toEqual(['git/get-ref', 'git/get-tag']);
  });

  it('no ref: the default branch', async () => {
    const { api } = github(spec);
    expect(await run(inputs(undefined), api)).toMatchObject({ sha: c3, ref: 'refs/heads/main' });
    expect(readFileSync(summary, 'utf8')).toContain('(default branch)');
  });

  it('a full SHA reachable from a branch is itself; one only a fork holds is refused as an impostor', async () => {
    const { api } = github(spec);
    expect(await run(inputs(c1.toUpperCase()), api)).toMatchObject({ sha: c1, ref: c1 });
    const err = await failure(run(inputs(forkOnly), github(spec).api));
    expect(err.about).toBe('ref');
    expect(err.message).toMatch(new RegExp(`commit ${forkOnly} is not reachable .* \\(an impostor commit\\)`));
  });

  it('a tag the repository lacks: a GitHubError about the ref (main names the ref input), status 404', async () => {
    const err = await failure(run(inputs('v9.9.9'), github(spec).api));
    expect([err.about, err.status]).toEqual(['ref', 404]);
    expect(err.message).toBe('"v9.9.9" is neither a branch nor a tag of margine-os/spec');
    const short = await failure(run(inputs(c2.slice(0, 7)), github(spec).api));
    expect(short.hint).toMatch(/a commit SHA must be given in full/);
  });

  it('a name that is both a branch and a tag must say which', async () => {
    const err = await failure(run(inputs('both'), github(spec).api));
    expect(err.about).toBe('ref');
    expect(err.hint).toBe('say which: refs/heads/both or refs/tags/both');
    expect(await run(inputs('refs/heads/both'), github(spec).api)).toMatchObject({ sha: c1 });
  });

  it('a repository the token cannot read: a GitHubError about the repository', async () => {
    const hidden = new FakeGitRepo('margine-os', 'private-spec');
    hidden.readable = false;
    const err = await failure(run({ ...inputs('v1.0.0'), repo: 'private-spec' }, github(hidden).api));
    expect(err.about).toBe('repository');
    expect(err.message).toBe('repository margine-os/private-spec was not found, or the token cannot read it');
  });
});

describe('resolve-ref readInputs', () => {
  const saved = { ...process.env };
  const set = (inputs: Record<string, string>) => {
    for (const [k, v] of Object.entries({ repository: 'margine-os/spec', 'github-token': 'ghs_token', ...inputs }))
      process.env[`INPUT_${k.toUpperCase()}`] = v;
  };
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => {
    process.env = saved;
  });

  it('reads good inputs, with the defaults for the label key and the build argument', () => {
    set({ ref: 'v1.0.0' });
    expect(readInputs({})).toEqual({
      owner: 'margine-os',
      repo: 'spec',
      ref: 'v1.0.0',
      labelKey: 'org.opencontainers.image.revision',
      buildArgName: 'SPEC_REF',
      githubToken: 'ghs_token',
    });
    set({ repository: '' });
    expect(readInputs({ GITHUB_REPOSITORY: 'o/from-env' })).toMatchObject({ owner: 'o', repo: 'from-env' });
  });

  it.each([
    ['repository', { repository: 'https://github.com/o/r.git' }, /is not a repository/],
    ['repository', { repository: '' }, /is empty and GITHUB_REPOSITORY is not set/],
    ['ref', { ref: 'main..dev' }, /"main\.\.dev" is not a branch, tag or commit SHA/],
    ['label-key', { 'label-key': 'has space' }, /"has space" is not a label key/],
    ['build-arg-name', { 'build-arg-name': '1REF' }, /"1REF" is not a build argument name/],
    ['github-token', { 'github-token': '' }, /is empty/],
  ])('refuses a bad %s, naming it', (input, values, message) => {
    set(values);
    const err = (() => {
      try {
        readInputs({});
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(input);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message.startsWith(`input '${input}': `)).toBe(true);
  });
});
