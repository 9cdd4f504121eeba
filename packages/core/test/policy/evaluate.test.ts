import { beforeAll, describe, it, expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  emptyRegistriesConfig,
  evaluatePolicy,
  mergeRegistriesFiles,
  parsePolicy,
  parseReference,
  signPayload,
  workingDirectoryReader,
  type PolicyEvaluation,
  type UntrustedSignature,
} from '../../src/index.js';
import { DIGEST_A, DIGEST_B, makeTestKey, signedLayer, signedPayloadLayer, type PolicyTestKey } from './helpers.js';

let trusted: PolicyTestKey;
let other: PolicyTestKey;
beforeAll(async () => {
  [trusted, other] = await Promise.all([makeTestKey(), makeTestKey()]);
});

const REPO = 'ghcr.io/o/img';
const attachmentsOn = mergeRegistriesFiles([
  { path: 'r.yaml', text: `docker:\n  ${REPO}:\n    use-sigstore-attachments: true\n` },
]);

function evaluate(
  requirements: object[],
  signatures: UntrustedSignature[],
  opts: {
    pull?: string;
    digest?: string;
    registries?: typeof attachmentsOn;
    manifestBytes?: Buffer;
    error?: string;
  } = {},
): PolicyEvaluation {
  const policy = parsePolicy(
    JSON.stringify({ default: [{ type: 'reject' }], transports: { docker: { [REPO]: requirements } } }),
  );
  return evaluatePolicy({
    policy,
    registries: opts.registries ?? attachmentsOn,
    image: {
      reference: parseReference(opts.pull ?? `${REPO}:stable`),
      manifestDigest: opts.digest ?? DIGEST_A,
      ...(opts.manifestBytes ? { manifestBytes: opts.manifestBytes } : {}),
    },
    attachments: { signatures, ...(opts.error ? { error: opts.error } : {}) },
  });
}

const keyed = (k: PolicyTestKey, signedIdentity: object = { type: 'matchRepository' }) => ({
  type: 'sigstoreSigned',
  keyPath: k.pubFile,
  signedIdentity,
});

