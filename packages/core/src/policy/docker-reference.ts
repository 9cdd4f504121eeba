/**
 * Docker references as containers/image's policy code sees them (docker/reference): fully
 * expanded names ("docker.io/library/busybox"), String() = name[:tag][@digest].
 */
import { parseReference, type ImageReference } from '../oci/reference.js';

/** reference.ParseNormalizedNamed; undefined where it would fail (a failed parse never matches). */
export function parseNormalizedNamed(value: string): ImageReference | undefined {
  try {
    return parseReference(value);
  } catch {
    return undefined;
  }
}

/** reference.ParseNamed: like ParseNormalizedNamed, but only the canonical (fully expanded) form. */
export function parseCanonicalNamed(value: string): ImageReference | undefined {
  const ref = parseNormalizedNamed(value);
  return ref && referenceString(ref) === value ? ref : undefined;
}

/** Named.Name(): "host/path", Docker Hub as docker.io (not index.docker.io, which cosign writes). */
export function referenceName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

/** Named.String(). */
export function referenceString(ref: ImageReference): string {
  let s = referenceName(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

export function isNameOnly(ref: ImageReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** reference.FamiliarString: Docker Hub names shortened ("busybox:latest"), everything else as is. */
export function familiarString(ref: ImageReference): string {
  let name = referenceName(ref);
  if (ref.registry === 'docker.io') {
    name = ref.repository;
    if (name.startsWith('library/') && !name.slice('library/'.length).includes('/'))
      name = name.slice('library/'.length);
  }
  if (ref.tag !== undefined) name += `:${ref.tag}`;
  if (ref.digest !== undefined) name += `@${ref.digest}`;
  return name;
}

/** transports.ImageName for the docker transport, as containers/image prints an image in messages. */
export function dockerImageName(ref: ImageReference): string {
  return `docker://${familiarString(ref)}`;
}
