import { setSecret } from '@actions/core';
import { InputError, parseInput, rawInput, truncate, withInput } from '@bydigest/action-kit';
import { checkRefName, parseRepositorySlug } from '@bydigest/core';

export interface ResolveRefInputs {
  owner: string;
  repo: string;
  /** Undefined: the default branch. */
  ref?: string;
  labelKey: string;
  buildArgName: string;
  githubToken: string;
}

/** An OCI label key as buildah and the image-spec's annotation rules take it: reverse DNS, no `=` or spaces. */
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A build argument as a Containerfile `ARG` declares it. */
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readInputs(env: NodeJS.ProcessEnv = process.env): ResolveRefInputs {
  const token = rawInput('github-token');
  if (token) setSecret(token);
  const slug = rawInput('repository') || env.GITHUB_REPOSITORY || '';
  if (slug === '') throw new InputError('repository', 'is empty and GITHUB_REPOSITORY is not set', 'give owner/name');
  // Not parseInput: an empty input falls back to GITHUB_REPOSITORY, which parseInput would skip as empty.
  const { owner, repo } = withInput('repository', () => parseRepositorySlug(slug));
  const ref = rawInput('ref') || undefined;
  if (ref !== undefined) parseInput('ref', checkRefName);
  const labelKey = rawInput('label-key') || 'org.opencontainers.image.revision';
  if (!LABEL_KEY.test(labelKey) || labelKey.length > 255) {
    throw new InputError(
      'label-key',
      `${JSON.stringify(truncate(labelKey))} is not a label key`,
      'use reverse DNS of letters, digits, ".", "-" and "_", e.g. place.the-empty.margine.spec-ref',
    );
  }
  const buildArgName = rawInput('build-arg-name') || 'SPEC_REF';
  if (!ARG_NAME.test(buildArgName) || buildArgName.length > 255) {
    throw new InputError(
      'build-arg-name',
      `${JSON.stringify(truncate(buildArgName))} is not a build argument name`,
      'use letters, digits and "_", not starting with a digit, as the Containerfile\'s ARG declares it (e.g. SPEC_REF)',
    );
  }
  if (!token)
    throw new InputError(
      'github-token',
      'is empty',
      'leave it at its default (${{ github.token }}) or pass a token that can read the repository',
    );
  return { owner, repo, ...(ref ? { ref } : {}), labelKey, buildArgName, githubToken: token };
}
