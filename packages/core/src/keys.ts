// A light entry (node:crypto and the NaCl box only) for callers that start key derivation
// before loading the registry client, as sign-digest does to hide scrypt behind start-up.
export { loadSigningKey } from './cosign/keys/key-source.js';
export { PendingKey } from './signer/pending-key.js';
export { OVERLAP_WITH_SIGNER_MAX_BYTES } from './signer/overlap.js';
