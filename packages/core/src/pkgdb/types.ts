/** One installed package, as the package manager's own database records it. */
export interface InstalledPackage {
  name: string;
  /** undefined when the package has no epoch (rpm) — not the same as epoch 0 in a PURL. */
  epoch?: number;
  version: string;
  /** rpm release; dpkg and apk keep it inside `version`. */
  release?: string;
  arch?: string;
  /** The license as the database states it (rpm LICENSE tag, dpkg has none, apk `L:`). */
  license?: string;
  /** rpm VENDOR, dpkg Maintainer, apk maintainer. */
  supplier?: string;
  /** rpm SOURCERPM (syft's `upstream=`), dpkg Source, apk origin. */
  source?: string;
  size?: number;
}

export type PackageDbKind = 'rpm-sqlite' | 'rpm-ndb' | 'rpm-bdb' | 'dpkg' | 'apk';
