/**
 * The sigstoreSigned requirement with public keys, step for step as containers/image checks each
 * signature (policy_eval_sigstore.go isSignatureAccepted, internal VerifySigstorePayload):
 * key files → signature annotation → base64 → signature with any key → strict payload parse →
 * manifest digest → signedIdentity. One accepted signature allows the image; otherwise the
 * rejection reasons are summed up in containers/image's words.
 */
import { createHash } from 'node:crypto';
import { decodeStdBase64 } from '../cosign/keys/base64.js';
import { SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE } from '../cosign/constants.js';
import { parseSimpleSigningPayload } from '../cosign/legacy/payload.js';
import { checkPayloadSignature } from '../cosign/keys/signature.js';
import type { ImageReference } from '../oci/reference.js';
import { matchesDockerReference } from './identity.js';
import type { RequirementCode, SignatureCode } from './reason-codes.js';
import { loadTrustRoot, type KeyFileReader } from './trust-root.js';
import type { KeySource, SignedIdentity } from './types.js';

/** One layer of the `.sig` manifest, untrusted, as containers/image receives it. */
export interface UntrustedSignature {
  layerDigest: string;
  mediaType: string;
  annotations: Record<string, string>;
  /** The payload blob; undefined when it could not be read (`unreadable` says why). */
  payload?: Buffer;
  unreadable?: string;
}

/** The image as the host pulls it. */
export interface PulledImage {
  /** The reference the host pulls: with its tag (…:stable) or its digest. */
  reference: ImageReference;
  /** The digest of the manifest the pull gets. */
  manifestDigest: string;
  /** The manifest bytes, to check signatures over sha384/sha512 digests as containers/image can. */
  manifestBytes?: Buffer;
}

export interface SignatureJudgement {
  layerDigest: string;
  accepted: boolean;
  /** containers/image's reason for rejecting it. */
  reason?: string;
  /** The same reason as a code, for whatever explains or counts it. */
  code?: SignatureCode;
  /** True when a policy key verified the signature (so `identity` and `digest` are signed claims). */
  cryptoVerified: boolean;
  /** Which key (index into the requirement's keys) verified it. */
  keyIndex?: number;
  identity?: string;
  digest?: string;
}

export interface SigstoreOutcome {
  allowed: boolean;
  /** Why the image is refused, as skopeo/podman/bootc print it. */
  message?: string;
  /** The same, as a code. */
  code?: RequirementCode;
  signatures: SignatureJudgement[];
  /** Layers of another media type (attestations, SBOMs…): not signatures, not counted. */
  nonSignatureAttachments: number;
}

export function evaluateSigstoreSigned(
  requirement: { keys: KeySource; signedIdentity: SignedIdentity },
  image: PulledImage,
  signatures: readonly UntrustedSignature[],
  readKeyFile: KeyFileReader,
): SigstoreOutcome {
  return judgeEach(signatures, (sig) => judgeSignature(requirement, image, sig, readKeyFile));
}

/**
 * The shape every sigstoreSigned evaluation shares (key or Fulcio): each simple-signing layer is
 * judged, other attachments only counted, and one accepted signature is enough.
 */
export function judgeEach(
  signatures: readonly UntrustedSignature[],
  judge: (sig: UntrustedSignature) => SignatureJudgement,
): SigstoreOutcome {
  const judged: SignatureJudgement[] = [];
  let nonSignatureAttachments = 0;
  for (const sig of signatures) {
    if (sig.mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) {
      nonSignatureAttachments++;
      continue;
    }
    judged.push(judge(sig));
  }
  if (judged.some((j) => j.accepted)) return { allowed: true, signatures: judged, nonSignatureAttachments };
  const code = judged.length === 0 ? 'NO_SIGNATURE' : 'SIGNATURES_REJECTED';
  return {
    allowed: false,
    message: summarize(judged, nonSignatureAttachments),
    code,
    signatures: judged,
    nonSignatureAttachments,
  };
}

