import type { InstalledPackage, PackageDbKind } from '../pkgdb/types.js';

/** Everything a writer needs: the image, the distro, the packages, where they were read. */
export interface Inventory {
  image: {
    /** For the document name, e.g. `registry.example/app` or `oci:./layout`. */
    name: string;
    /** Digest of the image manifest the packages were read from; none for a flat export (dir:). */
    digest?: string;
    /** PURL of the image (pkg:oci/…), when it has a registry location. */
    purl?: string;
  };
  distro: { id: string; versionId?: string; namespace: string; prettyName?: string };
  db?: { kind: PackageDbKind; path: string; layer?: string };
  packages: InstalledPackage[];
  tool: { name: string; version: string };
  /** Creation time; fixed in tests, now otherwise. */
  created: Date;
}
