import type { KeyObject } from 'node:crypto';
import { parseDigestReference, parseTargets, type ImageReference } from '@bydigest/core';
import {
  booleanInput,
  InputError,
  integerInput,
  keyInputChecked,
  listInput,
  parseInput,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  type RegistryInputs,
  type SigningKeys,
} from '@bydigest/action-kit';

export interface PromoteInputs {
  source: ImageReference & { digest: string };
  targets: (ImageReference & { tag: string })[];
  /** require-signature: a valid signature by any one of these keys. */
  requiredKeys?: KeyObject[];
  copySignatures: boolean;
  /** Carry the source's signatures into other repositories as they are (hosts remap the identity). */
  allowForeignIdentity: boolean;
  concurrency: number;
  registry: RegistryInputs;
}

/** Every input, checked before the first request; a key input is checked too (its password waits for scrypt). */
export async function readInputs(signingKeys: SigningKeys | undefined): Promise<PromoteInputs> {
  const source = parseInput('source', parseDigestReference, { required: true })!;
  const entries = listInput('tags');
  if (entries.length === 0)
    throw new InputError('tags', 'lists no targets', 'e.g. stable, or ghcr.io/owner/other:stable');
  const targets = parseInput('tags', () => parseTargets(source, entries))!;
  const requiredKeys = rawInput('require-signature') ? await publicKeysInput('require-signature') : undefined;
  const inputs: PromoteInputs = {
    source,
    targets,
    ...(requiredKeys ? { requiredKeys } : {}),
    copySignatures: booleanInput('copy-signatures', true),
    allowForeignIdentity: booleanInput('allow-foreign-identity', false),
    concurrency: integerInput('concurrency', 4, { min: 1, max: 32 }),
    registry: readRegistryInputs(),
  };
  if (signingKeys) await keyInputChecked(signingKeys);
  return inputs;
}
