import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSbom } from '../../src/inventory/generate.js';
import { declaredLicense } from '../../src/inventory/license.js';
import { inspectSbom } from '../../src/sbom/inspect.js';
import { writeOciLayout } from '../../../../test/harness/image.js';
import { imageOfTars, tarOf } from '../../../../test/harness/layers.js';
import type { RpmRow } from '../../../../test/harness/rpm.js';
import { buildRpmImage } from '../../../../test/harness/rpm-image.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';
import { rejection } from '../bydigest-error.js';

const TOOL = { name: 'bydigest-generate-sbom', version: '0.0.0-test' };
let work: string;
let layout: string;
let expected: RpmRow[];

/** SPDX package → the row rpm -qa prints, from versionInfo ([E:]V-R), the PURL's arch and licenseDeclared's source. */
function rowsOfSpdx(doc: {
  packages: {
    name: string;
    versionInfo: string;
    externalRefs?: { referenceType: string; referenceLocator: string }[];
  }[];
}): { name: string; evr: string; license?: string; arch: string | null }[] {
  return doc.packages
    .filter((p) => p.externalRefs?.some((r) => r.referenceLocator.startsWith('pkg:rpm/')))
    .map((p) => ({
      name: p.name,
      evr: p.versionInfo,
      license: (p as { licenseDeclared?: string }).licenseDeclared,
      arch: new URL(p.externalRefs!.find((r) => r.referenceType === 'purl')!.referenceLocator).searchParams.get('arch'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

beforeAll(async () => {
  work = await makeTempDir('bydigest-gen-');
  const built = await buildRpmImage(work);
  expected = built.expected;
  const image = built.image;
  layout = join(work, 'layout');
  writeOciLayout(layout, image);
});
afterAll(async () => {
  await removeDir(work);
});

describe('generateSbom on an rpm image built at test time', () => {
  it('lists what rpm -qa lists and writes SPDX that the project and pyspdxtools accept', async () => {
    const out = join(work, 'sbom.spdx.json');
    const cdx = join(work, 'sbom.cdx.json');
    const r = await generateSbom({
      source: `oci:${layout}`,
      outputs: [
        { format: 'spdx-json', path: out },
        { format: 'cyclonedx-json', path: cdx },
      ],
      tool: TOOL,
    });
    expect(r.packages).toBe(expected.length);
    expect(r.db).toMatchObject({ kind: 'rpm-sqlite', path: '/usr/lib/sysimage/rpm/rpmdb.sqlite' });
    expect(r.distro).toBe('fedora-42');
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const evr = (x: RpmRow) => `${x.epoch !== undefined ? `${x.epoch}:` : ''}${x.version}-${x.release}`;
    // The license rpm reports, as the SPDX expression it normalises to (legacy names mapped).
    expect(rowsOfSpdx(doc)).toEqual(
      expected
        .map((x) => ({ name: x.name, evr: evr(x), license: declaredLicense(x.license).expression, arch: x.arch }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    const purls: string[] = doc.packages.flatMap(
      (p: { externalRefs?: { referenceType: string; referenceLocator: string }[] }) =>
        p.externalRefs?.filter((e) => e.referenceType === 'purl').map((e) => e.referenceLocator) ?? [],
    );
    expect(purls).toContain(
      'pkg:rpm/fedora/shadow-lite@4.15.1-8.fc42?arch=noarch&distro=fedora-42&epoch=2&upstream=shadow-lite-4.15.1-8.fc42.src.rpm',
    );
    expect(doc.packages.find((p: { name: string }) => p.name === 'oddly-licensed').licenseDeclared).toBe(
      'LicenseRef-Some-Custom-Terms-v1',
    );
    expect(doc.packages.find((p: { name: string }) => p.name === 'zlib-lite').licenseDeclared).toBe('Zlib AND BSL-1.0');
    expect(
      doc.relationships.filter((x: { relationshipType: string }) => x.relationshipType === 'CONTAINS'),
    ).toHaveLength(expected.length);
    expect(JSON.stringify(doc)).toContain(r.imageDigest);

    const info = await inspectSbom(out);
    expect(info.format).toBe('spdx');
    expect(info.packages).toBe(expected.length + 1);
    const py = spawnSync('pyspdxtools', ['-i', out], { encoding: 'utf8', timeout: 60_000 });
    expect(`${py.status} ${py.stdout}${py.stderr}`).toMatch(/^0 /);
    expect((await inspectSbom(cdx)).format).toBe('cyclonedx');
  });

  it('reads an oci-archive (the layout as one tar) the same way', async () => {
    const archive = join(work, 'image.tar');
    execFileSync('tar', ['-cf', archive, '-C', layout, '.']);
    const out = join(work, 'archive.spdx.json');
    const r = await generateSbom({
      source: `oci-archive:${archive}`,
      outputs: [{ format: 'spdx-json', path: out }],
      tool: TOOL,
    });
    expect(r.packages).toBe(expected.length);
    expect(r.imageDigest).toBe(JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')).manifests[0].digest);
  });

  it('reads a flat export (dir:) the same way', async () => {
    const rootfs = join(work, 'rootfs');
    execFileSync('mkdir', ['-p', rootfs]);
    for (const l of JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')).manifests) {
      const m = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', l.digest.slice(7)), 'utf8'));
      for (const layer of m.layers)
        execFileSync('tar', [
          '-xf',
          join(layout, 'blobs', 'sha256', layer.digest.slice(7)),
          '-C',
          rootfs,
          ...(layer.mediaType.endsWith('zstd') ? ['--zstd'] : ['-z']),
        ]);
    }
    const out = join(work, 'dir.spdx.json');
    const r = await generateSbom({
      source: `dir:${rootfs}`,
      outputs: [{ format: 'spdx-json', path: out }],
      tool: TOOL,
    });
    expect(r.packages).toBe(expected.length);
    expect(r.db?.path).toBe('/usr/lib/sysimage/rpm/rpmdb.sqlite');
    const names = JSON.parse(readFileSync(out, 'utf8'))
      .packages.map((p: { name: string }) => p.name)
      .slice(0, -1)
      .sort();
    expect(names).toEqual(expected.map((x) => x.name).sort());
  });

  it('fails naming the paths searched and the digest, and writes nothing, when there is no database', async () => {
    const image = imageOfTars([{ tar: await tarOf([{ name: 'etc/os-release', content: 'ID=fedora\n' }]) }]);
    const dir = join(work, 'empty-layout');
    writeOciLayout(dir, image);
    const out = join(work, 'none.spdx.json');
    const e = await rejection(
      generateSbom({ source: `oci:${dir}`, outputs: [{ format: 'spdx-json', path: out }], tool: TOOL }),
    );
    expect(e.code).toBe('PKGDB');
    expect(e.message).toContain(image.digest);
    expect(e.hint).toContain('/usr/lib/sysimage/rpm/rpmdb.sqlite');
    expect(e.hint).toContain('/var/lib/dpkg/status');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('none.spdx.json'))).toEqual([]);
    const ok = await generateSbom({
      source: `oci:${dir}`,
      outputs: [{ format: 'spdx-json', path: out }],
      tool: TOOL,
      allowEmpty: true,
    });
    expect(ok.packages).toBe(0);
    expect((await inspectSbom(out)).packages).toBe(1);
  });
});
