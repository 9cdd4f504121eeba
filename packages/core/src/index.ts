export { BydigestError, isBydigestError, type ErrorCode, type ErrorDetails } from './errors.js';
export * from './oci/index.js';
export * from './cosign/index.js';
export * from './sbom/index.js';
export * from './secrets/index.js';
export * from './policy/index.js';
export { fileChunks } from './util/file-chunks.js';
export { mapLimit } from './util/map-limit.js';
export * from './signer/index.js';
// generate-sbom: package databases read from an image's layers as streams; the layer walk is a
// general "find these paths in the merged view" (check-host-trust reads policy.json with it).
export { findInImage, type FindRequest, type FoundFile, type FoundInImage } from './layers/find-in-image.js';
export { findInRootfs } from './layers/find-in-rootfs.js';
export { openLayoutImage, openRegistryImage, parseImageSource, parsePlatform, type ImageSourceSpec, type LayeredImage } from './layers/image-source.js';
export { resolveInRoot, normalizeImagePath } from './layers/image-path.js';
export { parseRpmHeader } from './pkgdb/rpm-header.js';
export { readRpmSqlite } from './pkgdb/rpm-sqlite.js';
export { readRpmNdb } from './pkgdb/rpm-ndb.js';
export { readRpmBdb } from './pkgdb/rpm-bdb.js';
export { parseDpkgStatus } from './pkgdb/dpkg.js';
export { parseApkInstalled } from './pkgdb/apk.js';
export { parseOsRelease, distroOf, type OsRelease } from './pkgdb/os-release.js';
export { PACKAGE_DB_PATHS } from './pkgdb/catalog.js';
export type { InstalledPackage, PackageDbKind } from './pkgdb/types.js';
export { declaredLicense } from './inventory/license.js';
export { packageUrl, packageCpe, packageVersion } from './inventory/identifiers.js';
export { spdxDocument } from './inventory/spdx-writer.js';
export { cyclonedxDocument } from './inventory/cyclonedx-writer.js';
export { generateSbom, type GenerateSbomOptions, type GeneratedSbom, type InventoryFormat } from './inventory/generate.js';
export type { Inventory } from './inventory/types.js';
// check-host-trust: an image's own policy.json, registries.d and keys, judged as its hosts will.
export * from './trust/index.js';
