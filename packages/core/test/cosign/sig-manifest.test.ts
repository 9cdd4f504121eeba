import { describe, it, expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  appendSignatureLayer,
  buildSigManifest,
  decryptCosignKey,
  loadPublicKey,
  parseSigManifest,
  sigConfigBytes,
  signatureLayer,
  signatureTag,
  signPayload,
  simpleSigningPayload,
  verifyPayload,
} from '../../src/index.js';
import { fixtureBytes, fixtureText } from './fixtures.js';

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const payload0 = fixtureBytes('registry-legacy-sig/v1.sig.layer0.payload.json');
const payload1 = fixtureBytes('registry-legacy-sig/v1.sig.layer1.payload.json');
const sig0 = fixtureText('registry-legacy-sig/v1.sig.layer0.signature.b64').trim();
const sig1 = fixtureText('registry-legacy-sig/v1.sig.layer1.signature.b64').trim();
const v1Manifest = fixtureBytes('registry-legacy-sig/v1.sig.manifest.json');
const v1Config = fixtureBytes('registry-legacy-sig/v1.sig.config.json');
const v2Manifest = fixtureBytes('registry-legacy-sig/v2.sig.manifest.json');
const cosign25Pub = loadPublicKey(fixtureText('cosign-2.5.0-keys/cosign.pub'));
const plainPub = loadPublicKey(fixtureText('node-encrypted-keys/plain.pub'));

describe('signatureTag', () => {
  it('is sha256-<hex>.sig of the signed manifest', () => {
    expect(signatureTag(sha256(fixtureBytes('registry-legacy-sig/image-v1.manifest.json')))).toBe(
      'sha256-65855d7eaf01d6d664dfafe2cd651fd2cae08a09f7b9e259d960e7b5a4cdd925.sig',
    );
  });
  it('refuses anything but a sha256 digest', () => {
    expect(() => signatureTag('latest')).toThrow(/sha256:<64 lower-case hex>/);
    expect(() => signatureTag(`sha512:${'a'.repeat(128)}`)).toThrow(/sha256/);
  });
});

describe('byte-for-byte with the .sig cosign 2.5.0 pushed', () => {
  it('the fixture is self-consistent (layer 0 by cosign-2.5.0-keys, layer 1 by node-encrypted-keys)', () => {
    expect(verifyPayload(cosign25Pub, payload0, sig0)).toBe(true);
    expect(verifyPayload(plainPub, payload1, sig1)).toBe(true);
  });

  it('buildSigManifest reproduces manifest and config', () => {
    const parts = buildSigManifest([signatureLayer(payload0, sig0), signatureLayer(payload1, sig1)]);
    expect(parts.configBytes.toString()).toBe(v1Config.toString());
    expect(parts.manifestBytes.toString()).toBe(v1Manifest.toString());
    expect(parts.config).toEqual({
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: 342,
      digest: sha256(v1Config),
    });
  });

  it('appending layer 0 then layer 1 to nothing gives the same bytes', () => {
    const first = appendSignatureLayer(undefined, signatureLayer(payload0, sig0), {
      payload: payload0,
      publicKey: cosign25Pub,
    });
    if (first.status !== 'appended') throw new Error(first.status);
    const second = appendSignatureLayer(first.manifestBytes, signatureLayer(payload1, sig1), {
      payload: payload1,
      publicKey: plainPub,
    });
    if (second.status !== 'appended') throw new Error(second.status);
    expect(second.manifestBytes.equals(v1Manifest)).toBe(true);
    expect(second.configBytes.equals(v1Config)).toBe(true);
  });

  it('the one-layer v2 .sig: config digest and size, and a parse/rebuild round trip', () => {
    const parsed = parseSigManifest(v2Manifest);
    const layer = parsed.layers[0];
    if (!layer) throw new Error('no layer');
    const config = sigConfigBytes([layer]);
    expect(config.length).toBe(parsed.config.size);
    expect(sha256(config)).toBe(parsed.config.digest);
    expect(
      buildSigManifest(
        parsed.layers.map(({ mediaType, size, digest, annotations }) => ({ mediaType, size, digest, annotations })),
      ).manifestBytes.equals(v2Manifest),
    ).toBe(true);
  });
});

