import { KeySigner, type PayloadSignature, type PendingKey, type Signer } from '@bydigest/core';
import { InputError, maskEnvSecret, rawInput, truncate, withInput, type InputFor } from './inputs.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The password variable's name, checked: a bad one is this input's fault, not the key's. */
function passwordEnvName(): string {
  const name = rawInput('password-env') || 'COSIGN_PASSWORD';
  if (name.length > 256) throw new InputError('password-env', `is ${name.length} characters long: not a variable name`, 'e.g. COSIGN_PASSWORD');
  if (!ENV_NAME.test(name)) throw new InputError('password-env', `${JSON.stringify(truncate(name))} is not an environment variable name`, 'e.g. COSIGN_PASSWORD');
  return name;
}

/** A key error names the input to fix: password-env for a wrong password, else key. */
const KEY_INPUTS: InputFor = { KEY_PASSWORD: 'password-env', '*': 'key' };

function maskKeyInputs(): void {
  const spec = rawInput('key') || 'env://COSIGN_PRIVATE_KEY';
  if (spec.startsWith('env://')) maskEnvSecret(spec.slice('env://'.length));
  maskEnvSecret(passwordEnvName());
}

/**
 * Masks the key and password variables before anything can print them and waits until the key
 * input is read and parsed (not for scrypt): call it before the first registry write, so a
 * malformed key input fails the step with nothing written.
 */
export async function keyInputChecked(pending: PendingKey): Promise<void> {
  maskKeyInputs();
  await withInput(KEY_INPUTS, () => pending.parsed());
}

/** The key inputs' signer: its errors name the `with:` input to fix (key or password-env). */
export function keyInputSigner(pending: PendingKey): Signer & { publicKeyPem(): Promise<string> } {
  const signer = new KeySigner(pending);
  const named = <T>(p: Promise<T>) => withInput(KEY_INPUTS, () => p);
  return {
    ready: () => named(signer.ready()),
    sign: (payload): Promise<PayloadSignature> => named(signer.sign(payload)),
    publicKeyPem: () => named(pending.key().then((k) => k.publicKeyPem)),
  };
}
