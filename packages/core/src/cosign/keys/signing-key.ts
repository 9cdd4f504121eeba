import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
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
  'Create an ECDSA P-256 key pair with `cosign generate-key-pair` (or scripts/generate-key-pair.ts) and publish its cosign.pub; an RSA-2048/3072/4096 key imported with `cosign import-key-pair` works too.';

/**
 * The RSA sizes sigstore's algorithm registry names (RSA_PKCS1V15_{2048,3072,4096}_SHA256), all signed over SHA-256.
 */
const RSA_BITS = [2048, 3072, 4096];

/**
 * Makes a SigningKey from decrypted PKCS#8 DER. Only keys whose cosign signatures every verifier
 * accepts are taken: ECDSA P-256 and RSA (PKCS#1 v1.5), both over SHA-256, which is what cosign 2.x
 * and 3.x sign with for these keys and the only hash containers/image (podman, skopeo, bootc)
 * verifies with. Other types are refused with the reason. Zeroes `der` in all cases.
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
      throw new BydigestError(
        'KEY',
        `the decrypted ${type.format === 'pkcs8' && type.algorithm === 'rsa' ? 'RSA' : 'ECDSA P-256'} key cannot be parsed: ${(e as Error).message}`,
        {
          cause: e,
          hint: FIX_HINT,
        },
      );
    }
    return signingKeyFromKeyObject(privateKey);
  } finally {
    der.fill(0);
  }
}

export function signingKeyFromKeyObject(privateKey: KeyObject): SigningKey {
  const refusal = keyObjectRefusal(privateKey);
  if (refusal) throw new BydigestError('KEY', refusal, { hint: FIX_HINT });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKeyPem(publicKey), keyId: publicKeyId(publicKey) };
}

function keyObjectRefusal(key: KeyObject): string | undefined {
  if (key.type !== 'private') return `cannot sign with a ${key.type} key: a private key is needed`;
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') return undefined;
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details?.modulusLength ?? 0;
    if (RSA_BITS.includes(bits)) return undefined;
    return `cannot sign with an RSA-${bits} key: cosign signs RSA keys of ${RSA_BITS.join(', ')} bits only`;
  }
  const what =
    key.asymmetricKeyType === 'ec'
      ? `an EC ${details?.namedCurve ?? ''} key`
      : `a ${key.asymmetricKeyType ?? key.type} key`;
  return `cannot sign with ${what}: only ECDSA P-256 and RSA (${RSA_BITS.join('/')}) private keys are supported`;
}

function refusalReason(type: PrivateKeyType): string | undefined {
  const prefix = 'the cosign private key is';
  const supported = 'only ECDSA P-256 and RSA keys are supported';
  switch (type.format) {
    case 'sec1':
      return `${prefix} a SEC1 "EC PRIVATE KEY" inside, not PKCS#8; cosign cannot load it either`;
    case 'pkcs1':
      return `${prefix} a PKCS#1 "RSA PRIVATE KEY" inside, not PKCS#8; cosign cannot load it either`;
    case 'unknown':
      return `${prefix} not PKCS#8 DER after decryption; the file is not a cosign key`;
    case 'pkcs8':
      break;
  }
  switch (type.algorithm) {
    case 'ecdsa':
      if (type.curve === 'P-256') return undefined;
      return `${prefix} ECDSA ${type.curve}; ${supported}: cosign ≥ 2.6 signs ${type.curve} with SHA-384/512, but containers/image (podman, skopeo, bootc) verifies with SHA-256 only, so hosts reject its signatures`;
    case 'rsa':
      return undefined; // the size is checked on the parsed key
    case 'rsa-pss':
      return `${prefix} RSA-PSS (OID 1.2.840.113549.1.1.10); ${supported}, and cosign cannot load RSA-PSS keys`;
    case 'ed25519':
      return `${prefix} Ed25519; ${supported}: cosign ≥ 2.6 signs Ed25519 keys as Ed25519ph, which containers/image (podman, skopeo, bootc) rejects, so hosts reject its signatures`;
    case 'ed448':
      return `${prefix} Ed448; ${supported}`;
    case 'unknown':
      return `${prefix} of an unknown algorithm (OID ${type.oid}); ${supported}`;
  }
}