describe('parseSigManifest', () => {
  it('lists layers with their annotations and signatures', () => {
    const parsed = parseSigManifest(v1Manifest);
    expect(parsed.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(parsed.config.digest).toBe(sha256(v1Config));
    expect(parsed.layers).toHaveLength(2);
    expect(parsed.layers[0]).toMatchObject({
      digest: sha256(payload0),
      size: payload0.length,
      signature: sig0,
      isSimpleSigning: true,
    });
    expect(parsed.layers[1]?.signature).toBe(sig1);
  });

  it('keeps a Docker media type visible so verifiers can reject it', () => {
    const docker = v1Manifest
      .toString()
      .replace('application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json');
    expect(parseSigManifest(Buffer.from(docker)).mediaType).toBe(
      'application/vnd.docker.distribution.manifest.v2+json',
    );
  });

  for (const [what, bytes, message] of [
    ['not JSON', '{', /not JSON/],
    [
      'an index',
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}',
      /not an image manifest/,
    ],
    ['schemaVersion 1', '{"schemaVersion":1,"layers":[]}', /schemaVersion is 1/],
    ['no layers', '{"schemaVersion":2,"config":{}}', /"layers" is missing/],
    [
      'a layer without digest',
      '{"schemaVersion":2,"config":{"mediaType":"a","size":1,"digest":"sha256:aa"},"layers":[{"mediaType":"a","size":1}]}',
      /layers\[0\]\.digest/,
    ],
    [
      'a non-string annotation',
      '{"schemaVersion":2,"config":{"mediaType":"a","size":1,"digest":"sha256:aa"},"layers":[{"mediaType":"a","size":1,"digest":"sha256:aa","annotations":{"x":1}}]}',
      /annotations is not a map of strings/,
    ],
  ] as const) {
    it(`rejects ${what}`, () => {
      expect(() => parseSigManifest(Buffer.from(bytes))).toThrow(message);
    });
  }
});

describe('appendSignatureLayer', () => {
  it('skips a payload the same key already signed, even with a different (randomised) signature', async () => {
    const key = await decryptCosignKey(fixtureText('cosign-2.5.0-keys/cosign.key.password-test'), 'test');
    const fresh = signPayload(key, payload0);
    expect(fresh).not.toBe(sig0);
    const res = appendSignatureLayer(v1Manifest, signatureLayer(payload0, fresh), {
      payload: payload0,
      publicKey: key.publicKey,
    });
    expect(res).toEqual({ status: 'already-present', layerIndex: 0 });
  });

  it('appends when the same payload was signed by another key', async () => {
    const key = await decryptCosignKey(fixtureText('cosign-2.5.0-keys/cosign.key.password-test'), 'test');
    const sig = signPayload(key, payload1);
    const res = appendSignatureLayer(v1Manifest, signatureLayer(payload1, sig), {
      payload: payload1,
      publicKey: key.publicKey,
    });
    if (res.status !== 'appended') throw new Error(res.status);
    const parsed = parseSigManifest(res.manifestBytes);
    expect(parsed.layers.map((l) => l.signature)).toEqual([sig0, sig1, sig]);
    // The earlier layers are kept byte-for-byte.
    expect(res.manifestBytes.toString()).toContain(
      v1Manifest.toString().slice(v1Manifest.indexOf('"layers":[') + 10, -2),
    );
    expect(JSON.parse(res.configBytes.toString()).rootfs.diff_ids).toEqual([
      sha256(payload0),
      sha256(payload1),
      sha256(payload1),
    ]);
    expect(JSON.parse(res.configBytes.toString()).history).toHaveLength(3);
    expect(res.config.digest).toBe(sha256(res.configBytes));
  });

  it('appends a signature over a new payload', async () => {
    const key = await decryptCosignKey(fixtureText('cosign-2.5.0-keys/cosign.key.password-test'), 'test');
    const payload = simpleSigningPayload({
      dockerReference: '127.0.0.1:5055/test/app',
      manifestDigest: sha256(Buffer.from('other')),
    });
    const res = appendSignatureLayer(v1Manifest, signatureLayer(payload, signPayload(key, payload)), {
      payload,
      publicKey: key.publicKey,
    });
    expect(res.status).toBe('appended');
  });

  it('a layer with an extra annotation the existing one lacks is not a duplicate (as in cosign)', () => {
    const layer = signatureLayer(payload0, sig0, { 'dev.sigstore.cosign/bundle': '{}' });
    expect(layer.annotations).toEqual({
      'dev.sigstore.cosign/bundle': '{}',
      'dev.cosignproject.cosign/signature': sig0,
    });
    const res = appendSignatureLayer(v1Manifest, layer, { payload: payload0, publicKey: cosign25Pub });
    if (res.status !== 'appended') throw new Error(res.status);
    // Go sorts annotation keys: cosignproject before sigstore.
    expect(res.manifestBytes.toString()).toContain(
      `"annotations":{"dev.cosignproject.cosign/signature":"${sig0}","dev.sigstore.cosign/bundle":"{}"}`,
    );
  });

  it('rewrites a Docker v2 .sig as OCI, the only kind containers/image reads', () => {
    const docker = Buffer.from(
      v1Manifest
        .toString()
        .replace('application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'),
    );
    const payload = simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: sha256(Buffer.from('x')) });
    const res = appendSignatureLayer(docker, signatureLayer(payload, sig0), { payload, publicKey: cosign25Pub });
    if (res.status !== 'appended') throw new Error(res.status);
    expect(parseSigManifest(res.manifestBytes).mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
  });

  it('refuses a payload that is not the layer’s', () => {
    expect(() =>
      appendSignatureLayer(undefined, signatureLayer(payload0, sig0), { payload: payload1, publicKey: cosign25Pub }),
    ).toThrow(/does not match/);
  });
});
