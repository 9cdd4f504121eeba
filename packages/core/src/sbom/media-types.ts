import type { SbomFormat } from './types.js';

export interface SbomFormatTypes {
  /** Human name used in messages. */
  label: string;
  artifactType: string;
  layerMediaType: string;
}

/**
 * What each detected format is attached as. SPDX's layer type is the IANA-registered one, while
 * its artifactType is the one `oras discover | jq 'select(.artifactType==…)'` pipelines look for.
 */
export const SBOM_FORMAT_TYPES: Readonly<Record<SbomFormat, SbomFormatTypes>> = {
  spdx: { label: 'SPDX JSON', artifactType: 'application/vnd.spdx+json', layerMediaType: 'application/spdx+json' },
  cyclonedx: {
    label: 'CycloneDX JSON',
    artifactType: 'application/vnd.cyclonedx+json',
    layerMediaType: 'application/vnd.cyclonedx+json',
  },
  syft: { label: 'syft-json', artifactType: 'application/vnd.syft+json', layerMediaType: 'application/vnd.syft+json' },
};
