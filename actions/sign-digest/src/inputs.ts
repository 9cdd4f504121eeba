import {
  parseDigestReference,
  parseTagList,
  PUBLIC_GOOD_FULCIO_URL,
  PUBLIC_GOOD_REKOR_URL,
  repositoryName,
} from '@bydigest/core';
import {
  booleanInput,
  choiceInput,
  InputError,
  keyInputChecked,
  keyValueInput,
  listInput,
  parseInput,
  rawInput,
  truncate,
  readRegistryInputs,
  type RegistryInputs,
  type SigningKeys,
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
  /** key: the cosign key; keyless: Fulcio + Rekor; both: a layer of each in the same `.sig`. */
  signer: 'key' | 'keyless' | 'both';
  fulcioUrl: string;
  rekorUrl: string;
  /** What to do where no OIDC token exists (a fork's pull request): fail, or sign with the key alone. */
  keylessFallback: 'none' | 'key';
}

/**
 * Reads every input and checks the key input is well-formed (its password is checked by scrypt,
 * later): every mistake a user can make in `with:` fails here, before any request.
 */
export async function readInputs(signingKeys: SigningKeys): Promise<SignInputs> {
  const signer = choiceInput('signer', ['key', 'keyless', 'both'] as const, 'key');
  const fulcioUrl = serviceUrlInput('fulcio-url', PUBLIC_GOOD_FULCIO_URL);
  const rekorUrl = serviceUrlInput('rekor-url', PUBLIC_GOOD_REKOR_URL);
  const keylessFallback = choiceInput('keyless-fallback', ['none', 'key'] as const, 'none');
  if (keylessFallback === 'key' && signer === 'key')
    throw new InputError(
      'keyless-fallback',
      'is key but signer is key: there is no keyless signing to fall back from',
      'drop keyless-fallback, or use signer: both',
    );
  const image = parseInput('image-ref', parseDigestReference, { required: true })!;
  const format = choiceInput('format', ['legacy', 'bundle', 'both'] as const, 'legacy');
  const identity = choiceInput('identity', ['repository', 'tags'] as const, 'repository');
  const recursive = booleanInput('recursive', true);
  const annotations = keyValueInput('annotations');
  const annotateGithub = booleanInput('annotate-github', false);
  const tagEntries = listInput('tags');
  if (identity === 'tags' && tagEntries.length === 0) {
    throw new InputError(
      'tags',
      'is empty but identity is tags',
      'list the tags the image is published under, or use identity: repository',
    );
  }
  const tags = parseInput('tags', () => parseTagList(image, tagEntries)) ?? [];
  const identities =
    identity === 'repository' ? [repositoryName(image)] : tags.map((t) => `${repositoryName(image)}:${t}`);
  const registry = readRegistryInputs();
  // A keyless-only step needs no key; with a fallback to the key, the key must be usable.
  if (signer !== 'keyless' || keylessFallback === 'key') {
    await keyInputChecked(signingKeys);
  }
  return {
    image,
    format,
    identities,
    recursive,
    annotations,
    annotateGithub,
    registry,
    signer,
    fulcioUrl,
    rekorUrl,
    keylessFallback,
  };
}

/** An http(s) base URL; plain http only on loopback (a test's own Fulcio or Rekor). */
function serviceUrlInput(name: string, fallback: string): string {
  const raw = rawInput(name) || fallback;
  // A URL that long is a pasted blob, not a service; browsers and servers stop near 2 kB.
  if (raw.length > 2048)
    throw new InputError(name, `is ${raw.length} characters long: not a service URL`, `e.g. ${fallback}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(name, `${JSON.stringify(truncate(raw))} is not a URL`, `e.g. ${fallback}`);
  }
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      name,
      `${JSON.stringify(truncate(raw))} must be https (plain http only on loopback)`,
      `e.g. ${fallback}`,
    );
  }
  if (url.search || url.hash)
    throw new InputError(name, 'must be a base URL without query or fragment', `e.g. ${fallback}`);
  return url.href.replace(/\/+$/, '');
}
