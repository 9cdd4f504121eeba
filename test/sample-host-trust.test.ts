/**
 * The dogfood's sample image with its trust files baked in (scripts/lib/host-trust-files.ts, the
 * one source the workflow and the demo use), carried as the pipeline carries it: capture-digest
 * pushes the layout, sign-digest signs the digest, check-host-trust reads the files back out of
 * the image's layers. The judge is skopeo 1.18 given the same files written for the runner
 * (keyPath re-rooted), which is what the dogfood's promote job runs after the check.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_TITLES, isBydigestError } from '@bydigest/core';
import { hostTrustFiles, writeHostTrustFiles } from '../scripts/lib/host-trust-files.js';
import { writeSampleImage } from '../scripts/lib/sample.js';
import { runPeerOk } from './harness/peers.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { makeKey, sign, skopeoPull, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { failedChecks, trustVerdicts } from './harness/trust-verdicts.js';

let reg: RunningRegistry;
let work: string;
let signer: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-sample-trust-');
  [signer, stranger] = await Promise.all([makeKey(''), makeKey('')]);
});
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

const env = () => ({ REGISTRY_AUTH_FILE: reg.authFile });

/** Builds the sample image trusting `baked`, pushes it as the workflow does, signs it with `signer`. */
async function buildPushSign(name: string, baked: TestKey) {
  const repo = `${reg.host}/dogfood/${name}`;
  const sample = writeSampleImage(join(work, name), {
    tag: 'candidate',
    version: '0.1',
    trust: { image: repo, publicKeyPem: baked.publicKeyPem },
  });
  const capture = (
    await runAction('capture-digest', {
      inputs: { image: repo, tags: 'candidate', source: `oci:${sample.dir}:candidate` },
      env: env(),
    })
  ).main;
  expect(errorLines(capture)).toEqual([]);
  expect(capture.outputs.digest).toBe(sample.digest);
  const ref = `${repo}@${sample.digest}`;
  const signed = (await sign(reg, ref, signer)).main;
  expect(errorLines(signed)).toEqual([]);
  const promote = (await runAction('promote-preserve-digest', { inputs: { source: ref, tags: 'stable' }, env: env() }))
    .main;
  expect(errorLines(promote)).toEqual([]);
  return { repo, ref, sample };
}

const check = (ref: string, repo: string) =>
  runAction('check-host-trust', {
    inputs: { source: `docker://${ref}`, 'pull-ref': `${repo}:stable`, 'public-key': signer.pubFile },
    env: env(),
  }).then((r) => r.main);

