import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness/paths.js';

// `pnpm release` on a temporary clone of this repository: the checks a maintainer's release runs,
// refusing what must be refused, writing nothing in a dry run. A fresh build of dist/ takes
// minutes on two cores, so the file builds once (the consistent tree) and the other cases reuse
// that build through BYDIGEST_RELEASE_BUILD_CACHE: it is keyed by every source outside dist/, so
// a clone whose only change is a tampered dist/ is compared with the same fresh build.

const BUILD_MINUTES = 20;
const work = mkdtempSync(join(tmpdir(), 'bydigest-release-e2e-'));
const clone = join(work, 'clone');
// A cache given from outside (a maintainer re-running this file) is used as is.
const cache = process.env.BYDIGEST_RELEASE_BUILD_CACHE || join(work, 'build-cache');
const REPOSITORY = 'forker/bydigest';
const IDENTITY = {
  GIT_AUTHOR_NAME: 'release test',
  GIT_AUTHOR_EMAIL: 'rt@example.invalid',
  GIT_COMMITTER_NAME: 'release test',
  GIT_COMMITTER_EMAIL: 'rt@example.invalid',
};
let base = '';
let version = '';

function run(
  cmd: string,
  args: string[],
  timeoutMs = 120_000,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, {
    cwd: clone,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, ...IDENTITY, BYDIGEST_RELEASE_BUILD_CACHE: cache, GITHUB_REPOSITORY: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const git = (...args: string[]) => {
  const r = run('git', args);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const release = (...args: string[]) => run('pnpm', ['-s', 'release', ...args], BUILD_MINUTES * 60_000);
/** Commits a change, runs `fn`, and puts the clone back at `base`. */
function withCommit<T>(change: () => void, fn: () => T): T {
  change();
  git('commit', '-q', '-a', '-m', 'test change');
  try {
    return fn();
  } finally {
    git('reset', '-q', '--hard', base);
  }
}

beforeAll(() => {
  expect(spawnSync('git', ['clone', '-q', '--no-local', repoRoot, clone]).status).toBe(0);
  const install = run('pnpm', ['install', '--prefer-offline', '--frozen-lockfile', '--reporter=silent'], 300_000);
  if (install.status !== 0) throw new Error(`pnpm install in the clone failed: ${install.stderr}${install.stdout}`);
  base = git('rev-parse', 'HEAD');
  version = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { version: string }).version;
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm release on a clone', () => {
  it(
    'a consistent tree passes: the dry run prints the checks, the tag and the notes with a pinning table, and writes nothing',
    () => {
      const tagsBefore = git('tag', '--list');
      const r = release('--dry-run', '--repository', REPOSITORY);
      expect(r.stderr).not.toMatch(/refused|failed/);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`release v${version} of ${REPOSITORY} at ${base}`);
      expect(r.stdout).toMatch(/ok dist\/ equals a fresh build \(\d+ files\)/);
      expect(r.stdout).toContain(`would create annotated tag v${version} at ${base}`);
      const section = readFileSync(join(clone, 'CHANGELOG.md'), 'utf8')
        .split(`## [${version}]`)[1]!
        .split('\n')
        .slice(1)
        .join('\n')
        .trim()
        .split('\n')[0]!;
      expect(section.length).toBeGreaterThan(10);
      expect(r.stdout).toContain(section);
      const actions = readdirSync(join(clone, 'actions')).filter((a) =>
        existsSync(join(clone, 'actions', a, 'action.yml')),
      );
      expect(actions.length).toBeGreaterThanOrEqual(9);
      for (const a of actions)
        expect(r.stdout).toContain(`| ${a} | \`uses: ${REPOSITORY}/actions/${a}@${base} # v${version}\` |`);
      expect(r.stdout).toContain('dry run: nothing written');
      expect(git('status', '--porcelain')).toBe('');
      expect(git('tag', '--list')).toBe(tagsBefore);
    },
    BUILD_MINUTES * 60_000,
  );

  it('refuses a version without a changelog section, naming it', () => {
    const r = withCommit(
      () =>
        writeFileSync(
          join(clone, 'CHANGELOG.md'),
          readFileSync(join(clone, 'CHANGELOG.md'), 'utf8').replace(`## [${version}]`, '## [0.0.9]'),
        ),
      () => release('--dry-run', '--repository', REPOSITORY),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`release refused:\n- CHANGELOG.md has no section for ${version}`);
    expect(r.stdout).not.toContain('## Pinning');
  });

  it('refuses a package.json with another version, naming the file', () => {
    const file = join(clone, 'actions', 'sign-digest', 'package.json');
    const r = withCommit(
      () => writeFileSync(file, readFileSync(file, 'utf8').replace(`"version": "${version}"`, '"version": "9.9.9"')),
      () => release('--dry-run', '--repository', REPOSITORY),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`- actions/sign-digest/package.json has "version": "9.9.9", not "${version}"`);
  });

  it(
    'refuses a dist/ that differs from a fresh build, naming the file',
    () => {
      const r = withCommit(
        () => appendFileSync(join(clone, 'dist', 'wipe-secrets', 'index.js'), '\n// not what the sources build\n'),
        () => release('--dry-run', '--repository', REPOSITORY),
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('- dist/wipe-secrets/index.js differs from a fresh build');
      expect(r.stderr).toContain('run pnpm bundle and commit dist/');
      expect(r.stderr).not.toMatch(/sign-digest\/index\.js differs/);
    },
    BUILD_MINUTES * 60_000,
  );

  it('refuses a tag that already exists', () => {
    git('tag', '--annotate', '--message', 'earlier', `v${version}`);
    try {
      const r = release('--dry-run', '--repository', REPOSITORY);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`- tag v${version} already exists (at ${base})`);
    } finally {
      git('tag', '-d', `v${version}`);
    }
  });

  it(
    'without --dry-run: creates the annotated tag at HEAD and writes the notes; then the tag is taken, and --tagged accepts it',
    () => {
      const notes = join(work, 'notes.md');
      try {
        const r = release(version, '--repository', REPOSITORY, '--notes-file', notes);
        expect(r.stderr).not.toMatch(/refused|failed/);
        expect(r.status).toBe(0);
        expect(git('cat-file', '-t', `v${version}`)).toBe('tag');
        expect(git('rev-parse', `v${version}^{commit}`)).toBe(base);
        expect(git('tag', '-l', '--format=%(contents:subject)', `v${version}`)).toBe(`bydigest v${version}`);
        expect(readFileSync(notes, 'utf8')).toContain(
          `| sign-digest | \`uses: ${REPOSITORY}/actions/sign-digest@${base} # v${version}\` |`,
        );
        expect(git('status', '--porcelain')).toBe('');

        expect(release(version, '--dry-run', '--repository', REPOSITORY).stderr).toContain(
          `tag v${version} already exists`,
        );
        const tagged = release(`v${version}`, '--dry-run', '--tagged', '--repository', REPOSITORY);
        expect(tagged.status).toBe(0);
        expect(tagged.stdout).toContain(`ok tag v${version} is annotated and points at this commit`);
      } finally {
        run('git', ['tag', '-d', `v${version}`]);
      }
    },
    BUILD_MINUTES * 60_000,
  );

  it('refuses to write without a notes file or a repository, before any check', () => {
    const noNotes = release('--repository', REPOSITORY);
    expect(noNotes.status).toBe(1);
    expect(noNotes.stderr).toContain('--notes-file FILE is needed without --dry-run');
    const noRepo = release('--notes-file', join(work, 'x.md'));
    expect(noRepo.status).toBe(1);
    expect(noRepo.stderr).toContain('is not owner/name (pass --repository owner/bydigest, or set GITHUB_REPOSITORY)');
    expect(git('tag', '--list', `v${version}`)).toBe('');
  });
});
