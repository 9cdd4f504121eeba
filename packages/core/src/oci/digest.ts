import { createHash } from 'node:crypto';
import { BydigestError } from '../errors.js';

const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isSha256Digest(value: string): boolean {
  return /^sha256:[a-f0-9]{64}$/.test(value);
}

/**
 * Accepts only sha256, the one algorithm every registry and verifier in the chain supports;
 * each other malformed form gets its own message so the user sees what to fix.
 */
export function parseDigest(value: string): string {
  const m = DIGEST_RE.exec(value);
  if (!m) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(short(value))} is not a digest (expected sha256:<64 hex>)`,
    );
  }
  const [, algorithm, hex] = m as unknown as [string, string, string];
  if (algorithm !== 'sha256') {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `unsupported digest algorithm ${JSON.stringify(algorithm)} (only sha256 is supported)`,
    );
  }
  if (!/^[a-f0-9]+$/.test(hex)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `digest hex must be lower-case hexadecimal: ${JSON.stringify(short(value))}`,
    );
  }
  if (hex.length !== 64) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `sha256 digest must have 64 hex characters, got ${hex.length}: ${JSON.stringify(short(value))}`,
    );
  }
  return value;
}

export function digestHex(digest: string): string {
  return parseDigest(digest).slice('sha256:'.length);
}

function short(v: string): string {
  return v.length > 90 ? `${v.slice(0, 90)}…` : v;
}
