/**
 * The SBOM a digest must carry: an SBOM referrer (artifact type SPDX, CycloneDX or syft) whose
 * own `.sig` verifies as the image's does. Also returns every referrer, since their attachment
 * tags are not orphans.
 */
import type { KeyObject } from 'node:crypto';
import { withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import type { Policy, PolicyRequirement } from '../policy/types.js';
import { SBOM_FORMAT_TYPES } from '../sbom/media-types.js';
import { verifyImage } from '../verify/verify-image.js';
import type { ReferrersReader } from './referrers-of.js';
import type { AuditHostPolicy, AuditProblem } from './types.js';

const SBOM_TYPES = new Set(Object.values(SBOM_FORMAT_TYPES).map((t) => t.artifactType));

export interface SbomFindings {
  problems: AuditProblem[];
  referrers: string[];
}

export async function sbomCheck(
  client: RegistryClient,
  referrersOf: ReferrersReader,
  repository: ImageReference,
  digest: string,
  trust: { publicKeys?: readonly KeyObject[]; host?: AuditHostPolicy },
): Promise<SbomFindings> {
  const listing = await referrersOf(repository, digest);
  const referrers = listing.descriptors.map((d) => d.digest);
  const sboms = listing.descriptors.filter((d) => d.artifactType !== undefined && SBOM_TYPES.has(d.artifactType));
  if (sboms.length === 0)
    return {
      problems: [
        {
          code: 'no-sbom',
          message: `${digest} has no SBOM referrer (${listing.via === 'api' ? 'referrers API' : 'referrers fallback tag'})`,
        },
      ],
      referrers,
    };
  // Any one signed SBOM is enough: a re-attached SBOM leaves the older one listed.
  const reasons: string[] = [];
  for (const sbom of sboms) {
    const image = withDigest(repository, sbom.digest);
    const verdict = await verifyImage(client, {
      image,
      format: 'legacy',
      ...(trust.publicKeys ? { publicKeys: trust.publicKeys } : {}),
      // By digest, in the repository's scope: that scope's keys judge it.
      ...(trust.host ? { host: { ...trust.host, policy: keysOnly(trust.host.policy), pullRef: image } } : {}),
    });
    if (verdict.passed) return { problems: [], referrers };
    const top = verdict.targets[0];
    reasons.push(
      `${sbom.digest}: ${top?.policy?.evaluation.message ?? top?.problems.map((p) => p.code).join(', ') ?? 'refused'}`,
    );
  }
  return {
    problems: [
      {
        code: 'sbom-unsigned',
        message: `${digest}: ${sboms.length} SBOM referrer(s), none with a signature that verifies (${reasons.join('; ')})`,
      },
    ],
    referrers,
  };
}

/**
 * The policy with every sigstoreSigned identity relaxed to matchRepository: hosts never pull an
 * SBOM, so only its keys matter, and attach-sbom (like cosign) signs it for the repository name,
 * which matchRepoDigestOrExact refuses for any pull.
 */
function keysOnly(policy: Policy): Policy {
  const relax = (rs: PolicyRequirement[]): PolicyRequirement[] =>
    rs.map((r) => (r.type === 'sigstoreSigned' ? { ...r, signedIdentity: { type: 'matchRepository' } } : r));
  return {
    default: relax(policy.default),
    transports: new Map(
      [...policy.transports].map(([t, scopes]) => [t, new Map([...scopes].map(([scope, rs]) => [scope, relax(rs)]))]),
    ),
  };
}
