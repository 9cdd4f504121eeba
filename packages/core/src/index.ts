export * from './errors.js';
export * from './oci/index.js';
export * from './cosign/index.js';
export * from './sbom/index.js';
export * from './secrets/index.js';
export * from './policy/index.js';
export * from './util/file-chunks.js';
export * from './util/map-limit.js';
