export { BydigestError, isBydigestError, type ErrorCode, type ErrorDetails } from './errors.js';
export * from './oci/index.js';
export * from './cosign/index.js';
export * from './sbom/index.js';
export * from './secrets/index.js';
export * from './policy/index.js';
export { fileChunks } from './util/file-chunks.js';
export { mapLimit } from './util/map-limit.js';
export * from './signer/index.js';
export * from './layers/index.js';
export * from './pkgdb/index.js';
export * from './inventory/index.js';
// check-host-trust: an image's own policy.json, registries.d and keys, judged as its hosts will.
export * from './trust/index.js';
// key rotation: the gate over live releases, and recovery files for stranded hosts.
export * from './rotation/index.js';
