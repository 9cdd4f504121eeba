import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInputsKey } from '../dist-check.js';
import { headSha } from '../git.js';
import { workspacePackageFiles } from '../packages.js';
import { quickProblems } from '../plan.js';
import { parseVersion } from '../version.js';

// The checks that need no build, on a small git repository shaped like this one.
const base = mkdtempSync(join(tmpdir(), 'release-checks-'));
let repo = '';
let n = 0;
afterAll(() => rmSync(base, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...IDENTITY } }).trim();
const IDENTITY = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
};
const write = (path: string, content: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), content);
};
const pkg = (name: string, version = '0.2.0') =>
  `${JSON.stringify({ name, version, license: 'Apache-2.0' }, null, 2)}\n`;
const commitAll = (message: string) => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
};
const problems = (version = '0.2.0', tagged = false) =>
  quickProblems(repo, { version: parseVersion(version), tagged }, headSha(repo));

beforeEach(() => {
  repo = join(base, `r${n++}`);
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  write('package.json', pkg('bydigest'));
  write('packages/core/package.json', pkg('@bydigest/core'));
  write('actions/sign-digest/package.json', pkg('@bydigest/sign-digest'));
  write('actions/sign-digest/action.yml', 'name: x\n');
  write('dist/sign-digest/index.js', '// bundle\n');
  write('CHANGELOG.md', '# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2027-01-10\n\n### Added\n\n- a thing\n');
  commitAll('initial');
});

describe('quickProblems', () => {
  it('none on a consistent tree', () => {
    expect(workspacePackageFiles(repo)).toEqual([
      'package.json',
      'packages/core/package.json',
      'actions/sign-digest/package.json',
    ]);
    expect(problems()).toEqual([]);
  });

  it('a version without a changelog section', () => {
    write('CHANGELOG.md', '# Changelog\n\n## [Unreleased]\n\n- a thing\n');
    commitAll('no section');
    expect(problems()).toEqual([
      'CHANGELOG.md has no section for 0.2.0 (move what is under "## [Unreleased]" into "## [0.2.0] - YYYY-MM-DD")',
    ]);
  });

  it('no CHANGELOG.md at all', () => {
    git('rm', '-q', 'CHANGELOG.md');
    commitAll('no changelog');
    expect(problems()).toEqual([expect.stringMatching(/^CHANGELOG\.md does not exist/)]);
  });

  it('each package.json with another version, or none', () => {
    write('actions/sign-digest/package.json', pkg('@bydigest/sign-digest', '0.1.9'));
    write('packages/core/package.json', '{ "name": "@bydigest/core" }\n');
    commitAll('disagree');
    expect(problems()).toEqual([
      'packages/core/package.json has no "version", not "0.2.0" (every package.json carries the release\'s version)',
      'actions/sign-digest/package.json has "version": "0.1.9", not "0.2.0" (every package.json carries the release\'s version)',
    ]);
  });

  it('a tag that already exists, lightweight or annotated', () => {
    git('tag', 'v0.2.0');
    expect(problems()).toEqual([
      `tag v0.2.0 already exists (at ${headSha(repo)}): a released version is never tagged again; release the next version`,
    ]);
  });

  it('--tagged: the tag must exist, be annotated and point at HEAD', () => {
    expect(problems('0.2.0', true)).toEqual(['tag v0.2.0 does not exist (run without --tagged to create it)']);
    git('tag', 'v0.2.0');
    expect(problems('0.2.0', true)).toEqual([
      'tag v0.2.0 is a lightweight tag: release tags are annotated (git tag --annotate)',
    ]);
    git('tag', '-d', 'v0.2.0');
    git('tag', '-a', '-m', 'bydigest v0.2.0', 'v0.2.0');
    expect(problems('0.2.0', true)).toEqual([]);
    const tagged = headSha(repo);
    write('README.md', 'later\n');
    commitAll('later');
    expect(problems('0.2.0', true)).toEqual([
      `tag v0.2.0 points at ${tagged}, not at the checked-out commit ${headSha(repo)}`,
    ]);
  });

  it('uncommitted changes to tracked files, but not untracked files', () => {
    write('untracked.txt', 'x');
    expect(problems()).toEqual([]);
    write('actions/sign-digest/action.yml', 'name: y\n');
    expect(problems()).toEqual([
      'the working tree has uncommitted changes (actions/sign-digest/action.yml): a release is of a commit; commit or stash them',
    ]);
  });

  it('lists every problem at once', () => {
    write('package.json', pkg('bydigest', '0.1.0'));
    commitAll('root behind');
    git('tag', '-a', '-m', 'x', 'v0.2.0');
    expect(problems('0.2.0')).toHaveLength(2);
    expect(problems('0.3.0')).toHaveLength(4); // no section; root, core and sign-digest at other versions (v0.3.0 is free)
  });
});

describe('buildInputsKey', () => {
  it('follows the sources and manifests a build reads, not dist/ or the docs', () => {
    const before = buildInputsKey(repo);
    write('dist/sign-digest/index.js', '// tampered\n');
    write('README.md', 'docs\n');
    commitAll('dist and docs');
    expect(buildInputsKey(repo)).toBe(before);
    write('actions/sign-digest/src/run.ts', 'export {};\n');
    commitAll('source');
    const afterSource = buildInputsKey(repo);
    expect(afterSource).not.toBe(before);
    write('package.json', pkg('bydigest', '0.2.1'));
    commitAll('manifest');
    expect(buildInputsKey(repo)).not.toBe(afterSource);
    expect(readFileSync(join(repo, 'dist/sign-digest/index.js'), 'utf8')).toBe('// tampered\n');
  });
});
