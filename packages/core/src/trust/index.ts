export { checkHostTrust, hostTrustFailure } from './check-host-trust.js';
export type { HostTrustReport } from './check-host-trust.js';
export type { CheckId } from './verdicts.js';
export { CHECK_TITLES } from './verdicts.js';
// trust-files: the files an image installs for its hosts, from the image name and the key(s).
export { hostTrustFiles, HOST_POLICY_PATH, HOST_REGISTRIES_D, KEY_PATH_MODES } from './host-files.js';
export type { KeyPathMode } from './host-files.js';
export { writeRootFiles } from './root-files.js';
