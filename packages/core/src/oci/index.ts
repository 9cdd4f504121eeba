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
export { RegistryTransport, type RequestEvent } from './remote/http/transport.js';
export { RegistryClient, type BlobSource, type RepoRef } from './remote/registry.js';
export { openLayout, parseLayoutTransport } from './layout/open.js';
export { selectLayoutManifest } from './layout/select.js';
export type { LayoutSource } from './layout/source.js';
export { assertSingleDigest, pushLayout, resolveTags, type PushResult, type ResolvedTag } from './remote/push.js';
export { parseTagList, parseTargets } from './tags.js';
export { appendUntilSettled } from './remote/settle.js';
export {
  appendToFallbackIndex,
  attachReferrer,
  defaultReferrersMode,
  listReferrers,
  referrerDescriptor,
  subjectDescriptor,
  type ReferrersMode,
} from './remote/referrers.js';
export { promoteByDigest } from './remote/copy.js';
export { assertLabels, type ManifestReader } from './labels.js';
