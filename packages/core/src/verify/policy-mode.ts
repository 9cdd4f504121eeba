/**
 * The bootc host's view of one manifest: its `.sig` read where the host reads it (the pulled
 * repository) and the policy evaluated as containers/image evaluates it. verify-digest (keys
 * from the runner's disk) and check-host-trust (keys from the image) both judge through this.
 */
import { readSigstoreAttachments, type SigstoreAttachments } from '../cosign/legacy/signature-store.js';
import { withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { evaluatePolicy, type PolicyEvaluation } from '../policy/evaluate.js';
import type { RegistriesConfig } from '../policy/registries-d.js';
import type { KeyFileReader } from '../policy/trust-root.js';
import type { Policy } from '../policy/types.js';

export interface HostPolicyInput {
  policy: Policy;
  registries: RegistriesConfig;
  /** The reference the host pulls: scope and signedIdentity are judged against it. */
  pullRef: ImageReference;
  /** How the host reads keyPath files; default: relative to the working directory. */
  readKeyFile?: KeyFileReader;
  /** Where the policy and registries.d came from, for messages. */
  policyFile?: string;
  registriesDir?: string;
}

/** The policy evaluated for pull-ref at this digest, and the `.sig` it read. */
export interface PolicyCheck {
  evaluation: PolicyEvaluation;
  /** The `.sig` the host reads: in pull-ref's repository. */
  fetched: SigstoreAttachments;
}

/**
 * Evaluates the host's policy for `digest`. `fetched`, when the caller already read the `.sig`
 * in pull-ref's repository, saves the second read. Throws BydigestError POLICY for a requirement
 * bydigest cannot evaluate (signedBy, signedBaseLayer…).
 */
export async function evaluateHostPolicy(
  client: RegistryClient,
  host: HostPolicyInput,
  manifest: { digest: string; bytes?: Buffer },
  fetched?: SigstoreAttachments,
): Promise<PolicyCheck> {
  const sigs = fetched ?? (await readSigstoreAttachments(client, withDigest(host.pullRef, manifest.digest)));
  const evaluation = evaluatePolicy({
    policy: host.policy,
    registries: host.registries,
    image: {
      reference: host.pullRef,
      manifestDigest: manifest.digest,
      ...(manifest.bytes ? { manifestBytes: manifest.bytes } : {}),
    },
    attachments: { signatures: sigs.layers, ...(sigs.error === undefined ? {} : { error: sigs.error }) },
    ...(host.readKeyFile ? { readKeyFile: host.readKeyFile } : {}),
  });
  return { evaluation, fetched: sigs };
}

/** Signatures the policy accepted on this digest: those every sigstoreSigned requirement accepted. */
export function policyAccepted(evaluation: PolicyEvaluation): number {
  const signed = evaluation.requirements.filter((r) => r.requirement.type === 'sigstoreSigned' && r.evaluated);
  if (signed.length === 0) return 0;
  const [first, ...rest] = signed.map((r) => new Set(r.signatures.filter((s) => s.accepted).map((s) => s.layerDigest)));
  return [...(first ?? [])].filter((d) => rest.every((s) => s.has(d))).length;
}
