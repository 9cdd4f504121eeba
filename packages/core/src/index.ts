export { BydigestError, isBydigestError, type ErrorCode, type ErrorDetails } from './errors.js';
export * from './oci/index.js';
export * from './cosign/index.js';
export * from './sbom/index.js';
export * from './secrets/index.js';
export * from './policy/index.js';
export { fileChunks } from './util/file-chunks.js';
export { mapLimit } from './util/map-limit.js';
export * from './signer/index.js';