export function summarize(judged: SignatureJudgement[], nonSignatureAttachments: number): string {
  if (judged.length === 0) {
    // containers/image also counts lookaside (GPG) signatures here; those are never read by bydigest.
    return nonSignatureAttachments === 0
      ? 'A signature was required, but no signature exists'
      : `A signature was required, but no signature exists (0 non-sigstore signatures, ${nonSignatureAttachments} sigstore non-signature attachments)`;
  }
  if (judged.length === 1) return judged[0]?.reason ?? '';
  return `None of the signatures were accepted, reasons: ${judged.map((j) => j.reason).join('; ')}`;
}

function judgeSignature(
  requirement: { keys: KeySource; signedIdentity: SignedIdentity },
  image: PulledImage,
  sig: UntrustedSignature,
  readKeyFile: KeyFileReader,
): SignatureJudgement {
  const out: SignatureJudgement = { layerDigest: sig.layerDigest, accepted: false, cryptoVerified: false };
  const reject = (reason: string, code: SignatureCode) => ({ ...out, reason, code });
  const root = loadTrustRoot(requirement.keys, readKeyFile);
  if (!root.ok) return reject(root.reason, root.code);
  const signature = sig.annotations[SIGNATURE_ANNOTATION];
  if (signature === undefined) return reject(`missing ${SIGNATURE_ANNOTATION} annotation`, 'MALFORMED_SIGNATURE');
  // containers/image would stop the whole pull on an unreadable payload; here it rejects this one.
  if (sig.payload === undefined)
    return reject(sig.unreadable ?? 'the signature payload could not be read', 'PAYLOAD_UNREADABLE');
  const decoded = decodeStdBase64(signature);
  if (!decoded.ok) return reject(`base64 decoding: ${decoded.reason}`, 'MALFORMED_SIGNATURE');

  const failures: string[] = [];
  for (const [i, key] of root.keys.entries()) {
    const check = checkPayloadSignature(key, sig.payload, signature);
    if (check.valid) {
      out.keyIndex = i;
      break;
    }
    failures.push(check.reason.replace(/^cryptographic signature verification failed: /, ''));
  }
  if (out.keyIndex === undefined)
    return reject(`cryptographic signature verification failed: ${failures.join(', ')}`, 'BAD_SIGNATURE');
  out.cryptoVerified = true;

  return judgeVerifiedPayload(out, image, requirement.signedIdentity, sig.payload);
}

/** The steps after the signature verified: strict payload parse, manifest digest, signedIdentity. */
export function judgeVerifiedPayload(
  out: SignatureJudgement,
  image: PulledImage,
  signedIdentity: SignedIdentity,
  payloadBytes: Buffer,
): SignatureJudgement {
  const reject = (reason: string, code: SignatureCode) => ({ ...out, reason, code });
  let payload;
  try {
    payload = parseSimpleSigningPayload(payloadBytes);
  } catch (e) {
    return reject((e as Error).message, 'BAD_PAYLOAD');
  }
  out.identity = payload.dockerReference;
  out.digest = payload.manifestDigest;
  if (!matchesDigest(image, payload.manifestDigest))
    return reject(`Signature for digest ${payload.manifestDigest} does not match`, 'DIGEST_MISMATCH');
  if (!matchesDockerReference(signedIdentity, image.reference, payload.dockerReference)) {
    return reject(`Signature for identity ${goQuote(payload.dockerReference)} is not accepted`, 'IDENTITY_REJECTED');
  }
  return { ...out, accepted: true };
}

/** manifest.MatchesDigest: the signed digest, in its own algorithm, over the manifest bytes. */
function matchesDigest(image: PulledImage, signed: string): boolean {
  if (signed === image.manifestDigest) return true;
  if (!image.manifestBytes) return false;
  const [algorithm, hex] = signed.split(':') as [string, string];
  if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) return false;
  return createHash(algorithm).update(image.manifestBytes).digest('hex') === hex;
}

/** Go's %q for the strings that occur here (JSON quoting agrees except for rare control characters). */
function goQuote(s: string): string {
  return JSON.stringify(s);
}
