/**
 * Check 3: the image's own signatures, evaluated under the image's own policy and registries.d
 * for the reference hosts pull, with key files read from the image: if this passes, the next
 * update signed the same way verifies on a host running this image.
 */
import { isBydigestError } from '../errors.js';
import { formatReference, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import type { PolicyEvaluation } from '../policy/evaluate.js';
import type { RegistriesConfig } from '../policy/registries-d.js';
import type { Policy } from '../policy/types.js';
import { evaluateHostPolicy } from '../verify/policy-mode.js';
import type { ImageFile } from './image-files.js';
import { imageKeyReader } from './key-check.js';
import { skipped, verdict, type CheckVerdict } from './verdicts.js';

export interface SignatureResult {
  verdict: CheckVerdict;
  evaluation?: PolicyEvaluation;
}

export async function signatureCheck(
  client: RegistryClient,
  input: {
    pullRef: ImageReference;
    digest: string;
    policy: Policy;
    registries: RegistriesConfig;
    files: ReadonlyMap<string, ImageFile>;
    policyFile: string;
  },
): Promise<SignatureResult> {
  const ref = formatReference(input.pullRef);
  let evaluation: PolicyEvaluation;
  try {
    const host = {
      policy: input.policy,
      registries: input.registries,
      pullRef: input.pullRef,
      readKeyFile: imageKeyReader(input.files),
    };
    ({ evaluation } = await evaluateHostPolicy(client, host, { digest: input.digest }));
  } catch (e) {
    // fulcio, pki, Rekor, GPG: parsed, judged by the other checks, not evaluated here.
    if (isBydigestError(e, 'POLICY')) return { verdict: skipped('signatures', e.message) };
    throw e;
  }
  const accepted = evaluation.requirements.flatMap((r) => r.signatures).filter((s) => s.accepted).length;
  if (evaluation.allowed) {
    return {
      verdict: verdict(
        'signatures',
        [],
        accepted > 0
          ? `${ref} at ${input.digest.slice(0, 19)}…: ${accepted} signature(s) accepted under ${evaluation.scope.label}`
          : `${ref}: allowed without a signature`,
      ),
      evaluation,
    };
  }
  return {
    verdict: verdict(
      'signatures',
      [
        {
          status: 'fail',
          file: input.policyFile,
          field: evaluation.scope.label,
          message: `a host running this image refuses ${ref} at ${input.digest}: ${evaluation.message}`,
          fix: "sign this digest in pull-ref's repository with the key the image trusts (sign-digest), with an identity the signedIdentity accepts; or fix the image's policy and keys",
        },
      ],
      '',
    ),
    evaluation,
  };
}
