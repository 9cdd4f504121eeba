export type { Policy, PolicyRequirement, SignedIdentity } from './types.js';
export { workingDirectoryReader } from './trust-root.js';
export { fulcioNeverMatches } from './fulcio-signed.js';
export type { SignatureJudgement } from './sigstore-signed.js';
export { evaluatePolicy } from './evaluate.js';
export type { PolicyEvaluation } from './evaluate.js';
export { loadPolicyFile, loadRegistriesDir } from './load.js';
export type { LoadedRegistriesD } from './load.js';
