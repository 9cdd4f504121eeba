export type { RequirementCode, SignatureCode } from './reason-codes.js';
export type { Policy, PolicyRequirement, SignedIdentity, SigstoreSigned, KeySource, TransportScopes, FulcioRequirement } from './types.js';
export { parsePolicy } from './parse-policy.js';
export { PolicyFormatError } from './json-decode.js';
export { policyIdentity, policyNamespaces, requirementsForImage } from './scope.js';
export type { ScopeChoice } from './scope.js';
export { parseRegistriesFile, mergeRegistriesFiles, emptyRegistriesConfig, sigstoreAttachmentsFor } from './registries-d.js';
export type { RegistriesConfig, RegistryNamespace, RegistriesFile, AttachmentsLookup } from './registries-d.js';
export { matchesDockerReference } from './identity.js';
export { familiarString, dockerImageName, referenceString as dockerReferenceString } from './docker-reference.js';
export { loadTrustRoot, workingDirectoryReader } from './trust-root.js';
export type { KeyFileReader, TrustRoot } from './trust-root.js';
export { evaluateSigstoreSigned } from './sigstore-signed.js';
export { evaluateFulcioSigned, fulcioNeverMatches } from './fulcio-signed.js';
export type { UntrustedSignature, PulledImage, SignatureJudgement, SigstoreOutcome } from './sigstore-signed.js';
export { evaluatePolicy } from './evaluate.js';
export type { PolicyEvaluationInput, PolicyEvaluation, RequirementReport } from './evaluate.js';
export { loadPolicyFile, loadRegistriesDir } from './load.js';
export type { LoadedRegistriesD } from './load.js';
// The fetch half of the legacy signature store, re-exported here because policy evaluation is its
// other consumer (cosign/index.ts lists the store's original API).
export { readSigstoreAttachments, verifyAttachments } from '../cosign/legacy/signature-store.js';
export type { SignatureAttachment, SigstoreAttachments } from '../cosign/legacy/signature-store.js';
