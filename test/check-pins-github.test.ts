// check-pins' GitHub checks against the loopback API stand-in, which holds every request to
// GitHub's OpenAPI description: tags (lightweight and annotated), a moved tag, an impostor
// commit, rate limiting, a repository that does not exist; each (repository, ref) asked once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createGitHubRest, isReachableFromRepository, restAsGitHubApi, tagCommit } from '@bydigest/core';
import { checkSources, installerTable, resolveFloating, verifyPins, type SourceFile } from '@bydigest/core/pins';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';

const TOKEN = 'ghs_checkpins';
const sha = (c: string): string => c.repeat(40).slice(0, 40);
const V1 = sha('1');
const V2 = sha('2');
const MAIN = sha('3');
const OLD = sha('4');
const FORK = sha('f');
const TAG_OBJECT = sha('a');

let api: GitHubApi;
beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN });
  api.state.git.set('acme/setup', {
    defaultBranch: 'main',
    branches: { main: MAIN, 'release/v1': V1 },
    tags: { 'v1.0.0': V1, 'v2.0.0': { object: TAG_OBJECT, commit: V2 }, v2: V2 },
    history: { main: [MAIN, V2, V1, OLD], 'release/v1': [V1], 'v1.0.0': [V1], 'v2.0.0': [V2, V1], v2: [V2, V1] },
  });
});
afterEach(() => {
  expect(api.rejections).toEqual([]);
});
afterAll(async () => {
  await api?.stop();
});

const client = (extra: { maxRateLimitWaitSeconds?: number; sleep?: (ms: number) => Promise<void> } = {}) =>
  createGitHubRest({ baseUrl: api.url, token: TOKEN, ...extra });

function workflow(uses: string[]): SourceFile {
  const steps = uses.map((u) => `      - uses: ${u}\n`).join('');
  return {
    file: '.github/workflows/w.yml',
    kind: 'workflow',
    text: `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`,
  };
}

async function verify(uses: string[]) {
  const checked = checkSources([workflow(uses)], { installers: installerTable([]), allowFloating: [], ignore: [] });
  const rest = client();
  const v = await verifyPins(rest, checked.pins);
  return { ...v, requests: rest.requests };
}

describe('tags to commits', () => {
  it('a lightweight tag is its commit; an annotated tag is dereferenced through its tag object', async () => {
    const rest = client();
    expect(await tagCommit(rest, 'acme', 'setup', 'v1.0.0')).toBe(V1);
    expect(await tagCommit(rest, 'acme', 'setup', 'v2.0.0')).toBe(V2);
    expect(await tagCommit(rest, 'acme', 'setup', 'v9')).toBeUndefined();
    expect(api.requests.some((r) => r.operationId === 'git/get-tag' && r.params.tag_sha === TAG_OBJECT)).toBe(true);
  });
});

describe('verifyPins', () => {
  it('accepts pins whose comment tag points at the SHA (lightweight and annotated)', async () => {
    const r = await verify([`acme/setup@${V1} # v1.0.0`, `acme/setup@${V2} # v2.0.0`]);
    expect(r.findings).toEqual([]);
    expect(r.unverified).toEqual([]);
  });

  it("a moved tag: the comment names a tag that now points elsewhere (ref-version-mismatch), the SHA still the repository's own", async () => {
    const r = await verify([`acme/setup@${V1} # v2`]);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['ref-version-mismatch', 7, 15]]);
    expect(r.findings[0]!.message).toContain(`tag v2 points at ${V2}`);
  });

  it("a commit only in the fork network is an impostor; one in main's history is not", async () => {
    const r = await verify([`acme/setup@${FORK} # v1.0.0`, `acme/setup@${OLD} # v0.9.0`]);
    expect(r.unverified).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['ref-version-mismatch', 'impostor-commit', 'ref-version-mismatch']);
    expect(r.findings[1]!.message).toContain(FORK);
    expect((await isReachableFromRepository(restAsGitHubApi(client()), 'acme', 'setup', OLD)).reachable).toBe(true);
    expect((await isReachableFromRepository(restAsGitHubApi(client()), 'acme', 'setup', FORK)).reachable).toBe(false);
    expect((await isReachableFromRepository(restAsGitHubApi(client()), 'acme', 'setup', MAIN)).reachable).toBe(true);
  });

  it('a repository that does not exist (404) is reported as not verified, not passed silently', async () => {
    const r = await verify([`gone/away@${V1} # v1.0.0`]);
    expect(r.findings).toEqual([]);
    expect(r.unverified).toEqual([
      {
        file: '.github/workflows/w.yml',
        line: 7,
        column: 15,
        message: expect.stringMatching(/gone\/away: no such repository/),
      },
    ]);
  });

  it('asks about each (repository, ref) once, however many steps pin it', async () => {
    const before = api.requests.length;
    const r = await verify(Array.from({ length: 50 }, () => `acme/setup@${V1} # v1.0.0`));
    expect(r.findings).toEqual([]);
    // repos/get and git/get-ref, once each.
    expect(r.requests).toBe(2);
    expect(api.requests.slice(before).map((q) => q.operationId)).toEqual(['repos/get', 'git/get-ref']);
  });
});

