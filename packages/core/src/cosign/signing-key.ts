import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { BydigestError } from '../errors.js';
import { identifyPrivateKey, type PrivateKeyType } from './private-key-type.js';
import { publicKeyId, publicKeyPem } from './public-key.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PKIX "PUBLIC KEY" PEM, as cosign prints it. */
  publicKeyPem: string;
  /** sha256 of the DER public key, hex. */
  keyId: string;
}

const FIX_HINT =
  'Create an ECDSA P-256 key pair with `cosign generate-key-pair` (or scripts/generate-key-pair.ts) and publish its cosign.pub.';

/**
 * Makes a SigningKey from decrypted PKCS#8 DER, refusing every key but ECDSA P-256: containers/image
 * (podman, skopeo, bootc) verifies cosign signatures with SHA-256 only, so P-256 + SHA-256 is the one
 * combination every verifier agrees on. Zeroes `der` in all cases.
 */
export function signingKeyFromPkcs8(der: Buffer): SigningKey {
  try {
    const type = identifyPrivateKey(der);
    const refusal = refusalReason(type);
    if (refusal) throw new BydigestError('KEY', refusal, { hint: FIX_HINT });
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch (e) {
      throw new BydigestError('KEY', `the decrypted ECDSA P-256 key cannot be parsed: ${(e as Error).message}`, { cause: e, hint: FIX_HINT });
    }
    return signingKeyFromKeyObject(privateKey);
  } finally {
    der.fill(0);
  }
}

export function signingKeyFromKeyObject(privateKey: KeyObject): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    const what = privateKey.asymmetricKeyType === 'ec' ? `an EC ${privateKey.asymmetricKeyDetails?.namedCurve ?? ''} key` : `a ${privateKey.asymmetricKeyType ?? privateKey.type} key`;
    throw new BydigestError('KEY', `cannot sign with ${what}: only ECDSA P-256 private keys are supported`, { hint: FIX_HINT });
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKeyPem(publicKey), keyId: publicKeyId(publicKey) };
}

function refusalReason(type: PrivateKeyType): string | undefined {
  const prefix = 'the cosign private key is';
  switch (type.format) {
    case 'sec1':
      return `${prefix} a SEC1 "EC PRIVATE KEY" inside, not PKCS#8; cosign cannot load it either`;
    case 'pkcs1':
      return `${prefix} a PKCS#1 "RSA PRIVATE KEY" inside, not PKCS#8, and RSA keys are not supported`;
    case 'unknown':
      return `${prefix} not PKCS#8 DER after decryption; the file is not a cosign key`;
    case 'pkcs8':
      break;
  }
  switch (type.algorithm) {
    case 'ecdsa':
      if (type.curve === 'P-256') return undefined;
      return `${prefix} ECDSA ${type.curve}; only P-256 is supported: cosign ≥ 2.6 signs ${type.curve} with SHA-384/512, but containers/image (podman, skopeo, bootc) verifies with SHA-256 only`;
    case 'rsa':
    case 'rsa-pss':
      return `${prefix} RSA; only ECDSA P-256 is supported, the one key type cosign 2.x, cosign 3.x and containers/image sign and verify the same way (SHA-256)`;
    case 'ed25519':
      return `${prefix} Ed25519; only ECDSA P-256 is supported: cosign ≥ 2.6 signs Ed25519 keys as Ed25519ph, which containers/image (podman, skopeo, bootc) cannot verify`;
    case 'ed448':
      return `${prefix} Ed448; only ECDSA P-256 is supported`;
    case 'unknown':
      return `${prefix} of an unknown algorithm (OID ${type.oid}); only ECDSA P-256 is supported`;
  }
}
