import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, sign } from 'node:crypto';
import {
  buildSignBundle,
  KeySigner,
  bundleCreatedTime,
  bundleReferrerManifest,
  checkSignBundle,
  cosignSignStatement,
  dssePae,
  loadPublicKey,
  publicKeyHint,
  sha256Digest,
  signingKeyFromKeyObject,
  type SigningKey,
} from '../../src/index.js';

/**
 * Golden data: what cosign 3.1 wrote to distribution 2.8.2 for
 * `cosign sign --key cosign.key --use-signing-config=false --tlog-upload=false [-a foo=bar -a org=x]`
 * (a key from `cosign generate-key-pair`), read back with `crane manifest` / `crane blob`.
 */
const COSIGN_PUB = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETR1Z+hV9iTvBFt8OxoFIE4WoMHos
5KdjTzKJPyI67+50a7UOZjev8Xud3eEJ6qy/VTlOs7WZSsfMMDBIMH7Kcg==
-----END PUBLIC KEY-----
`;
const SIGNED_DIGEST = 'sha256:aeee1dbd2e2d74d6b494293dcede9fd41cd0a330c1dc9a18f8290e0e09979506';
const COSIGN_BUNDLE =
  '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"FwztsxIj5zvZ0jf6MLs3Mc5rNexjGvUbFUyeQeuFH/4="}},"dsseEnvelope":{"payload":"eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEiLCJzdWJqZWN0IjpbeyJkaWdlc3QiOnsic2hhMjU2IjoiYWVlZTFkYmQyZTJkNzRkNmI0OTQyOTNkY2VkZTlmZDQxY2QwYTMzMGMxZGM5YTE4ZjgyOTBlMGUwOTk3OTUwNiJ9LCJhbm5vdGF0aW9ucyI6e319XSwicHJlZGljYXRlVHlwZSI6Imh0dHBzOi8vc2lnc3RvcmUuZGV2L2Nvc2lnbi9zaWduL3YxIiwicHJlZGljYXRlIjp7fX0=","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"MEUCIQDBUbZ8u8i1T5/TzJPNdFzGLuGYgzNcA8Cv+ku9dCrsxAIgJoe4huIYxd3GdJytIAwqSqLsj+y9237/KqTE8Z6PGzU="}]}}';
const COSIGN_BUNDLE_ANNOTATED =
  '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"FwztsxIj5zvZ0jf6MLs3Mc5rNexjGvUbFUyeQeuFH/4="}},"dsseEnvelope":{"payload":"eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEiLCJzdWJqZWN0IjpbeyJkaWdlc3QiOnsic2hhMjU2IjoiYWVlZTFkYmQyZTJkNzRkNmI0OTQyOTNkY2VkZTlmZDQxY2QwYTMzMGMxZGM5YTE4ZjgyOTBlMGUwOTk3OTUwNiJ9LCJhbm5vdGF0aW9ucyI6eyJmb28iOiJiYXIiLCJvcmciOiJ4In19XSwicHJlZGljYXRlVHlwZSI6Imh0dHBzOi8vc2lnc3RvcmUuZGV2L2Nvc2lnbi9zaWduL3YxIiwicHJlZGljYXRlIjp7fX0=","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"MEYCIQDMajmcff6kFRSFRHLhfAfSDNGLb/EbuTWP69JjDaOt/gIhAOVov4ZX3FJMcVKzwwBdmclCbztYYPOXkfIDNCGdSrA+"}]}}';
/** The referrer manifest cosign 3.1 pushed for COSIGN_BUNDLE. */
const COSIGN_MANIFEST =
  '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.empty.v1+json","size":2,"digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"},"layers":[{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","size":659,"digest":"sha256:782886bf63df8be1af9f76d1b77439cdec7f2e8e6172f455050f39396cff6a30"}],"annotations":{"dev.sigstore.bundle.content":"dsse-envelope","dev.sigstore.bundle.predicateType":"https://sigstore.dev/cosign/sign/v1","org.opencontainers.image.created":"2026-11-26T05:58:00Z"},"subject":{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":423,"digest":"sha256:aeee1dbd2e2d74d6b494293dcede9fd41cd0a330c1dc9a18f8290e0e09979506"},"artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"}';

const OTHER_DIGEST = `sha256:${'ab'.repeat(32)}`;
const newKey = (): SigningKey => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
const payloadOf = (bundle: string) =>
  Buffer.from((JSON.parse(bundle) as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload, 'base64');

/** Rewrites a bundle's envelope and signs it anew, for statements cosign would never write. */
function resign(
  key: SigningKey,
  statement: object | Buffer,
  tweak: (b: Record<string, any>) => void = () => undefined,
): Buffer {
  const payload = Buffer.isBuffer(statement) ? statement : Buffer.from(JSON.stringify(statement));
  const sig = sign('sha256', dssePae('application/vnd.in-toto+json', payload), {
    key: key.privateKey,
    dsaEncoding: 'der',
  }).toString('base64');
  const b: Record<string, any> = {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: publicKeyHint(key.publicKey) } },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig }],
    },
  };
  tweak(b);
  return Buffer.from(JSON.stringify(b));
}

describe('DSSE PAE', () => {
  it('matches the DSSE spec test vector', () => {
    expect(dssePae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });
  it('counts bytes, not characters', () => {
    expect(dssePae('t', Buffer.from('é')).toString()).toBe('DSSEv1 1 t 2 é');
  });
});

describe('bundles cosign 3.1 wrote', () => {
  const pub = loadPublicKey(COSIGN_PUB);

  it('verify with the cosign public key, for the signed digest', () => {
    const check = checkSignBundle(Buffer.from(COSIGN_BUNDLE), SIGNED_DIGEST, [pub]);
    expect(check).toMatchObject({ valid: true, keyIndex: 0 });
    expect(
      checkSignBundle(Buffer.from(COSIGN_BUNDLE_ANNOTATED), SIGNED_DIGEST, [newKey().publicKey, pub]),
    ).toMatchObject({ valid: true, keyIndex: 1 });
  });

  it('are rejected with another key, naming the signature failure', () => {
    const check = checkSignBundle(Buffer.from(COSIGN_BUNDLE), SIGNED_DIGEST, [newKey().publicKey]);
    expect(check.valid).toBe(false);
    expect(check).toMatchObject({
      reason: expect.stringMatching(/^DSSE signature: cryptographic signature verification failed/),
    });
    expect(check.keyIndex).toBeUndefined();
  });

  it('are rejected for another digest, after the signature verified', () => {
    const check = checkSignBundle(Buffer.from(COSIGN_BUNDLE), OTHER_DIGEST, [pub]);
    expect(check).toMatchObject({
      valid: false,
      keyIndex: 0,
      reason: `the statement is for ${SIGNED_DIGEST}, not ${OTHER_DIGEST}`,
    });
  });

  it('carry our exact statement bytes and key hint', () => {
    expect(cosignSignStatement(SIGNED_DIGEST).equals(payloadOf(COSIGN_BUNDLE))).toBe(true);
    // -a foo=bar -a org=x, given in another order: keys come out sorted, as protojson writes them.
    expect(
      cosignSignStatement(SIGNED_DIGEST, { org: 'x', foo: 'bar' }).equals(payloadOf(COSIGN_BUNDLE_ANNOTATED)),
    ).toBe(true);
    expect(publicKeyHint(pub)).toBe('FwztsxIj5zvZ0jf6MLs3Mc5rNexjGvUbFUyeQeuFH/4=');
  });
});

describe('buildSignBundle', () => {
  const key = newKey();

  it('has the layout of a cosign 3.1 bundle, and verifies', async () => {
    const b = await buildSignBundle(new KeySigner(key), SIGNED_DIGEST);
    const shape = (s: string) => {
      const j = JSON.parse(s) as Record<string, any>;
      j.verificationMaterial.publicKey.hint = 'H';
      j.dsseEnvelope.signatures[0].sig = 'S';
      return JSON.stringify(j);
    };
    // Same members in the same order; same payload; only the key-dependent values differ.
    expect(shape(b.bytes.toString())).toBe(shape(COSIGN_BUNDLE));
    expect(b.digest).toBe(sha256Digest(b.bytes));
    expect(checkSignBundle(b.bytes, SIGNED_DIGEST, [key.publicKey])).toMatchObject({
      valid: true,
      keyIndex: 0,
      statement: { predicateType: 'https://sigstore.dev/cosign/sign/v1' },
    });
  });

  it('puts annotations on the statement subject', async () => {
    const b = await buildSignBundle(new KeySigner(key), SIGNED_DIGEST, { 'org.example/run': '42' });
    const check = checkSignBundle(b.bytes, SIGNED_DIGEST, [key.publicKey]);
    expect(check.valid && check.statement.subjects[0]?.annotations).toEqual({ 'org.example/run': '42' });
  });
});

describe('checkSignBundle rejects', () => {
  const key = newKey();
  const statement = (over: Record<string, unknown> = {}) => ({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ digest: { sha256: SIGNED_DIGEST.slice(7) } }],
    predicateType: 'https://sigstore.dev/cosign/sign/v1',
    predicate: {},
    ...over,
  });
  const reason = (bytes: Buffer, digest = SIGNED_DIGEST) => {
    const c = checkSignBundle(bytes, digest, [key.publicKey]);
    return c.valid ? 'valid' : c.reason;
  };

  it('accepts a hand-made bundle with a named subject and upper-case hex (sigstore-go compares bytes)', () => {
    expect(
      reason(
        resign(key, statement({ subject: [{ name: 'x', digest: { sha256: SIGNED_DIGEST.slice(7).toUpperCase() } }] })),
      ),
    ).toBe('valid');
  });

  it('an attestation of the same key and digest', () => {
    expect(reason(resign(key, statement({ predicateType: 'https://slsa.dev/provenance/v1' })))).toMatch(
      /is an attestation, not a cosign signature/,
    );
  });

  it('a statement whose subject has no sha256', () => {
    expect(reason(resign(key, statement({ subject: [{ digest: { sha512: 'aa' } }] })))).toBe(
      `the statement is for sha512, not ${SIGNED_DIGEST}`,
    );
  });

  it('a payload that is not an in-toto statement', () => {
    expect(reason(resign(key, { critical: {} }))).toMatch(/not an in-toto statement/);
    expect(reason(resign(key, Buffer.from('{"_type":"https://in-toto.io/Statement/v1","_type":"x"}')))).toMatch(
      /duplicate "_type"/,
    );
  });

  it('two signatures, as sigstore-go does', () => {
    const b = resign(key, statement(), (j) => j.dsseEnvelope.signatures.push(j.dsseEnvelope.signatures[0]));
    expect(reason(b)).toBe('the DSSE envelope has 2 signatures; a sigstore bundle carries exactly one');
  });

  it('a tampered payload or payloadType', () => {
    const good = resign(key, statement());
    const j = JSON.parse(good.toString()) as Record<string, any>;
    j.dsseEnvelope.payload = Buffer.from(
      JSON.stringify(statement({ subject: [{ digest: { sha256: OTHER_DIGEST.slice(7) } }] })),
    ).toString('base64');
    expect(reason(Buffer.from(JSON.stringify(j)), OTHER_DIGEST)).toMatch(
      /^DSSE signature: cryptographic signature verification failed/,
    );
    const k = JSON.parse(good.toString()) as Record<string, any>;
    k.dsseEnvelope.payloadType = 'application/json';
    expect(reason(Buffer.from(JSON.stringify(k)))).toBe(
      'DSSE payloadType is "application/json", expected application/vnd.in-toto+json',
    );
  });

  it('keyless, message-signature, duplicate-member and unknown-version bundles', () => {
    expect(
      reason(resign(key, statement(), (j) => (j.verificationMaterial = { certificate: { rawBytes: 'AA==' } }))),
    ).toMatch(/keyless/);
    expect(reason(resign(key, statement(), (j) => ((j.messageSignature = {}), delete j.dsseEnvelope)))).toMatch(
      /message signature/,
    );
    expect(
      reason(resign(key, statement(), (j) => (j.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1'))),
    ).toMatch(/unsupported bundle mediaType/);
    const dup = resign(key, statement()).toString().replace('{"mediaType"', '{"dsseEnvelope":{},"mediaType"');
    expect(reason(Buffer.from(dup))).toBe('the bundle has a duplicate "dsseEnvelope" member');
    expect(reason(Buffer.from('not json'))).toMatch(/^the bundle is not JSON/);
  });
});

describe('bundleReferrerManifest', () => {
  it("is cosign 3.1's manifest in OCI field order, with the layer title of BUNDLE_SPEC", () => {
    const created = new Date('2026-11-26T05:58:00.123Z');
    const m = bundleReferrerManifest({
      subject: { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: 423, digest: SIGNED_DIGEST },
      bundle: { digest: 'sha256:782886bf63df8be1af9f76d1b77439cdec7f2e8e6172f455050f39396cff6a30', size: 659 },
      created,
    });
    const ours = JSON.parse(m.bytes.toString()) as Record<string, any>;
    const theirs = JSON.parse(COSIGN_MANIFEST) as Record<string, any>;
    expect(m.digest).toBe(sha256Digest(m.bytes));
    expect(Object.keys(ours)).toEqual([
      'schemaVersion',
      'mediaType',
      'artifactType',
      'config',
      'layers',
      'subject',
      'annotations',
    ]);
    expect(ours.annotations).toEqual(theirs.annotations);
    expect(ours.subject).toEqual(theirs.subject);
    expect(ours.artifactType).toBe(theirs.artifactType);
    // go-containerregistry also copies artifactType into the config descriptor; it means nothing there.
    const { artifactType: _unused, ...theirConfig } = theirs.config as Record<string, unknown>;
    expect(ours.config).toEqual(theirConfig);
    expect(ours.layers).toEqual([
      {
        ...theirs.layers[0],
        annotations: {
          'org.opencontainers.image.title':
            'sha256-782886bf63df8be1af9f76d1b77439cdec7f2e8e6172f455050f39396cff6a30.sigstore.json',
        },
      },
    ]);
    expect(bundleCreatedTime(created)).toBe('2026-11-26T05:58:00Z');
  });
});
