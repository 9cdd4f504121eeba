export type { Signer, PayloadSignature, VerificationMaterial } from './signer.js';
export { PendingKey } from './pending-key.js';
export { KeySigner, keyMaterial } from './key-signer.js';
