/**
 * IsRunningImageAllowed for a docker:// pull (signature/policy_eval.go): pick the scope, then
 * every requirement in it must allow the image; the first that refuses gives the message. Pure:
 * the caller passes what the registry holds (readSigstoreAttachments) and how to read key files.
 */
import { BydigestError } from '../errors.js';
import type { ImageReference } from '../oci/reference.js';
import { dockerImageName } from './docker-reference.js';
import { sigstoreAttachmentsFor, type AttachmentsLookup, type RegistriesConfig } from './registries-d.js';
import { policyIdentity, requirementsForImage, type ScopeChoice } from './scope.js';
import { evaluateFulcioSigned } from './fulcio-signed.js';
import {
  evaluateSigstoreSigned,
  type PulledImage,
  type SignatureJudgement,
  type SigstoreOutcome,
  type UntrustedSignature,
} from './sigstore-signed.js';
import { workingDirectoryReader, type KeyFileReader } from './trust-root.js';
import type { RequirementCode } from './reason-codes.js';
import type { Policy, PolicyRequirement } from './types.js';

export interface PolicyEvaluationInput {
  policy: Policy;
  registries: RegistriesConfig;
  image: PulledImage;
  /**
   * The layers of the `.sig` of `image.manifestDigest` in the pulled repository, or why that
   * manifest could not be used. Ignored, as containers/image ignores it, unless registries.d
   * enables use-sigstore-attachments for the image.
   */
  attachments: { signatures: readonly UntrustedSignature[]; error?: string };
  /** Reads keyPath files; default: relative to the working directory, as containers/image does. */
  readKeyFile?: KeyFileReader;
}

export interface RequirementReport {
  requirement: PolicyRequirement;
  /** False for requirements after the first refusal: containers/image stops there. */
  evaluated: boolean;
  allowed?: boolean;
  message?: string;
  /** Why it refused, as a code (each signature's `code` says why that one was rejected). */
  code?: RequirementCode;
  signatures: SignatureJudgement[];
  nonSignatureAttachments: number;
}

export interface PolicyEvaluation {
  allowed: boolean;
  /** containers/image's reason when refused (skopeo prints "Source image rejected: <message>"). */
  message?: string;
  /** The refusing requirement's code. */
  code?: RequirementCode;
  /** The policy identity of the pull, e.g. "ghcr.io/o/img:stable". */
  identity: string;
  scope: ScopeChoice;
  attachments: AttachmentsLookup;
  /** Signature layers present in the `.sig` but never read, because use-sigstore-attachments is off. */
  ignoredSignatures: number;
  requirements: RequirementReport[];
}

export function evaluatePolicy(input: PolicyEvaluationInput): PolicyEvaluation {
  // docker:// pulls a name-only reference as :latest.
  const reference: ImageReference = { ...input.image.reference };
  if (reference.tag === undefined && reference.digest === undefined) reference.tag = 'latest';
  const image: PulledImage = { ...input.image, reference };
  const identity = policyIdentity(reference);
  const scope = requirementsForImage(input.policy, reference);
  const attachments = sigstoreAttachmentsFor(input.registries, reference);
  const signatures = attachments.enabled ? input.attachments.signatures : [];
  const readKeyFile = input.readKeyFile ?? workingDirectoryReader();

  const reports: RequirementReport[] = scope.requirements.map((requirement) => ({
    requirement,
    evaluated: false,
    signatures: [],
    nonSignatureAttachments: 0,
  }));
  let refusal: SigstoreOutcome | undefined;
  for (const report of reports) {
    const outcome = evaluateRequirement(
      report.requirement,
      image,
      signatures,
      attachments.enabled ? input.attachments.error : undefined,
      readKeyFile,
      scope,
    );
    Object.assign(report, outcome, { evaluated: true });
    if (!outcome.allowed) {
      refusal = outcome;
      break;
    }
  }
  const evaluation: PolicyEvaluation = {
    allowed: refusal === undefined,
    identity,
    scope,
    attachments,
    ignoredSignatures: attachments.enabled ? 0 : input.attachments.signatures.length,
    requirements: reports,
  };
  if (refusal?.message !== undefined) evaluation.message = refusal.message;
  if (refusal?.code !== undefined) evaluation.code = refusal.code;
  return evaluation;
}

function evaluateRequirement(
  requirement: PolicyRequirement,
  image: PulledImage,
  signatures: readonly UntrustedSignature[],
  attachmentsError: string | undefined,
  readKeyFile: KeyFileReader,
  scope: ScopeChoice,
): SigstoreOutcome {
  switch (requirement.type) {
    case 'insecureAcceptAnything':
      return { allowed: true, signatures: [], nonSignatureAttachments: 0 };
    case 'reject':
      return {
        allowed: false,
        message: `Running image ${dockerImageName(image.reference)} is rejected by policy.`,
        code: 'REJECTED_BY_POLICY',
        signatures: [],
        nonSignatureAttachments: 0,
      };
    case 'sigstoreSigned':
      if (requirement.unsupported || (!requirement.keys && !requirement.fulcio))
        throw unsupported(scope, `sigstoreSigned with ${requirement.unsupported ?? 'no public key'}`);
      // containers/image fails the pull when the .sig cannot be read at all (e.g. not an OCI manifest).
      if (attachmentsError !== undefined)
        return {
          allowed: false,
          message: attachmentsError,
          code: 'ATTACHMENTS_UNUSABLE',
          signatures: [],
          nonSignatureAttachments: 0,
        };
      if (requirement.fulcio && requirement.rekorKeys) {
        return evaluateFulcioSigned(
          { fulcio: requirement.fulcio, rekorKeys: requirement.rekorKeys, signedIdentity: requirement.signedIdentity },
          image,
          signatures,
          readKeyFile,
        );
      }
      if (!requirement.keys) throw unsupported(scope, 'sigstoreSigned with no public key');
      return evaluateSigstoreSigned(
        { keys: requirement.keys, signedIdentity: requirement.signedIdentity },
        image,
        signatures,
        readKeyFile,
      );
    case 'signedBy':
      throw unsupported(scope, 'signedBy (GPG simple signing, stored in a lookaside or the registry extension)');
    case 'signedBaseLayer':
      throw unsupported(scope, 'signedBaseLayer');
  }
}

function unsupported(scope: ScopeChoice, what: string): BydigestError {
  return new BydigestError(
    'POLICY',
    `the policy scope ${scope.label} requires ${what}, which bydigest cannot evaluate`,
    {
      hint: 'check this image with `skopeo copy --policy … docker://… dir:…` instead, or evaluate a policy using sigstoreSigned with keyPath/keyData',
    },
  );
}
