import { BydigestError } from '../errors.js';
import { FORMAT_MARKERS } from './detect.js';
import { SBOM_FORMAT_TYPES } from './media-types.js';
import type { SbomFormat, SbomInfo } from './types.js';

/** OCI image-spec descriptor mediaType grammar (RFC 6838 type/subtype, no parameters). */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/** Media types that name an SBOM format but another encoding than the JSON we validated. */
const NON_JSON: Readonly<Record<string, string>> = {
  'text/spdx': 'SPDX tag-value',
  'application/spdx+xml': 'SPDX RDF/XML',
  'application/vnd.spdx+xml': 'SPDX RDF/XML',
  'text/spdx+yaml': 'SPDX YAML',
  'application/vnd.cyclonedx+xml': 'CycloneDX XML',
  'application/x.vnd.cyclonedx+protobuf': 'CycloneDX protobuf',
  'application/vnd.cyclonedx': 'CycloneDX XML',
};

const FAMILY: ReadonlyArray<[SbomFormat, RegExp]> = [
  ['spdx', /spdx/i],
  ['cyclonedx', /cyclonedx/i],
  ['syft', /syft/i],
];

/**
 * The artifactType to attach the SBOM with: the detected one, or the caller's choice when it does
 * not contradict the content. Labelling syft-json as SPDX (the upstream bug this exists for) makes
 * `oras discover | jq 'select(.artifactType=="application/vnd.spdx+json")'` hand SPDX consumers a
 * file they cannot read, so a type naming another format or encoding is refused. A type naming no
 * SBOM format at all (a private convention) is the caller's business and passes.
 */
export function resolveArtifactType(info: SbomInfo, explicit?: string): string {
  const wanted = explicit?.trim() ?? '';
  if (wanted === '') return info.artifactType;
  if (!MEDIA_TYPE.test(wanted)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `artifact-type ${JSON.stringify(wanted)} is not a media type: expected type/subtype without parameters, e.g. ${info.artifactType}`,
      { hint: 'leave artifact-type empty to use the type detected from the content' },
    );
  }
  const detected = SBOM_FORMAT_TYPES[info.format];
  const named = FAMILY.filter(([, re]) => re.test(wanted)).map(([f]) => f);
  const encoding = NON_JSON[wanted.toLowerCase()];
  const contradiction = named.some((f) => f !== info.format)
    ? `names ${named
        .filter((f) => f !== info.format)
        .map((f) => SBOM_FORMAT_TYPES[f].label)
        .join(' and ')}`
    : encoding
      ? `names ${encoding}`
      : undefined;
  if (contradiction) {
    const convert = info.format === 'syft' ? '; or convert the SBOM first (e.g. syft convert <file> -o spdx-json)' : '';
    throw new BydigestError(
      'SBOM',
      `artifact-type ${wanted} ${contradiction}, but the SBOM's content is ${detected.label} (${FORMAT_MARKERS[info.format]}), whose artifact type is ${detected.artifactType}`,
      { hint: `leave artifact-type empty to use ${detected.artifactType}${convert}` },
    );
  }
  return wanted;
}
