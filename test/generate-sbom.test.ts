import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLayout, parseRepository, pushLayout, selectLayoutManifest } from '@bydigest/core';
import { buildIndex, writeOciLayout, type BuiltManifest } from './harness/image.js';
import { imageOfTars, tarOf, type TarMember } from './harness/layers.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { buildDebianImage } from './harness/debian-rootfs.js';
import { buildRpmImage } from './harness/rpm-image.js';
import { rpmQueryAll, type RpmRow } from './harness/rpm.js';
import { errorLines, REPO_ROOT, runAction } from './harness/runner.js';
import { cosignVerify, keyEnv, makeKey, type TestKey } from './harness/signing.js';
import { runOk } from './harness/run.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { umociLayout } from './harness/umoci.js';

let reg: RunningRegistry;
let key: TestKey;
let work: string;
let image: BuiltManifest;
let expected: RpmRow[];
let layout: string;

async function push(dir: string, repo: string): Promise<string> {
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', dir);
    await pushLayout(client, parseRepository(`${reg.host}/${repo}`), l, await selectLayoutManifest(l), ['latest']);
    await l.close();
  } finally {
    await client.close();
  }
  return `${reg.host}/${repo}`;
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  key = await makeKey('');
  work = await makeTempDir('bydigest-gensbom-');
  ({ image, expected } = await buildRpmImage(work));
  layout = join(work, 'layout');
  writeOciLayout(layout, image, { refName: 'latest' });
});
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

/** A database file alone in a directory, as `rpm --dbpath` wants it. */
function copyAsDbDir(file: string, name: string): string {
  const d = mkdtempSync(join(work, 'dbpath-'));
  copyFileSync(file, join(d, name));
  return d;
}

const generate = (inputs: Record<string, string>, workspace = work) =>
  runAction('generate-sbom', { inputs, env: { GITHUB_WORKSPACE: workspace, REGISTRY_AUTH_FILE: reg.authFile } });

