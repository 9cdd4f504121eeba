import type { SigningKey } from '@bydigest/core';
import { InputError, maskEnvSecret, rawInput } from './inputs.js';

/**
 * Masks the key and password variables before anything can print them, then waits for the
 * key the entry started decoding; a key error names the `key` input.
 */
export async function awaitSigningKey(pending: Promise<SigningKey>): Promise<SigningKey> {
  const spec = rawInput('key') || 'env://COSIGN_PRIVATE_KEY';
  if (spec.startsWith('env://')) maskEnvSecret(spec.slice('env://'.length));
  maskEnvSecret(rawInput('password-env') || 'COSIGN_PASSWORD');
  try {
    return await pending;
  } catch (e) {
    throw new InputError('key', (e as Error).message, (e as { hint?: string }).hint);
  }
}
