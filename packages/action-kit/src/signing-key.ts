import { KeySigner, publicKeyId, type PayloadSignature, type Signer } from '@bydigest/core';
import type { KeyInput, SigningKeys } from './early-key.js';
import { asInputError, InputError, maskEnvSecret, truncate, type InputFor } from './inputs.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A key input's signer: it signs with one key, and its public half is an output. */
export type KeyInputSigner = Signer & { publicKeyPem(): Promise<string> };

/** The password variables' names, checked: a bad one is this input's fault, not the key's. */
function checkPasswordEnvNames(keys: readonly KeyInput[]): void {
  for (const { passwordEnv: name } of keys) {
    if (name.length > 256)
      throw new InputError(
        'password-env',
        `is ${name.length} characters long: not a variable name`,
        'e.g. COSIGN_PASSWORD',
      );
    if (!ENV_NAME.test(name))
      throw new InputError(
        'password-env',
        `${JSON.stringify(truncate(name))} is not an environment variable name`,
        'e.g. COSIGN_PASSWORD',
      );
  }
}

/** Which key of several an error is about; nothing when there is one key (as before keys were lists). */
function whichKey(keys: readonly KeyInput[], i: number): string {
  return keys.length > 1 ? `key ${i + 1} of ${keys.length} (${truncate(keys[i]!.spec)}): ` : '';
}

/** A key error names the input to fix, by its code: password-env for a wrong password, else key. */
const KEY_INPUTS: InputFor = { KEY_PASSWORD: 'password-env', '*': 'key' };

function keyInputError(e: unknown, keys: readonly KeyInput[], i: number): InputError {
  if (e instanceof InputError) return e;
  const err = e as Error & { hint?: string };
  // The input comes from the code (asInputError); the message says which key of several.
  const { input } = asInputError(e, KEY_INPUTS) as InputError;
  return new InputError(input, `${whichKey(keys, i)}${err.message}`, err.hint);
}

function maskKeyInputs({ keys }: SigningKeys): void {
  for (const { spec, passwordEnv } of keys) {
    if (spec.startsWith('env://')) maskEnvSecret(spec.slice('env://'.length));
    if (ENV_NAME.test(passwordEnv)) maskEnvSecret(passwordEnv);
  }
}

/**
 * Masks the key and password variables before anything can print them and waits until every
 * key line is read and parsed (not for scrypt): call it before the first registry write, so a
 * malformed key input fails the step with nothing written.
 */
export async function keyInputChecked(signingKeys: SigningKeys): Promise<void> {
  maskKeyInputs(signingKeys);
  if (signingKeys.problem)
    throw new InputError(signingKeys.problem.input, signingKeys.problem.message, signingKeys.problem.hint);
  checkPasswordEnvNames(signingKeys.keys);
  const { keys } = signingKeys;
  for (const [i, k] of keys.entries()) {
    try {
      await k.pending.parsed();
    } catch (e) {
      throw keyInputError(e, keys, i);
    }
  }
}

/**
 * A signer per key (each writes its own `.sig` layer), their errors naming the `with:` input to
 * fix. Each is ready only once every key is decoded and no two are the same key: writers wait
 * for every signer before their first write, so one bad key leaves nothing written.
 */
export function keyInputSigners({ keys }: SigningKeys): KeyInputSigner[] {
  const decoded = keys.map((k, i) => k.pending.key().catch((e: unknown) => Promise.reject(keyInputError(e, keys, i))));
  for (const d of decoded) d.catch(() => undefined);
  let allReady: Promise<void> | undefined;
  const ready = () =>
    (allReady ??= Promise.all(decoded).then((decodedKeys) => {
      const ids = decodedKeys.map((k) => publicKeyId(k.publicKey));
      const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
      if (twice >= 0) {
        const first = ids.indexOf(ids[twice]!);
        throw new InputError(
          'key',
          `lines ${first + 1} and ${twice + 1} (${truncate(keys[first]!.spec)}, ${truncate(keys[twice]!.spec)}) are the same key (public key sha256:${ids[twice]!.slice(0, 16)})`,
          'give each signing key once: the current key and the next one are different key pairs',
        );
      }
    }));
  return keys.map((k, i) => {
    const signer = new KeySigner(k.pending);
    const named = <T>(p: Promise<T>) => p.catch((e: unknown) => Promise.reject(keyInputError(e, keys, i)));
    return {
      ready: () => ready(),
      sign: (payload): Promise<PayloadSignature> => named(signer.sign(payload)),
      publicKeyPem: () => decoded[i]!.then((key) => key.publicKeyPem),
    };
  });
}
