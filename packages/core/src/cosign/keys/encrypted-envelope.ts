/**
 * The passphrase box cosign keeps its private key in (go-securesystemslib `encrypted`):
 * scrypt derives a 32-byte key from the password, NaCl secretbox (XSalsa20-Poly1305) seals the
 * plaintext, and both travel as compact JSON. Node's crypto has scrypt but no XSalsa20, so the
 * box itself comes from @noble/ciphers (audited, pure JS, no dependencies).
 */
import { randomBytes, scrypt } from 'node:crypto';
import { secretbox } from '@noble/ciphers/salsa.js';
import { BydigestError } from '../../errors.js';
import { decodeStdBase64 } from './base64.js';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface EncryptedEnvelope {
  kdf: ScryptParams & { salt: Buffer };
  nonce: Buffer;
  ciphertext: Buffer;
}

/**
 * The only parameters go-securesystemslib accepts (Legacy, Standard, OWASP). Anything else is
 * refused before any work: a key file is untrusted input and N=2^30 would exhaust memory.
 */
export const SUPPORTED_SCRYPT_PARAMS: readonly ScryptParams[] = [
  { N: 32768, r: 8, p: 1 },
  { N: 65536, r: 8, p: 1 },
  { N: 131072, r: 8, p: 1 },
];

const SALT_BYTES = 32;
const NONCE_BYTES = 24;
const KEY_BYTES = 32;

export interface OpenOptions {
  /** Named in the wrong-password message, e.g. "COSIGN_PASSWORD". */
  passwordName?: string;
}

/** Validates the JSON envelope; cheap and synchronous, so it can run before scrypt is started. */
export function parseEncryptedEnvelope(json: Uint8Array | string, what = 'the encrypted key'): EncryptedEnvelope {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw corrupted(what, `its content is not JSON (${(e as Error).message})`);
  }
  const kdf = field(doc, 'kdf');
  const cipher = field(doc, 'cipher');
  const params = field(kdf, 'params');
  if (field(kdf, 'name') !== 'scrypt') {
    throw corrupted(what, `unknown kdf name ${JSON.stringify(field(kdf, 'name'))} (expected "scrypt")`);
  }
  if (field(cipher, 'name') !== 'nacl/secretbox') {
    throw corrupted(what, `unknown cipher name ${JSON.stringify(field(cipher, 'name'))} (expected "nacl/secretbox")`);
  }
  const N = field(params, 'N');
  const r = field(params, 'r');
  const p = field(params, 'p');
  if (!SUPPORTED_SCRYPT_PARAMS.some((s) => s.N === N && s.r === r && s.p === p)) {
    const allowed = SUPPORTED_SCRYPT_PARAMS.map((s) => `(${s.N},${s.r},${s.p})`).join(', ');
    throw new BydigestError(
      'KEY',
      `unsupported scrypt parameters in ${what}: N=${String(N)}, r=${String(r)}, p=${String(p)}; cosign accepts only (N,r,p) ∈ {${allowed}}`,
      {
        hint: 'Re-create the key with cosign generate-key-pair (or scripts/generate-key-pair.ts), which writes supported parameters.',
      },
    );
  }
  const nonce = bytesField(cipher, 'nonce', what);
  if (nonce.length !== NONCE_BYTES)
    throw corrupted(what, `incorrect nonce size ${nonce.length} (expected ${NONCE_BYTES})`);
  return {
    kdf: { N: N as number, r: r as number, p: p as number, salt: bytesField(kdf, 'salt', what) },
    nonce,
    ciphertext: bytesField(doc, 'ciphertext', what),
  };
}

