/**
 * cosign private key files: a PEM block labelled ENCRYPTED SIGSTORE/COSIGN PRIVATE KEY whose body
 * is the scrypt + secretbox JSON envelope around a PKCS#8 private key.
 */
import type { KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { COSIGN_KEY_LABEL, SIGSTORE_KEY_LABEL } from '../constants.js';
import {
  deriveAndOpen,
  parseEncryptedEnvelope,
  sealEnvelope,
  type EncryptedEnvelope,
  type OpenOptions,
} from './encrypted-envelope.js';
import { decodeFirstPem, encodePem } from './pem.js';
import { signingKeyFromPkcs8, type SigningKey } from './signing-key.js';

export interface CosignKeyEnvelope extends EncryptedEnvelope {
  label: typeof SIGSTORE_KEY_LABEL | typeof COSIGN_KEY_LABEL;
}

const WHAT = 'the cosign private key';

const UNENCRYPTED_LABELS = new Set(['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY']);

/**
 * Parses and validates a cosign key file without touching the password: synchronous and cheap, so
 * a caller can reject a bad key at once and start the slow scrypt (deriveAndOpen) early.
 */
export function parseCosignKeyEnvelope(pem: string): CosignKeyEnvelope {
  const decoded = decodeFirstPem(pem);
  if (!decoded.ok) {
    throw new BydigestError('KEY', `${WHAT} is not PEM: ${decoded.reason}`, {
      hint: `Pass the contents of cosign.key (-----BEGIN ${SIGSTORE_KEY_LABEL}-----); create one with cosign generate-key-pair.`,
    });
  }
  const { label, der } = decoded.block;
  if (label === SIGSTORE_KEY_LABEL || label === COSIGN_KEY_LABEL) {
    return { label, ...parseEncryptedEnvelope(der, WHAT) };
  }
  if (UNENCRYPTED_LABELS.has(label)) {
    // cosign sign --key refuses these too ("unsupported pem type"); keeping that rule means a key that
    // works here works with cosign, and plaintext keys do not drift into CI secrets.
    throw new BydigestError(
      'KEY',
      `${WHAT} is not encrypted (PEM label "${label}"); cosign sign --key refuses unencrypted keys, and so does bydigest`,
      {
        hint: 'Convert it with `cosign import-key-pair --key <file>`, which writes an encrypted cosign.key, and pass that with its password.',
      },
    );
  }
  if (label.includes('PUBLIC KEY')) {
    throw new BydigestError('KEY', `${WHAT} is a public key (PEM label "${label}")`, {
      hint: 'Signing needs cosign.key (the encrypted private key); cosign.pub is for verifying.',
    });
  }
  throw new BydigestError(
    'KEY',
    `${WHAT} has PEM label "${label}"; expected "${SIGSTORE_KEY_LABEL}" or "${COSIGN_KEY_LABEL}"`,
    {
      hint: 'Import other private keys with `cosign import-key-pair --key <file>`.',
    },
  );
}

/** scrypt + secretbox open of a parsed key file → PKCS#8 DER (the caller zeroes it). */
export function openCosignKey(
  envelope: CosignKeyEnvelope,
  password: string | Uint8Array,
  options: OpenOptions = {},
): Promise<Buffer> {
  return deriveAndOpen(envelope, password, options, WHAT);
}

/** Decodes a cosign key file into an ECDSA P-256 or RSA signing key; any other key type is refused with the reason. */
export async function decryptCosignKey(
  pem: string,
  password: string | Uint8Array,
  options: OpenOptions = {},
): Promise<SigningKey> {
  const envelope = parseCosignKeyEnvelope(pem);
  return signingKeyFromPkcs8(await openCosignKey(envelope, password, options));
}

export interface EncryptOptions {
  /** scrypt N (r=8, p=1): 32768 (default, read by every cosign version), 65536 or 131072. */
  N?: 32768 | 65536 | 131072;
  label?: typeof SIGSTORE_KEY_LABEL | typeof COSIGN_KEY_LABEL;
}

/** Writes a key file in cosign's format; the defaults are the most widely readable ones. */
export async function encryptCosignKey(
  privateKey: KeyObject,
  password: string | Uint8Array,
  options: EncryptOptions = {},
): Promise<string> {
  if (privateKey.type !== 'private') {
    throw new BydigestError('INVALID_ARGUMENT', `encryptCosignKey needs a private key, got a ${privateKey.type} key`);
  }
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    const sealed = await sealEnvelope(der, password, { N: options.N ?? 32768, r: 8, p: 1 });
    return encodePem(options.label ?? COSIGN_KEY_LABEL, sealed);
  } finally {
    der.fill(0);
  }
}
