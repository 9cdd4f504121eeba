// Imported by the entries of signing actions before anything heavy: it reads the key inputs
// straight from INPUT_* (no @actions/core) and starts scrypt on libuv's pool at once, so
// key derivation overlaps module loading and the first registry round-trips.
import { loadSigningKey, type SigningKey } from '@bydigest/core/keys';

const input = (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

/**
 * For each pending key: settles once the key input has been read and parsed (resolves), or
 * with the error when it could not be (rejects). Only the password check, scrypt, comes later.
 */
export const keyInputParsed = new WeakMap<Promise<SigningKey>, Promise<void>>();

/**
 * Undefined when the action will not sign: `sign: false` (`unless`), or no `key` input where a
 * key is optional (`optional`: such an action signs only when given one). Errors surface when awaited.
 */
export function startSigningKey(opts: { unless?: string; optional?: boolean } = {}): Promise<SigningKey> | undefined {
  if (opts.unless && input(opts.unless).toLowerCase() === 'false') return undefined;
  if (opts.optional && input('key') === '') return undefined;
  let parsed!: () => void;
  const parsedOk = new Promise<void>((resolve) => (parsed = resolve));
  const pending = loadSigningKey(input('key') || 'env://COSIGN_PRIVATE_KEY', input('password-env') || 'COSIGN_PASSWORD', process.env, { onParsed: () => parsed() });
  pending.catch(() => undefined);
  const checked = Promise.race([parsedOk, pending.then(() => undefined)]);
  checked.catch(() => undefined);
  keyInputParsed.set(pending, checked);
  return pending;
}
