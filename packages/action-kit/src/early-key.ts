// Imported by the entries of signing actions before anything heavy: it reads the key inputs
// straight from INPUT_* (no @actions/core yet) and starts scrypt on libuv's pool at once, so
// key derivation overlaps module loading and the first registry round-trips.
import { PendingKey } from '@bydigest/core/keys';

const input = (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

/**
 * Undefined when the action will not sign: `sign: false` (`unless`), or no `key` input where a
 * key is optional (`optional`: such an action signs only when given one). Errors surface when awaited.
 */
export function startSigningKey(opts: { unless?: string; optional?: boolean } = {}): PendingKey | undefined {
  if (opts.unless && input(opts.unless).toLowerCase() === 'false') return undefined;
  if (opts.optional && input('key') === '') return undefined;
  return PendingKey.start(input('key') || 'env://COSIGN_PRIVATE_KEY', input('password-env') || 'COSIGN_PASSWORD', process.env);
}
