export type { Signer, PayloadSignature, VerificationMaterial } from './signer.js';
export { PendingKey } from './pending-key.js';
export { KeySigner, keyMaterial } from './key-signer.js';
export { KeylessSigner, PUBLIC_GOOD_FULCIO_URL, PUBLIC_GOOD_REKOR_URL } from './keyless-signer.js';
export type { KeylessSignerOptions } from './keyless-signer.js';
export { certificateIdentity } from './certificate-identity.js';
export type { CertificateIdentity } from './certificate-identity.js';
export type { RekorEntry } from './rekor-entry.js';
export type { SigstoreHttpOptions } from './sigstore-errors.js';
