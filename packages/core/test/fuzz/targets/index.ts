/** Every fuzz target, in the order the fast tier and `pnpm fuzz` run them. */
import type { FuzzTarget } from '../contract.js';
import { layerGzip } from './layer-gzip.js';
import { layerZstd } from './layer-zstd.js';
import { mergedView } from './merged-view.js';
import { keys, policyJson, registriesD } from './policy.js';
import { rpmBdb } from './rpm-bdb.js';
import { rpmHeader } from './rpm-header.js';
import { rpmNdb } from './rpm-ndb.js';
import { rpmSqlite } from './rpm-sqlite.js';
import { tar } from './tar.js';
import { apkInstalled, dpkgStatus, osRelease } from './text-dbs.js';

export const TARGETS: FuzzTarget[] = [
  tar,
  layerGzip,
  layerZstd,
  mergedView,
  rpmHeader,
  rpmBdb,
  rpmNdb,
  rpmSqlite,
  dpkgStatus,
  apkInstalled,
  osRelease,
  policyJson,
  registriesD,
  keys,
];
