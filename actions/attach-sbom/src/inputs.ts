import { defaultReferrersMode, parseDigestReference, type ReferrersMode } from '@bydigest/core';
import {
  booleanInput,
  choiceInput,
  keyInputChecked,
  keyValueInput,
  parseInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  type RegistryInputs,
  type SigningKeys,
} from '@bydigest/action-kit';

export interface AttachInputs {
  image: ReturnType<typeof parseDigestReference>;
  /** The SBOM file. */
  sbom: string;
  /** Given explicitly; otherwise detected from the SBOM. */
  artifactType?: string;
  referrers: ReferrersMode;
  annotations: Record<string, string>;
  sign: boolean;
  registry: RegistryInputs;
}

/** Every input, checked before the first request (the key's password waits for scrypt). */
export async function readInputs(signingKeys: SigningKeys | undefined): Promise<AttachInputs> {
  const image = parseInput('image-ref', parseDigestReference, { required: true })!;
  const sbom = requiredInput('sbom', 'the path of the SBOM file written by generate-sbom, syft or your SBOM tool');
  const mode = choiceInput('referrers', ['auto', 'api', 'tag'] as const, 'auto');
  const annotations = keyValueInput('annotations');
  const sign = booleanInput('sign', true);
  const artifactType = rawInput('artifact-type') || undefined;
  const registry = readRegistryInputs();
  if (sign && signingKeys) await keyInputChecked(signingKeys);
  return {
    image,
    sbom,
    ...(artifactType ? { artifactType } : {}),
    referrers: mode === 'auto' ? defaultReferrersMode(image.registry) : mode,
    annotations,
    sign: sign && signingKeys !== undefined,
    registry,
  };
}
