export { sha256Digest } from './digest.js';
export { EMPTY_CONFIG, MediaType } from './media-types.js';
export {
  formatReference,
  isValidTag,
  parseDigestReference,
  parseReference,
  parseRepository,
  repositoryName,
  withDigest,
  withTag,
  type ImageReference,
} from './reference.js';
export { type Descriptor, type ImageManifest, type ManifestBytes } from './types.js';
export { parseManifestJson, referencedBlobs } from './manifest.js';
export { RegistryTransport, type RequestEvent } from './http/transport.js';
export { RegistryClient, type BlobSource, type RepoRef } from './registry.js';
export { openLayout, parseLayoutTransport, selectLayoutManifest, type LayoutSource } from './layout.js';
export { assertSingleDigest, pushLayout, resolveTags, type PushResult, type ResolvedTag } from './push.js';
export { parseTagList, parseTargets } from './tags.js';
export { appendUntilSettled } from './settle.js';
export {
  appendToFallbackIndex,
  attachReferrer,
  defaultReferrersMode,
  listReferrers,
  referrerDescriptor,
  subjectDescriptor,
  type ReferrersMode,
} from './referrers.js';
export { promoteByDigest } from './copy.js';
export { assertLabels, type ManifestReader } from './labels.js';
