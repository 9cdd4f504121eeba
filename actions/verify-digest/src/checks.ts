import type { KeyObject } from 'node:crypto';
import {
  evaluatePolicy,
  readSigstoreAttachments,
  sameRepository,
  verifyAttachments,
  withDigest,
  workingDirectoryReader,
  type ImageReference,
  type LegacyVerification,
  type PolicyEvaluation,
  type RegistryClient,
  type SigstoreAttachments,
  verifyKeylessAttachments,
  checkKeylessBundle,
  isKeylessBundle,
  readImageBundles,
  type KeylessVerification,
} from '@bydigest/core';
import { collectBundleVerdicts, type BundleVerdicts } from './bundle-verdicts.js';
import type { Format, HostPolicy, VerifyOptions } from './inputs.js';
import type { Target } from './targets.js';

/** cosign verify's view: signatures valid for the public key and naming this digest. */
export interface KeyCheck {
  /** Undefined with format bundle. */
  legacy?: LegacyVerification;
  /** Undefined with format legacy. */
  bundle?: BundleVerdicts;
  valid: number;
}

/** The bootc host's view: the policy evaluated for pull-ref at this digest. */
export interface PolicyCheck {
  evaluation: PolicyEvaluation;
  /** The `.sig` the host reads: in pull-ref's repository. */
  fetched: SigstoreAttachments;
}

export interface TargetResult {
  target: Target;
  /** The `.sig` in image-ref's repository (what the key check read). */
  fetched?: SigstoreAttachments;
  key?: KeyCheck;
  /** cosign's keyless view: `.sig` layers whose certificate matches the identity and issuer. */
  keyless?: KeylessVerification;
  policy?: PolicyCheck;
  passed: boolean;
}

export interface CheckOptions {
  image: ImageReference & { digest: string };
  format: Format;
  publicKeys?: KeyObject[];
  keyless?: VerifyOptions['keyless'];
  host?: HostPolicy;
}

export async function checkTarget(client: RegistryClient, target: Target, opts: CheckOptions): Promise<TargetResult> {
  const at = withDigest(opts.image, target.digest);
  const result: TargetResult = { target, passed: true };
  if (opts.publicKeys) {
    const keys = opts.publicKeys;
    const key: KeyCheck = { valid: 0 };
    // The .sig tag and the referrers are independent reads.
    const [fetched, bundle] = await Promise.all([
      opts.format !== 'bundle' ? readSigstoreAttachments(client, at) : undefined,
      opts.format !== 'legacy' ? collectBundleVerdicts(client, at, keys) : undefined,
    ]);
    if (fetched) {
      result.fetched = fetched;
      key.legacy = verifyAttachments(fetched, target.digest, keys);
      key.valid += key.legacy.valid.length;
    }
    if (bundle) {
      key.bundle = bundle;
      key.valid += bundle.verdicts.filter((v) => v.keyIndex !== undefined).length;
    }
    result.key = key;
    if (key.valid === 0) result.passed = false;
  }
  if (opts.keyless) {
    const { trust, match } = opts.keyless;
    const [fetched, bundles] = await Promise.all([
      opts.format !== 'bundle' ? (result.fetched ?? readSigstoreAttachments(client, at)) : undefined,
      opts.format !== 'legacy' ? readImageBundles(client, at) : undefined,
    ]);
    if (fetched) result.fetched = fetched;
    const legacy = fetched ? verifyKeylessAttachments(fetched, target.digest, trust, match) : undefined;
    const fromBundles = (bundles ?? [])
      .filter((b) => b.bundleBytes && isKeylessBundle(b.bundleBytes))
      .map((b) => ({ layerDigest: b.referrerDigest, bundle: true, ...checkKeylessBundle(b.bundleBytes!, target.digest, trust, match) }));
    const verdicts = [...(legacy?.verdicts ?? []), ...fromBundles];
    result.keyless = { signatureRef: legacy?.signatureRef ?? 'the sigstore bundles', verdicts, valid: verdicts.filter((v) => v.valid) };
    if (result.keyless.valid.length === 0) result.passed = false;
  }
  if (opts.host) {
    const { pullRef } = opts.host;
    const sigRepo = withDigest(pullRef, target.digest);
    const fetched = result.fetched && sameRepository(pullRef, opts.image) ? result.fetched : await readSigstoreAttachments(client, sigRepo);
    const evaluation = evaluatePolicy({
      policy: opts.host.policy,
      registries: opts.host.registries.config,
      image: { reference: pullRef, manifestDigest: target.digest, manifestBytes: target.manifestBytes },
      attachments: { signatures: fetched.layers, ...(fetched.error === undefined ? {} : { error: fetched.error }) },
      readKeyFile: workingDirectoryReader(),
    });
    result.policy = { evaluation, fetched };
    if (!evaluation.allowed) result.passed = false;
  }
  return result;
}

/** Signatures the policy accepted on this digest: those every sigstoreSigned requirement accepted. */
export function policyAccepted(evaluation: PolicyEvaluation): number {
  const signed = evaluation.requirements.filter((r) => r.requirement.type === 'sigstoreSigned' && r.evaluated);
  if (signed.length === 0) return 0;
  const [first, ...rest] = signed.map((r) => new Set(r.signatures.filter((s) => s.accepted).map((s) => s.layerDigest)));
  return [...(first ?? [])].filter((d) => rest.every((s) => s.has(d))).length;
}
