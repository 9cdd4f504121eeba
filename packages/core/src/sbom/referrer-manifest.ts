import { BydigestError } from '../errors.js';
import { sha256Digest } from '../oci/digest.js';
import { resolveArtifactType } from './artifact-type.js';
import type { SbomInfo } from './types.js';

export const OCI_IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const TITLE = 'org.opencontainers.image.title';
const CREATED = 'org.opencontainers.image.created';

/** OCI 1.1's empty config; `data` inlines its two bytes exactly as oras-go's DescriptorEmptyJSON does. */
const EMPTY_CONFIG_DESCRIPTOR = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30=',
} as const;

const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;
/** RFC 3339 date-time, as oras requires of a caller-given created annotation. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface SbomDescriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface SbomReferrerManifestInput {
  /** The image (or index) the SBOM describes. */
  subject: SbomDescriptor;
  info: SbomInfo;
  /** Base name the file gets when pulled (`org.opencontainers.image.title`). */
  fileName: string;
  annotations?: Record<string, string>;
  /** A caller-chosen artifactType; checked against the content by resolveArtifactType. */
  artifactType?: string;
}

export interface SbomReferrerManifest {
  bytes: Buffer;
  digest: string;
  mediaType: typeof OCI_IMAGE_MANIFEST;
}

function invalid(message: string): BydigestError {
  return new BydigestError('INVALID_ARGUMENT', message, { operation: 'build SBOM referrer manifest' });
}

function checkDescriptor(what: string, d: SbomDescriptor): void {
  if (!MEDIA_TYPE.test(d.mediaType))
    throw invalid(`${what} mediaType ${JSON.stringify(d.mediaType)} is not a media type`);
  if (!SHA256.test(d.digest))
    throw invalid(`${what} digest ${JSON.stringify(d.digest)} is not sha256:<64 lower-case hex>`);
  if (!Number.isSafeInteger(d.size) || d.size < 0) throw invalid(`${what} size ${String(d.size)} is not a byte count`);
}

function checkAnnotations(annotations: Record<string, string>): void {
  for (const [k, v] of Object.entries(annotations)) {
    if (k === '') throw invalid('annotation keys must not be empty');
    if (typeof v !== 'string') throw invalid(`annotation ${k} must be a string, got ${typeof v}`);
  }
  const created = annotations[CREATED];
  if (created !== undefined && (!RFC3339.test(created) || Number.isNaN(Date.parse(created)))) {
    throw invalid(
      `annotation ${CREATED} must be an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z), got ${JSON.stringify(created)}`,
    );
  }
}

/** Go's encoding/json writes map keys sorted; doing the same keeps our bytes a function of the inputs. */
function sorted(annotations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The OCI 1.1 artifact manifest that attaches an SBOM to its subject, laid out as `oras attach`
 * writes it (fields in ocispec.Manifest order, compact JSON), except that no creation time is added
 * unless the caller passes one: the same inputs always give the same digest, so a retried attach
 * re-PUTs the identical manifest instead of piling up referrers.
 */
export function sbomReferrerManifest(input: SbomReferrerManifestInput): SbomReferrerManifest {
  const { subject, info, fileName } = input;
  checkDescriptor('subject', subject);
  checkDescriptor('SBOM layer', { mediaType: info.layerMediaType, digest: info.digest, size: info.size });
  if (fileName === '' || /[/\\\0]/.test(fileName) || fileName === '.' || fileName === '..') {
    throw invalid(
      `fileName ${JSON.stringify(fileName)} must be a plain file name (use path.basename), as pullers write it to that name`,
    );
  }
  const annotations = input.annotations ?? {};
  checkAnnotations(annotations);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_IMAGE_MANIFEST,
    artifactType: resolveArtifactType(info, input.artifactType),
    config: EMPTY_CONFIG_DESCRIPTOR,
    layers: [
      { mediaType: info.layerMediaType, digest: info.digest, size: info.size, annotations: { [TITLE]: fileName } },
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...(Object.keys(annotations).length > 0 ? { annotations: sorted(annotations) } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return { bytes, digest: sha256Digest(bytes), mediaType: OCI_IMAGE_MANIFEST };
}