describe('the sample image carries its hosts’ trust files', () => {
  it('baked with the signing key: every check of check-host-trust passes, skopeo agrees, generate-sbom still reads the dpkg database', async () => {
    const { repo, ref, sample } = await buildPushSign('good', signer);
    expect(sample.layers).toBe(2);
    // A second layer in the same .sig that no host key matches (as signer: both's keyless layer
    // is, for a keyPath policy): one accepted signature is enough, for containers/image too.
    const second = (await sign(reg, ref, stranger)).main;
    expect(errorLines(second)).toEqual([]);
    const sig = await runPeerOk('crane', ['manifest', '--insecure', second.outputs['signature-ref']!], {
      env: reg.clientEnv,
    });
    expect((JSON.parse(sig.stdout) as { layers: unknown[] }).layers).toHaveLength(2);

    const step = await check(ref, repo);
    expect(errorLines(step)).toEqual([]);
    expect(step.code).toBe(0);
    const verdicts = trustVerdicts(step.summary);
    expect(Object.keys(verdicts).sort()).toEqual(Object.values(CHECK_TITLES).sort());
    expect(failedChecks(step.summary)).toEqual([]);
    // One key, no backup: a warning, as it should be for a throwaway dogfood key.
    expect(verdicts[CHECK_TITLES['signing-key']]).toBe('warn');
    expect(step.outputs).toMatchObject({ trusted: 'true', scope: `transports.docker["${repo}"]`, warnings: '1' });
    expect(step.outputs['key-fingerprints']?.split(',')).toHaveLength(1);

    // The runner's copy of the same files (keyPath under ROOT): containers/image accepts :stable.
    const host = writeHostTrustFiles(join(work, 'host-good'), { image: repo, publicKeyPem: signer.publicKeyPem });
    const pulled = await skopeoPull(reg, `${repo}:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');

    // The trust layer sits on top; the package database below is still found.
    const sbom = (
      await runAction('generate-sbom', {
        inputs: { source: `oci:${sample.dir}:candidate`, output: join(work, 'good.spdx.json') },
        env: env(),
      })
    ).main;
    expect(errorLines(sbom)).toEqual([]);
    expect(sbom.outputs.packages).toBe('1');
    expect(readFileSync(join(work, 'good.spdx.json'), 'utf8')).toContain('bydigest-demo-os');
  }, 120_000);

  it('baked with another key than the pipeline signs with: check-host-trust fails on the key, and skopeo refuses too', async () => {
    const { repo, ref } = await buildPushSign('mismatch', stranger);
    const step = await check(ref, repo);
    expect(step.code).toBe(1);
    expect(failedChecks(step.summary).sort()).toEqual([CHECK_TITLES['signing-key'], CHECK_TITLES.signatures].sort());
    const errors = errorLines(step).join('\n');
    expect(errors).toContain('not among the keys');
    expect(errors).toContain(`transports.docker["${repo}"][0].keyPath`);

    const host = writeHostTrustFiles(join(work, 'host-mismatch'), { image: repo, publicKeyPem: stranger.publicKeyPem });
    const pulled = await skopeoPull(reg, `${repo}:stable`, host);
    expect(pulled.code).not.toBe(0);
    expect(pulled.stderr).toContain('cryptographic signature verification failed');
  }, 120_000);

  it('the files: keyPath is the image path inside, re-rooted outside; bad input is named and nothing is written', () => {
    const inside = hostTrustFiles({ image: 'ghcr.io/owner/myos', publicKeyPem: signer.publicKeyPem });
    expect(inside.map((f) => f.path)).toEqual([
      'etc/pki/containers/myos.pub',
      'etc/containers/policy.json',
      'etc/containers/registries.d/myos.yaml',
    ]);
    const policy = JSON.parse(inside[1]!.content.toString()) as {
      default: unknown;
      transports: { docker: Record<string, Array<{ keyPath: string }>> };
    };
    expect(policy.default).toEqual([{ type: 'reject' }]);
    expect(policy.transports.docker['ghcr.io/owner/myos']?.[0]?.keyPath).toBe('/etc/pki/containers/myos.pub');
    expect(inside[2]!.content.toString()).toBe('docker:\n  ghcr.io/owner/myos:\n    use-sigstore-attachments: true\n');

    const root = join(work, 'host-rerooted');
    const host = writeHostTrustFiles(root, { image: 'ghcr.io/owner/myos', publicKeyPem: signer.publicKeyPem });
    expect(JSON.parse(readFileSync(host.policy, 'utf8')).transports.docker['ghcr.io/owner/myos'][0].keyPath).toBe(
      join(root, 'etc/pki/containers/myos.pub'),
    );
    expect(readFileSync(host.pubFile, 'utf8')).toBe(
      signer.publicKeyPem.endsWith('\n') ? signer.publicKeyPem : `${signer.publicKeyPem}\n`,
    );

    const refused = (f: () => unknown): { code: string; message: string } => {
      try {
        f();
      } catch (e) {
        if (isBydigestError(e)) return { code: e.code, message: e.message };
        throw e;
      }
      throw new Error('accepted bad input');
    };
    const tagged = refused(() =>
      writeSampleImage(join(work, 'bad-tag'), {
        trust: { image: 'ghcr.io/owner/myos:stable', publicKeyPem: signer.publicKeyPem },
      }),
    );
    expect(tagged).toMatchObject({
      code: 'INVALID_REFERENCE',
      message: expect.stringContaining('"ghcr.io/owner/myos:stable"'),
    });
    const privateKey = refused(() =>
      writeSampleImage(join(work, 'bad-key'), {
        trust: { image: 'ghcr.io/owner/myos', publicKeyPem: signer.privateKeyPem },
      }),
    );
    expect(privateKey).toMatchObject({ code: 'KEY', message: expect.stringContaining('public key') });
    expect(existsSync(join(work, 'bad-tag'))).toBe(false);
    expect(existsSync(join(work, 'bad-key'))).toBe(false);
  });
});
