import { ReleaseRefusal } from './refusal.js';

export interface ReleaseVersion {
  /** 1.2.3 */
  version: string;
  /** v1.2.3, the tag a release is known by. */
  tag: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** `1.2.3` or `v1.2.3` (a tag name, as a tag push hands it over). Pre-releases are not offered. */
export function parseVersion(raw: string): ReleaseVersion {
  const version = raw.trim().replace(/^v/, '');
  if (!SEMVER.test(version)) {
    throw new ReleaseRefusal([`version ${JSON.stringify(raw)} is not X.Y.Z (e.g. 0.2.0, or the tag v0.2.0)`]);
  }
  return { version, tag: `v${version}` };
}
