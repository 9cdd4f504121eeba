import { PackageURL } from 'packageurl-js';
import { BydigestError } from '../errors.js';
import { findInImage, type FoundInImage } from '../layers/find-in-image.js';
import { findInRootfs } from '../layers/find-in-rootfs.js';
import {
  openLayoutImage,
  openRegistryImage,
  parseImageSource,
  parsePlatform,
  type LayeredImage,
} from '../layers/image-source.js';
import { repositoryName } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { SBOM_FORMAT_TYPES } from '../sbom/media-types.js';
import { catalogFound, PACKAGE_DB_PATHS, packageDbRequest } from '../pkgdb/catalog.js';
import { distroOf } from '../pkgdb/os-release.js';
import type { PackageDbKind } from '../pkgdb/types.js';
import { writeFileAtomic } from './atomic-write.js';
import { cyclonedxDocument } from './cyclonedx-writer.js';
import { spdxDocument } from './spdx-writer.js';
import type { Inventory } from './types.js';

export type InventoryFormat = 'spdx-json' | 'cyclonedx-json';

export interface GenerateSbomOptions {
  /** `oci:DIR[:tag]`, `oci-archive:FILE[:tag]`, `docker://REPO@sha256:…` or `dir:ROOTFS`. */
  source: string;
  /** For an image index; default linux/amd64. */
  platform?: string;
  /** Needed for docker:// sources. */
  client?: RegistryClient;
  /** Overrides the distro os-release gives (PURL namespace and `distro=`). */
  distro?: string;
  /** No package database: write an empty inventory instead of failing. */
  allowEmpty?: boolean;
  /** Each format to write and where. */
  outputs: { format: InventoryFormat; path: string }[];
  tool: { name: string; version: string };
  created?: Date;
}

export interface GeneratedSbom {
  files: { format: InventoryFormat; path: string; mediaType: string }[];
  packages: number;
  /** The image manifest digest (for dir: sources, none). */
  imageDigest?: string;
  /** The index (or manifest) digest `source` names: what attach-sbom's image-ref should carry. */
  subjectDigest?: string;
  db?: { kind: PackageDbKind; path: string; layer?: string };
  distro: string;
  layersRead: number;
  layersTotal: number;
}

const MEDIA_TYPE: Record<InventoryFormat, string> = {
  'spdx-json': SBOM_FORMAT_TYPES.spdx.artifactType,
  'cyclonedx-json': SBOM_FORMAT_TYPES.cyclonedx.artifactType,
};

/**
 * Reads the package database of an image (or a flat export) without unpacking it and writes
 * SPDX 2.3 and/or CycloneDX 1.6 JSON. Nothing is written when reading fails.
 */
export async function generateSbom(opts: GenerateSbomOptions): Promise<GeneratedSbom> {
  const spec = parseImageSource(opts.source);
  const platform = parsePlatform(opts.platform || 'linux/amd64');
  let image: LayeredImage | undefined;
  let found: FoundInImage;
  let name: string;
  let purl: string | undefined;
  if (spec.kind === 'dir') {
    found = await findInRootfs(spec.path, packageDbRequest());
    name = spec.path;
  } else {
    if (spec.kind === 'docker') {
      if (!opts.client) throw new BydigestError('INVALID_ARGUMENT', 'docker:// sources need a registry client');
      image = await openRegistryImage(opts.client, spec.ref, platform);
      name = repositoryName(spec.ref);
      purl = new PackageURL(
        'oci',
        undefined,
        spec.ref.repository.split('/').pop() as string,
        image.digest,
        { repository_url: name },
        undefined,
      ).toString();
    } else {
      image = await openLayoutImage(spec, platform);
      name = image.description;
    }
    try {
      found = await findInImage(image, packageDbRequest());
    } catch (e) {
      await image.close();
      throw e;
    }
  }
  try {
    const catalog = await catalogFound(found, { inPlace: spec.kind !== 'dir' });
    if (!catalog.db && !opts.allowEmpty) {
      throw new BydigestError(
        'PKGDB',
        `${image?.description ?? opts.source}: no package database in the image${image ? ` ${image.digest}` : ''}`,
        {
          operation: 'find package database',
          ...(image ? { reference: image.digest } : {}),
          hint: `searched ${PACKAGE_DB_PATHS.join(', ')} (symlinks followed); set allow-empty: true to write an empty inventory`,
        },
      );
    }
    const os = catalog.os ?? { id: 'linux', idLike: [] };
    const distro = { ...distroOf(os, opts.distro), ...(os.prettyName ? { prettyName: os.prettyName } : {}) };
    const inv: Inventory = {
      image: { name, ...(image ? { digest: image.digest } : {}), ...(purl ? { purl } : {}) },
      distro,
      ...(catalog.db ? { db: catalog.db } : {}),
      packages: [...catalog.packages].sort(
        (a, b) => a.name.localeCompare(b.name) || (a.arch ?? '').localeCompare(b.arch ?? ''),
      ),
      tool: opts.tool,
      created: opts.created ?? new Date(),
    };
    // Both documents are built before either is written: a failure writes neither.
    const docs = opts.outputs.map((o) => ({
      ...o,
      text: `${JSON.stringify(o.format === 'spdx-json' ? spdxDocument(inv) : cyclonedxDocument(inv), null, 2)}\n`,
    }));
    for (const d of docs) await writeFileAtomic(d.path, d.text);
    return {
      files: docs.map((d) => ({ format: d.format, path: d.path, mediaType: MEDIA_TYPE[d.format] })),
      packages: inv.packages.length,
      ...(image ? { imageDigest: image.digest, subjectDigest: image.subjectDigest } : {}),
      ...(catalog.db ? { db: catalog.db } : {}),
      distro: distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id,
      layersRead: found.layersRead,
      layersTotal: found.layersTotal,
    };
  } finally {
    await found.close();
    await image?.close();
  }
}
