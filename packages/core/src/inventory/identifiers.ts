import { PackageURL } from 'packageurl-js';
import type { InstalledPackage, PackageDbKind } from '../pkgdb/types.js';

export type Ecosystem = 'rpm' | 'deb' | 'apk';

export function ecosystemOf(kind: PackageDbKind): Ecosystem {
  return kind === 'dpkg' ? 'deb' : kind === 'apk' ? 'apk' : 'rpm';
}

/** `[epoch:]version-release` for rpm, the version as is for deb and apk (they carry it inside). */
export function packageVersion(p: InstalledPackage): string {
  const vr = p.release ? `${p.version}-${p.release}` : p.version;
  return p.epoch !== undefined ? `${p.epoch}:${vr}` : vr;
}

/**
 * The PURL syft writes for the same package (syft/pkg/cataloger/{redhat,debian,alpine}):
 * the epoch is a qualifier, not part of the version; `distro=ID-VERSION_ID`; `upstream=` the
 * source package; qualifiers sorted (packageurl-js sorts them).
 */
export function packageUrl(
  eco: Ecosystem,
  p: InstalledPackage,
  distro: { namespace: string; id: string; versionId?: string },
): string {
  const q: Record<string, string> = {};
  if (p.arch) q.arch = p.arch;
  q.distro = distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
  if (eco === 'rpm' && p.epoch !== undefined) q.epoch = String(p.epoch);
  if (p.source && (eco !== 'deb' || p.source !== p.name)) q.upstream = p.source;
  const version = eco === 'rpm' ? (p.release ? `${p.version}-${p.release}` : p.version) : p.version;
  return new PackageURL(eco, distro.namespace, p.name, version, q, undefined).toString();
}

/** CPE 2.3 formatted-string escaping: anything but letters, digits, `_`, `-` and `.` gets a backslash. */
function cpeValue(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_.-]/g, (c) => `\\${c}`);
}

/**
 * A CPE in the shape of syft's first candidate for an OS package: vendor and product from the
 * package name, version without the release (NVD's CPE dictionary has no release).
 */
export function packageCpe(p: InstalledPackage): string {
  const vendor = p.name;
  return `cpe:2.3:a:${cpeValue(vendor)}:${cpeValue(p.name)}:${cpeValue(p.version)}:*:*:*:*:*:*:*`;
}
