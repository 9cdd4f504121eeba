import type { KeyObject } from 'node:crypto';
import { formatReference, parseImageSource, parsePlatform, parseReference, type ImageReference } from '@bydigest/core';
import {
  InputError,
  parseInput,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  type RegistryInputs,
} from '@bydigest/action-kit';

export interface CheckInputs {
  source: string;
  pullRef: ImageReference;
  /** The keys the pipeline signs with: the image must trust at least one. */
  publicKeys?: KeyObject[];
  imageDigest?: string;
  platform: string;
  registry: RegistryInputs;
}

export async function readInputs(): Promise<CheckInputs> {
  const source = requiredInput(
    'source',
    "e.g. docker://ghcr.io/owner/os@sha256:… (capture-digest's image-ref), oci:./layout:latest or dir:./rootfs",
  );
  const spec = parseInput('source', parseImageSource, { required: true })!;
  requiredInput('pull-ref', 'the reference hosts pull, e.g. ghcr.io/owner/os:stable');
  const pullRef = parseInput('pull-ref', parseReference, { required: true })!;
  if (pullRef.tag !== undefined && pullRef.digest !== undefined) {
    throw new InputError(
      'pull-ref',
      `${formatReference(pullRef)} has both a tag and a digest; containers/image pulls one or the other`,
      'give the tag hosts pull, e.g. ghcr.io/owner/os:stable',
    );
  }
  const platform = rawInput('platform') || 'linux/amd64';
  parseInput('platform', parsePlatform);
  const imageDigest = rawInput('image-digest');
  if (imageDigest && !/^sha256:[a-f0-9]{64}$/.test(imageDigest))
    throw new InputError(
      'image-digest',
      `${JSON.stringify(imageDigest)} is not a sha256 digest`,
      'give sha256:<64 hex>, the digest hosts will pull',
    );
  if (imageDigest && spec.kind !== 'dir')
    throw new InputError(
      'image-digest',
      'is only for a dir: rootfs',
      'an image source has its own digest: leave image-digest empty',
    );
  const inputs: CheckInputs = {
    source,
    pullRef,
    platform,
    registry: readRegistryInputs(),
    ...(imageDigest ? { imageDigest } : {}),
  };
  if (rawInput('public-key')) inputs.publicKeys = await publicKeysInput('public-key');
  return inputs;
}
