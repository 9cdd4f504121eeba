import type { KeyObject } from 'node:crypto';
import { keySecretsAbsent, type KeySecret } from '@bydigest/core';
import {
  keyInputChecked,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  type RegistryInputs,
  type SigningKeys,
} from '@bydigest/action-kit';

export interface PreflightInputs {
  image: string;
  /** Undefined: no key secret, signing is off. */
  keySecrets?: KeySecret[];
  publicKeys: KeyObject[];
  /** Why cosign.pub could not be read, when signing is off and that is no failure yet. */
  publicKeyMissing?: string;
  registry: RegistryInputs;
}

export async function readInputs(signingKeys: SigningKeys): Promise<PreflightInputs> {
  const image = requiredInput('image', 'the repository the pipeline pushes to, e.g. ghcr.io/owner/name');
  const registry = readRegistryInputs();
  const off =
    !signingKeys.problem &&
    keySecretsAbsent(
      signingKeys.keys.map((k) => k.spec),
      process.env,
    );
  let keySecrets: KeySecret[] | undefined;
  if (!off) {
    await keyInputChecked(signingKeys);
    keySecrets = signingKeys.keys.map((k) => ({ spec: k.spec, passwordEnv: k.passwordEnv, key: k.pending.key() }));
  }
  if (off) {
    try {
      return { image, registry, publicKeys: rawInput('public-key') ? await publicKeysInput('public-key') : [] };
    } catch (e) {
      return { image, registry, publicKeys: [], publicKeyMissing: (e as Error).message };
    }
  }
  requiredInput('public-key', 'the committed cosign.pub (a path or its contents): the key hosts verify with');
  return { image, registry, keySecrets: keySecrets!, publicKeys: await publicKeysInput('public-key') };
}
