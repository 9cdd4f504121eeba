// Package databases: rpm (sqlite, ndb, Berkeley DB), dpkg, apk, and the image's os-release.
export { parseRpmHeader } from './rpm-header.js';
export { readRpmSqlite } from './rpm-sqlite.js';
export { readRpmNdb } from './rpm-ndb.js';
export { readRpmBdb } from './rpm-bdb.js';
export { parseDpkgStatus } from './dpkg.js';
export { parseApkInstalled } from './apk.js';
export { parseOsRelease, distroOf, type OsRelease } from './os-release.js';
export { PACKAGE_DB_PATHS } from './catalog.js';
export type { InstalledPackage, PackageDbKind } from './types.js';
