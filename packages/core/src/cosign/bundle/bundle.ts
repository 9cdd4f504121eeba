/**
 * The sigstore bundle cosign 3 writes for `cosign sign --key`: a DSSE envelope around an in-toto
 * Statement v1 with predicateType https://sigstore.dev/cosign/sign/v1, attached to the image as an
 * OCI 1.1 referrer. Pure functions: the caller moves the bytes (bundle-store.ts).
 * Layout checked against what cosign 3.1 writes to distribution 2.8 (see bundle.test.ts).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { digestHex, isSha256Digest, sha256Digest } from '../../oci/digest.js';
import { EMPTY_CONFIG, MediaType } from '../../oci/media-types.js';
import type { Descriptor } from '../../oci/types.js';
import type { Signer } from '../../signer/signer.js';

export const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** Every bundle version's media type starts so; cosign matches referrers by this prefix. */
export const SIGSTORE_BUNDLE_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
export const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
export const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
const TITLE_ANNOTATION = 'org.opencontainers.image.title';

/** DSSE pre-authentication encoding; lengths are byte counts, in ASCII decimal. */
export function dssePae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** `publicKey.hint` as cosign writes it: standard base64 of sha256 over the PKIX DER key. */
export function publicKeyHint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** protojson (which cosign uses for the Struct) writes map keys sorted. */
function sortedStrings(annotations: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(annotations).sort()) {
    const v = annotations[k];
    if (typeof v !== 'string') throw new BydigestError('INVALID_ARGUMENT', `annotation ${k} must be a string`);
    out[k] = v;
  }
  return out;
}

/**
 * The statement `cosign sign` signs, byte for byte: no subject name, the `-a` annotations on the
 * subject (cosign verify prints them as "optional"), an empty predicate.
 */
export function cosignSignStatement(manifestDigest: string, annotations: Record<string, string> = {}): Buffer {
  const statement = {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ digest: { sha256: digestHex(manifestDigest) }, annotations: sortedStrings(annotations) }],
    predicateType: COSIGN_SIGN_PREDICATE_TYPE,
    predicate: {},
  };
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

export interface SignBundle {
  /** The bundle JSON, the referrer's one layer. */
  bytes: Buffer;
  digest: string;
  statement: Buffer;
  /** The key the bundle's signature verifies under. */
  publicKey: KeyObject;
}

/**
 * A v0.3 bundle with the signer's DSSE signature (SHA-256; ECDSA DER or RSA PKCS#1 v1.5) over the PAE of the statement.
 */
export async function buildSignBundle(
  signer: Signer,
  manifestDigest: string,
  annotations: Record<string, string> = {},
): Promise<SignBundle> {
  const statement = cosignSignStatement(manifestDigest, annotations);
  if (signer.signDsseBundle) {
    const { bundle, publicKey } = await signer.signDsseBundle(IN_TOTO_PAYLOAD_TYPE, statement);
    const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
    return { bytes, digest: sha256Digest(bytes), statement, publicKey };
  }
  const { signature: sig, material } = await signer.sign(dssePae(IN_TOTO_PAYLOAD_TYPE, statement));
  if (material.kind !== 'public-key') {
    throw new BydigestError(
      'SIGNATURE',
      'sigstore bundles are written for key signers only; a certificate signer writes its signature to the .sig',
      {
        hint: 'use format: legacy with this signer',
      },
    );
  }
  // Field order of the protobuf messages, as protojson writes them; no tlogEntries offline.
  const bundle = {
    mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: publicKeyHint(material.publicKey) } },
    dsseEnvelope: { payload: statement.toString('base64'), payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig }] },
  };
  const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
  return { bytes, digest: sha256Digest(bytes), statement, publicKey: material.publicKey };
}

/** RFC 3339 in whole seconds, UTC, as cosign stamps `org.opencontainers.image.created`. */
export function bundleCreatedTime(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface BundleReferrerManifest {
  bytes: Buffer;
  digest: string;
  mediaType: typeof MediaType.OciManifest;
}

/**
 * The referrer manifest: artifactType and the one layer of the bundle media type, the empty
 * config, the annotations cosign sets (they are copied into the referrers index, where tools
 * tell signatures from attestations without fetching each manifest). The layer title lets
 * `oras pull` save it under a unique name (cosign's BUNDLE_SPEC).
 */
export function bundleReferrerManifest(input: {
  subject: Descriptor;
  bundle: { digest: string; size: number };
  created: Date;
}): BundleReferrerManifest {
  const { subject, bundle } = input;
  if (!isSha256Digest(subject.digest) || !isSha256Digest(bundle.digest)) {
    throw new BydigestError('INVALID_ARGUMENT', 'a bundle referrer needs sha256 digests for its subject and bundle');
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
    config: { mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size },
    layers: [
      {
        mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE,
        digest: bundle.digest,
        size: bundle.size,
        annotations: { [TITLE_ANNOTATION]: `sha256-${digestHex(bundle.digest)}.sigstore.json` },
      },
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
      [BUNDLE_PREDICATE_TYPE_ANNOTATION]: COSIGN_SIGN_PREDICATE_TYPE,
      [CREATED_ANNOTATION]: bundleCreatedTime(input.created),
    },
  };
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return { bytes, digest: sha256Digest(bytes), mediaType: MediaType.OciManifest };
}
