/**
 * Everything judged once per distinct digest: its signatures (verifyImage, the verdict
 * verify-digest gives), its SBOM, its platform manifests and referrers. In policy mode the
 * signatures are read once and the policy evaluated again for each tag's identity. The reads
 * start with the first tag found to point at the digest (`readDigest`), while other tags are
 * still being resolved; the per-tag verdicts wait for all of them (`digestFindings`).
 */
import { withDigest, withTag, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { evaluateHostPolicy } from '../verify/policy-mode.js';
import type { Target } from '../verify/targets.js';
import { verifyImage } from '../verify/verify-image.js';
import type { ReferrersReader } from './referrers-of.js';
import { sbomCheck } from './sbom-check.js';
import { keyProblems, policyProblem } from './signature-problems.js';
import type { AuditProblem, AuditRequest } from './types.js';

export interface DigestFindings {
  digest: string;
  /** Problems per tag (policy identities differ per tag); in key mode every tag gets the same. */
  problemsByTag: Map<string, AuditProblem[]>;
  /** Platform manifests, and referrers when the SBOM was checked: what this image keeps alive. */
  live: string[];
  /** Whether `live` holds the referrers (else they are read only if an orphan candidate needs them). */
  referrersRead: boolean;
  /** The image itself and its platform manifests, as read. */
  targets: Target[];
}

/** What was read of a digest, judged for the tag `first` (the one it was reached by). */
export interface DigestRead {
  digest: string;
  first: string;
  verdict: Awaited<ReturnType<typeof verifyImage>>;
  sbom: Awaited<ReturnType<typeof sbomCheck>> | undefined;
}

export async function readDigest(
  client: RegistryClient,
  referrersOf: ReferrersReader,
  repository: ImageReference,
  digest: string,
  first: string,
  request: AuditRequest,
): Promise<DigestRead> {
  const image = withDigest(repository, digest);
  const host = request.host ? { ...request.host, pullRef: withTag(repository, first) } : undefined;
  const [verdict, sbom] = await Promise.all([
    verifyImage(client, {
      image,
      format: 'legacy',
      ...(request.publicKeys ? { publicKeys: request.publicKeys } : {}),
      ...(host ? { host } : {}),
    }),
    request.require.sbom
      ? sbomCheck(client, referrersOf, repository, digest, {
          ...(request.publicKeys ? { publicKeys: request.publicKeys } : {}),
          ...(request.host ? { host: request.host } : {}),
        })
      : undefined,
  ]);
  return { digest, first, verdict, sbom };
}

/** Each tag's problems from what was read of its digest: identities are judged per tag. */
export async function digestFindings(
  client: RegistryClient,
  repository: ImageReference,
  read: DigestRead,
  tags: readonly string[],
  request: AuditRequest,
): Promise<DigestFindings> {
  const { digest, first, verdict, sbom } = read;
  const problemsByTag = new Map<string, AuditProblem[]>();
  const shared = request.require.signature && request.publicKeys ? keyProblems(verdict) : [];
  for (const tag of tags) {
    const signature: AuditProblem[] = [...shared];
    if (request.require.signature && request.host) {
      for (const t of verdict.targets) {
        const evaluation =
          tag === first
            ? t.policy!.evaluation
            : (
                await evaluateHostPolicy(
                  client,
                  { ...request.host, pullRef: withTag(repository, tag) },
                  { digest: t.target.digest, bytes: t.target.manifestBytes },
                  t.policy!.fetched,
                )
              ).evaluation;
        const p = policyProblem(t.target, evaluation);
        if (p) signature.push(p);
      }
    }
    problemsByTag.set(tag, [...signature, ...(sbom?.problems ?? [])]);
  }
  const targets = verdict.targets.map((t) => t.target);
  return {
    digest,
    problemsByTag,
    live: [...targets.slice(1).map((t) => t.digest), ...(sbom?.referrers ?? [])],
    referrersRead: sbom !== undefined,
    targets,
  };
}
