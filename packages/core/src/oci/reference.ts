import { BydigestError } from '../errors.js';
import { parseDigest } from './digest.js';

/** A parsed image reference. `registry` is as written (docker.io for Docker Hub). */
export interface ImageReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;

function invalid(input: string, why: string, hint?: string): BydigestError {
  const shown = input.length > 120 ? `${input.slice(0, 120)}…` : input;
  return new BydigestError(
    'INVALID_REFERENCE',
    `invalid image reference ${JSON.stringify(shown)}: ${why}`,
    hint ? { hint } : {},
  );
}

/**
 * Parses `[registry/]repo[:tag][@sha256:…]` the way distribution/reference does, with
 * Docker Hub normalisation (`busybox` → `docker.io/library/busybox`).
 */
/** A repository on a registry: what blob and tag operations address. */
export type RepoRef = Pick<ImageReference, 'registry' | 'repository'>;

export function parseReference(input: string): ImageReference {
  const value = input.trim();
  if (value === '') throw invalid(input, 'it is empty');
  if (value.length > 2048) throw invalid(input, 'it is longer than 2048 characters');
  if (/\s/.test(value)) throw invalid(input, 'it contains white space');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw invalid(input, 'it has a URL scheme', 'write the reference without a scheme, e.g. ghcr.io/owner/image');
  }
  let rest = value;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    try {
      digest = parseDigest(rest.slice(at + 1));
    } catch (e) {
      throw invalid(input, (e as Error).message);
    }
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag))
      throw invalid(
        input,
        `tag ${JSON.stringify(tag)} is not valid (letters, digits, _ . -; at most 128; not starting with . or -)`,
      );
  }
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0] ?? '';
  if (
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))
  ) {
    registry = first;
    parts.shift();
    if (!HOST.test(registry)) throw invalid(input, `registry ${JSON.stringify(registry)} is not a valid host[:port]`);
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
  if (parts.length === 0 || parts.some((p) => p === ''))
    throw invalid(input, 'the repository path is empty or has an empty component');
  for (const p of parts) {
    if (p !== p.toLowerCase()) {
      throw invalid(
        input,
        'repository names must be lower-case',
        `use ${JSON.stringify(parts.join('/').toLowerCase())}`,
      );
    }
    if (!COMPONENT.test(p))
      throw invalid(
        input,
        `repository component ${JSON.stringify(p)} is not valid (a-z, 0-9, separated by . _ __ or -)`,
      );
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (registry.length + 1 + repository.length > 255)
    throw invalid(input, 'the repository name is longer than 255 characters');
  const ref: ImageReference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** A reference that must carry a digest: signing, attaching and promoting never follow a tag. */
export function parseDigestReference(input: string): ImageReference & { digest: string } {
  const ref = parseReference(input);
  if (ref.digest === undefined) {
    throw invalid(
      input,
      'a digest is required here, not a tag',
      "pass repo@sha256:… — capture-digest's `image-ref` output gives exactly that; a tag can move between push and use",
    );
  }
  return ref as ImageReference & { digest: string };
}

/** A repository with neither tag nor digest (the `image` input of capture-digest). */
export function parseRepository(input: string): ImageReference {
  const ref = parseReference(input);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw invalid(input, 'expected a repository without tag or digest', 'put tags in the `tags` input');
  }
  return ref;
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** `registry/repository` — also the docker-reference cosign writes into signatures. */
export function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry === DOCKER_HUB ? 'index.docker.io' : ref.registry}/${ref.repository}`;
}

export function formatReference(ref: ImageReference): string {
  let s = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

export function withDigest(ref: ImageReference, digest: string): ImageReference & { digest: string } {
  return { registry: ref.registry, repository: ref.repository, digest };
}

export function withTag(ref: ImageReference, tag: string): ImageReference & { tag: string } {
  return { registry: ref.registry, repository: ref.repository, tag };
}

export function sameRepository(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository === b.repository;
}

/** The host the registry API is served on (Docker Hub's API host differs from its name). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}

export function isLoopbackHost(hostWithPort: string): boolean {
  const host = hostWithPort.startsWith('[')
    ? hostWithPort.slice(1, hostWithPort.indexOf(']'))
    : hostWithPort.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
