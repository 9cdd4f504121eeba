/**
 * trust-files, the bundle as the runner runs it: what it writes for a Containerfile to COPY is
 * exactly what check-host-trust accepts once built into an image, and, written again with keyPath
 * re-rooted on this machine, what skopeo 1.18 (containers/image, bootc's verifier) pulls with.
 * One key (keyPath) and a rotation's two (keyPaths), against the real registry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  decryptCosignKey,
  KeySigner,
  openLayout,
  parseDigestReference,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
  signImage,
  type SigningKey,
} from '@bydigest/core';
import { writeOciLayout } from './harness/image.js';
import { imageOfTars, tarOf, type TarMember } from './harness/layers.js';
import { runPeer } from './harness/peers.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { makeKey, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';

type Key = TestKey & { signing: SigningKey };

let reg: RunningRegistry;
let work: string;
let a: Key;
let b: Key;

async function key(): Promise<Key> {
  const k = await makeKey('');
  return { ...k, signing: await decryptCosignKey(k.privateKeyPem, '') };
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-trust-files-');
  [a, b] = await Promise.all([key(), key()]);
});
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

async function trustFiles(inputs: Record<string, string>) {
  return (await runAction('trust-files', { inputs, env: { GITHUB_WORKSPACE: work } })).main;
}

/** Every file under dir as a tar member at its path from dir: a Containerfile's `COPY dir/ /`. */
function copyLayer(dir: string): TarMember[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({
      name: relative(dir, join(e.parentPath, e.name)),
      content: readFileSync(join(e.parentPath, e.name), 'utf8'),
    }));
}

/** Builds an image of the files, pushes it as :candidate and signs it with `signers`. */
async function buildSignedImage(repo: string, dir: string, signers: Key[]): Promise<string> {
  const image = imageOfTars([
    { tar: await tarOf([{ name: 'etc/os-release', content: 'ID=fedora\nVARIANT_ID=bootc\n' }, ...copyLayer(dir)]) },
  ]);
  const layout = mkdtempSync(join(work, 'layout-'));
  writeOciLayout(layout, image, { refName: 'candidate' });
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', layout);
    await pushLayout(client, parseRepository(`${reg.host}/${repo}`), l, await selectLayoutManifest(l), ['candidate']);
    await l.close();
    const ref = `${reg.host}/${repo}@${image.digest}`;
    await signImage(client, {
      image: parseDigestReference(ref),
      identities: [`${reg.host}/${repo}`],
      signer: signers.map((k) => new KeySigner(k.signing)),
      recursive: true,
    });
    return ref;
  } finally {
    await client.close();
  }
}

function checkHostTrust(ref: string, pullRef: string, publicKey: string) {
  return runAction('check-host-trust', {
    inputs: { source: `docker://${ref}`, 'pull-ref': pullRef, 'public-key': publicKey },
    env: { REGISTRY_AUTH_FILE: reg.authFile },
  }).then((r) => r.main);
}

function skopeoPull(root: string, ref: string) {
  const out = mkdtempSync(join(work, 'pull-'));
  return runPeer(
    'skopeo',
    [
      'copy',
      '--policy',
      join(root, 'etc/containers/policy.json'),
      '--registries.d',
      join(root, 'etc/containers/registries.d'),
      '--src-tls-verify=false',
      `docker://${ref}`,
      `dir:${out}`,
    ],
    {
      env: reg.clientEnv,
      timeoutMs: 60_000,
    },
  );
}

