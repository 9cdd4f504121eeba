import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type TrustMaterial,
  type VerificationPolicy,
} from '@sigstore/verify';
import {
  BUNDLE_ANNOTATION,
  CERTIFICATE_ANNOTATION,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from '../constants.js';
import { parseSimpleSigningPayload } from '../legacy/payload.js';
import type { SigstoreAttachments, SignatureAttachment } from '../legacy/signature-store.js';
import { BydigestError } from '../../errors.js';
import { certificateIdentity } from '../../signer/certificate-identity.js';

/** What cosign's --certificate-identity[-regexp] and --certificate-oidc-issuer require. */
export interface CertificateMatch {
  identity?: string;
  /** Unanchored, like cosign's (Go's MatchString): anchor it with ^…$ to match whole identities. */
  identityRegexp?: string;
  issuer: string;
  /** The certificate's Source Repository URI must be this (https://github.com/OWNER/REPO): tells the callers of one reusable workflow apart. */
  sourceRepository?: string;
}

/** Why the certificate's source repository is not the one required; undefined when it is (or none is required). */
function sourceRepositoryMismatch(match: CertificateMatch, actual: string | undefined): string | undefined {
  if (match.sourceRepository === undefined || actual === match.sourceRepository) return undefined;
  return actual === undefined
    ? `the certificate has no source repository extension; expected ${match.sourceRepository}`
    : `the certificate's source repository is ${actual}, not ${match.sourceRepository}`;
}

/** A Sigstore trust root (Fulcio CAs, Rekor and CT log keys), ready to verify with. */
export interface KeylessTrust {
  material: TrustMaterial;
  /** Where it came from, for messages. */
  source: string;
}

/** Reads a trusted_root.json (what `cosign trusted-root create` writes and TUF distributes). */
export function keylessTrustFromJson(json: string, source: string): KeylessTrust {
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(JSON.parse(json));
  } catch (e) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${source} is not a Sigstore trusted_root.json: ${(e as Error).message}`,
      {
        hint: 'pass the file `cosign trusted-root create` writes, or the public-good one from the Sigstore TUF repository',
        cause: e,
      },
    );
  }
  if (root.certificateAuthorities.length === 0)
    throw new BydigestError('INVALID_ARGUMENT', `${source} lists no certificate authority`, {
      hint: 'a trusted root for keyless signatures needs the Fulcio CA',
    });
  return { material: toTrustMaterial(root), source };
}

/** The verdict on one keyless layer; `identity` and `issuer` are set once the certificate is trusted. */
export interface KeylessVerdict {
  layerDigest: string;
  valid: boolean;
  identity?: string;
  issuer?: string;
  logIndex?: number;
  reason?: string;
}

export interface KeylessVerification {
  signatureRef: string;
  /** Every layer with a certificate; key-signed layers are not judged here. */
  verdicts: KeylessVerdict[];
  valid: KeylessVerdict[];
}

/**
 * Verifies the keyless layers of a `.sig` as cosign does: the certificate chains to a Fulcio CA of
 * the trust root at the Rekor entry's time, the signed entry timestamp is Rekor's, the entry is
 * this signature's, the signature verifies, the payload names `digest`, and the certificate's
 * identity and issuer match. The layer is checked as the sigstore bundle it amounts to, through
 * @sigstore/verify, so `.sig` layers and bundles are judged by the same code.
 */
export function verifyKeylessAttachments(
  fetched: SigstoreAttachments,
  digest: string,
  trust: KeylessTrust,
  match: CertificateMatch,
): KeylessVerification {
  const layers = fetched.layers.filter(
    (l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE && l.annotations[CERTIFICATE_ANNOTATION] !== undefined,
  );
  const verdicts = layers.map((l) => verifyKeylessLayer(l, digest, trust, match));
  return { signatureRef: fetched.signatureRef, verdicts, valid: verdicts.filter((v) => v.valid) };
}

function verifyKeylessLayer(
  layer: SignatureAttachment,
  digest: string,
  trust: KeylessTrust,
  match: CertificateMatch,
): KeylessVerdict {
  const verdict: KeylessVerdict = { layerDigest: layer.layerDigest, valid: false };
  const payload = layer.payload;
  if (!payload) return { ...verdict, reason: layer.unreadable ?? 'payload blob could not be read' };
  let sourceRepository: string | undefined;
  try {
    const id = certificateIdentity(layer.annotations[CERTIFICATE_ANNOTATION]!);
    Object.assign(verdict, { identity: id.identity, ...(id.issuer === undefined ? {} : { issuer: id.issuer }) });
    sourceRepository = id.sourceRepository;
  } catch (e) {
    return { ...verdict, reason: (e as Error).message };
  }
  const failed = checkKeylessLayer(layer, payload, trust, {
    subjectAlternativeName: match.identityRegexp !== undefined ? new RegExp(match.identityRegexp) : match.identity!,
    extensions: { issuer: match.issuer },
  });
  if (failed) return { ...verdict, reason: failed };
  const otherSource = sourceRepositoryMismatch(match, sourceRepository);
  if (otherSource) return { ...verdict, reason: otherSource };
  try {
    const parsed = parseSimpleSigningPayload(payload);
    if (parsed.manifestDigest !== digest)
      return { ...verdict, reason: `Signature for digest ${parsed.manifestDigest} does not match` };
  } catch (e) {
    return { ...verdict, reason: (e as Error).message };
  }
  const set = JSON.parse(layer.annotations[BUNDLE_ANNOTATION]!) as { Payload: { logIndex: number } };
  return { ...verdict, valid: true, logIndex: set.Payload.logIndex };
}

/**
 * Checks a keyless layer's certificate chain (at the Rekor entry's time), Rekor SET, entry and
 * signature against `trust`, and the certificate against `policy`: undefined when all hold, else
 * why not. `ctlogThreshold: 0` skips the SCT, as containers/image does.
 */
export function checkKeylessLayer(
  layer: SignatureAttachment,
  payload: Buffer,
  trust: KeylessTrust,
  policy: VerificationPolicy,
  opts: { ctlogThreshold?: number } = {},
): string | undefined {
  let bundle: Bundle;
  try {
    bundle = layerAsBundle(layer, payload);
  } catch (e) {
    return (e as Error).message;
  }
  try {
    new Verifier(trust.material, { tlogThreshold: 1, ctlogThreshold: opts.ctlogThreshold ?? 1 }).verify(
      toSignedEntity(bundle, payload),
      policy,
    );
  } catch (e) {
    return `${(e as Error).message} (trust root ${trust.source})`;
  }
  return undefined;
}

/** A trust root made of CA certificates and Rekor keys (a containers policy's fulcio + rekorPublicKey*). */
export function keylessTrustFromParts(parts: {
  caCertificates: Buffer[];
  rekorKeys: KeyObject[];
  source: string;
}): KeylessTrust {
  const start = '1970-01-01T00:00:00Z';
  const der = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });
  return keylessTrustFromJson(
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: parts.rekorKeys.map((k) => ({
        baseUrl: 'https://rekor.invalid',
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: der(k).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: createHash('sha256').update(der(k)).digest('base64') },
      })),
      // Each CA certificate is a root of its own; intermediates would have to be listed with theirs.
      certificateAuthorities: parts.caCertificates.map((c) => ({
        subject: {},
        uri: 'https://fulcio.invalid',
        certChain: { certificates: [{ rawBytes: c.toString('base64') }] },
        validFor: { start },
      })),
      ctlogs: [],
      timestampAuthorities: [],
    }),
    parts.source,
  );
}

/**
 * A `.sig` layer as a v0.1 bundle: a message signature over the payload, the leaf certificate, and
 * the Rekor entry rebuilt from cosign's SET annotation (v0.1 is the version that may carry a
 * promise without an inclusion proof, which is all a `.sig` layer has).
 */
function layerAsBundle(layer: SignatureAttachment, payload: Buffer): Bundle {
  const signature = layer.annotations[SIGNATURE_ANNOTATION];
  if (!signature) throw new Error('layer has no dev.cosignproject.cosign/signature annotation');
  const setText = layer.annotations[BUNDLE_ANNOTATION];
  if (!setText)
    throw new Error(
      'a keyless signature without a Rekor bundle (dev.sigstore.cosign/bundle annotation) cannot be verified offline',
    );
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(layer.annotations[CERTIFICATE_ANNOTATION]!);
  } catch (e) {
    throw new Error(`the certificate annotation does not parse: ${(e as Error).message}`, { cause: e });
  }
  const set = JSON.parse(setText) as {
    SignedEntryTimestamp?: string;
    Payload?: { body?: string; integratedTime?: number; logIndex?: number; logID?: string };
  };
  const p = set.Payload;
  if (!set.SignedEntryTimestamp || !p?.body || p.integratedTime === undefined || p.logIndex === undefined || !p.logID)
    throw new Error('the Rekor bundle annotation lacks SignedEntryTimestamp or Payload fields');
  const body = JSON.parse(Buffer.from(p.body, 'base64').toString('utf8')) as { kind?: string; apiVersion?: string };
  return bundleFromJSON({
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      x509CertificateChain: { certificates: [{ rawBytes: leaf.raw.toString('base64') }] },
      tlogEntries: [
        {
          logIndex: String(p.logIndex),
          logId: { keyId: Buffer.from(p.logID, 'hex').toString('base64') },
          kindVersion: { kind: body.kind ?? '', version: body.apiVersion ?? '' },
          integratedTime: String(p.integratedTime),
          inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
          canonicalizedBody: p.body,
        },
      ],
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature,
    },
  });
}

/** Whether a bundle's verification material is a certificate (keyless), from its JSON. */
export function isKeylessBundle(bundleBytes: Buffer): boolean {
  try {
    const m = (JSON.parse(bundleBytes.toString('utf8')) as { verificationMaterial?: Record<string, unknown> })
      .verificationMaterial;
    return m?.certificate !== undefined || m?.x509CertificateChain !== undefined;
  } catch {
    return false;
  }
}

/**
 * A keyless sigstore bundle (DSSE, cosign sign's statement) checked through @sigstore/verify: the
 * certificate chain, the Rekor entry, the signature and the identity; then the statement must
 * name `digest`.
 */
export function checkKeylessBundle(
  bundleBytes: Buffer,
  digest: string,
  trust: KeylessTrust,
  match: CertificateMatch,
): Omit<KeylessVerdict, 'layerDigest'> {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(bundleBytes.toString('utf8')));
  } catch (e) {
    return { valid: false, reason: `the bundle does not parse: ${(e as Error).message}` };
  }
  const out: Omit<KeylessVerdict, 'layerDigest'> = { valid: false };
  const material = bundle.verificationMaterial.content;
  const leaf =
    material.$case === 'certificate'
      ? material.certificate.rawBytes
      : material.$case === 'x509CertificateChain'
        ? material.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (!leaf) return { ...out, reason: 'the bundle is not signed with a certificate' };
  let sourceRepository: string | undefined;
  try {
    const id = certificateIdentity(new X509Certificate(leaf).toString());
    Object.assign(out, { identity: id.identity, ...(id.issuer === undefined ? {} : { issuer: id.issuer }) });
    sourceRepository = id.sourceRepository;
  } catch (e) {
    return { ...out, reason: (e as Error).message };
  }
  const entry = bundle.verificationMaterial.tlogEntries[0];
  if (entry) out.logIndex = Number(entry.logIndex);
  try {
    new Verifier(trust.material, { tlogThreshold: 1, ctlogThreshold: 1 }).verify(toSignedEntity(bundle), {
      subjectAlternativeName: match.identityRegexp !== undefined ? new RegExp(match.identityRegexp) : match.identity!,
      extensions: { issuer: match.issuer },
    });
  } catch (e) {
    return { ...out, reason: `${(e as Error).message} (trust root ${trust.source})` };
  }
  const otherSource = sourceRepositoryMismatch(match, sourceRepository);
  if (otherSource) return { ...out, reason: otherSource };
  if (bundle.content.$case !== 'dsseEnvelope')
    return { ...out, reason: 'the bundle holds a message signature, not the DSSE envelope cosign sign writes' };
  const statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as {
    subject?: { digest?: { sha256?: string } }[];
  };
  if (!statement.subject?.some((s) => `sha256:${s.digest?.sha256}` === digest))
    return { ...out, reason: `the statement does not name ${digest}` };
  return { ...out, valid: true };
}
