// GitHub's own local runner (@github/local-action) runs every action from actions/<name> — main
// and post — against a real registry: the entry shape (src/main.ts exporting run()) and the
// toolkit at the edge are what make that possible. Its stubbed @actions/core sees every output
// and carries main's state to post.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApi } from './harness/github-api.js';
import { FakeGitRepo } from './harness/github-git.js';
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
import { imageOfTars, tarOf } from './harness/layers.js';
import { localAction } from './harness/local-action.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { REPO_ROOT } from './harness/runner.js';
import { makeKey } from './harness/signing.js';

let reg: RunningRegistry;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
});
afterAll(async () => {
  await reg?.stop();
});

const DIGEST = /^sha256:[a-f0-9]{64}$/;

describe('@github/local-action runs every action', () => {
  it('capture → sign → attach → promote → verify → audit, outputs as the tool reports them', async () => {
    const img = await pushTestImage(reg, 'local/app', ['candidate']);
    const repo = `${reg.host}/local/app`;

    const captured = await localAction('capture-digest', { INPUT_IMAGE: repo, INPUT_TAGS: 'candidate' });
    expect({ code: captured.code, err: captured.stderr.slice(-2000) }).toEqual({ code: 0, err: expect.any(String) });
    expect(captured.outputs).toMatchObject({
      digest: img.digest,
      'image-ref': img.ref,
      'media-type': expect.stringMatching(/^application\//),
    });

    const key = await makeKey('pw');
    const keyEnv = { COSIGN_PRIVATE_KEY: key.privateKeyPem, COSIGN_PASSWORD: key.password };
    const signed = await localAction('sign-digest', { 'INPUT_IMAGE-REF': img.ref, ...keyEnv });
    expect({
      code: signed.code,
      out: signed.code === 0 ? '' : signed.stdout.slice(-3000) + signed.stderr.slice(-2000),
    }).toEqual({ code: 0, out: '' });
    expect(signed.outputs['signature-ref']).toBe(`${repo}:sha256-${img.digest.slice(7)}.sig`);
    expect(signed.outputs['signature-digest']).toMatch(DIGEST);

    const sbom = join(REPO_ROOT, 'packages/core/test/fixtures/sbom/valid.spdx.json');
    const attached = await localAction('attach-sbom', { 'INPUT_IMAGE-REF': img.ref, INPUT_SBOM: sbom, ...keyEnv });
    expect(attached.code).toBe(0);
    expect(attached.outputs['sbom-digest']).toMatch(DIGEST);
    expect(attached.outputs['signature-ref']).toContain(`:sha256-${attached.outputs['sbom-digest']!.slice(7)}.sig`);

    const promoted = await localAction('promote-preserve-digest', {
      INPUT_SOURCE: img.ref,
      INPUT_TAGS: 'stable',
      'INPUT_REQUIRE-SIGNATURE': key.pubFile,
    });
    expect(promoted.code).toBe(0);
    expect(promoted.outputs).toMatchObject({ digest: img.digest, promoted: `${repo}:stable` });

    const verified = await localAction('verify-digest', {
      'INPUT_IMAGE-REF': img.ref,
      'INPUT_PUBLIC-KEY': key.pubFile,
    });
    expect(verified.code).toBe(0);
    expect(verified.outputs).toMatchObject({ verified: 'true', signatures: '1' });

    // Both tags on the signed digest, its SBOM attached and signed: nothing to report.
    const audited = await localAction('audit-tags', {
      INPUT_IMAGES: repo,
      'INPUT_PUBLIC-KEY': key.pubFile,
      'INPUT_EXPECT-SAME': 'candidate stable',
    });
    expect({ code: audited.code, out: audited.code === 0 ? '' : audited.stdout.slice(-3000) }).toEqual({
      code: 0,
      out: '',
    });
    expect(audited.outputs).toMatchObject({
      failed: '0',
      unknown: '0',
      report: expect.stringMatching(/report\.json$/),
    });
  }, 600_000);

  it('a failing input is reported by the tool as the step failing, naming the input', async () => {
    const r = await localAction('sign-digest', { 'INPUT_IMAGE-REF': `${reg.host}/local/app:latest` });
    expect(`${r.stdout}${r.stderr}`).toMatch(/input 'image-ref'/);
    expect(r.outputs).toEqual({});
  }, 120_000);

  it('check-host-trust: a rootfs export with trust files, outputs as the tool reports them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'local-trust-'));
    const repo = `${reg.host}/local/os`;
    const keys = [await makeKey(''), await makeKey('')];
    mkdirSync(join(root, 'etc/containers/registries.d'), { recursive: true });
    mkdirSync(join(root, 'etc/pki/containers'), { recursive: true });
    keys.forEach((k, i) => writeFileSync(join(root, `etc/pki/containers/os-${i}.pub`), readFileSync(k.pubFile)));
    const keyPaths = keys.map((_, i) => `/etc/pki/containers/os-${i}.pub`);
    writeFileSync(
      join(root, 'etc/containers/policy.json'),
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: { [repo]: [{ type: 'sigstoreSigned', keyPaths, signedIdentity: { type: 'matchRepository' } }] },
        },
      }),
    );
    writeFileSync(
      join(root, 'etc/containers/registries.d/os.yaml'),
      `docker:\n  ${repo}:\n    use-sigstore-attachments: true\n`,
    );
    const r = await localAction('check-host-trust', {
      INPUT_SOURCE: `dir:${root}`,
      'INPUT_PULL-REF': `${repo}:stable`,
      'INPUT_PUBLIC-KEY': keys[0]!.pubFile,
    });
    expect({ code: r.code, out: r.code === 0 ? '' : r.stdout.slice(-3000) }).toEqual({ code: 0, out: '' });
    expect(r.outputs).toMatchObject({ trusted: 'true', warnings: '0' });
    expect(r.outputs['key-fingerprints']!.split(',')).toHaveLength(2);
  }, 120_000);

  it('check-pins: a checkout with a tag pin and a floating FROM, reported as outputs and a failed step', async () => {
    const root = mkdtempSync(join(tmpdir(), 'local-pins-'));
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(root, '.github/workflows/build.yml'),
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n',
    );
    writeFileSync(
      join(root, 'Containerfile'),
      'FROM ghcr.io/ublue-os/bluefin-dx:stable\nCOPY --from=ghcr.io/ublue-os/akmods:main /rpms /tmp/rpms\n',
    );
    // (The tool fills github-token from action.yml's default; there is no SHA pin here to ask GitHub about.)
    const r = await localAction('check-pins', {
      GITHUB_WORKSPACE: root,
      'INPUT_ALLOW-FLOATING': 'ghcr.io/ublue-os/bluefin-dx:stable',
    });
    expect(r.outputs.problems).toBe('2');
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as {
      findings: Array<{ file: string; line: number; column: number; rule: string }>;
    };
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '.github/workflows/build.yml:7:15 unpinned-uses',
      'Containerfile:2:13 floating-from',
    ]);
    expect(`${r.stdout}${r.stderr}`).toMatch(/check-pins: 2 problem\(s\) in 2 file\(s\)/);
  }, 120_000);

  it('resolve-ref: an annotated tag of a repository behind the OpenAPI-checked stand-in', async () => {
    const api = await startGitHubApi({ token: 'ghs_local' });
    try {
      const repo = new FakeGitRepo('o', 'spec');
      const [, tip] = repo.line(undefined, 2) as [string, string];
      repo.branch('main', tip);
      repo.annotatedTag('v2', tip);
      api.state.repos.set('o/spec', repo);
      const r = await localAction('resolve-ref', {
        INPUT_REPOSITORY: 'o/spec',
        INPUT_REF: 'v2',
        'INPUT_LABEL-KEY': 'org.example.spec-ref',
        'INPUT_BUILD-ARG-NAME': 'SPEC_REF',
        'INPUT_GITHUB-TOKEN': 'ghs_local',
        GITHUB_API_URL: api.url,
      });
      expect({ code: r.code, out: r.code === 0 ? '' : r.stdout.slice(-3000) }).toEqual({ code: 0, out: '' });
      expect(r.outputs).toEqual({
        sha: tip,
        'build-arg': `SPEC_REF=${tip}`,
        label: `org.example.spec-ref=${tip}`,
        ref: 'refs/tags/v2',
      });
      expect(api.rejections).toEqual([]);
    } finally {
      await api.stop();
    }
  }, 120_000);

  it('check-rotation: an overlap release trusting and signed with both keys, outputs as the tool reports them', async () => {
    const repo = `${reg.host}/local/rotating`;
    const keys = [await makeKey(''), await makeKey('')];
    const keyPaths = keys.map((_, i) => `/etc/pki/containers/os-${i}.pub`);
    const policy = {
      default: [{ type: 'reject' }],
      transports: {
        docker: { [repo]: [{ type: 'sigstoreSigned', keyPaths, signedIdentity: { type: 'matchRepository' } }] },
      },
    };
    const image = imageOfTars([
      {
        tar: await tarOf([
          { name: 'etc/containers/policy.json', content: JSON.stringify(policy) },
          {
            name: 'etc/containers/registries.d/os.yaml',
            content: `docker:\n  ${repo}:\n    use-sigstore-attachments: true\n`,
          },
          ...keys.map((k, i) => ({ name: keyPaths[i]!.slice(1), content: k.publicKeyPem })),
        ]),
      },
    ]);
    const layout = mkdtempSync(join(tmpdir(), 'local-rotation-'));
    writeOciLayout(layout, image, { refName: 'stable' });
    const client = testClient(reg);
    try {
      const l = await openLayout('oci', layout);
      await pushLayout(client, parseRepository(repo), l, await selectLayoutManifest(l), ['stable']);
      await l.close();
      const signers = await Promise.all(
        keys.map(async (k) => new KeySigner(await decryptCosignKey(k.privateKeyPem, ''))),
      );
      await signImage(client, {
        image: parseDigestReference(`${repo}@${image.digest}`),
        identities: [repo],
        signer: signers,
      });
    } finally {
      await client.close();
    }
    const r = await localAction('check-rotation', {
      INPUT_CANDIDATE: `${repo}@${image.digest}`,
      INPUT_CHANNELS: 'stable',
      'INPUT_CURRENT-KEY': keys[0]!.pubFile,
      'INPUT_NEXT-KEY': keys[1]!.pubFile,
      INPUT_PHASE: 'overlap',
    });
    expect({ code: r.code, out: r.code === 0 ? '' : r.stdout.slice(-3000) }).toEqual({ code: 0, out: '' });
    expect(r.outputs).toMatchObject({ safe: 'true', phase: 'overlap' });
    expect(r.outputs.blocking).toBeUndefined();
  }, 300_000);

  it("preflight and trust-files: a fork's set-up checked, and its trust files written, outputs as the tool reports them", async () => {
    const key = await makeKey('pw');
    const pre = await localAction('preflight', {
      INPUT_IMAGE: `${reg.host}/local/fork`,
      'INPUT_PUBLIC-KEY': key.pubFile,
      COSIGN_PRIVATE_KEY: key.privateKeyPem,
      COSIGN_PASSWORD: key.password,
    });
    expect({ code: pre.code, out: pre.code === 0 ? '' : pre.stdout.slice(-3000) + pre.stderr.slice(-2000) }).toEqual({
      code: 0,
      out: '',
    });
    expect(pre.outputs.signing).toBe('on');
    expect(pre.outputs['public-key']).toContain('-----BEGIN PUBLIC KEY-----');

    const dir = join(mkdtempSync(join(tmpdir(), 'local-trust-')), 'trust');
    const files = await localAction('trust-files', {
      INPUT_IMAGE: `${reg.host}/local/fork`,
      'INPUT_PUBLIC-KEY': key.pubFile,
      INPUT_DIR: dir,
    });
    expect(files.code).toBe(0);
    expect(files.outputs).toMatchObject({
      dir,
      policy: `${dir}/etc/containers/policy.json`,
      'key-files': `${dir}/etc/pki/containers/fork.pub`,
    });
    expect(existsSync(files.outputs.policy!)).toBe(true);
  }, 120_000);

  it('wipe-secrets: main stages, post receives its state and wipes', async () => {
    const r = await localAction(
      'wipe-secrets',
      { INPUT_FILES: 'MOK.key=MOK_KEY', MOK_KEY: 'not-a-real-key' },
      { post: true },
    );
    expect(r.code).toBe(0);
    const paths = JSON.parse(r.outputs.paths!.replace(/\\"/g, '"')) as Record<string, string>;
    expect(Object.keys(paths)).toEqual(['MOK.key']);
    expect(r.stdout).toMatch(/Wiped 1 staged file\(s\) and their directory/);
    expect(r.stdout).not.toMatch(/Nothing was staged/);
    expect(existsSync(paths['MOK.key']!)).toBe(false);
    expect(existsSync(r.outputs.dir!)).toBe(false);
  }, 120_000);
});
