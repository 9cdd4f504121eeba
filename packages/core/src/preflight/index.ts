export { preflight, preflightFailure } from './preflight.js';
export type { PreflightOptions, PreflightReport, PreflightWarning } from './preflight.js';
export { checkImageName } from './image-name.js';
export { keySecretsAbsent, checkKeySecrets } from './signing-keys.js';
export type { KeySecret, PreflightProblem } from './signing-keys.js';
export { probeWriteAccess } from './write-probe.js';
export { anonymousPull } from './anonymous-pull.js';
export type { AnonymousPull } from './anonymous-pull.js';
