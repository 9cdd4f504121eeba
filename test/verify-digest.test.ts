/**
 * verify-digest against the judge: for a matrix of host policies × signatures, the action's
 * verdict must equal skopeo 1.18's (containers/image, what bootc uses), and a refusal must carry
 * the same containers/image phrase. Plus signatures made by real cosign, the public-key mode,
 * and bad input. One registry for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendSignatureLayer,
  decryptCosignKey,
  parseDigestReference,
  repositoryName,
  signatureLayer,
  signatureTag,
  signImage,
  KeySigner,
  signPayload,
  simpleSigningPayload,
  withTag,
  type SigningKey,
} from '@bydigest/core';
import { ACCEPTED_SIGSTORE_STANZAS, BROKEN_SIGSTORE_STANZAS } from '../packages/core/test/policy/broken-stanzas.js';
import { runPeer, runPeerOk } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction, type ActionRun } from './harness/runner.js';
import { makeKey, skopeoPull, type TestKey } from './harness/signing.js';

let reg: RunningRegistry;
let trusted: TestKey & { signing: SigningKey };
let other: TestKey & { signing: SigningKey };

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

async function key(password: string): Promise<TestKey & { signing: SigningKey }> {
  const k = await makeKey(password);
  return { ...k, signing: await decryptCosignKey(k.privateKeyPem, password) };
}

/** Pushes an image under `tags`; returns repo (host/…), digest and ref (repo@digest). */
async function image(repo: string, tags: string[] = ['stable'], spec: { platforms?: string[] } = {}) {
  const img = await pushTestImage(reg, repo, tags, spec);
  return { repo: `${reg.host}/${repo}`, digest: img.digest, ref: img.ref, children: img.children.map((c) => c.digest) };
}

/** Signs with core (fast, no action start-up): one layer per identity. */
async function sign(ref: string, k: { signing: SigningKey }, identities: string[], recursive = true): Promise<void> {
  const client = testClient(reg);
  try {
    await signImage(client, {
      image: parseDigestReference(ref),
      identities,
      signer: new KeySigner(k.signing),
      recursive,
    });
  } finally {
    await client.close();
  }
}

/** A correct signature for digest `signedDigest`, stored in the `.sig` of `ref`: a copied signature. */
async function plantForeignSignature(ref: string, signedDigest: string, k: { signing: SigningKey }): Promise<void> {
  const image = parseDigestReference(ref);
  const payload = simpleSigningPayload({ dockerReference: repositoryName(image), manifestDigest: signedDigest });
  const layer = signatureLayer(payload, signPayload(k.signing, payload));
  const appended = appendSignatureLayer(undefined, layer, { payload, publicKey: k.signing.publicKey });
  if (appended.status !== 'appended') throw new Error('unexpected duplicate');
  const client = testClient(reg);
  try {
    await client.uploadBlob(image, { digest: layer.digest, size: payload.length, open: () => payload });
    await client.uploadBlob(image, {
      digest: appended.config.digest,
      size: appended.configBytes.length,
      open: () => appended.configBytes,
    });
    await client.putManifest(withTag(image, signatureTag(image.digest)), {
      bytes: appended.manifestBytes,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
  } finally {
    await client.close();
  }
}

interface Host {
  policy: string;
  registriesD: string;
}

/** policy.json (default reject; `dir:` accepted so skopeo may write its copy) and registries.d. */
function hostFiles(scopes: Record<string, object[]>, registriesYaml: string): Host {
  const dir = tmp('host-');
  const policy = join(dir, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      default: [{ type: 'reject' }],
      transports: { docker: scopes, dir: { '': [{ type: 'insecureAcceptAnything' }] } },
    }),
  );
  const registriesD = join(dir, 'registries.d');
  mkdirSync(registriesD);
  writeFileSync(join(registriesD, 'host.yaml'), registriesYaml);
  return { policy, registriesD };
}

const attachments = (ns: string, on = true) => `docker:\n  ${ns}:\n    use-sigstore-attachments: ${on}\n`;

