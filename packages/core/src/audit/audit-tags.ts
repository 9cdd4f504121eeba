/**
 * audit-tags: every tag of each repository read once, every distinct digest judged once, each
 * tag given its digest's verdict (and its own identity's, in policy mode). Read-only: nothing
 * here writes to a registry. A tag whose digest could not be read or judged is `unknown`.
 */
import type { RegistryClient } from '../oci/remote/registry.js';
import { limiter, mapLimit } from '../util/map-limit.js';
import { repositoryName, type ImageReference } from '../oci/reference.js';
import { digestFindings, readDigest, type DigestFindings, type DigestRead } from './digest-checks.js';
import { expectSameProblems } from './expect-same.js';
import { orphanTags } from './orphans.js';
import { referrersReader, type ReferrersReader } from './referrers-of.js';
import { staleProblem } from './staleness.js';
import { tagInventory, type TagInventory } from './tag-inventory.js';
import type { AuditProblem, AuditReport, AuditRequest, AuditStats, TagResult } from './types.js';

export async function auditTags(
  client: RegistryClient,
  request: AuditRequest,
): Promise<{ report: AuditReport; stats: AuditStats }> {
  const report: AuditReport = { tags: [], orphans: [] };
  const stats: AuditStats = {
    repositories: request.repositories.length,
    tags: 0,
    digests: 0,
    attachmentTags: 0,
    orphansSkipped: [],
  };
  const referrersOf = referrersReader(client);
  // Each digest is read as soon as a tag is found to point at it, beside the HEADs still running.
  const reads = new Map<string, Promise<DigestRead | { error: string }>>();
  const gate = limiter(DIGESTS_AT_ONCE);
  const readKey = (repository: ImageReference, digest: string) => `${repositoryName(repository)}@${digest}`;
  // Repositories one after another: a repository that cannot be listed stops the audit, named.
  const inventories: TagInventory[] = [];
  for (const repository of request.repositories) {
    const inventory = await tagInventory(client, repository, (tag, digest) => {
      const key = readKey(repository, digest);
      if (reads.has(key)) return;
      const read = gate(() => readDigest(client, referrersOf, repository, digest, tag, request)).catch(
        (e: unknown) => ({ error: (e as Error).message }),
      );
      reads.set(key, read);
    });
    inventories.push(inventory);
  }
  for (const inventory of inventories) {
    const readOf = (digest: string) => reads.get(readKey(inventory.repository, digest));
    const { tags, orphans, digests, complete } = await auditRepository(client, referrersOf, readOf, inventory, request);
    report.tags.push(...tags);
    report.orphans.push(...orphans);
    stats.tags += tags.length;
    stats.digests += digests;
    stats.attachmentTags += inventory.attachments.length;
    if (!complete) stats.orphansSkipped.push(inventory.image);
  }
  return { report, stats };
}

// Each digest is a short chain of reads (manifest, .sig, its payload): 16 at once keep the registry busy.
const DIGESTS_AT_ONCE = 16;

async function auditRepository(
  client: RegistryClient,
  referrersOf: ReferrersReader,
  readOf: (digest: string) => Promise<DigestRead | { error: string }> | undefined,
  inventory: TagInventory,
  request: AuditRequest,
) {
  const { repository, image } = inventory;
  const byDigest = new Map<string, string[]>();
  for (const t of inventory.tags) if (t.digest) byDigest.set(t.digest, [...(byDigest.get(t.digest) ?? []), t.tag]);
  const findings = new Map<string, DigestFindings | { error: string }>();
  await mapLimit([...byDigest], DIGESTS_AT_ONCE, async ([digest, tags]) => {
    try {
      const read = await readOf(digest);
      if (!read) throw new Error(`${digest} was not read`);
      findings.set(digest, 'error' in read ? read : await digestFindings(client, repository, read, tags, request));
    } catch (e) {
      findings.set(digest, { error: (e as Error).message });
    }
  });
  const same = expectSameProblems(inventory.tags, request.expectSame ?? []);
  const asOf = request.asOf ?? new Date();
  const results = await mapLimit(inventory.tags, 4, async (t): Promise<TagResult> => {
    const found = t.digest ? findings.get(t.digest) : undefined;
    const problems: AuditProblem[] = [];
    if (t.error !== undefined || !found || 'error' in found) {
      problems.push({
        code: 'unreadable',
        message: t.error ?? (found && 'error' in found ? found.error : 'not judged'),
      });
    } else {
      problems.push(...(found.problemsByTag.get(t.tag) ?? []));
      if (request.stale?.pattern.test(t.tag)) {
        const configOf = found.targets[1]?.digest ?? found.digest;
        const stale = await staleProblem(
          client,
          repository,
          byDigest.get(found.digest) ?? [],
          configOf,
          request.stale,
          asOf,
        ).catch((e: unknown) => ({ code: 'unreadable' as const, message: `age: ${(e as Error).message}` }));
        if (stale) problems.push(stale);
      }
    }
    const notSame = same.get(t.tag);
    if (notSame) problems.push(notSame);
    const status = problems.some((p) => p.code === 'unreadable') ? 'unknown' : problems.length > 0 ? 'fail' : 'pass';
    return { image, tag: t.tag, digest: t.digest ?? '', status, problems };
  });
  for (const tag of request.expectSame ?? []) {
    if (!inventory.tags.some((t) => t.tag === tag))
      results.push({
        image,
        tag,
        digest: '',
        status: 'fail',
        problems: [{ code: 'not-same', message: `expect-same names ${tag}, which ${image} does not have` }],
      });
  }
  const { live, complete } = await liveDigests(referrersOf, inventory, byDigest, findings);
  // An unreadable index may keep alive what we could not see: no orphan is claimed then.
  return { tags: results, orphans: complete ? orphanTags(inventory, live) : [], digests: byDigest.size, complete };
}

/**
 * What the tags keep alive: their digests, platform manifests and referrers. Referrers not read
 * for the SBOM check are read only when an attachment tag would otherwise be an orphan.
 */
async function liveDigests(
  referrersOf: ReferrersReader,
  inventory: TagInventory,
  byDigest: Map<string, string[]>,
  findings: Map<string, DigestFindings | { error: string }>,
) {
  const live = new Set<string>(byDigest.keys());
  let complete = !inventory.tags.some((t) => t.error !== undefined);
  const unread: string[] = [];
  for (const f of findings.values()) {
    if ('error' in f) complete = false;
    else {
      for (const d of f.live) live.add(d);
      if (!f.referrersRead) unread.push(f.digest);
    }
  }
  if (complete && unread.length > 0 && inventory.attachments.some((a) => !live.has(a.subject))) {
    await mapLimit(unread, 4, async (digest) => {
      try {
        for (const d of (await referrersOf(inventory.repository, digest)).descriptors) live.add(d.digest);
      } catch {
        complete = false;
      }
    });
  }
  return { live, complete };
}
