import { constants, sign, verify, type KeyObject } from 'node:crypto';
import { decodeStdBase64 } from './base64.js';
import type { SigningKey } from './signing-key.js';

/**
 * SHA-256 over the exact payload bytes, ECDSA (ASN.1 DER) or RSA PKCS#1 v1.5 by key type, standard base64: what cosign
 * writes.
 */
export function signPayload(key: SigningKey, payload: Uint8Array): string {
  const options =
    key.privateKey.asymmetricKeyType === 'rsa'
      ? { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }
      : { key: key.privateKey, dsaEncoding: 'der' as const };
  return sign('sha256', payload, options).toString('base64');
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

interface Verifier {
  verify(payload: Uint8Array, signature: Buffer): boolean;
  /** The message Go's verifier gives, as containers/image reports it. */
  failure: string;
}

function verifierFor(publicKey: KeyObject): Verifier | undefined {
  switch (publicKey.asymmetricKeyType) {
    case 'ec':
      return {
        verify: (data, sig) => verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, sig),
        failure: 'invalid signature when validating ASN.1 encoded signature',
      };
    case 'rsa':
      return {
        verify: (data, sig) => verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, sig),
        failure: 'crypto/rsa: verification error',
      };
    case 'ed25519':
      return { verify: (data, sig) => verify(null, data, publicKey, sig), failure: 'failed to verify signature' };
    default:
      return undefined;
  }
}

/**
 * Verifies as containers/image does (sigstore's LoadVerifier with SHA-256): ECDSA (DER), RSA
 * PKCS#1 v1.5 and Ed25519. Reasons use containers/image's wording, so verify-digest can report a
 * rejection the way podman and skopeo would.
 */
export function checkPayloadSignature(
  publicKey: KeyObject,
  payload: Uint8Array,
  signatureBase64: string,
): SignatureCheck {
  const verifier = verifierFor(publicKey);
  if (!verifier) {
    return {
      valid: false,
      reason: `creating verifier: unsupported public key type ${publicKey.asymmetricKeyType ?? publicKey.type}`,
    };
  }
  const decoded = decodeStdBase64(signatureBase64);
  if (!decoded.ok) return { valid: false, reason: `base64 decoding: ${decoded.reason}` };
  let ok: boolean;
  try {
    ok = verifier.verify(payload, decoded.bytes);
  } catch {
    // OpenSSL throws on some malformed signatures instead of returning false.
    ok = false;
  }
  return ok
    ? { valid: true }
    : { valid: false, reason: `cryptographic signature verification failed: ${verifier.failure}` };
}

export function verifyPayload(publicKey: KeyObject, payload: Uint8Array, signatureBase64: string): boolean {
  return checkPayloadSignature(publicKey, payload, signatureBase64).valid;
}
