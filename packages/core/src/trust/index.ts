export { checkHostTrust, hostTrustFailure } from './check-host-trust.js';
export type { CheckHostTrustOptions, HostTrustReport } from './check-host-trust.js';
export type { CheckVerdict, CheckStatus, CheckId, TrustFinding } from './verdicts.js';
export { CHECK_TITLES } from './verdicts.js';
export type { ResolvedKey } from './key-check.js';
export type { KeyReference, KeyRole } from './key-references.js';
export { POLICY_PATH, REGISTRIES_D } from './image-files.js';
