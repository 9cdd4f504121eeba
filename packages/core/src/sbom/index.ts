export type { SbomFormat, SbomInfo } from './types.js';
export { SBOM_FORMAT_TYPES, type SbomFormatTypes } from './media-types.js';
export { inspectSbom, type InspectSbomOptions } from './inspect.js';
export { resolveArtifactType } from './artifact-type.js';
export {
  sbomReferrerManifest,
  type SbomDescriptor,
  type SbomReferrerManifest,
  type SbomReferrerManifestInput,
} from './referrer-manifest.js';
export { attachSbom, OVERLAP_WITH_SIGNER_MAX_BYTES, type AttachSbomOptions, type AttachedSbom } from './attach.js';
