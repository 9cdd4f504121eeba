export { checkHostTrust, hostTrustFailure } from './check-host-trust.js';
export type { HostTrustReport } from './check-host-trust.js';
export type { CheckId } from './verdicts.js';
export { CHECK_TITLES } from './verdicts.js';