describe('generate-sbom (dist bundle) against a real registry', () => {
  it('docker:// → attach-sbom → cosign verify: the SBOM lists what rpm -qa lists', async () => {
    const repo = await push(layout, 'gen/rpm');
    const ref = `${repo}@${image.digest}`;
    const out = join(work, 'from-registry.spdx.json');
    const gen = await generate({ source: `docker://${ref}`, output: out });
    expect(errorLines(gen.main)).toEqual([]);
    expect(gen.main.outputs).toMatchObject({
      sbom: out,
      format: 'spdx-json',
      packages: String(expected.length),
      'media-type': 'application/vnd.spdx+json',
      'image-digest': image.digest,
    });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const names = doc.packages
      .slice(0, -1)
      .map((p: { name: string; versionInfo: string }) => `${p.name}-${p.versionInfo}`);
    const evr = (x: RpmRow) => `${x.name}-${x.epoch !== undefined ? `${x.epoch}:` : ''}${x.version}-${x.release}`;
    expect(names.sort()).toEqual(expected.map(evr).sort());
    // The image is the described root, listed last so that the first PURL carries distro= (grype reads that one).
    expect(doc.packages.at(-1).versionInfo).toBe(image.digest);
    expect(doc.relationships[0]).toEqual({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: doc.packages.at(-1).SPDXID,
    });
    expect(
      doc.packages[0].externalRefs.find((e: { referenceType: string }) => e.referenceType === 'purl').referenceLocator,
    ).toContain('distro=fedora-42');

    const attach = await runAction('attach-sbom', {
      inputs: { 'image-ref': ref, sbom: gen.main.outputs.sbom! },
      env: { ...keyEnv(key), REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(attach.main)).toEqual([]);
    const v = await cosignVerify('2.5', reg, key.pubFile, attach.main.outputs['sbom-ref']!);
    expect(v.code === 0 ? '' : v.stderr).toBe('');
  });

  it('an image index: platform picks the child; the SBOM names that child and the index stays the subject', async () => {
    const arm = imageOfTars(
      [
        {
          tar: await tarOf([
            { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' },
            {
              name: 'var/lib/dpkg/status',
              content: 'Package: only-on-arm\nStatus: install ok installed\nVersion: 1.0-1\nArchitecture: arm64\n',
            },
          ]),
        },
      ],
      { architecture: 'arm64' },
    );
    const index = buildIndex([image, arm]);
    const dir = join(work, 'index-layout');
    writeOciLayout(dir, index, { children: [image, arm] });
    const repo = await push(dir, 'gen/multi');
    const out = join(work, 'arm.spdx.json');
    const gen = await generate({ source: `docker://${repo}@${index.digest}`, platform: 'linux/arm64', output: out });
    expect(errorLines(gen.main)).toEqual([]);
    expect(gen.main.outputs['image-digest']).toBe(arm.digest);
    expect(gen.main.outputs.packages).toBe('1');
    expect(readFileSync(out, 'utf8')).toContain('pkg:deb/debian/only-on-arm@1.0-1?arch=arm64&distro=debian-12');
    const amd = await generate({ source: `docker://${repo}@${index.digest}`, output: join(work, 'amd.spdx.json') });
    expect(amd.main.outputs['image-digest']).toBe(image.digest);
    const none = await generate({
      source: `docker://${repo}@${index.digest}`,
      platform: 'linux/s390x',
      output: join(work, 's390x.spdx.json'),
    });
    expect(none.main.code).toBe(1);
    expect(errorLines(none.main).join('\n')).toMatch(/no linux\/s390x image.*linux\/amd64, linux\/arm64/s);
  });

  it('the go-rpmdb fixtures pushed as images: sqlite behind the RHEL-family symlinks, SUSE ndb, EL8 Berkeley DB', async () => {
    const fixtures = join(REPO_ROOT, 'packages/core/test/fixtures/rpmdb');
    const cases = [
      {
        repo: 'gen/mariner',
        layers: [
          [
            {
              name: 'usr/share/rpm/rpmdb.sqlite',
              content: readFileSync(join(fixtures, 'cbl-mariner-2.0__rpmdb.sqlite')),
            },
            { name: 'etc/os-release', content: 'ID=mariner\nVERSION_ID="2.0"\n' },
          ],
          [
            { name: 'usr/lib/sysimage/rpm', symlink: '../../share/rpm' },
            { name: 'var/lib/rpm', symlink: '../../usr/lib/sysimage/rpm' },
          ],
        ],
        db: '/usr/share/rpm/rpmdb.sqlite',
        count: rpmQueryAll(copyAsDbDir(join(fixtures, 'cbl-mariner-2.0__rpmdb.sqlite'), 'rpmdb.sqlite')).length,
        purl: 'pkg:rpm/mariner/glibc@2.34-2.cm2?arch=x86_64&distro=mariner-2.0&upstream=glibc-2.34-2.cm2.src.rpm',
      },
      {
        repo: 'gen/sle',
        layers: [
          [
            { name: 'var/lib/rpm/Packages.db', content: readFileSync(join(fixtures, 'sle15-bci__Packages.db')) },
            { name: 'usr/lib/os-release', content: 'ID="sles"\nVERSION_ID="15.3"\n' },
            { name: 'etc/os-release', symlink: '../usr/lib/os-release' },
          ],
        ],
        db: '/var/lib/rpm/Packages.db',
        count: 35,
        purl: 'pkg:rpm/sles/bash@4.4-19.6.1?arch=x86_64&distro=sles-15.3&upstream=bash-4.4-19.6.1.src.rpm',
      },
      {
        repo: 'gen/el8',
        layers: [
          [
            { name: 'var/lib/rpm/Packages', content: readFileSync(join(fixtures, 'libuuid__Packages')) },
            { name: 'etc/os-release', content: 'ID="rhel"\nVERSION_ID="8.8"\n' },
          ],
        ],
        db: '/var/lib/rpm/Packages',
        count: rpmQueryAll(copyAsDbDir(join(fixtures, 'libuuid__Packages'), 'Packages'), { backend: 'bdb_ro' }).length,
        purl: 'pkg:rpm/redhat/libuuid@2.32.1-42.el8_8?arch=x86_64&distro=rhel-8.8&upstream=util-linux-2.32.1-42.el8_8.src.rpm',
      },
    ];
    for (const c of cases) {
      const img = imageOfTars(
        await Promise.all(c.layers.map(async (members) => ({ tar: await tarOf(members as TarMember[]) }))),
      );
      const dir = join(work, c.repo.replace('/', '-'));
      writeOciLayout(dir, img);
      const repo = await push(dir, c.repo);
      const out = join(work, `${c.repo.replace('/', '-')}.spdx.json`);
      const gen = await generate({ source: `docker://${repo}@${img.digest}`, output: out });
      expect(errorLines(gen.main)).toEqual([]);
      expect(gen.main.outputs.packages).toBe(String(c.count));
      expect(gen.main.stdout).toContain(`from ${c.db}`);
      expect(readFileSync(out, 'utf8')).toContain(c.purl);
    }
  });

  it('a real Debian root (debootstrap) pushed as two layers: the SBOM lists what dpkg-query lists', async () => {
    const { image: deb, expected: rows } = await buildDebianImage(work);
    const dir = join(work, 'debian');
    writeOciLayout(dir, deb);
    const repo = await push(dir, 'gen/debian');
    const out = join(work, 'debian.spdx.json');
    const gen = await generate({ source: `docker://${repo}@${deb.digest}`, output: out });
    expect(errorLines(gen.main)).toEqual([]);
    expect(gen.main.outputs.packages).toBe(String(rows.length));
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const ours = doc.packages
      .slice(0, -1)
      .map((p: { name: string; versionInfo: string }) => `${p.name} ${p.versionInfo}`)
      .sort();
    expect(ours).toEqual(rows.map((r) => `${r.name} ${r.version}`).sort());
  }, 240_000);

  it('an image umoci 0.4.7 wrote (layers without tar padding or end blocks): the SBOM lists what dpkg-query lists', async () => {
    const status = [
      'Package: hello\nStatus: install ok installed\nVersion: 2.10-3\nArchitecture: amd64\nMaintainer: Debian <debian@example.org>\n',
      'Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\nArchitecture: amd64\nMaintainer: Debian <debian@example.org>\n',
    ].join('\n');
    const dir = await umociLayout(join(work, 'umoci-layout'), 'latest', [
      { path: '/etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' },
      { path: '/var/lib/dpkg/status', content: status },
    ]);
    const admin = mkdtempSync(join(work, 'dpkg-admin-'));
    writeFileSync(join(admin, 'status'), status);
    const rows = (await runOk('dpkg-query', ['--admindir', admin, '-W', '-f', '${Package} ${Version}\n'])).stdout
      .trim()
      .split('\n')
      .sort();
    const out = join(work, 'umoci.spdx.json');
    const gen = await generate({ source: `oci:${dir}:latest`, output: out });
    expect(errorLines(gen.main)).toEqual([]);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const ours = doc.packages
      .slice(0, -1)
      .map((p: { name: string; versionInfo: string }) => `${p.name} ${p.versionInfo}`)
      .sort();
    expect(ours).toEqual(rows);
    expect(rows).toHaveLength(2);
  });

  it('oci: layout with format: both writes SPDX and CycloneDX to the workspace defaults', async () => {
    const ws = await makeTempDir('bydigest-ws-');
    try {
      const gen = await generate({ source: `oci:${layout}:latest`, format: 'both' }, ws);
      expect(errorLines(gen.main)).toEqual([]);
      expect(gen.main.outputs.sbom).toBe(join(ws, 'sbom.spdx.json'));
      expect(gen.main.outputs.cyclonedx).toBe(join(ws, 'sbom.cdx.json'));
      const cdx = JSON.parse(readFileSync(join(ws, 'sbom.cdx.json'), 'utf8'));
      expect(cdx.specVersion).toBe('1.6');
      expect(cdx.components.filter((c: { type: string }) => c.type === 'library')).toHaveLength(expected.length);
    } finally {
      await removeDir(ws);
    }
  });

  it('bad input: no database fails naming paths and digest, exit 1, nothing written', async () => {
    const empty = imageOfTars([
      { tar: await tarOf([{ name: 'etc/os-release', content: 'ID=fedora\nVERSION_ID=42\n' }]) },
    ]);
    const dir = join(work, 'empty');
    writeOciLayout(dir, empty);
    const ws = await makeTempDir('bydigest-ws-');
    try {
      const gen = await generate({ source: `oci:${dir}` }, ws);
      expect(gen.main.code).toBe(1);
      const err = errorLines(gen.main).join('\n');
      expect(err).toContain(empty.digest);
      expect(err).toContain('/usr/lib/sysimage/rpm/rpmdb.sqlite');
      expect(readdirSync(ws)).toEqual([]);

      const bad = await generate({ source: 'docker://example.com/app:latest' }, ws);
      expect(bad.main.code).toBe(1);
      expect(errorLines(bad.main).join('\n')).toMatch(/input 'source'/);
      const both = await generate({ source: `oci:${layout}`, format: 'both', output: 'x.json' }, ws);
      expect(errorLines(both.main).join('\n')).toMatch(/input 'output'/);
      expect(existsSync(join(ws, 'x.json'))).toBe(false);
    } finally {
      await removeDir(ws);
    }
  });

  it('a layer whose bytes do not match the manifest fails naming the layer, with no output file', async () => {
    const dir = join(work, 'corrupt');
    writeOciLayout(dir, image);
    const top = image.layers[image.layers.length - 1]!;
    const p = join(dir, 'blobs', 'sha256', top.digest.slice(7));
    const bytes = readFileSync(p);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    writeFileSync(p, bytes);
    const out = join(work, 'corrupt.spdx.json');
    const gen = await generate({ source: `oci:${dir}`, output: out });
    expect(gen.main.code).toBe(1);
    expect(errorLines(gen.main).join('\n')).toContain(top.digest);
    expect(existsSync(out)).toBe(false);
  });
});