describe('rate limiting', () => {
  it('waits out a 429 with retry-after, then answers', async () => {
    const waits: number[] = [];
    api.refuse('git/get-ref', 429, 'You have exceeded a secondary rate limit', {
      headers: { 'retry-after': '2' },
      times: 1,
    });
    const rest = client({ sleep: async (ms) => void waits.push(ms) });
    expect(await tagCommit(rest, 'acme', 'setup', 'v1.0.0')).toBe(V1);
    expect(waits).toEqual([2000]);
    expect(rest.requests).toBe(2);
  });

  it('a 403 whose retry-after is longer than the bound is a clear error naming the call and the wait', async () => {
    const lift = api.refuse('git/get-ref', 403, 'API rate limit exceeded', { headers: { 'retry-after': '3600' } });
    try {
      const waits: number[] = [];
      await expect(
        tagCommit(
          client({ maxRateLimitWaitSeconds: 30, sleep: async (ms) => void waits.push(ms) }),
          'acme',
          'setup',
          'v1.0.0',
        ),
      ).rejects.toMatchObject({
        code: 'GITHUB',
        status: 403,
        message: expect.stringMatching(
          /GET \/repos\/acme\/setup\/git\/ref\/tags\/v1\.0\.0: rate limited \(HTTP 403\), retry after 3600 s/,
        ),
      });
      expect(waits).toEqual([]);
    } finally {
      lift();
    }
  });

  it('a 403 that is not a rate limit is an error with its status, not a wait', async () => {
    const lift = api.refuse('repos/get', 403, 'Resource not accessible by integration');
    try {
      await expect(
        verifyPins(
          client(),
          checkSources([workflow([`acme/setup@${V1} # v1.0.0`])], {
            installers: installerTable([]),
            allowFloating: [],
            ignore: [],
          }).pins,
        ),
      ).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('Resource not accessible by integration'),
      });
    } finally {
      lift();
    }
  });
});

describe('resolveFloating (mode: fix)', () => {
  it('resolves tags (through annotated tags) and branches once per (repository, ref)', async () => {
    const checked = checkSources(
      [workflow(['acme/setup@v2.0.0', 'acme/setup@v2.0.0', 'acme/setup@main', 'acme/setup@nope'])],
      { installers: installerTable([]), allowFloating: [], ignore: [] },
    );
    const rest = client();
    const resolved = await resolveFloating(rest, checked.floating);
    expect([...resolved.values()]).toEqual([V2, V2, MAIN]);
  });
});

