export { preflight, preflightFailure } from './preflight.js';
export type { PreflightReport } from './preflight.js';
export { checkImageName } from './image-name.js';
export { keySecretsAbsent } from './signing-keys.js';
export type { KeySecret } from './signing-keys.js';
