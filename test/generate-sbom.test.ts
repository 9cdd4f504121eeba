import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLayout, parseRepository, pushLayout, selectLayoutManifest } from '@bydigest/core';
import { buildIndex, writeOciLayout, type BuiltManifest } from './harness/image.js';
import { imageOfTars, tarOf } from './harness/layers.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { buildRpmImage } from './harness/rpm-image.js';
import type { RpmRow } from './harness/rpm.js';
import { errorLines, runAction } from './harness/runner.js';
import { cosignVerify, keyEnv, makeKey, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';

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

const generate = (inputs: Record<string, string>, workspace = work) => runAction('generate-sbom', { inputs, env: { GITHUB_WORKSPACE: workspace, REGISTRY_AUTH_FILE: reg.authFile } });

describe('generate-sbom (dist bundle) against a real registry', () => {
  it('docker:// → attach-sbom → cosign verify: the SBOM lists what rpm -qa lists', async () => {
    const repo = await push(layout, 'gen/rpm');
    const ref = `${repo}@${image.digest}`;
    const out = join(work, 'from-registry.spdx.json');
    const gen = await generate({ source: `docker://${ref}`, output: out });
    expect(errorLines(gen.main)).toEqual([]);
    expect(gen.main.outputs).toMatchObject({ sbom: out, format: 'spdx-json', packages: String(expected.length), 'media-type': 'application/vnd.spdx+json', 'image-digest': image.digest });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const names = doc.packages.slice(1).map((p: { name: string; versionInfo: string }) => `${p.name}-${p.versionInfo}`);
    const evr = (x: RpmRow) => `${x.name}-${x.epoch !== undefined ? `${x.epoch}:` : ''}${x.version}-${x.release}`;
    expect(names.sort()).toEqual(expected.map(evr).sort());
    expect(doc.packages[0].versionInfo).toBe(image.digest);

    const attach = await runAction('attach-sbom', { inputs: { 'image-ref': ref, sbom: gen.main.outputs.sbom! }, env: { ...keyEnv(key), REGISTRY_AUTH_FILE: reg.authFile } });
    expect(errorLines(attach.main)).toEqual([]);
    const v = await cosignVerify('2.5', reg, key.pubFile, attach.main.outputs['sbom-ref']!);
    expect(v.code === 0 ? '' : v.stderr).toBe('');
  });

  it('an image index: platform picks the child; the SBOM names that child and the index stays the subject', async () => {
    const arm = imageOfTars(
      [{ tar: await tarOf([{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' }, { name: 'var/lib/dpkg/status', content: 'Package: only-on-arm\nStatus: install ok installed\nVersion: 1.0-1\nArchitecture: arm64\n' }]) }],
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
    const none = await generate({ source: `docker://${repo}@${index.digest}`, platform: 'linux/s390x', output: join(work, 's390x.spdx.json') });
    expect(none.main.code).toBe(1);
    expect(errorLines(none.main).join('\n')).toMatch(/no linux\/s390x image.*linux\/amd64, linux\/arm64/s);
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
    const empty = imageOfTars([{ tar: await tarOf([{ name: 'etc/os-release', content: 'ID=fedora\nVERSION_ID=42\n' }]) }]);
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
