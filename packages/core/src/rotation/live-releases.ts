/**
 * The releases hosts may still run, from the registry's tags: every channel tag's current
 * image, and the dated tags within the live window at `asOf`. Tags pointing at one digest are
 * one release.
 */
import { BydigestError } from '../errors.js';
import { parseManifestJson } from '../oci/manifest.js';
import { formatReference, withDigest, withTag, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { attachmentSubject } from '../oci/tags.js';
import { mapLimit } from '../util/map-limit.js';
import { isLiveTag, leavesWindow, tagDate, type LiveWindow } from './live-window.js';

export interface LiveRelease {
  repository: ImageReference;
  digest: string;
  /** Every live tag naming this digest: channels first, then dated tags. */
  tags: string[];
  /** The channels whose current image this is. */
  channels: string[];
  /** From its newest dated tag, else undefined until `created` is read (see releaseDate). */
  date?: Date;
  dateFrom: 'tag' | 'created' | 'unknown';
  /** When its dated tags leave the window; undefined while a channel points at it. */
  leaves?: Date;
}

export async function liveReleases(
  client: RegistryClient,
  repository: ImageReference,
  channels: string[],
  window: LiveWindow,
  asOf: Date,
): Promise<LiveRelease[]> {
  // Attachment tags (`sha256-<hex>.sig`, `.att`, `.sbom`, the referrers fallback) are not releases.
  const tags = (await client.listTags(repository)).filter((t) => !attachmentSubject(t));
  const missing = channels.filter((c) => !tags.includes(c));
  if (missing.length > 0) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `${formatReference(repository)} has no tag ${missing.map((c) => JSON.stringify(c)).join(', ')}`,
      {
        hint: `channels are tags hosts follow; this repository has ${
          tags
            .filter((t) => !tagDate(t))
            .slice(0, 10)
            .join(', ') || 'no undated tags'
        }`,
      },
    );
  }
  const live = [...new Set([...channels, ...tags.filter((t) => !channels.includes(t) && isLiveTag(window, t, asOf))])];
  const resolved = await mapLimit(live, 8, async (tag) => {
    const head = await client.headManifest(withTag(repository, tag));
    if (!head)
      throw new BydigestError(
        'NOT_FOUND',
        `${formatReference(withTag(repository, tag))} is listed but does not resolve`,
        { hint: 'a tag deleted while the gate ran: run it again' },
      );
    return { tag, digest: head.digest };
  });
  const byDigest = new Map<string, LiveRelease>();
  for (const { tag, digest } of resolved) {
    const r = byDigest.get(digest) ?? { repository, digest, tags: [], channels: [], dateFrom: 'unknown' as const };
    r.tags.push(tag);
    if (channels.includes(tag)) r.channels.push(tag);
    const d = tagDate(tag);
    if (d && (!r.date || d > r.date)) Object.assign(r, { date: d, dateFrom: 'tag' });
    byDigest.set(digest, r);
  }
  for (const r of byDigest.values()) {
    // A host leaves a release when it updates; the newest dated tag of a digest is the last day it was current.
    if (r.date && r.channels.length === 0) {
      const leaves = leavesWindow(window, r.date);
      if (leaves) r.leaves = leaves;
    }
  }
  return [...byDigest.values()];
}

/** A release without a dated tag: its date is the image config's `created`. */
export async function createdDate(
  client: RegistryClient,
  repository: ImageReference,
  platformDigest: string,
): Promise<Date | undefined> {
  const m = await client.getManifest(withDigest(repository, platformDigest));
  const doc = parseManifestJson(m, formatReference(withDigest(repository, platformDigest))) as {
    config?: { digest?: string };
  };
  if (!doc.config?.digest) return undefined;
  const config = JSON.parse(
    (await client.getBlob(repository, doc.config.digest, 4 * 1024 * 1024)).toString('utf8'),
  ) as { created?: unknown };
  const date = typeof config.created === 'string' ? new Date(config.created) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