/** scrypt on libuv's thread pool, so a caller can start it early and overlap it with network work. */
export function deriveBoxKey(envelope: EncryptedEnvelope, password: string | Uint8Array): Promise<Buffer> {
  const { N, r, p, salt } = envelope.kdf;
  const secret = Buffer.from(password);
  // OpenSSL needs 128·r·(N+p+2) bytes; Node's default 32 MiB cap refuses N ≥ 65536.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, { N, r, p, maxmem }, (err, key) => {
      secret.fill(0);
      if (err) reject(new BydigestError('KEY', `scrypt key derivation failed: ${err.message}`, { cause: err }));
      else resolve(key);
    });
  });
}

/** Opens the box with a derived key (which is zeroed); the caller owns and should zero the plaintext. */
export function openWithBoxKey(
  envelope: EncryptedEnvelope,
  boxKey: Buffer,
  options: OpenOptions = {},
  what = 'the encrypted key',
): Buffer {
  try {
    const plaintext = secretbox(boxKey, envelope.nonce).open(envelope.ciphertext);
    // A view, not a copy, so zeroing the returned Buffer zeroes the only plaintext there is.
    return Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  } catch {
    const name = options.passwordName ? ` (${options.passwordName})` : '';
    throw new BydigestError('KEY_PASSWORD', `cannot decrypt ${what}: wrong password${name} or corrupted key`, {
      hint: options.passwordName
        ? `Set ${options.passwordName} to the password the key was created with (an empty or unset variable means the empty password), and check the key file is complete.`
        : 'Use the password the key was created with, and check the key file is complete.',
    });
  } finally {
    boxKey.fill(0);
  }
}

export async function deriveAndOpen(
  envelope: EncryptedEnvelope,
  password: string | Uint8Array,
  options: OpenOptions = {},
  what = 'the encrypted key',
): Promise<Buffer> {
  return openWithBoxKey(envelope, await deriveBoxKey(envelope, password), options, what);
}

/** Seals `plaintext` into the JSON envelope, bytes as go-securesystemslib's json.Marshal writes them. */
export async function sealEnvelope(
  plaintext: Uint8Array,
  password: string | Uint8Array,
  params: ScryptParams = { N: 32768, r: 8, p: 1 },
): Promise<Buffer> {
  if (!SUPPORTED_SCRYPT_PARAMS.some((s) => s.N === params.N && s.r === params.r && s.p === params.p)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `unsupported scrypt parameters N=${params.N}, r=${params.r}, p=${params.p}: cosign could not read the key`,
    );
  }
  const envelope: EncryptedEnvelope = {
    kdf: { ...params, salt: randomBytes(SALT_BYTES) },
    nonce: randomBytes(NONCE_BYTES),
    ciphertext: Buffer.alloc(0),
  };
  const boxKey = await deriveBoxKey(envelope, password);
  try {
    envelope.ciphertext = Buffer.from(secretbox(boxKey, envelope.nonce).seal(plaintext));
  } finally {
    boxKey.fill(0);
  }
  const b64 = (b: Buffer) => b.toString('base64');
  const { N, r, p, salt } = envelope.kdf;
  return Buffer.from(
    `{"kdf":{"name":"scrypt","params":{"N":${N},"r":${r},"p":${p}},"salt":"${b64(salt)}"},` +
      `"cipher":{"name":"nacl/secretbox","nonce":"${b64(envelope.nonce)}"},"ciphertext":"${b64(envelope.ciphertext)}"}`,
  );
}

function field(obj: unknown, name: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    ? (obj as Record<string, unknown>)[name]
    : undefined;
}

function bytesField(obj: unknown, name: string, what: string): Buffer {
  const value = field(obj, name);
  if (typeof value !== 'string') throw corrupted(what, `field "${name}" is missing or not a string`);
  const decoded = decodeStdBase64(value);
  if (!decoded.ok) throw corrupted(what, `field "${name}" is not base64 (${decoded.reason})`);
  return decoded.bytes;
}

function corrupted(what: string, reason: string): BydigestError {
  return new BydigestError('KEY', `${what} is not a valid cosign encrypted key: ${reason}`, {
    hint: 'The file is truncated or not a cosign key; export it again (cosign generate-key-pair writes cosign.key).',
  });
}
