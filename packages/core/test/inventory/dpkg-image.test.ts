import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSbom } from '../../src/inventory/generate.js';
import { parseApkInstalled } from '../../src/pkgdb/apk.js';
import { parseDpkgStatus } from '../../src/pkgdb/dpkg.js';
import { inspectSbom } from '../../src/sbom/inspect.js';
import { writeOciLayout } from '../../../../test/harness/image.js';
import { buildDebianImage, type DpkgRow } from '../../../../test/harness/debian-rootfs.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';

const TOOL = { name: 'bydigest-generate-sbom', version: '0.0.0-test' };
let work: string;
let layout: string;
let expected: DpkgRow[];

beforeAll(async () => {
  work = await makeTempDir('bydigest-dpkg-');
  const built = await buildDebianImage(work);
  expected = built.expected;
  layout = join(work, 'layout');
  writeOciLayout(layout, built.image);
}, 16 * 60_000);
afterAll(async () => {
  if (work) await removeDir(work);
});

describe('generateSbom on a real Debian root (debootstrap minbase)', () => {
  it('lists what dpkg-query --admindir lists, as pkg:deb/debian PURLs with distro=debian-12', async () => {
    const out = join(work, 'debian.spdx.json');
    const r = await generateSbom({
      source: `oci:${layout}`,
      outputs: [{ format: 'spdx-json', path: out }],
      tool: TOOL,
    });
    expect(r.db).toMatchObject({ kind: 'dpkg', path: '/var/lib/dpkg/status' });
    expect(r.distro).toBe('debian-12');
    expect(r.packages).toBe(expected.length);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const rows = doc.packages
      .slice(0, -1)
      .map(
        (p: {
          name: string;
          versionInfo: string;
          externalRefs: { referenceType: string; referenceLocator: string }[];
        }) => {
          const purl = p.externalRefs.find((e) => e.referenceType === 'purl')!.referenceLocator;
          return { name: p.name, version: p.versionInfo, arch: new URL(purl).searchParams.get('arch'), purl };
        },
      );
    expect(
      rows
        .map(({ name, version, arch }: DpkgRow) => ({ name, version, arch }))
        .sort((a: DpkgRow, b: DpkgRow) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch)),
    ).toEqual(expected);
    expect(rows.find((x: { name: string }) => x.name === 'e2fsprogs')).toBeUndefined();
    const libc = rows.find((x: { name: string }) => x.name === 'libc6');
    expect(libc.purl).toMatch(/^pkg:deb\/debian\/libc6@[^?]+\?arch=amd64&distro=debian-12&upstream=glibc$/);
    expect((await inspectSbom(out)).packages).toBe(expected.length + 1);
  });
});

describe('dpkg status.d and apk installed', () => {
  it('reads distroless status.d entries and skips packages that are not installed', () => {
    const text =
      'Package: base-files\nStatus: install ok installed\nVersion: 12.4+deb12u5\nArchitecture: amd64\nMaintainer: Santiago Vila <sanvila@debian.org>\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\nSource: tzdata (2024a-0+deb12u1)\n';
    expect(parseDpkgStatus(text)).toEqual([
      { name: 'base-files', version: '12.4+deb12u5', arch: 'amd64', supplier: 'Santiago Vila <sanvila@debian.org>' },
      { name: 'tzdata', version: '2024a-0+deb12u1', arch: 'all', source: 'tzdata' },
    ]);
  });

  it('reads apk installed records', () => {
    const text =
      'C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\nS:407000\nI:651264\nT:the musl c library\nL:MIT\no:musl\nm:Natanael Copa <ncopa@alpinelinux.org>\n\nP:busybox\nV:1.36.1-r29\nA:x86_64\nL:GPL-2.0-only\no:busybox\n';
    expect(parseApkInstalled(text)).toEqual([
      {
        name: 'musl',
        version: '1.2.5-r0',
        arch: 'x86_64',
        license: 'MIT',
        supplier: 'Natanael Copa <ncopa@alpinelinux.org>',
        source: 'musl',
        size: 651264,
      },
      { name: 'busybox', version: '1.36.1-r29', arch: 'x86_64', license: 'GPL-2.0-only', source: 'busybox' },
    ]);
  });
});
