import { parseDigestReference, parseTagList, repositoryName, type PendingKey } from '@bydigest/core';
import {
  booleanInput,
  choiceInput,
  InputError,
  keyInputChecked,
  keyValueInput,
  listInput,
  parseInput,
  readRegistryInputs,
  type RegistryInputs,
} from '@bydigest/action-kit';

export interface SignInputs {
  image: ReturnType<typeof parseDigestReference>;
  format: 'legacy' | 'bundle' | 'both';
  /** The docker-references the legacy signatures name. */
  identities: string[];
  recursive: boolean;
  /** `annotations:` lines, into the payload's `optional` (and the bundle statement's subject). */
  annotations: Record<string, string>;
  /** Add the workflow run (repository, sha, workflow ref, run id) to the annotations. */
  annotateGithub: boolean;
  registry: RegistryInputs;
}

/**
 * Reads every input and checks the key input is well-formed (its password is checked by scrypt,
 * later): every mistake a user can make in `with:` fails here, before any request.
 */
export async function readInputs(pendingKey: PendingKey): Promise<SignInputs> {
  const image = parseInput('image-ref', parseDigestReference, { required: true })!;
  const format = choiceInput('format', ['legacy', 'bundle', 'both'] as const, 'legacy');
  const identity = choiceInput('identity', ['repository', 'tags'] as const, 'repository');
  const recursive = booleanInput('recursive', true);
  const annotations = keyValueInput('annotations');
  const annotateGithub = booleanInput('annotate-github', false);
  const tagEntries = listInput('tags');
  if (identity === 'tags' && tagEntries.length === 0) {
    throw new InputError('tags', 'is empty but identity is tags', 'list the tags the image is published under, or use identity: repository');
  }
  const tags = parseInput('tags', () => parseTagList(image, tagEntries)) ?? [];
  const identities = identity === 'repository' ? [repositoryName(image)] : tags.map((t) => `${repositoryName(image)}:${t}`);
  const registry = readRegistryInputs();
  await keyInputChecked(pendingKey);
  return { image, format, identities, recursive, annotations, annotateGithub, registry };
}
