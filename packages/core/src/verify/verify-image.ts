/**
 * verifyImage: one image digest (and each platform manifest of an index) judged the ways a
 * pipeline asks — cosign's key view, cosign's keyless view, a bootc host's policy — as data. The
 * caller renders it: verify-digest fails the step with verificationFailure() and writes the
 * summary from summaryRows(); audit-tags reads `passed` and `problems` per digest.
 */
import type { KeyObject } from 'node:crypto';
import { readSigstoreAttachments, type SigstoreAttachments } from '../cosign/legacy/signature-store.js';
import { sameRepository, withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import type { RequirementCode } from '../policy/reason-codes.js';
import type { KeylessVerification } from '../cosign/keyless/verify.js';
import { mapLimit } from '../util/map-limit.js';
import { keyCheck, type KeyCheck } from './key-check.js';
import { keylessCheck, type KeylessRequest } from './keyless-check.js';
import { evaluateHostPolicy, policyAccepted, type HostPolicyInput, type PolicyCheck } from './policy-mode.js';
import { verificationTargets, type Target } from './targets.js';

/** Which signatures count for the key and keyless checks: the `.sig` (what hosts read), bundles, or both. */
export type SignatureFormat = 'legacy' | 'bundle' | 'any';

export interface VerifyImageRequest {
  image: ImageReference & { digest: string };
  format: SignatureFormat;
  /** cosign verify --key: a signature valid for any one of them counts. */
  publicKeys?: readonly KeyObject[];
  /** cosign verify --certificate-identity … --certificate-oidc-issuer …. */
  keyless?: KeylessRequest;
  /** A bootc host's policy.json and registries.d, evaluated for the reference it pulls. */
  host?: HostPolicyInput;
}

/** Why a check refused a manifest. */
export type VerifyProblem =
  | { check: 'key' | 'keyless'; code: 'NO_SIGNATURE' | 'NO_VALID_SIGNATURE' }
  | { check: 'policy'; code: RequirementCode };

export interface TargetVerdict {
  target: Target;
  /** The `.sig` in the image's repository, when a key or keyless check read it. */
  fetched?: SigstoreAttachments;
  key?: KeyCheck;
  keyless?: KeylessVerification;
  policy?: PolicyCheck;
  passed: boolean;
  problems: VerifyProblem[];
}

export interface ImageVerdict {
  image: ImageReference & { digest: string };
  /** The image itself first, then each platform manifest of an index. */
  targets: TargetVerdict[];
  passed: boolean;
  /** On the image itself: valid signatures for the key(s), else keyless ones, else those the policy accepted. */
  signatures: number;
  /** When the host pulls a tag: the digest it resolves to now (undefined when it does not resolve yet). */
  pullRefNow?: { digest?: string };
}

export async function verifyImage(client: RegistryClient, request: VerifyImageRequest): Promise<ImageVerdict> {
  const targets = await verificationTargets(client, request.image);
  const pullRef = request.host?.pullRef;
  // The verdict is about the image's digest; what the tag hosts pull points at today is context.
  const pullRefNow = pullRef?.tag !== undefined ? { ...(await headDigest(client, pullRef)) } : undefined;
  const verdicts = await mapLimit(targets, 4, (t) => verifyTarget(client, request, t));
  const top = verdicts[0]!;
  const signatures = top.key
    ? top.key.valid
    : top.keyless
      ? top.keyless.valid.length
      : top.policy
        ? policyAccepted(top.policy.evaluation)
        : 0;
  return {
    image: request.image,
    targets: verdicts,
    passed: verdicts.every((v) => v.passed),
    signatures,
    ...(pullRefNow ? { pullRefNow } : {}),
  };
}

async function verifyTarget(
  client: RegistryClient,
  request: VerifyImageRequest,
  target: Target,
): Promise<TargetVerdict> {
  const at = withDigest(request.image, target.digest);
  const out: TargetVerdict = { target, passed: true, problems: [] };
  const refuse = (problem: VerifyProblem) => {
    out.passed = false;
    out.problems.push(problem);
  };
  // One read of the .sig, shared by every check that wants it.
  let sig: Promise<SigstoreAttachments> | undefined;
  const readSig = request.format !== 'bundle' ? () => (sig ??= readSigstoreAttachments(client, at)) : () => undefined;
  const readBundles = request.format !== 'legacy';
  if (request.publicKeys && request.publicKeys.length > 0) {
    out.key = await keyCheck(client, at, request.publicKeys, readSig(), readBundles);
    const found = (out.key.legacy?.verdicts.length ?? 0) + (out.key.bundle?.length ?? 0);
    if (out.key.valid === 0) refuse({ check: 'key', code: found === 0 ? 'NO_SIGNATURE' : 'NO_VALID_SIGNATURE' });
  }
  if (request.keyless) {
    out.keyless = await keylessCheck(client, at, request.keyless, readSig(), readBundles);
    if (out.keyless.valid.length === 0)
      refuse({ check: 'keyless', code: out.keyless.verdicts.length === 0 ? 'NO_SIGNATURE' : 'NO_VALID_SIGNATURE' });
  }
  if (sig) out.fetched = await sig;
  if (request.host) {
    const same = out.fetched && sameRepository(request.host.pullRef, request.image) ? out.fetched : undefined;
    out.policy = await evaluateHostPolicy(
      client,
      request.host,
      { digest: target.digest, bytes: target.manifestBytes },
      same,
    );
    if (!out.policy.evaluation.allowed)
      refuse({ check: 'policy', code: out.policy.evaluation.code ?? 'SIGNATURES_REJECTED' });
  }
  return out;
}

async function headDigest(client: RegistryClient, ref: ImageReference): Promise<{ digest?: string }> {
  const head = await client.headManifest(ref).catch(() => undefined);
  return head ? { digest: head.digest } : {};
}
