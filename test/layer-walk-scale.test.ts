/**
 * The layer walk at the size of a real bootc image's file count: one layer of 1,000,000 entries
 * with 120-character paths (a Fedora/Universal Blue image carries 200,000–400,000 files) above a
 * layer holding the package database and the trust files. generate-sbom and check-host-trust,
 * run as the runner runs them, must stay within 150 MB of peak RSS: the walk keeps 8 bytes per
 * path, not the path.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  decryptCosignKey,
  KeySigner,
  openLayout,
  parseDigestReference,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
  signImage,
} from '@bydigest/core';
import { writeOciLayout } from './harness/image.js';
import { tarOf } from './harness/layers.js';
import { imageOfLayers, manyFilesLayer } from './harness/many-files.js';
import { watchPeakRss } from './harness/peak-rss.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { makeKey, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';

const ENTRIES = 1_000_000;
const LIMIT_MB = 150;

let reg: RunningRegistry;
let work: string;
let key: TestKey;
let repo: string;
let digest: string;

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-scale-');
  key = await makeKey('');
  repo = `${reg.host}/scale/os`;
  const base = await tarOf([
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' },
    {
      name: 'var/lib/dpkg/status',
      content: 'Package: hello\nStatus: install ok installed\nVersion: 2.10-3\nArchitecture: amd64\n',
    },
    { name: 'etc/pki/containers/os.pub', content: readFileSync(key.pubFile) },
    {
      name: 'etc/containers/policy.json',
      content: JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: {
            [repo]: [
              {
                type: 'sigstoreSigned',
                keyPath: '/etc/pki/containers/os.pub',
                signedIdentity: { type: 'matchRepository' },
              },
            ],
          },
        },
      }),
    },
    {
      name: 'etc/containers/registries.d/os.yaml',
      content: `docker:\n  ${repo}:\n    use-sigstore-attachments: true\n`,
    },
  ]);
  const bottom = {
    gz: gzipSync(base, { level: 1 }),
    diffId: `sha256:${createHash('sha256').update(base).digest('hex')}`,
  };
  const image = imageOfLayers([bottom, await manyFilesLayer(ENTRIES, 120)]);
  const layout = writeOciLayout(join(work, 'layout'), image, { refName: 'stable' });
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', layout);
    digest = (await pushLayout(client, parseRepository(repo), l, await selectLayoutManifest(l), ['stable'])).digest;
    await l.close();
    const signing = await decryptCosignKey(key.privateKeyPem, key.password);
    await signImage(client, {
      image: parseDigestReference(`${repo}@${digest}`),
      identities: [`${repo}:stable`],
      signer: new KeySigner(signing),
      recursive: true,
    });
  } finally {
    await client.close();
  }
}, 300_000);
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

describe(`a layer of ${ENTRIES.toLocaleString('en')} entries`, () => {
  it(`generate-sbom reads the database below it within ${LIMIT_MB} MB`, async () => {
    const rss = watchPeakRss();
    const run = await runAction('generate-sbom', {
      inputs: { source: `docker://${repo}@${digest}`, output: join(work, 'sbom.spdx.json') },
      env: { GITHUB_WORKSPACE: work, REGISTRY_AUTH_FILE: reg.authFile },
      onSpawn: rss.onSpawn,
    });
    const peakMb = rss.stop() / 1024;
    console.log(
      JSON.stringify({
        action: 'generate-sbom',
        entries: ENTRIES,
        peakRssMb: Math.round(peakMb),
        ms: run.main.durationMs,
      }),
    );
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.packages).toBe('1');
    expect(peakMb).toBeGreaterThan(20);
    expect(peakMb).toBeLessThan(LIMIT_MB);
  }, 300_000);

  it(`check-host-trust reads the trust files below it within ${LIMIT_MB} MB`, async () => {
    const rss = watchPeakRss();
    const run = await runAction('check-host-trust', {
      inputs: { source: `docker://${repo}@${digest}`, 'pull-ref': `${repo}:stable`, 'public-key': key.pubFile },
      env: { REGISTRY_AUTH_FILE: reg.authFile },
      onSpawn: rss.onSpawn,
    });
    const peakMb = rss.stop() / 1024;
    console.log(
      JSON.stringify({
        action: 'check-host-trust',
        entries: ENTRIES,
        peakRssMb: Math.round(peakMb),
        ms: run.main.durationMs,
      }),
    );
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.trusted).toBe('true');
    expect(peakMb).toBeGreaterThan(20);
    expect(peakMb).toBeLessThan(LIMIT_MB);
  }, 300_000);
});