function verify(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction('verify-digest', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile, ...env } });
}

/** logrus quotes skopeo's message: `msg="… identity \"x\" is not accepted"`. */
const unescape = (s: string) => s.replace(/\\"/g, '"');

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  [trusted, other] = await Promise.all([key('pw'), key('')]);
});
afterAll(async () => {
  await reg?.stop();
});

interface Cell {
  name: string;
  /** Prepares the registry; returns what to verify and how the host is configured. */
  setup: () => Promise<{ ref: string; pull: string; host: Host }>;
  expect: 'pass' | 'fail';
  /** The containers/image phrase both must print (a function of the setup, for digests/refs). */
  phrase?: (s: { ref: string; pull: string }) => string;
}

const matchRepository = { type: 'matchRepository' };
const sigstore = (k: TestKey, signedIdentity?: object) => ({
  type: 'sigstoreSigned',
  keyPath: k.pubFile,
  ...(signedIdentity ? { signedIdentity } : {}),
});

const cells: Cell[] = [
  {
    name: 'valid repository signature × matchRepository',
    setup: async () => {
      const img = await image('m/valid');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'valid repository signature × default matchRepoDigestOrExact',
    setup: async () => {
      const img = await image('m/repo-only');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: (s) => `Signature for identity "${s.pull.replace(/:stable$/, '')}" is not accepted`,
  },
  {
    name: 'valid repository signature pulled by digest × default matchRepoDigestOrExact',
    setup: async () => {
      const img = await image('m/by-digest');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: img.ref,
        host: hostFiles({ [img.repo]: [sigstore(trusted)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: (s) => `Signature for identity "${s.ref.replace(/@.*$/, '')}" is not accepted`,
  },
  {
    name: 'valid repository signature × matchRepository, a valid fulcio stanza in another scope',
    setup: async () => {
      const img = await image('m/fulcio-elsewhere');
      await sign(img.ref, trusted, [img.repo]);
      const fulcio = {
        caPath: '/etc/pki/fulcio.pem',
        oidcIssuer: 'https://token.actions.githubusercontent.com',
        subjectEmail: 'ci@example.com',
      };
      const keyless = {
        type: 'sigstoreSigned',
        fulcio,
        rekorPublicKeyPath: '/etc/pki/rekor.pub',
        signedIdentity: matchRepository,
      };
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles(
          { [img.repo]: [sigstore(trusted, matchRepository)], 'elsewhere.example.com': [keyless] },
          attachments(img.repo),
        ),
      };
    },
    expect: 'pass',
  },
  {
    name: 'signed with another key',
    setup: async () => {
      const img = await image('m/wrong-key');
      await sign(img.ref, other, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: () =>
      'cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature',
  },
  {
    name: "a signature for another digest in this digest's .sig",
    setup: async () => {
      const a = await image('m/wrong-digest', ['a']);
      const b = await image('m/wrong-digest', ['b']);
      await plantForeignSignature(a.ref, b.digest, trusted);
      return {
        ref: a.ref,
        pull: `${a.repo}:a`,
        host: hostFiles({ [a.repo]: [sigstore(trusted, matchRepository)] }, attachments(a.repo)),
      };
    },
    expect: 'fail',
    phrase: () => 'does not match',
  },
  {
    name: 'no signature',
    setup: async () => {
      const img = await image('m/missing');
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: () => 'A signature was required, but no signature exists',
  },
  {
    name: 'identity tags: signed for :a, pulled as :a × default',
    setup: async () => {
      const img = await image('m/tags-a', ['a', 'b']);
      await sign(img.ref, trusted, [`${img.repo}:a`]);
      return {
        ref: img.ref,
        pull: `${img.repo}:a`,
        host: hostFiles({ [img.repo]: [sigstore(trusted)] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'identity tags: signed for :a, pulled as :b × default',
    setup: async () => {
      const img = await image('m/tags-b', ['a', 'b']);
      await sign(img.ref, trusted, [`${img.repo}:a`]);
      return {
        ref: img.ref,
        pull: `${img.repo}:b`,
        host: hostFiles({ [img.repo]: [sigstore(trusted)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: (s) => `Signature for identity "${s.pull.replace(/:b$/, ':a')}" is not accepted`,
  },
  {
    name: 'identity tags: signed for :a, pulled as :a × matchExact',
    setup: async () => {
      const img = await image('m/exact-a', ['a']);
      await sign(img.ref, trusted, [`${img.repo}:a`]);
      return {
        ref: img.ref,
        pull: `${img.repo}:a`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, { type: 'matchExact' })] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'identity tags: signed for :a, pulled by digest × matchExact',
    setup: async () => {
      const img = await image('m/exact-digest', ['a']);
      await sign(img.ref, trusted, [`${img.repo}:a`]);
      return {
        ref: img.ref,
        pull: img.ref,
        host: hostFiles({ [img.repo]: [sigstore(trusted, { type: 'matchExact' })] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: (s) => `Signature for identity "${s.ref.replace(/@.*$/, ':a')}" is not accepted`,
  },
  {
    name: 'exactRepository naming the signed repository',
    setup: async () => {
      const img = await image('m/exact-repo');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles(
          { [img.repo]: [sigstore(trusted, { type: 'exactRepository', dockerRepository: img.repo })] },
          attachments(img.repo),
        ),
      };
    },
    expect: 'pass',
  },
  {
    name: 'exactRepository naming another repository',
    setup: async () => {
      const img = await image('m/exact-repo-other');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles(
          { [img.repo]: [sigstore(trusted, { type: 'exactRepository', dockerRepository: `${reg.host}/m/elsewhere` })] },
          attachments(img.repo),
        ),
      };
    },
    expect: 'fail',
    phrase: (s) => `Signature for identity "${s.pull.replace(/:stable$/, '')}" is not accepted`,
  },
  {
    name: 'reject',
    setup: async () => {
      const img = await image('m/reject');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [{ type: 'reject' }] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: (s) => `Running image docker://${s.pull} is rejected by policy.`,
  },
  {
    name: 'no scope for the image: the default (reject) applies',
    setup: async () => {
      const img = await image('m/unscoped');
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles(
          { [`${reg.host}/m/somewhere-else`]: [{ type: 'insecureAcceptAnything' }] },
          attachments(img.repo),
        ),
      };
    },
    expect: 'fail',
    phrase: (s) => `Running image docker://${s.pull} is rejected by policy.`,
  },
  {
    name: 'insecureAcceptAnything, unsigned',
    setup: async () => {
      const img = await image('m/accept');
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [{ type: 'insecureAcceptAnything' }] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'valid signature, use-sigstore-attachments false',
    setup: async () => {
      const img = await image('m/attachments-off');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo, false)),
      };
    },
    expect: 'fail',
    phrase: () => 'A signature was required, but no signature exists',
  },
  {
    name: 'valid signature, registries.d configures only another registry',
    setup: async () => {
      const img = await image('m/attachments-elsewhere');
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments('ghcr.io/ublue-os')),
      };
    },
    expect: 'fail',
    phrase: () => 'A signature was required, but no signature exists',
  },
  {
    name: 'scope and attachments set on the parent namespace',
    setup: async () => {
      const img = await image('ns/deeper/img');
      await sign(img.ref, trusted, [img.repo]);
      const ns = `${reg.host}/ns`;
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [ns]: [sigstore(trusted, matchRepository)] }, attachments(ns)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'a tag scope wins over the repository scope',
    setup: async () => {
      const img = await image('m/tag-scope', ['stable', 'testing']);
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:testing`,
        host: hostFiles(
          { [img.repo]: [sigstore(trusted, matchRepository)], [`${img.repo}:testing`]: [{ type: 'reject' }] },
          attachments(img.repo),
        ),
      };
    },
    expect: 'fail',
    phrase: (s) => `Running image docker://${s.pull} is rejected by policy.`,
  },
  {
    name: 'two signatures, both rejected (another key; repository-only identity)',
    setup: async () => {
      const img = await image('m/two');
      await sign(img.ref, other, [`${img.repo}:stable`]);
      await sign(img.ref, trusted, [img.repo]);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: () => 'None of the signatures were accepted, reasons: cryptographic signature verification failed',
  },
  {
    name: 'the policy keyPath does not exist',
    setup: async () => {
      const img = await image('m/no-key-file');
      await sign(img.ref, trusted, [img.repo]);
      const missing = { ...sigstore(trusted, matchRepository), keyPath: '/nonexistent/pki/ublue-os.pub' };
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [missing] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: () => 'open /nonexistent/pki/ublue-os.pub: no such file or directory',
  },
  {
    name: 'keyPaths with the trusted key second, and a requirement pair',
    setup: async () => {
      const img = await image('m/key-paths');
      await sign(img.ref, trusted, [img.repo]);
      const req = {
        type: 'sigstoreSigned',
        keyPaths: [other.pubFile, trusted.pubFile],
        signedIdentity: matchRepository,
      };
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [{ type: 'insecureAcceptAnything' }, req] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
  {
    name: 'index: the index is signed, a platform manifest is not',
    setup: async () => {
      const img = await image('m/index', ['stable'], { platforms: ['amd64'] });
      await sign(img.ref, trusted, [img.repo], false);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo)),
      };
    },
    expect: 'fail',
    phrase: () => 'A signature was required, but no signature exists',
  },
  {
    name: 'index: the index and its platform manifest are signed',
    setup: async () => {
      const img = await image('m/index-ok', ['stable'], { platforms: ['amd64'] });
      await sign(img.ref, trusted, [img.repo], true);
      return {
        ref: img.ref,
        pull: `${img.repo}:stable`,
        host: hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo)),
      };
    },
    expect: 'pass',
  },
];

interface Judged {
  skopeo: { ok: boolean; stderr: string };
  action: { ok: boolean; message: string; outputs: Record<string, string>; summary: string };
  setup: { ref: string; pull: string };
}

/** Two at a time: the machines have two cores, and each cell runs skopeo and a node process. */
async function judgeAll(): Promise<Judged[]> {
  const out: Judged[] = new Array(cells.length);
  let next = 0;
  const worker = async () => {
    while (next < cells.length) {
      const i = next++;
      const s = await (cells[i] as Cell).setup();
      const [pulled, run] = await Promise.all([
        skopeoPull(reg, s.pull, s.host),
        verify({ 'image-ref': s.ref, policy: s.host.policy, 'registries-d': s.host.registriesD, 'pull-ref': s.pull }),
      ]);
      out[i] = {
        setup: s,
        skopeo: { ok: pulled.code === 0, stderr: unescape(pulled.stderr) },
        action: {
          ok: run.main.code === 0,
          message: errorLines(run.main).join('\n'),
          outputs: run.main.outputs,
          summary: run.main.summary,
        },
      };
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

describe('verify-digest with a host policy agrees with skopeo 1.18', () => {
  let judged: Judged[];
  beforeAll(async () => {
    judged = await judgeAll();
  });

  it.each(cells.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const cell = cells[i] as Cell;
    const j = judged[i] as Judged;
    const verdict = { skopeo: j.skopeo.ok ? 'pass' : 'fail', action: j.action.ok ? 'pass' : 'fail' };
    expect({ ...verdict, skopeoErr: j.skopeo.ok ? '' : j.skopeo.stderr, actionErr: j.action.message }).toMatchObject({
      skopeo: cell.expect,
      action: cell.expect,
    });
    if (cell.expect === 'fail') {
      const phrase = cell.phrase!(j.setup);
      expect(j.skopeo.stderr).toContain(phrase);
      expect(j.action.message).toContain(phrase);
      expect(j.action.outputs.verified).toBeUndefined();
    } else {
      expect(j.action.outputs.verified).toBe('true');
      expect(j.action.outputs.signatures).toMatch(/^\d+$/);
    }
    expect(j.action.summary).toContain('verify-digest');
  });

  it('explains the usual causes in the failure and the summary', () => {
    const byName = (n: string) => judged[cells.findIndex((c) => c.name === n)] as Judged;
    const off = byName('valid signature, use-sigstore-attachments false');
    expect(off.action.message).toMatch(
      /holds 1 signature\(s\), but registries.d does not set use-sigstore-attachments: true/,
    );
    expect(off.action.message).toContain(
      `docker:\n    ${reg.host}/m/attachments-off:\n      use-sigstore-attachments: true`,
    );
    expect(byName('valid repository signature × default matchRepoDigestOrExact').action.message).toMatch(
      /names the repository alone .*sign-digest identity: tags/,
    );
    expect(byName('identity tags: signed for :a, pulled as :b × default').action.message).toMatch(
      /the signature is for \S+:a, the host pulls \S+:b/,
    );
    expect(byName('exactRepository naming another repository').action.message).toMatch(
      /accepts only signatures for \S+\/m\/elsewhere/,
    );
    expect(byName('exactRepository naming another repository').action.message).not.toMatch(/repository alone/);
    expect(byName('no signature').action.message).toMatch(/cosign 3 writes only a sigstore bundle by default/);
    expect(byName('index: the index is signed, a platform manifest is not').action.message).toMatch(
      /platform manifest linux\/amd64/,
    );
    const wrongKey = byName('signed with another key');
    expect(wrongKey.action.summary).toContain('cryptographic signature verification failed');
    expect(wrongKey.action.summary).toMatch(/<code>sha256:[a-f0-9]{64}<\/code>/);
    expect(byName('valid repository signature × matchRepository').action.outputs.signatures).toBe('1');
    expect(byName('insecureAcceptAnything, unsigned').action.outputs.signatures).toBe('0');
  });
});

describe('verify-digest accepts what real cosign signs', () => {
  const cosignKeyFile = (k: TestKey) => {
    const file = join(tmp('cosign-key-'), 'cosign.key');
    writeFileSync(file, k.privateKeyPem, { mode: 0o600 });
    return file;
  };
  const signArgs = {
    'cosign-2.5': ['--tlog-upload=false'],
    'cosign-3.1': ['--new-bundle-format=false', '--use-signing-config=false', '--tlog-upload=false'],
  } as const;

  it.each(['cosign-2.5', 'cosign-3.1'] as const)(
    '%s sign --key (legacy .sig): public-key mode and host policy, as skopeo',
    async (peerName) => {
      const img = await image(`cosign/${peerName.replace('.', '')}`);
      await runPeerOk(
        peerName,
        ['sign', '--key', cosignKeyFile(trusted), ...signArgs[peerName], '--allow-http-registry', '-y', img.ref],
        {
          env: { ...reg.clientEnv, COSIGN_PASSWORD: trusted.password },
          context: reg.logs,
        },
      );
      const byKey = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem });
      expect(errorLines(byKey.main)).toEqual([]);
      expect(byKey.main.outputs).toEqual({ verified: 'true', signatures: '1' });
      expect(byKey.main.summary).toContain(img.repo);

      const host = hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo));
      const asHost = await verify({
        'image-ref': img.ref,
        policy: host.policy,
        'registries-d': host.registriesD,
        'pull-ref': `${img.repo}:stable`,
      });
      const pulled = await skopeoPull(reg, `${img.repo}:stable`, host);
      expect({ action: asHost.main.code, err: errorLines(asHost.main), skopeo: pulled.code }).toEqual({
        action: 0,
        err: [],
        skopeo: 0,
      });

      const wrong = await verify({ 'image-ref': img.ref, 'public-key': other.pubFile });
      expect(wrong.main.code).toBe(1);
      expect(errorLines(wrong.main)[0]).toMatch(
        /no valid signature for .* with the public key[\s\S]*cryptographic signature verification failed/,
      );
    },
  );
});

describe('verify-digest with a public key', () => {
  it('verifies by PEM text or path; counts valid signatures', async () => {
    const img = await image('k/ok');
    await sign(img.ref, trusted, [img.repo, `${img.repo}:stable`]);
    const pem = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem, format: 'legacy' });
    expect(errorLines(pem.main)).toEqual([]);
    expect(pem.main.outputs).toEqual({ verified: 'true', signatures: '2' });
    const path = await verify({ 'image-ref': img.ref, 'public-key': trusted.pubFile });
    expect(path.main.outputs.signatures).toBe('2');
    expect(path.main.stdout).toMatch(/ok .*k\/ok@sha256:[a-f0-9]{64}: 2 valid signature\(s\)/);
  });

  it('a copied signature for another digest is named', async () => {
    const a = await image('k/foreign', ['a']);
    const b = await image('k/foreign', ['b']);
    await plantForeignSignature(a.ref, b.digest, trusted);
    const run = await verify({ 'image-ref': a.ref, 'public-key': trusted.publicKeyPem });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toContain(`Signature for digest ${b.digest} does not match`);
    expect(errorLines(run.main)[0]).toMatch(/holds 1 signature\(s\), none valid/);
  });

  it('no .sig and no bundle: says where it looked for each format', async () => {
    const img = await image('k/unsigned');
    const run = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem });
    expect(run.main.code).toBe(1);
    const msg = errorLines(run.main)[0] as string;
    expect(msg).toContain(`no signature at ${img.repo}:sha256-${img.digest.slice(7)}.sig`);
    expect(msg).toContain('bundle: no sigstore bundle refers to this digest');
    const bundleOnly = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem, format: 'bundle' });
    expect(bundleOnly.main.code).toBe(1);
    expect(errorLines(bundleOnly.main)[0]).toMatch(/bundle: no sigstore bundle refers to this digest/);
    expect(errorLines(bundleOnly.main)[0]).not.toMatch(/legacy:/);
  });

  it('an index needs a valid signature on each platform manifest', async () => {
    const img = await image('k/index', ['x'], { platforms: ['amd64', 'arm64'] });
    await sign(img.ref, trusted, [img.repo], false);
    const top = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem });
    expect(top.main.code).toBe(1);
    expect(errorLines(top.main)[0]).toMatch(/platform manifest linux\/amd64[\s\S]*platform manifest linux\/arm64/);
    await sign(img.ref, trusted, [img.repo], true);
    const all = await verify({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem });
    expect(errorLines(all.main)).toEqual([]);
    expect(all.main.outputs.signatures).toBe('1');
  });
});

describe('verify-digest: pull-ref', () => {
  it('warns when the tag hosts pull points at another digest, and judges the digest given', async () => {
    const a = await image('p/moved', ['stable']);
    const b = await image('p/moved', ['stable']);
    await sign(a.ref, trusted, [`${a.repo}:stable`]);
    const host = hostFiles({ [a.repo]: [sigstore(trusted)] }, attachments(a.repo));
    const run = await verify({
      'image-ref': a.ref,
      policy: host.policy,
      'registries-d': host.registriesD,
      'pull-ref': `${a.repo}:stable`,
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.stdout).toContain(
      `::warning::pull-ref ${a.repo}:stable currently resolves to ${b.digest}, not ${a.digest}`,
    );
    expect(run.main.outputs).toEqual({ verified: 'true', signatures: '1' });
  });

  it('defaults to a pull by digest and says so', async () => {
    const img = await image('p/default');
    await sign(img.ref, trusted, [img.repo]);
    const host = hostFiles({ [img.repo]: [sigstore(trusted, matchRepository)] }, attachments(img.repo));
    const run = await verify({ 'image-ref': img.ref, policy: host.policy, 'registries-d': host.registriesD });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.stdout).toContain(`pull-ref not given: evaluating the policy for a pull of ${img.ref}`);
  });
});

describe('verify-digest refuses the policy files skopeo refuses, in the same words', () => {
  const policies = [
    '{"default":[{"type":"sigstoreSigned","keypath":"/x"}]}',
    '{"default":[]}',
    '{"default":[{"type":"sigstoreSigned"}]}',
    '{"default":[{"type":"sigstoreSigned","keyPaths":[]}]}',
    '{"default":[{"type":"reject"}],"default":[{"type":"reject"}]}',
    '{"default":[{"type":"sigstoreSigned","keyPath":"/a","signedIdentity":{"type":"exactReference","dockerReference":"ghcr.io/o/i"}}]}',
    '{"transports":{"docker":{"ghcr.io/o":[{"type":"insecureAcceptAnything"}]}}}',
  ];
  // A broken sigstoreSigned stanza makes skopeo refuse the whole file, wherever it sits.
  const brokenStanzas = BROKEN_SIGSTORE_STANZAS.flatMap(([name, requirement]) => [
    {
      where: 'the pulled scope',
      name,
      text: () =>
        JSON.stringify({
          default: [{ type: 'reject' }],
          transports: { docker: { [`${reg.host}/none`]: [requirement] } },
        }),
    },
    {
      where: 'another scope',
      name,
      text: () =>
        JSON.stringify({
          default: [{ type: 'reject' }],
          transports: {
            docker: {
              [`${reg.host}/none`]: [{ type: 'insecureAcceptAnything' }],
              'elsewhere.example.com': [requirement],
            },
          },
        }),
    },
  ]);
  it.each(brokenStanzas)('$name in $where', async ({ text }) => {
    await expectRefusedAlike(text());
  });

  it.each(policies)('%s', async (text) => {
    await expectRefusedAlike(text);
  });

  async function expectRefusedAlike(text: string): Promise<void> {
    const dir = tmp('badpol-');
    const file = join(dir, 'policy.json');
    writeFileSync(file, text);
    mkdirSync(join(dir, 'registries.d'));
    // skopeo loads the policy before it contacts the registry.
    const skopeo = await runPeer('skopeo', [
      'copy',
      '--policy',
      file,
      '--src-tls-verify=false',
      `docker://${reg.host}/none:x`,
      `dir:${tmp('pull-')}`,
    ]);
    const theirs = /invalid policy in .*/.exec(unescape(skopeo.stderr))?.[0].replace(/"$/, '');
    expect(theirs).toBeDefined();
    const run = await verify({
      'image-ref': `${reg.host}/none@sha256:${'1'.repeat(64)}`,
      policy: file,
      'registries-d': join(dir, 'registries.d'),
    });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toContain(`input 'policy': ${theirs}`);
  }
});

describe('verify-digest loads the Fulcio/PKI/Rekor stanzas skopeo loads', () => {
  it.each(ACCEPTED_SIGSTORE_STANZAS)('%s, in another scope: both pass the pull', async (_name, requirement) => {
    const img = await image('stanza/ok');
    const host = hostFiles(
      { [img.repo]: [{ type: 'insecureAcceptAnything' }], 'elsewhere.example.com': [requirement] },
      attachments(img.repo),
    );
    const pulled = await skopeoPull(reg, `${img.repo}:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
    const run = await verify({
      'image-ref': img.ref,
      policy: host.policy,
      'registries-d': host.registriesD,
      'pull-ref': `${img.repo}:stable`,
    });
    expect(errorLines(run.main)).toEqual([]);
  });
});

describe('verify-digest: bad input fails naming the input, exit 1, no output', () => {
  let img: { ref: string; repo: string; digest: string };
  let host: Host;
  beforeAll(async () => {
    img = await image('bad/x');
    host = hostFiles({ [img.repo]: [{ type: 'insecureAcceptAnything' }] }, attachments(img.repo));
  });
  const brokenPolicy = () => {
    const f = join(tmp('pol-'), 'policy.json');
    writeFileSync(f, '{"default":[{"type":"sigstoreSigned","keypath":"/x"}]}');
    return f;
  };

  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'a tag instead of a digest',
      () => ({ 'image-ref': `${img.repo}:stable`, 'public-key': trusted.publicKeyPem }),
      /input 'image-ref': .*a digest is required here, not a tag/,
    ],
    [
      'no public key and no policy',
      () => ({ 'image-ref': img.ref }),
      /input 'public-key': is required unless policy or certificate-identity is given/,
    ],
    [
      'a public key that is a private key',
      () => ({ 'image-ref': img.ref, 'public-key': trusted.privateKeyPem }),
      /input 'public-key': .*PRIVATE KEY/,
    ],
    [
      'a public key path that does not exist',
      () => ({ 'image-ref': img.ref, 'public-key': '/nonexistent/cosign.pub' }),
      /input 'public-key': is neither PEM text nor a readable file/,
    ],
    [
      'an unreadable policy path',
      () => ({ 'image-ref': img.ref, policy: '/nonexistent/policy.json', 'registries-d': host.registriesD }),
      /input 'policy': open \/nonexistent\/policy.json: no such file or directory/,
    ],
    [
      'a policy containers/image refuses',
      () => ({ 'image-ref': img.ref, policy: brokenPolicy(), 'registries-d': host.registriesD }),
      /input 'policy': invalid policy in ".*policy.json": Unknown key "keypath"/,
    ],
    [
      'a policy without registries-d',
      () => ({ 'image-ref': img.ref, policy: host.policy }),
      /input 'registries-d': is required with policy[\s\S]*use-sigstore-attachments/,
    ],
    [
      'registries-d without a policy',
      () => ({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem, 'registries-d': host.registriesD }),
      /input 'registries-d': is given without policy/,
    ],
    [
      'an unknown format',
      () => ({ 'image-ref': img.ref, 'public-key': trusted.publicKeyPem, format: 'both' }),
      /input 'format': must be one of legacy, bundle, any/,
    ],
    [
      'a pull-ref with another digest',
      () => ({
        'image-ref': img.ref,
        policy: host.policy,
        'registries-d': host.registriesD,
        'pull-ref': `${img.repo}@sha256:${'0'.repeat(64)}`,
      }),
      /input 'pull-ref': names digest/,
    ],
    [
      'a pull-ref with tag and digest',
      () => ({
        'image-ref': img.ref,
        policy: host.policy,
        'registries-d': host.registriesD,
        'pull-ref': `${img.repo}:stable@${img.digest}`,
      }),
      /input 'pull-ref': .*both a tag and a digest/,
    ],
    [
      'an image that does not exist',
      () => ({ 'image-ref': `${img.repo}@sha256:${'0'.repeat(64)}`, 'public-key': trusted.publicKeyPem }),
      /does not exist in the registry/,
    ],
  ];
  it.each(cases)('%s', async (_name, inputs, message) => {
    const run = await verify(inputs());
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(message);
    expect(run.main.outputs).toEqual({});
  });

  it('a missing registries.d directory warns (containers/image treats it as empty) and the policy still decides', async () => {
    const run = await verify({
      'image-ref': img.ref,
      policy: host.policy,
      'registries-d': '/nonexistent/registries.d',
      'pull-ref': `${img.repo}:stable`,
    });
    expect(run.main.code).toBe(0);
    expect(run.main.stdout).toMatch(/::warning::registries-d \/nonexistent\/registries.d does not exist/);
    const skopeo = await runPeer(
      'skopeo',
      [
        'copy',
        '--policy',
        host.policy,
        '--registries.d',
        '/nonexistent/registries.d',
        '--src-tls-verify=false',
        `docker://${img.repo}:stable`,
        `dir:${tmp('pull-')}`,
      ],
      {
        env: reg.clientEnv,
      },
    );
    expect(skopeo.code).toBe(0);
  });
});
