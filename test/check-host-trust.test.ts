/**
 * check-host-trust against the judge. Each image of the matrix carries trust files, good or
 * broken, in its layers (whiteouts and symlinks included); the action reads them out of the
 * image by digest. The judge is skopeo 1.18 (containers/image 5.34, what bootc uses) run on the
 * same files, extracted independently by `crane export` (which applies the whiteouts):
 *
 * - skopeo gets `--policy ROOT/etc/containers/policy.json --registries.d ROOT/etc/containers/registries.d`.
 *   containers/image opens key paths as written, so every *absolute* key path in the policy is
 *   rewritten to ROOT + path (the same file a host would open at that path), and nothing else
 *   changes: an unknown key stays unknown, a relative path stays relative.
 * - skopeo runs in an empty directory other than ROOT, as podman run by hand does: a relative key
 *   path then resolves to nothing. (Run from ROOT — bootc's service runs in / — it is found; the
 *   relative case checks both.)
 *
 * The action fails exactly when skopeo refuses the pull or the policy (same containers/image
 * message), with one documented exception: a scope that falls through to insecureAcceptAnything
 * is a failure for the action, and skopeo proves why — it accepts the pull of an *unsigned* image.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECK_TITLES,
  decryptCosignKey,
  KeySigner,
  openLayout,
  parseDigestReference,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
  signImage,
  type CheckId,
  type SigningKey,
} from '@bydigest/core';
import { makeCa } from './harness/certs.js';
import { buildIndex, writeOciLayout, type BuiltManifest } from './harness/image.js';
import { imageOfTars, tarOf, type TarMember } from './harness/layers.js';
import { runPeer, runPeerOk } from './harness/peers.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { runOk } from './harness/run.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';
import { makeKey, type TestKey } from './harness/signing.js';
import { failedChecks } from './harness/trust-verdicts.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { umociLayout } from './harness/umoci.js';

type Key = TestKey & { signing: SigningKey };

let reg: RunningRegistry;
let work: string;
let signer: Key;
let backup: Key;
let stranger: Key;
let caPem: string;

const PKI = 'etc/pki/containers';
const GH_ISSUER = 'https://token.actions.githubusercontent.com';

async function key(): Promise<Key> {
  const k = await makeKey('');
  return { ...k, signing: await decryptCosignKey(k.privateKeyPem, '') };
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-trust-');
  [signer, backup, stranger] = await Promise.all([key(), key(), key()]);
  caPem = readFileSync((await makeCa(join(work))).certFile, 'utf8');
});
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

/** A bootc-like base: os-release, a bootc binary stand-in and some weight. */
async function baseLayer(): Promise<Buffer> {
  return tarOf([
    { name: 'etc/', dir: true },
    { name: 'etc/os-release', content: 'ID=fedora\nVARIANT_ID=bootc\n' },
    { name: 'usr/bin/bootc', content: Buffer.alloc(64 * 1024, 1) },
    { name: 'usr/share/filler', content: Buffer.alloc(256 * 1024, 7) },
  ]);
}

const policyJson = (scopes: Record<string, object[]>, dflt: object[] = [{ type: 'insecureAcceptAnything' }]) =>
  JSON.stringify({ default: dflt, transports: { docker: scopes } }, null, 2);
const attachments = (ns: string, on = true) => `docker:\n  ${ns}:\n    use-sigstore-attachments: ${on}\n`;

async function push(
  layers: TarMember[][],
  repo: string,
): Promise<{ repo: string; image: BuiltManifest; layout: string }> {
  const image = imageOfTars([
    { tar: await baseLayer() },
    ...(await Promise.all(layers.map(async (l) => ({ tar: await tarOf(l) })))),
  ]);
  const layout = join(work, `layout-${repo.replaceAll('/', '-')}`);
  writeOciLayout(layout, image, { refName: 'stable' });
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', layout);
    await pushLayout(client, parseRepository(`${reg.host}/${repo}`), l, await selectLayoutManifest(l), ['stable']);
    await l.close();
  } finally {
    await client.close();
  }
  return { repo: `${reg.host}/${repo}`, image, layout };
}

