export { inspectSbom } from './inspect.js';
export { resolveArtifactType } from './artifact-type.js';
export { sbomReferrerManifest } from './referrer-manifest.js';
export { attachSbom, type AttachedSbom } from './attach.js';
