import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changelogSection, changelogVersions } from '../changelog.js';
import { distDifferences } from '../dist-check.js';
import { pinningTable, releaseNotes } from '../notes.js';
import { ReleaseRefusal } from '../refusal.js';
import { parseVersion } from '../version.js';

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- something not yet released

## [0.2.0] - 2027-01-10

### Changed

- sign-digest: a changed thing

## [0.1.0] - 2026-12-06

### Added

- the first actions

[0.2.0]: https://example.invalid/compare/v0.1.0...v0.2.0
`;

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('parseVersion', () => {
  it('takes X.Y.Z or the tag vX.Y.Z', () => {
    expect(parseVersion('0.2.0')).toEqual({ version: '0.2.0', tag: 'v0.2.0' });
    expect(parseVersion('v10.0.31')).toEqual({ version: '10.0.31', tag: 'v10.0.31' });
  });

  it.each(['0.2', '0.2.0-rc.1', '01.2.3', 'v', 'latest', '1.2.3.4'])('refuses %s, naming it', (raw) => {
    expect(() => parseVersion(raw)).toThrow(ReleaseRefusal);
    expect(() => parseVersion(raw)).toThrow(`version "${raw}" is not X.Y.Z`);
  });
});

describe('changelogSection', () => {
  it('is the body under the version heading, up to the next heading', () => {
    expect(changelogSection(CHANGELOG, '0.2.0')).toBe('### Changed\n\n- sign-digest: a changed thing');
    expect(changelogSection(CHANGELOG, '0.1.0')).toBe('### Added\n\n- the first actions');
    expect(changelogSection(CHANGELOG, 'Unreleased')).toBe('### Added\n\n- something not yet released');
  });

  it('is undefined for a version without a section, a prefix of one, or an empty one', () => {
    expect(changelogSection(CHANGELOG, '0.3.0')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '0.2')).toBeUndefined();
    expect(changelogSection('## [0.4.0] - 2027-02-01\n\n## [0.3.0]\n\n- x\n', '0.4.0')).toBeUndefined();
  });

  it('lists the versions in file order', () => {
    expect(changelogVersions(CHANGELOG)).toEqual(['Unreleased', '0.2.0', '0.1.0']);
  });
});

describe('release notes', () => {
  const input = {
    repository: 'ublue-os/bydigest',
    sha: SHA,
    tag: 'v0.2.0',
    actions: ['capture-digest', 'sign-digest'],
  };

  it('pin every action by the full SHA with the version as the comment', () => {
    expect(pinningTable(input).split('\n')).toEqual([
      '| Action | Pin |',
      '| --- | --- |',
      `| capture-digest | \`uses: ublue-os/bydigest/actions/capture-digest@${SHA} # v0.2.0\` |`,
      `| sign-digest | \`uses: ublue-os/bydigest/actions/sign-digest@${SHA} # v0.2.0\` |`,
    ]);
  });

  it('are the changelog section, then the pinning table and how to verify the bundles', () => {
    const notes = releaseNotes(changelogSection(CHANGELOG, '0.2.0') as string, input);
    expect(notes.startsWith('### Changed\n\n- sign-digest: a changed thing\n\n## Pinning\n')).toBe(true);
    expect(notes).toContain(pinningTable(input));
    expect(notes).toContain(`\`uses: ublue-os/bydigest/.github/workflows/publish.yml@${SHA} # v0.2.0\``);
    expect(notes).toContain('gh attestation verify dist/<name>/index.js --repo ublue-os/bydigest');
    expect(notes).not.toContain('something not yet released');
  });
});

describe('distDifferences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-dist-'));
  const write = (path: string, content: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is empty for identical trees, and names each file that differs, is missing or is extra', () => {
    for (const side of ['dist', 'fresh']) {
      write(`${side}/a/index.js`, 'a');
      write(`${side}/a/post/index.js`, 'p');
      write(`${side}/b/index.js`, 'b');
    }
    const committed = ['a/index.js', 'a/post/index.js', 'b/index.js'];
    expect(distDifferences(join(dir, 'dist'), committed, join(dir, 'fresh'))).toEqual([]);

    write('dist/a/post/index.js', 'p2');
    write('fresh/b/70.index.js', 'chunk');
    write('dist/c/index.js', 'stale');
    // An untracked file in dist/ is not part of the commit and does not count.
    write('dist/b/untracked.js', 'x');
    expect(distDifferences(join(dir, 'dist'), [...committed, 'c/index.js'], join(dir, 'fresh'))).toEqual([
      'dist/a/post/index.js differs from a fresh build',
      'dist/b/70.index.js is made by a fresh build but not committed',
      'dist/c/index.js is committed but a fresh build does not make it',
    ]);
  });
});