async function sign(ref: string, k: Key, identity: string): Promise<void> {
  const client = testClient(reg);
  try {
    await signImage(client, {
      image: parseDigestReference(ref),
      identities: [identity],
      signer: new KeySigner(k.signing),
      recursive: true,
    });
  } finally {
    await client.close();
  }
}

const check = (inputs: Record<string, string>) =>
  runAction('check-host-trust', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile } });

/** The merged filesystem as crane flattens it (whiteouts applied), extracted under a fresh root. */
async function extract(ref: string): Promise<string> {
  const root = mkdtempSync(join(work, 'root-'));
  const tarFile = join(work, `${root.split('/').pop()}.tar`);
  await runPeerOk('crane', ['export', '--insecure', ref, tarFile], { env: reg.clientEnv, timeoutMs: 60_000 });
  await runOk('tar', ['-xf', tarFile, '-C', root]);
  return root;
}

const KEY_FIELDS = new Set(['keyPath', 'keyPaths', 'rekorPublicKeyPath', 'rekorPublicKeyPaths', 'caPath']);

/** The policy with every absolute key path moved under `root`: the only change made for skopeo. */
function rebase(node: unknown, root: string): unknown {
  const move = (p: unknown) => (typeof p === 'string' && p.startsWith('/') ? join(root, p) : p);
  if (Array.isArray(node)) return node.map((n) => rebase(n, root));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      KEY_FIELDS.has(k) ? (Array.isArray(v) ? v.map(move) : move(v)) : rebase(v, root),
    ]),
  );
}

async function skopeo(root: string, pull: string, cwd?: string) {
  const policy = join(root, 'host-policy.json');
  writeFileSync(
    policy,
    JSON.stringify(rebase(JSON.parse(readFileSync(join(root, 'etc/containers/policy.json'), 'utf8')), root)),
  );
  const out = mkdtempSync(join(tmpdir(), 'trust-pull-'));
  const registriesD = join(root, 'etc/containers/registries.d');
  mkdirSync(registriesD, { recursive: true });
  return runPeer(
    'skopeo',
    [
      'copy',
      '--policy',
      policy,
      '--registries.d',
      registriesD,
      '--src-tls-verify=false',
      `docker://${pull}`,
      `dir:${out}`,
    ],
    {
      env: reg.clientEnv,
      timeoutMs: 60_000,
      cwd: cwd ?? mkdtempSync(join(tmpdir(), 'trust-cwd-')),
    },
  );
}

const failLines = (step: StepResult) => errorLines(step).join('\n');

interface Cell {
  name: string;
  /** Upper layers (the base is added); `repo` is the full repository name hosts pull. */
  layers: (repo: string) => TarMember[][];
  /** The key the image is signed with in its repository; null: unsigned. */
  signWith: () => Key | null;
  publicKey?: () => Key;
  /** The checks that must fail (none: the action passes). */
  fails: string[];
  warns?: string[];
  /** What skopeo says: accept, or refuse with this containers/image phrase. */
  skopeo: { accept: true } | { accept: false; phrase: string };
  /** Words the failure must carry: the file, the field, the fix. */
  message?: (repo: string) => string[];
}

const keyFiles = (k: Key, at = `${PKI}/os.pub`): TarMember[] => [{ name: at, content: readFileSync(k.pubFile) }];
const signedBy = (repo: string, keyPaths: string[]) =>
  policyJson({ [repo]: [{ type: 'sigstoreSigned', keyPaths, signedIdentity: { type: 'matchRepository' } }] });

