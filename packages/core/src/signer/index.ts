export type { Signer, PayloadSignature } from './signer.js';
export { PendingKey } from './pending-key.js';
export { KeySigner } from './key-signer.js';
export { KeylessSigner, PUBLIC_GOOD_FULCIO_URL, PUBLIC_GOOD_REKOR_URL } from './keyless-signer.js';
