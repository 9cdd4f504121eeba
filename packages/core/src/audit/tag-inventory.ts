/**
 * A repository's tags split into those hosts pull and the attachment tags, each pulled tag read
 * once (HEAD) for its digest. A tag that cannot be read is kept with its error: it becomes
 * `unknown`, never a pass.
 */
import { formatReference, repositoryName, withTag, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { attachmentSubject } from '../oci/tags.js';
import { mapLimit } from '../util/map-limit.js';

export interface ResolvedTag {
  tag: string;
  digest?: string;
  /** Why the tag could not be resolved. */
  error?: string;
}

export interface TagInventory {
  repository: ImageReference;
  image: string;
  tags: ResolvedTag[];
  attachments: { tag: string; subject: string }[];
}

/** `onResolved` hears each tag's digest as soon as it is read, so judging it need not wait for the rest. */
export async function tagInventory(
  client: RegistryClient,
  repository: ImageReference,
  onResolved?: (tag: string, digest: string) => void,
): Promise<TagInventory> {
  const all = await client.listTags(repository, { missing: 'error' });
  const attachments: TagInventory['attachments'] = [];
  const pulled: string[] = [];
  for (const tag of all) {
    const a = attachmentSubject(tag);
    if (a) attachments.push({ tag, subject: a.subject });
    else pulled.push(tag);
  }
  // As many HEADs in flight as the transport keeps connections to one registry (16).
  const tags = await mapLimit(pulled, 16, async (tag): Promise<ResolvedTag> => {
    try {
      const head = await client.headManifest(withTag(repository, tag));
      if (head) onResolved?.(tag, head.digest);
      return head
        ? { tag, digest: head.digest }
        : {
            tag,
            error: `${formatReference(withTag(repository, tag))} is listed but does not resolve (deleted during the audit?)`,
          };
    } catch (e) {
      return { tag, error: (e as Error).message };
    }
  });
  return { repository, image: repositoryName(repository), tags, attachments };
}
