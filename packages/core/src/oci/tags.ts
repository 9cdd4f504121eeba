import { BydigestError } from '../errors.js';
import { formatReference, isValidTag, parseReference, sameRepository, type ImageReference } from './reference.js';

/**
 * Tag list entries are plain tags or full references (docker/metadata-action prints
 * `ghcr.io/o/img:1.2`); full references must name `repo`. Duplicates are dropped, order kept.
 */
export function parseTagList(repo: ImageReference, entries: string[]): string[] {
  const tags: string[] = [];
  for (const entry of entries) {
    let tag: string;
    if (entry.includes('/') || entry.includes('@')) {
      const ref = parseReference(entry);
      if (ref.digest !== undefined)
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} is a digest reference, not a tag`);
      if (ref.tag === undefined) throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`);
      if (!sameRepository(ref, repo)) {
        throw new BydigestError(
          'INVALID_ARGUMENT',
          `${JSON.stringify(entry)} is not in repository ${formatReference(repo)}`,
          {
            hint: 'list tags of the `image` repository only',
          },
        );
      }
      tag = ref.tag;
    } else {
      if (!isValidTag(entry)) {
        throw new BydigestError(
          'INVALID_ARGUMENT',
          `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`,
        );
      }
      tag = entry;
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * Promotion targets: plain tags land in the source repository, full references anywhere;
 * each must carry a tag (a digest target would be a no-op that proves nothing).
 */
export function parseTargets(source: ImageReference, entries: string[]): (ImageReference & { tag: string })[] {
  const out: (ImageReference & { tag: string })[] = [];
  for (const entry of entries) {
    let target: ImageReference & { tag: string };
    if (entry.includes('/') || entry.includes('@')) {
      const ref = parseReference(entry);
      if (ref.digest !== undefined)
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} carries a digest; targets are tags`);
      if (ref.tag === undefined)
        throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(entry)} has no tag`, { hint: 'write repo:tag' });
      target = { registry: ref.registry, repository: ref.repository, tag: ref.tag };
    } else {
      if (!isValidTag(entry))
        throw new BydigestError(
          'INVALID_ARGUMENT',
          `${JSON.stringify(entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)} is not a valid tag`,
        );
      target = { registry: source.registry, repository: source.repository, tag: entry };
    }
    if (!out.some((t) => formatReference(t) === formatReference(target))) out.push(target);
  }
  return out;
}

/** cosign's `sha256-<hex>.sig/.att/.sbom` tags and the referrers fallback index `sha256-<hex>`. */
const ATTACHMENT_TAG = /^sha256-([a-f0-9]{64})(?:\.([a-z]+))?$/;

/** The subject digest an attachment tag hangs off, or undefined for a tag hosts pull. */
export function attachmentSubject(tag: string): { subject: string; kind: string } | undefined {
  const m = ATTACHMENT_TAG.exec(tag);
  return m ? { subject: `sha256:${m[1]}`, kind: m[2] ?? 'referrers' } : undefined;
}
