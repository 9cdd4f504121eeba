export type SbomFormat = 'spdx' | 'cyclonedx' | 'syft';

export interface SbomInfo {
  format: SbomFormat;
  /** The OCI `artifactType` a referrer for this content must carry. */
  artifactType: string;
  /** Media type of the one layer holding the SBOM file. */
  layerMediaType: string;
  /** Bytes in the file. */
  size: number;
  /** sha256:<hex> of the file bytes, i.e. the layer digest. */
  digest: string;
  /** SPDX `name`, CycloneDX `metadata.component.name`, syft `source.name`, when present. */
  documentName?: string;
  /** SPDX `packages`, CycloneDX top-level `components` or syft `artifacts`, when present. */
  packages?: number;
}