describe('evaluatePolicy: sigstoreSigned with real signatures', () => {
  it('accepts a cosign-style repository signature under matchRepository', () => {
    const e = evaluate([keyed(trusted)], [signedLayer(trusted.key, REPO, DIGEST_A)]);
    expect(e.allowed).toBe(true);
    expect(e.message).toBeUndefined();
    expect(e.scope.label).toBe(`transports.docker["${REPO}"]`);
    expect(e.identity).toBe(`${REPO}:stable`);
    expect(e.requirements[0]?.signatures).toEqual([
      expect.objectContaining({ accepted: true, cryptoVerified: true, keyIndex: 0, identity: REPO, digest: DIGEST_A }),
    ]);
  });

  it('wrong key: cryptographic signature verification failed', () => {
    const e = evaluate([keyed(trusted)], [signedLayer(other.key, REPO, DIGEST_A)]);
    expect(e.allowed).toBe(false);
    expect(e.message).toBe(
      'cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature',
    );
  });

  it('keyPaths: any key verifies; when none does, each failure is listed', () => {
    const both = {
      type: 'sigstoreSigned',
      keyPaths: [other.pubFile, trusted.pubFile],
      signedIdentity: { type: 'matchRepository' },
    };
    expect(evaluate([both], [signedLayer(trusted.key, REPO, DIGEST_A)]).requirements[0]?.signatures[0]?.keyIndex).toBe(
      1,
    );
    const third = { ...both, keyPaths: [other.pubFile, other.pubFile] };
    expect(evaluate([third], [signedLayer(trusted.key, REPO, DIGEST_A)]).message).toBe(
      'cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature, invalid signature when validating ASN.1 encoded signature',
    );
  });

  it('keyData (base64 PEM) and keyDatas work like key files', () => {
    const data = Buffer.from(trusted.publicKeyPem).toString('base64');
    expect(
      evaluate(
        [{ type: 'sigstoreSigned', keyData: data, signedIdentity: { type: 'matchRepository' } }],
        [signedLayer(trusted.key, REPO, DIGEST_A)],
      ).allowed,
    ).toBe(true);
    const datas = [Buffer.from(other.publicKeyPem).toString('base64'), data];
    expect(
      evaluate(
        [{ type: 'sigstoreSigned', keyDatas: datas, signedIdentity: { type: 'matchRepository' } }],
        [signedLayer(trusted.key, REPO, DIGEST_A)],
      ).allowed,
    ).toBe(true);
    const junk = Buffer.from('not a pem').toString('base64');
    expect(
      evaluate([{ type: 'sigstoreSigned', keyData: junk }], [signedLayer(trusted.key, REPO, DIGEST_A)]).message,
    ).toBe('parsing public key 1: PEM decoding failed');
  });

  it('a signature for another digest: Signature for digest … does not match', () => {
    const e = evaluate([keyed(trusted)], [signedLayer(trusted.key, REPO, DIGEST_B)]);
    expect(e.message).toBe(`Signature for digest ${DIGEST_B} does not match`);
  });

  it('a sha512 digest of the same manifest bytes matches, as manifest.MatchesDigest does', () => {
    const bytes = Buffer.from('{"schemaVersion":2}');
    const sha256 = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const sha512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`;
    const sig = signedPayloadLayer(
      trusted.key,
      Buffer.from(
        `{"critical":{"identity":{"docker-reference":"${REPO}"},"image":{"docker-manifest-digest":"${sha512}"},"type":"cosign container image signature"},"optional":null}`,
      ),
    );
    expect(evaluate([keyed(trusted)], [sig], { digest: sha256, manifestBytes: bytes }).allowed).toBe(true);
    expect(evaluate([keyed(trusted)], [sig], { digest: sha256 }).allowed).toBe(false);
  });

  it('identity: a repository-only signature is refused by the default rule, a tag signature only for its tag', () => {
    const repoOnly = evaluate(
      [keyed(trusted, { type: 'matchRepoDigestOrExact' })],
      [signedLayer(trusted.key, REPO, DIGEST_A)],
    );
    expect(repoOnly.message).toBe(`Signature for identity "${REPO}" is not accepted`);
    const tagA = signedLayer(trusted.key, `${REPO}:a`, DIGEST_A);
    expect(
      evaluate([{ type: 'sigstoreSigned', keyPath: trusted.pubFile }], [tagA], { pull: `${REPO}:a` }).allowed,
    ).toBe(true);
    expect(
      evaluate([{ type: 'sigstoreSigned', keyPath: trusted.pubFile }], [tagA], { pull: `${REPO}:b` }).message,
    ).toBe(`Signature for identity "${REPO}:a" is not accepted`);
    expect(evaluate([keyed(trusted, { type: 'matchExact' })], [tagA], { pull: `${REPO}@${DIGEST_A}` }).message).toBe(
      `Signature for identity "${REPO}:a" is not accepted`,
    );
    expect(
      evaluate([keyed(trusted, { type: 'exactRepository', dockerRepository: 'ghcr.io/o/elsewhere' })], [tagA]).message,
    ).toBe(`Signature for identity "${REPO}:a" is not accepted`);
  });

  it('a name-only pull is judged as :latest', () => {
    const latest = signedLayer(trusted.key, `${REPO}:latest`, DIGEST_A);
    const e = evaluate([{ type: 'sigstoreSigned', keyPath: trusted.pubFile }], [latest], { pull: REPO });
    expect(e.identity).toBe(`${REPO}:latest`);
    expect(e.allowed).toBe(true);
  });

  it('one valid signature among rejected ones is enough; several rejections are summed up', () => {
    const good = signedLayer(trusted.key, REPO, DIGEST_A);
    const bad = signedLayer(other.key, REPO, DIGEST_A);
    const wrongDigest = signedLayer(trusted.key, REPO, DIGEST_B);
    expect(evaluate([keyed(trusted)], [bad, good]).allowed).toBe(true);
    expect(evaluate([keyed(trusted)], [bad, wrongDigest]).message).toBe(
      `None of the signatures were accepted, reasons: cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature; Signature for digest ${DIGEST_B} does not match`,
    );
  });

  it('no signature, and attachments that are not signatures', () => {
    expect(evaluate([keyed(trusted)], []).message).toBe('A signature was required, but no signature exists');
    const sbom: UntrustedSignature = { layerDigest: DIGEST_B, mediaType: 'text/plain', annotations: {} };
    expect(evaluate([keyed(trusted)], [sbom]).message).toBe(
      'A signature was required, but no signature exists (0 non-sigstore signatures, 1 sigstore non-signature attachments)',
    );
  });

  it('use-sigstore-attachments off: signatures are never read', () => {
    const sig = signedLayer(trusted.key, REPO, DIGEST_A);
    for (const registries of [
      emptyRegistriesConfig(),
      mergeRegistriesFiles([{ path: 'r.yaml', text: `docker:\n  ghcr.io:\n    use-sigstore-attachments: false\n` }]),
    ]) {
      const e = evaluate([keyed(trusted)], [sig], { registries });
      expect(e.message).toBe('A signature was required, but no signature exists');
      expect(e.ignoredSignatures).toBe(1);
      expect(e.attachments.enabled).toBe(false);
    }
  });

  it('signature layer defects, in containers/image order', () => {
    const sig = signedLayer(trusted.key, REPO, DIGEST_A);
    expect(evaluate([keyed(trusted)], [{ ...sig, annotations: {} }]).message).toBe(
      'missing dev.cosignproject.cosign/signature annotation',
    );
    expect(
      evaluate([keyed(trusted)], [{ ...sig, annotations: { 'dev.cosignproject.cosign/signature': 'abc' } }]).message,
    ).toBe('base64 decoding: illegal base64 data at input byte 0');
    const payload = Buffer.from('{"critical":{},"optional":null}');
    const weird = {
      ...sig,
      payload,
      annotations: { 'dev.cosignproject.cosign/signature': signPayload(trusted.key, payload) },
    };
    expect(evaluate([keyed(trusted)], [weird]).message).toBe('Key "type" missing in a JSON object');
  });

  it('key files are read per signature, relative to the working directory', () => {
    const sig = signedLayer(trusted.key, REPO, DIGEST_A);
    const missing = {
      type: 'sigstoreSigned',
      keyPath: '/nonexistent/ublue-os.pub',
      signedIdentity: { type: 'matchRepository' },
    };
    expect(evaluate([missing], [sig]).message).toBe('open /nonexistent/ublue-os.pub: no such file or directory');
    // With no signature the key file is never opened.
    expect(evaluate([missing], []).message).toBe('A signature was required, but no signature exists');
    const dir = mkdtempSync(join(tmpdir(), 'cwd-'));
    writeFileSync(join(dir, 'rel.pub'), trusted.publicKeyPem);
    const policy = parsePolicy(
      JSON.stringify({
        default: [{ type: 'sigstoreSigned', keyPath: 'rel.pub', signedIdentity: { type: 'matchRepository' } }],
      }),
    );
    const input = {
      policy,
      registries: attachmentsOn,
      image: { reference: parseReference(`${REPO}:x`), manifestDigest: DIGEST_A },
      attachments: { signatures: [sig] },
    };
    expect(evaluatePolicy({ ...input, readKeyFile: workingDirectoryReader(dir) }).allowed).toBe(true);
    expect(evaluatePolicy({ ...input, readKeyFile: workingDirectoryReader(tmpdir()) }).message).toBe(
      'open rel.pub: no such file or directory',
    );
  });

  it('a .sig containers/image cannot read fails the sigstoreSigned requirement with that error', () => {
    const e = evaluate([keyed(trusted)], [], { error: 'unexpected MIME type for sigstore attachment manifest x: "y"' });
    expect(e.message).toBe('unexpected MIME type for sigstore attachment manifest x: "y"');
  });
});

describe('evaluatePolicy: other requirements and scopes', () => {
  it('reject names the image as containers/image prints it', () => {
    expect(evaluate([{ type: 'reject' }], []).message).toBe(
      `Running image docker://${REPO}:stable is rejected by policy.`,
    );
    const policy = parsePolicy('{"default":[{"type":"reject"}]}');
    const e = evaluatePolicy({
      policy,
      registries: emptyRegistriesConfig(),
      image: { reference: parseReference('busybox:1'), manifestDigest: DIGEST_A },
      attachments: { signatures: [] },
    });
    expect(e.message).toBe('Running image docker://busybox:1 is rejected by policy.');
    expect(e.scope.label).toBe('default');
  });

  it('insecureAcceptAnything accepts without signatures', () => {
    const e = evaluate([{ type: 'insecureAcceptAnything' }], []);
    expect(e.allowed).toBe(true);
  });

  it('every requirement must allow; the first refusal is reported and the rest is not evaluated', () => {
    const sig = signedLayer(trusted.key, REPO, DIGEST_A);
    const e = evaluate([{ type: 'insecureAcceptAnything' }, keyed(other), keyed(trusted)], [sig]);
    expect(e.allowed).toBe(false);
    expect(e.message).toMatch(/^cryptographic signature verification failed/);
    expect(e.requirements.map((r) => r.evaluated)).toEqual([true, true, false]);
    expect(evaluate([keyed(trusted), keyed(trusted, { type: 'matchRepoDigestOrExact' })], [sig]).message).toBe(
      `Signature for identity "${REPO}" is not accepted`,
    );
  });

  it('refuses to guess for requirements it cannot evaluate', () => {
    expect(() => evaluate([{ type: 'signedBy', keyType: 'GPGKeys', keyPath: '/k' }], [])).toThrow(/cannot evaluate/);
    expect(() =>
      evaluate([{ type: 'sigstoreSigned', keyPath: trusted.pubFile, rekorPublicKeyPath: '/r.pub' }], []),
    ).toThrow(/Rekor/);
  });
});