const cells: Cell[] = [
  {
    name: 'good: two keys (one through a symlink), scope and attachments for the repository',
    layers: (repo) => [
      [
        { name: 'usr/share/pki/containers/os.pub', content: readFileSync(signer.pubFile) },
        { name: `${PKI}/`, dir: true },
        // A relative link, so the crane-extracted copy resolves the same way for skopeo.
        { name: `${PKI}/os.pub`, symlink: '../../../usr/share/pki/containers/os.pub' },
        ...keyFiles(backup, `${PKI}/os-backup.pub`),
        { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`, `/${PKI}/os-backup.pub`]) },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    signWith: () => signer,
    publicKey: () => signer,
    fails: [],
    skopeo: { accept: true },
  },
  {
    name: 'missing key: the key file is deleted by a whiteout in an upper layer',
    layers: (repo) => [
      [
        ...keyFiles(signer),
        { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
      [{ name: `${PKI}/.wh.os.pub`, content: '' }],
    ],
    signWith: () => signer,
    fails: ['key-files', 'signatures'],
    skopeo: { accept: false, phrase: 'no such file or directory' },
    message: () => ['/etc/containers/policy.json', 'keyPaths[0]', `/${PKI}/os.pub`, 'COPY cosign.pub'],
  },
  {
    name: 'unknown key: containers/image refuses the whole policy',
    layers: (repo) => [
      [
        ...keyFiles(signer),
        {
          name: 'etc/containers/policy.json',
          content: policyJson({
            [repo]: [
              {
                type: 'sigstoreSigned',
                keyPath: `/${PKI}/os.pub`,
                signedIdentity: { type: 'matchRepository' },
                keyType: 'ecdsa',
              },
            ],
          }),
        },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    signWith: () => signer,
    fails: ['policy-loads'],
    skopeo: { accept: false, phrase: 'Unknown key "keyType"' },
    message: (repo) => ['/etc/containers/policy.json', `["${repo}"][0].keyType`, 'every pull'],
  },
  {
    name: 'wrong scope: the policy names another repository, pulls fall through to insecureAcceptAnything',
    layers: (repo) => [
      [
        ...keyFiles(signer),
        { name: 'etc/containers/policy.json', content: signedBy('ghcr.io/someone/else', [`/${PKI}/os.pub`]) },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    // Unsigned: skopeo accepting it shows hosts verify nothing.
    signWith: () => null,
    fails: ['scope-and-attachments'],
    skopeo: { accept: true },
    message: () => ['insecureAcceptAnything', 'transports.docker['],
  },
  {
    name: 'no use-sigstore-attachments: registries.d does not name the repository',
    layers: (repo) => [
      [
        ...keyFiles(signer),
        { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
        { name: 'etc/containers/registries.d/other.yaml', content: attachments('quay.io/other') },
      ],
    ],
    signWith: () => signer,
    fails: ['signatures', 'scope-and-attachments'],
    skopeo: { accept: false, phrase: 'A signature was required, but no signature exists' },
    message: (repo) => ['/etc/containers/registries.d', 'use-sigstore-attachments: true', repo],
  },
  {
    name: 'fulcio with a GitHub workflow identity (subjectEmail noreply@github.com)',
    layers: (repo) => [
      [
        { name: `${PKI}/fulcio.pem`, content: caPem },
        ...keyFiles(stranger, `${PKI}/rekor.pub`),
        {
          name: 'etc/containers/policy.json',
          content: policyJson({
            [repo]: [
              {
                type: 'sigstoreSigned',
                fulcio: { caPath: `/${PKI}/fulcio.pem`, oidcIssuer: GH_ISSUER, subjectEmail: 'noreply@github.com' },
                rekorPublicKeyPath: `/${PKI}/rekor.pub`,
                signedIdentity: { type: 'matchRepository' },
              },
            ],
          }),
        },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    signWith: () => signer,
    // The fulcio requirement is evaluated as containers/image does: a key-signed image has no
    // keyless signature it could accept, so signatures fail too, as skopeo says.
    fails: ['signatures', 'fulcio-identity'],
    skopeo: { accept: false, phrase: 'missing dev.sigstore.cosign/bundle annotation' },
    message: () => ['fulcio.subjectEmail', 'URI SAN', 'keyPath'],
  },
  {
    name: 'relative keyPath: found from / only',
    layers: (repo) => [
      [
        ...keyFiles(signer),
        {
          name: 'etc/containers/policy.json',
          content: policyJson({
            [repo]: [{ type: 'sigstoreSigned', keyPath: `${PKI}/os.pub`, signedIdentity: { type: 'matchRepository' } }],
          }),
        },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    signWith: () => signer,
    fails: ['key-files'],
    skopeo: { accept: false, phrase: 'no such file or directory' },
    message: () => ['keyPath', 'relative path', `"/${PKI}/os.pub"`],
  },
  {
    name: 'key mismatch: the image trusts another key than the pipeline signs with',
    layers: (repo) => [
      [
        ...keyFiles(stranger),
        { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
        { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
      ],
    ],
    signWith: () => signer,
    publicKey: () => signer,
    fails: ['signatures', 'signing-key'],
    warns: ['signing-key'],
    skopeo: { accept: false, phrase: 'cryptographic signature verification failed' },
    message: () => ['not among the keys', 'sign-digest'],
  },
];

describe('check-host-trust (dist bundle) against skopeo 1.18 on the same files', () => {
  for (const [i, cell] of cells.entries()) {
    it(
      cell.name,
      async () => {
        const name = `trust/case${i}`;
        const repo = `${reg.host}/${name}`;
        const { image } = await push(cell.layers(repo), name);
        const ref = `${repo}@${image.digest}`;
        const pull = `${repo}:stable`;
        const k = cell.signWith();
        if (k) await sign(ref, k, pull);

        const inputs: Record<string, string> = { source: `docker://${ref}`, 'pull-ref': pull };
        if (cell.publicKey) inputs['public-key'] = cell.publicKey().pubFile;
        const step = (await check(inputs)).main;
        const failed = failedChecks(step.summary);

        const root = await extract(ref);
        const judged = await skopeo(root, pull);

        expect(failed.sort()).toEqual(cell.fails.map((id) => CHECK_TITLES[id as CheckId]).sort());
        if (cell.warns?.length) expect(step.stdout).toContain('::warning::');
        expect(step.code).toBe(cell.fails.length > 0 ? 1 : 0);
        if (cell.skopeo.accept) {
          expect(judged.code === 0 ? '' : judged.stderr).toBe('');
        } else {
          expect(judged.code).not.toBe(0);
          expect(judged.stderr.replace(/\\"/g, '"')).toContain(cell.skopeo.phrase);
        }
        if (cell.fails.length === 0) {
          expect(errorLines(step)).toEqual([]);
          expect(step.outputs).toMatchObject({ trusted: 'true', scope: `transports.docker["${repo}"]` });
          expect(step.outputs['key-fingerprints']?.split(',')).toHaveLength(2);
        } else {
          for (const word of cell.message?.(repo) ?? []) expect(failLines(step)).toContain(word);
        }
        // The same containers/image words for a policy that does not load.
        if (cell.fails.includes('policy-loads') && !cell.skopeo.accept)
          expect(failLines(step)).toContain(cell.skopeo.phrase);
        if (cell.name.startsWith('relative')) {
          // From / (bootc's service), containers/image finds the relative path: the action says so.
          const fromRoot = await skopeo(root, pull, root);
          expect(fromRoot.code === 0 ? '' : fromRoot.stderr).toBe('');
          expect(failLines(step)).toContain('bootc');
        }
      },
      120_000,
    );
  }

  it('reads the same verdicts from an OCI layout, and names a missing policy.json as such', async () => {
    const name = 'trust/layout';
    const repo = `${reg.host}/${name}`;
    const { image, layout } = await push(
      [
        [
          ...keyFiles(signer),
          { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
          { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
        ],
      ],
      name,
    );
    await sign(`${repo}@${image.digest}`, signer, `${repo}:stable`);
    const step = (
      await check({ source: `oci:${layout}:stable`, 'pull-ref': `${repo}:stable`, 'public-key': signer.pubFile })
    ).main;
    expect(errorLines(step)).toEqual([]);
    expect(step.outputs.trusted).toBe('true');
    // One key only: a warning, not a failure.
    expect(step.outputs.warnings).toBe('1');
    expect(step.stdout).toMatch(/::warning::.*one key only/);

    const bare = await push([[{ name: 'usr/lib/app', content: 'x' }]], 'trust/bare');
    const none = (
      await check({ source: `docker://${bare.repo}@${bare.image.digest}`, 'pull-ref': `${bare.repo}:stable` })
    ).main;
    expect(none.code).toBe(1);
    expect(failLines(none)).toContain('has no /etc/containers/policy.json');
    expect(failLines(none)).toContain('bootc');
    expect(readdirSync(work).length).toBeGreaterThan(0);
  }, 120_000);

  it('reads an image whose layers umoci 0.4.7 wrote (tar streams without padding or end blocks), as the host does', async () => {
    const name = 'trust/umoci';
    const repo = `${reg.host}/${name}`;
    const layout = await umociLayout(join(work, 'umoci-layout'), 'stable', [
      { path: '/etc/os-release', content: 'ID=fedora\nVARIANT_ID=bootc\n' },
      { path: `/${PKI}/os.pub`, content: readFileSync(signer.pubFile) },
      { path: '/etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
      { path: '/etc/containers/registries.d/os.yaml', content: attachments(repo) },
    ]);
    const client = testClient(reg);
    let digest: string;
    try {
      const l = await openLayout('oci', layout);
      digest = (await pushLayout(client, parseRepository(repo), l, await selectLayoutManifest(l), ['stable'])).digest;
      await l.close();
    } finally {
      await client.close();
    }
    await sign(`${repo}@${digest}`, signer, `${repo}:stable`);
    for (const source of [`docker://${repo}@${digest}`, `oci:${layout}:stable`]) {
      const step = (await check({ source, 'pull-ref': `${repo}:stable`, 'public-key': signer.pubFile })).main;
      const seen = { source, code: step.code, errors: errorLines(step), trusted: step.outputs.trusted };
      expect({ ...seen, stderr: seen.code === 0 ? '' : step.stderr.slice(-3000) }).toEqual({
        source,
        code: 0,
        errors: [],
        trusted: 'true',
        stderr: '',
      });
    }
    // The judge: the same files, as crane (Go's archive/tar) flattens them, let skopeo pull it.
    const root = await extract(`${repo}@${digest}`);
    const pulled = await skopeo(root, `${repo}:stable`);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
  }, 120_000);

  it('an image index: the index and the platform manifest each need a signature, as skopeo requires', async () => {
    const trust = (repo: string): TarMember[] => [
      ...keyFiles(signer),
      { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
      { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
    ];
    for (const recursive of [true, false]) {
      const name = `trust/index-${recursive}`;
      const repo = `${reg.host}/${name}`;
      const children = await Promise.all(
        ['amd64', 'arm64'].map(async (architecture) =>
          imageOfTars([{ tar: await baseLayer() }, { tar: await tarOf(trust(repo)) }], { architecture }),
        ),
      );
      const index = buildIndex(children);
      const layout = join(work, `layout-index-${recursive}`);
      writeOciLayout(layout, index, { children, refName: 'stable' });
      const client = testClient(reg);
      try {
        const l = await openLayout('oci', layout);
        await pushLayout(client, parseRepository(repo), l, await selectLayoutManifest(l), ['stable']);
        await l.close();
        await signImage(client, {
          image: parseDigestReference(`${repo}@${index.digest}`),
          identities: [`${repo}:stable`],
          signer: new KeySigner(signer.signing),
          recursive,
        });
      } finally {
        await client.close();
      }
      const step = (await check({ source: `docker://${repo}@${index.digest}`, 'pull-ref': `${repo}:stable` })).main;
      const judged = await skopeo(await extract(`${repo}@${children[0]!.digest}`), `${repo}:stable`);
      expect({ recursive, action: step.code, skopeo: judged.code === 0 ? 0 : 1 }).toEqual({
        recursive,
        action: recursive ? 0 : 1,
        skopeo: recursive ? 0 : 1,
      });
      if (!recursive) {
        expect(failLines(step)).toContain(children[0]!.digest);
        expect(judged.stderr).toContain('A signature was required, but no signature exists');
      }
    }
  }, 120_000);

  it('trust files nested 200,000 levels deep: refused for the depth, in Go’s words and the limit, as skopeo refuses them', async () => {
    const DEEP = 200_000;
    const brackets = '['.repeat(DEEP) + ']'.repeat(DEEP);
    const deepPolicy = {
      name: 'etc/containers/policy.json',
      content: `{"default":[{"type":"insecureAcceptAnything"}],"x":${brackets}}`,
    };
    const deepRegistries = { name: 'etc/containers/registries.d/deep.yaml', content: `docker:\n  x: ${brackets}\n` };
    const images = [
      {
        name: 'trust/deep-policy',
        files: (repo: string) => [
          ...keyFiles(signer),
          deepPolicy,
          { name: 'etc/containers/registries.d/os.yaml', content: attachments(repo) },
        ],
        words: [
          '/etc/containers/policy.json',
          "invalid character '[' exceeded max depth",
          'deeper than 10000 levels',
          'every pull',
        ],
        skopeo: "invalid character '[' exceeded max depth",
      },
      {
        name: 'trust/deep-registries',
        files: (repo: string) => [
          ...keyFiles(signer),
          { name: 'etc/containers/policy.json', content: signedBy(repo, [`/${PKI}/os.pub`]) },
          deepRegistries,
        ],
        words: [
          '/etc/containers/registries.d/deep.yaml',
          'exceeded max depth of 10000',
          'nested 200000 levels deep',
          'every docker:// pull',
        ],
        skopeo: 'exceeded max depth of 10000',
      },
    ];
    for (const image of images) {
      const repo = `${reg.host}/${image.name}`;
      const pushed = await push([image.files(repo)], image.name);
      const ref = `${repo}@${pushed.image.digest}`;
      await sign(ref, signer, `${repo}:stable`);
      const step = (await check({ source: `docker://${ref}`, 'pull-ref': `${repo}:stable` })).main;
      expect({ image: image.name, code: step.code }).toEqual({ image: image.name, code: 1 });
      expect(failedChecks(step.summary)).toContain(CHECK_TITLES['policy-loads']);
      for (const word of image.words) expect(failLines(step)).toContain(word);
      expect(`${step.stdout}${step.stderr}`).not.toMatch(/call stack|RangeError|out of memory/i);

      // skopeo refuses the same files for the same reason (no key path to move: the files are used as extracted).
      const root = await extract(ref);
      const out = mkdtempSync(join(tmpdir(), 'trust-pull-'));
      const judged = await runPeer(
        'skopeo',
        [
          'copy',
          '--policy',
          join(root, 'etc/containers/policy.json'),
          '--registries.d',
          join(root, 'etc/containers/registries.d'),
          '--src-tls-verify=false',
          `docker://${repo}:stable`,
          `dir:${out}`,
        ],
        { env: reg.clientEnv, timeoutMs: 60_000, cwd: root },
      );
      expect(judged.code).not.toBe(0);
      expect(judged.stderr).toContain(image.skopeo);
    }
  }, 180_000);

  it('bad input: pull-ref missing or with tag and digest → the input is named, exit 1', async () => {
    const missing = (await check({ source: 'oci:/nonexistent:stable', 'pull-ref': '' })).main;
    expect(missing.code).toBe(1);
    expect(failLines(missing)).toMatch(/pull-ref.*required/);
    const both = (
      await check({ source: 'oci:/nonexistent:stable', 'pull-ref': `${reg.host}/a:b@sha256:${'0'.repeat(64)}` })
    ).main;
    expect(both.code).toBe(1);
    expect(failLines(both)).toContain('both a tag and a digest');
  }, 60_000);
});