describe('trust-files: the files an image installs, from the image name and the key(s)', () => {
  it('one key: keyPath /etc/pki/containers/<name>.pub; built into the image, check-host-trust accepts it; on the runner, skopeo pulls with it', async () => {
    const image = `${reg.host}/fork/os`;
    const step = await trustFiles({ image, 'public-key': a.pubFile, dir: 'one/trust' });
    expect(errorLines(step)).toEqual([]);
    const dir = join(work, 'one/trust');
    expect(step.outputs).toMatchObject({
      dir,
      policy: `${dir}/etc/containers/policy.json`,
      'registries-d': `${dir}/etc/containers/registries.d`,
      'key-files': `${dir}/etc/pki/containers/os.pub`,
    });
    expect(
      copyLayer(dir)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['etc/containers/policy.json', 'etc/containers/registries.d/os.yaml', 'etc/pki/containers/os.pub']);
    const policy = JSON.parse(readFileSync(step.outputs.policy!, 'utf8'));
    expect(policy.transports.docker[image]).toEqual([
      { type: 'sigstoreSigned', keyPath: '/etc/pki/containers/os.pub', signedIdentity: { type: 'matchRepository' } },
    ]);
    expect(readFileSync(`${dir}/etc/pki/containers/os.pub`, 'utf8').trim()).toBe(a.publicKeyPem.trim());

    const ref = await buildSignedImage('fork/os', dir, [a]);
    const check = await checkHostTrust(ref, `${image}:stable`, a.pubFile);
    expect(errorLines(check)).toEqual([]);
    expect(check.outputs.trusted).toBe('true');

    const host = join(work, 'one/host');
    expect(errorLines(await trustFiles({ image, 'public-key': a.pubFile, dir: host, 'key-root': host }))).toEqual([]);
    const pulled = await skopeoPull(host, `${image}:candidate`);
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    // The same files with the other key: skopeo refuses, so the pull above proved the key.
    const other = join(work, 'one/other');
    await trustFiles({ image, 'public-key': b.pubFile, dir: other, 'key-root': other });
    expect((await skopeoPull(other, `${image}:candidate`)).code).not.toBe(0);
  });

  it('two keys (a rotation): keyPaths, the first key keeps <name>.pub; an image signed with the second only passes check-host-trust and skopeo', async () => {
    const image = `${reg.host}/fork/rotating`;
    const step = await trustFiles({
      image,
      'public-key': `${a.pubFile}\n${b.pubFile}`,
      dir: 'two/trust',
      name: 'fork',
    });
    expect(errorLines(step)).toEqual([]);
    const dir = join(work, 'two/trust');
    const keyFiles = step.outputs['key-files']!.split('\n');
    expect(keyFiles).toHaveLength(2);
    expect(keyFiles[0]).toBe(`${dir}/etc/pki/containers/fork.pub`);
    expect(keyFiles[1]).toMatch(new RegExp(`^${dir}/etc/pki/containers/fork-[0-9a-f]{12}\\.pub$`));
    const policy = JSON.parse(readFileSync(step.outputs.policy!, 'utf8'));
    expect(policy.transports.docker[image][0].keyPaths).toEqual(keyFiles.map((f) => f.slice(dir.length)));

    const ref = await buildSignedImage('fork/rotating', dir, [b]);
    const check = await checkHostTrust(ref, `${image}:stable`, b.pubFile);
    expect(errorLines(check)).toEqual([]);
    const host = join(work, 'two/host');
    await trustFiles({ image, 'public-key': `${a.pubFile}\n${b.pubFile}`, dir: host, 'key-root': host, name: 'fork' });
    expect((await skopeoPull(host, `${image}:candidate`)).code).toBe(0);
  });

  it('refuses, naming the input, and writes nothing: keyPath with two keys, an image with a tag, a key that is not a public key', async () => {
    const image = `${reg.host}/fork/os`;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { image, 'public-key': `${a.pubFile}\n${b.pubFile}`, 'key-paths': 'keyPath' },
        /input 'key-paths': .*names one key, and 2 were given/,
      ],
      [{ image: `${image}:stable`, 'public-key': a.pubFile }, /input 'image': .*carries a tag or digest/],
      [{ image, 'public-key': a.privateKeyPem }, /input 'public-key'/],
    ];
    for (const [inputs, error] of cases) {
      const step = await trustFiles({ ...inputs, dir: 'refused' });
      expect(step.code).toBe(1);
      expect(errorLines(step).join('\n')).toMatch(error);
      expect(existsSync(join(work, 'refused'))).toBe(false);
    }
  });
});
