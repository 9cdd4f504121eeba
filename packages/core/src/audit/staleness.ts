/**
 * A channel gone stale: a tag matching the pattern whose image is older than the bound. The
 * age comes from the newest dated tag on the same digest (what the pipeline named it), else
 * the config's `created` (of the first platform manifest for an index).
 */
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { createdDate } from '../rotation/live-releases.js';
import { isoDay, tagDate } from '../rotation/live-window.js';
import type { AuditProblem } from './types.js';

const DAY_MS = 86_400_000;

export async function staleProblem(
  client: RegistryClient,
  repository: ImageReference,
  sameDigestTags: readonly string[],
  configDigest: string,
  rule: { maxAgeDays: number },
  asOf: Date,
): Promise<AuditProblem | undefined> {
  const dated = sameDigestTags.map(tagDate).filter((d): d is Date => d !== undefined);
  const fromTag = dated.length > 0 ? new Date(Math.max(...dated.map((d) => d.getTime()))) : undefined;
  const date = fromTag ?? (await createdDate(client, repository, configDigest));
  if (!date)
    return { code: 'stale', message: `its age is unknown: no dated tag on its digest and no config created date` };
  const days = Math.floor((asOf.getTime() - date.getTime()) / DAY_MS);
  if (days <= rule.maxAgeDays) return undefined;
  return {
    code: 'stale',
    message: `its image is ${days} days old (${isoDay(date)}, from ${fromTag ? 'its dated tag' : "the config's created"}); at most ${rule.maxAgeDays} allowed`,
  };
}
