// The package databases' fuzz targets in the fast tier (see suite.ts).
import { fuzzSuite } from './suite.js';
import { rpmBdb } from './targets/rpm-bdb.js';
import { rpmHeader } from './targets/rpm-header.js';
import { rpmNdb } from './targets/rpm-ndb.js';
import { rpmSqlite } from './targets/rpm-sqlite.js';
import { apkInstalled, dpkgStatus, osRelease } from './targets/text-dbs.js';

fuzzSuite(
  [rpmHeader, rpmBdb, rpmNdb, rpmSqlite, dpkgStatus, apkInstalled, osRelease],
  {
    'rpm-header': 1_500,
    'rpm-bdb': 300,
    'rpm-ndb': 300,
    'rpm-sqlite': 100,
    'dpkg-status': 1_700,
    'apk-installed': 1_700,
    'os-release': 1_700,
  },
  7_300,
);
