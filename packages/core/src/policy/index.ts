export type { Policy, SignedIdentity, SigstoreSigned } from './types.js';
export { parsePolicy } from './parse-policy.js';
export { policyIdentity, policyNamespaces, requirementsForImage } from './scope.js';
export {
  parseRegistriesFile,
  mergeRegistriesFiles,
  emptyRegistriesConfig,
  sigstoreAttachmentsFor,
} from './registries-d.js';
export { matchesDockerReference } from './identity.js';
export { workingDirectoryReader } from './trust-root.js';
export type { KeyFileReader } from './trust-root.js';
export type { UntrustedSignature } from './sigstore-signed.js';
export { evaluatePolicy } from './evaluate.js';
export type { PolicyEvaluation } from './evaluate.js';
export { loadPolicyFile, loadRegistriesDir } from './load.js';
export type { LoadedRegistriesD } from './load.js';
