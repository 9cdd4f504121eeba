/**
 * Attachment tags whose subject nothing points at any more: no tag, no index, no referrer. What
 * a retention job may delete (audit-tags deletes nothing).
 */
import type { TagInventory } from './tag-inventory.js';
import type { Orphan } from './types.js';

export function orphanTags(inventory: TagInventory, live: ReadonlySet<string>): Orphan[] {
  return inventory.attachments
    .filter((a) => !live.has(a.subject))
    .map((a) => ({ image: inventory.image, tag: a.tag, subject: a.subject }));
}
