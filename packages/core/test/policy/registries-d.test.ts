import { describe, it, expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistriesDir, mergeRegistriesFiles, parseReference, sigstoreAttachmentsFor } from '../../src/index.js';

const lookup = (files: Record<string, string>, ref: string) =>
  sigstoreAttachmentsFor(
    mergeRegistriesFiles(Object.entries(files).map(([path, text]) => ({ path, text }))),
    parseReference(ref),
  );

describe('registries.d use-sigstore-attachments lookup (docker/registries_d.go)', () => {
  it('is off when nothing configures it', () => {
    expect(lookup({}, 'ghcr.io/o/img:stable')).toEqual({ enabled: false });
    expect(
      lookup({ 'a.yaml': 'docker:\n  ghcr.io/o/img:\n    lookaside: https://x\n' }, 'ghcr.io/o/img:stable'),
    ).toEqual({ enabled: false });
  });

  it('takes the most specific namespace that sets it, as the bootc images configure it', () => {
    const files = {
      'ublue-os.yaml': 'docker:\n  ghcr.io/ublue-os:\n    use-sigstore-attachments: true\n',
      'default.yaml': 'default-docker:\n  lookaside: file:///var/lib/containers/sigstore\n',
    };
    expect(lookup(files, 'ghcr.io/ublue-os/bluefin:stable')).toEqual({
      enabled: true,
      decidedBy: 'docker["ghcr.io/ublue-os"]',
      source: 'ublue-os.yaml',
    });
    expect(lookup(files, 'ghcr.io/other/img:stable')).toEqual({ enabled: false });
  });

  it('a specific false beats a general true; an entry that does not set it defers', () => {
    const files = {
      'a.yaml':
        'docker:\n  ghcr.io:\n    use-sigstore-attachments: true\n  ghcr.io/o/off:\n    use-sigstore-attachments: false\n  ghcr.io/o/silent:\n    lookaside: https://l\n',
    };
    expect(lookup(files, 'ghcr.io/o/off:x').enabled).toBe(false);
    expect(lookup(files, 'ghcr.io/o/silent:x')).toEqual({
      enabled: true,
      decidedBy: 'docker["ghcr.io"]',
      source: 'a.yaml',
    });
    expect(lookup(files, `ghcr.io/o/other@sha256:${'1'.repeat(64)}`).enabled).toBe(true);
  });

  it('matches a tag-specific entry and falls back to default-docker', () => {
    const files = {
      'a.yaml':
        'default-docker:\n  use-sigstore-attachments: true\ndocker:\n  quay.io/x/y:old:\n    use-sigstore-attachments: false\n',
    };
    expect(lookup(files, 'quay.io/x/y:old').enabled).toBe(false);
    expect(lookup(files, 'quay.io/x/y:new')).toEqual({ enabled: true, decidedBy: 'default-docker', source: 'a.yaml' });
  });

  it('reads YAML 1.1 booleans and field names case-insensitively, as ghodss/yaml + encoding/json do', () => {
    expect(
      lookup({ 'a.yaml': 'docker:\n  ghcr.io:\n    use-sigstore-attachments: yes\n' }, 'ghcr.io/a:b').enabled,
    ).toBe(true);
    expect(
      lookup({ 'a.yaml': 'Docker:\n  ghcr.io:\n    Use-Sigstore-Attachments: true\n' }, 'ghcr.io/a:b').enabled,
    ).toBe(true);
  });

  it('refuses a namespace defined in two files, and a non-boolean', () => {
    expect(() =>
      mergeRegistriesFiles([
        { path: '/d/a.yaml', text: 'docker:\n  ghcr.io: {}\n' },
        { path: '/d/b.yaml', text: 'docker:\n  ghcr.io: {}\n' },
      ]),
    ).toThrow(
      'Error parsing signature storage configuration: "docker" namespace "ghcr.io" defined both in "/d/a.yaml" and "/d/b.yaml"',
    );
    expect(() =>
      mergeRegistriesFiles([
        { path: '/d/a.yaml', text: 'default-docker: {}\n' },
        { path: '/d/b.yaml', text: 'default-docker: {}\n' },
      ]),
    ).toThrow(/"default-docker" defined both/);
    expect(() =>
      mergeRegistriesFiles([
        { path: '/d/a.yaml', text: 'docker:\n  ghcr.io:\n    use-sigstore-attachments: "true"\n' },
      ]),
    ).toThrow(/parsing \/d\/a.yaml: .*must be true or false/);
    expect(() => mergeRegistriesFiles([{ path: '/d/a.yaml', text: 'docker: [1' }])).toThrow(/^parsing \/d\/a.yaml: /);
  });

  it('loads only *.yaml from a directory; a missing directory is an empty configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regd-'));
    writeFileSync(join(dir, 'on.yaml'), 'docker:\n  ghcr.io/o:\n    use-sigstore-attachments: true\n');
    writeFileSync(join(dir, 'ignored.yml'), 'docker:\n  ghcr.io/o: [broken\n');
    mkdirSync(join(dir, 'sub.d'));
    const loaded = await loadRegistriesDir(dir);
    expect(loaded.exists).toBe(true);
    expect(loaded.files).toEqual([join(dir, 'on.yaml')]);
    expect(sigstoreAttachmentsFor(loaded.config, parseReference('ghcr.io/o/i:t')).enabled).toBe(true);
    const missing = await loadRegistriesDir(join(dir, 'nope'));
    expect(missing.exists).toBe(false);
    expect(sigstoreAttachmentsFor(missing.config, parseReference('ghcr.io/o/i:t')).enabled).toBe(false);
  });
});

describe('registries.d nested by indentation', () => {
  const parse = (text: string) => mergeRegistriesFiles([{ path: 'deep.yaml', text }]);
  /** `k:` on each line, one space further in: `levels` mappings each inside the last. */
  const indented = (levels: number, key = 'k') =>
    Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}${key}:`).join('\n');

  it('refuses 900 levels on every read, naming the line (the stack overflowed on a cold read only)', () => {
    const text = indented(900);
    const messages = Array.from({ length: 3 }, () => {
      try {
        parse(text);
        return 'taken';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(new Set(messages)).toEqual(
      new Set([
        'parsing deep.yaml: mappings or lists indented 900 levels deep (past 512 at line 513): bydigest reads at most 512, and a registries.d file needs 3; flatten it',
      ]),
    );
  });

  it('reads 512 levels, and counts neither comments, blank lines nor a line back out as a level', () => {
    expect(() => parse(indented(512))).not.toThrow();
    const text = `${indented(300)}\n\n   # a comment\n${indented(300, 'j')}`;
    expect(() => parse(text)).not.toThrow();
  });
});