describe('checkPins mode: fix', () => {
  const options = { installers: installerTable([]), allowFloating: [], ignore: [] };
  const before = [
    '# top comment: kept\r',
    'on: push',
    'permissions: {}   # none',
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    "      - uses: 'acme/setup@v2.0.0'",
    '      - uses: "acme/setup@v1.0.0"    # v0.1 stale comment',
    '      - uses: acme/setup@main # keep: tracks main on purpose',
    '      - { uses: acme/setup@v1.0.0, with: { x: 1 } }',
    `      - uses: acme/setup@${V1} # v1.0.0`,
    '      - uses: ./local',
    '',
  ].join('\n');
  const after = [
    '# top comment: kept\r',
    'on: push',
    'permissions: {}   # none',
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    `      - uses: 'acme/setup@${V2}' # v2.0.0`,
    `      - uses: "acme/setup@${V1}"    # v1.0.0 stale comment`,
    `      - uses: acme/setup@${MAIN} # main # keep: tracks main on purpose`,
    `      - { uses: acme/setup@${V1}, with: { x: 1 } }`,
    `      - uses: acme/setup@${V1} # v1.0.0`,
    '      - uses: ./local',
    '',
  ].join('\n');

  it('pins tags and branches in place, every other byte kept, and the result checks clean', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, symlinkSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkPins } = await import('@bydigest/core/pins');
    const root = mkdtempSync(join(tmpdir(), 'check-pins-fix-'));
    const outside = mkdtempSync(join(tmpdir(), 'check-pins-outside-'));
    try {
      mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(root, '.github', 'workflows', 'w.yml'), before);
      const outsideFile = join(outside, 'evil.yml');
      writeFileSync(
        outsideFile,
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/setup@v1.0.0\n',
      );
      symlinkSync(outsideFile, join(root, '.github', 'workflows', 'link.yml'));

      const fixed = await checkPins({ root, paths: ['.github/workflows'], options, mode: 'fix', api: client() });
      expect(fixed.written).toEqual(['.github/workflows/w.yml']);
      expect(readFileSync(join(root, '.github', 'workflows', 'w.yml'), 'utf8')).toBe(after);
      // The symlink out of the checkout is reported and its target untouched.
      expect(fixed.problems).toEqual([
        { file: '.github/workflows/link.yml', message: expect.stringMatching(/symlink out of the checkout/) },
      ]);
      expect(readFileSync(outsideFile, 'utf8')).toContain('acme/setup@v1.0.0');
      // What remains: a branch is no version (# main has no digit), and the flow mapping got its SHA without a comment.
      expect(fixed.findings.map((f) => [f.rule, f.line])).toEqual([
        ['missing-version-comment', 10],
        ['missing-version-comment', 11],
      ]);

      const again = await checkPins({
        root,
        paths: ['.github/workflows'],
        options: { ...options, ignore: [] },
        mode: 'check',
        api: client(),
      });
      expect(again.findings.filter((f) => f.rule !== 'missing-version-comment')).toEqual([]);
      expect(again.unverified).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('without a token, fix is refused with the fix named', async () => {
    const { checkPins } = await import('@bydigest/core/pins');
    await expect(checkPins({ root: '.', paths: [], options, mode: 'fix' })).rejects.toThrow(
      /mode: fix needs a github-token/,
    );
  });
});

describe('the bundle (dist/check-pins) against the stand-in', () => {
  it('mode fix through the action: GITHUB_API_URL and the token reach the API, the files are pinned, the step passes', async () => {
    const { mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { runAction } = await import('./harness/runner.js');
    const { realpathSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'check-pins-bundle-')));
    try {
      mkdirSync(join(temp, '.github', 'workflows'), { recursive: true });
      const file = join(temp, '.github', 'workflows', 'build.yml');
      writeFileSync(
        file,
        'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/setup@v2.0.0\n',
      );
      const before = api.requests.length;
      const r = await runAction('check-pins', {
        inputs: { mode: 'fix', 'github-token': TOKEN, paths: '.github/workflows' },
        env: { GITHUB_API_URL: api.url },
        runnerTemp: temp,
        timeoutMs: 60_000,
      });
      expect({ code: r.main.code, err: r.main.code === 0 ? '' : r.main.stdout.slice(-2000) }).toEqual({
        code: 0,
        err: '',
      });
      expect(readFileSync(file, 'utf8')).toBe(
        `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/setup@${V2} # v2.0.0\n`,
      );
      expect(r.main.outputs.problems).toBe('0');
      expect(api.requests.slice(before).every((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(api.requests.slice(before).map((q) => q.operationId)).toContain('git/get-tag');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 90_000);
});
