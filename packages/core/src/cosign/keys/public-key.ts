import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { BydigestError } from '../../errors.js';
import { PUBLIC_KEY_LABEL } from '../constants.js';
import { decodeAllPem, encodePem, type PemBlock } from './pem.js';

/**
 * A verification key from PEM text: "PUBLIC KEY" (PKIX, what cosign writes) or "RSA PUBLIC KEY"
 * (PKCS#1), the two forms sigstore's UnmarshalPEMToPublicKey takes. Reading files is the caller's.
 * Text holding several keys is refused (loadPublicKeys reads them all): the first alone would
 * be a silent choice.
 */
export function loadPublicKey(pem: string): KeyObject {
  const keys = loadPublicKeys(pem);
  if (keys.length > 1) {
    throw new BydigestError('KEY', `the text holds ${keys.length} PEM blocks where one public key is expected`, {
      hint: 'Pass one cosign.pub.',
    });
  }
  return keys[0]!;
}

/**
 * Every public key in PEM text (several keys concatenated, as a rotation's keyPaths pair is
 * given): all of them, or an error naming the block that does not parse.
 */
export function loadPublicKeys(pem: string): KeyObject[] {
  const decoded = decodeAllPem(pem);
  if (!decoded.ok) {
    const looksLikePath = !pem.includes('\n') && /[/\\]|\.pub$|\.pem$/.test(pem.trim());
    const which = decoded.block > 1 ? ` (PEM block ${decoded.block})` : '';
    throw new BydigestError('KEY', `the public key${which} is not PEM: ${decoded.reason}`, {
      hint: looksLikePath
        ? `"${pem.trim()}" looks like a file path; pass the file's contents (-----BEGIN PUBLIC KEY----- …).`
        : 'Pass the contents of cosign.pub (-----BEGIN PUBLIC KEY----- …).',
    });
  }
  return decoded.blocks.map((block, i) =>
    publicKeyFromBlock(block, decoded.blocks.length > 1 ? ` (PEM block ${i + 1})` : ''),
  );
}

function publicKeyFromBlock({ label, der }: PemBlock, which: string): KeyObject {
  if (label !== PUBLIC_KEY_LABEL && label !== 'RSA PUBLIC KEY') {
    throw new BydigestError('KEY', `the public key${which} has PEM label "${label}"; expected "${PUBLIC_KEY_LABEL}"`, {
      hint: /PRIVATE/.test(label)
        ? 'That is a private key: pass cosign.pub, never cosign.key.'
        : 'Pass the contents of cosign.pub.',
    });
  }
  try {
    return createPublicKey({ key: der, format: 'der', type: label === PUBLIC_KEY_LABEL ? 'spki' : 'pkcs1' });
  } catch (e) {
    throw new BydigestError('KEY', `the public key${which} cannot be parsed: ${(e as Error).message}`, {
      cause: e,
      hint: 'The PEM body is damaged; copy cosign.pub again.',
    });
  }
}

/** PKIX PEM, byte-for-byte as `cosign generate-key-pair` writes cosign.pub. */
export function publicKeyPem(key: KeyObject): string {
  return encodePem(PUBLIC_KEY_LABEL, spkiDer(key));
}

/** sha256 of the DER public key, hex: a short, stable name for a key in logs and comparisons. */
export function publicKeyId(key: KeyObject): string {
  return createHash('sha256').update(spkiDer(key)).digest('hex');
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return spkiDer(a).equals(spkiDer(b));
}

function spkiDer(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' });
}
