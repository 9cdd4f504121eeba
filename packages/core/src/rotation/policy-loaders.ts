/**
 * The programs on a host that load policy.json have containers/image compiled in; `keyPaths`
 * arrived in containers/image 5.33, and an older one refuses the whole file (every pull fails).
 * Which containers/image a program carries is told by its own version: the first release of
 * each built on 5.33. containers-common ships the files, not the loader, so it does not count.
 */
import type { InstalledPackage } from '../pkgdb/types.js';

const KEYPATHS_SINCE: Record<string, string> = { podman: '5.3.0', skopeo: '1.17.0', buildah: '1.38.0' };

export interface OldPolicyLoader {
  name: string;
  version: string;
  /** The first version of this program that loads `keyPaths`. */
  since: string;
}

/** The installed policy loaders that predate containers/image 5.33. */
export function loadersWithoutKeyPaths(packages: readonly InstalledPackage[]): OldPolicyLoader[] {
  const old: OldPolicyLoader[] = [];
  for (const p of packages) {
    const since = Object.hasOwn(KEYPATHS_SINCE, p.name) ? KEYPATHS_SINCE[p.name] : undefined;
    const version = upstreamVersion(p.version);
    if (since && version && compareVersions(version, since) < 0) old.push({ name: p.name, version: p.version, since });
  }
  return old;
}

/** 2:5.2.5+ds1-1 → 5.2.5 (dpkg's epoch and revision, rpm's release is kept apart already). */
function upstreamVersion(v: string): string | undefined {
  return /^(?:\d+:)?(\d+(?:\.\d+)*)/.exec(v)?.[1];
}

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
