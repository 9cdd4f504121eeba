import { copyFile, stat } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BydigestError } from '../errors.js';
import { privateDir } from '../util/private-dir.js';
import { isRpmPubkey, parseRpmHeader } from './rpm-header.js';
import type { InstalledPackage } from './types.js';

export interface RpmSqliteOptions {
  /** The file is already a private copy (e.g. spooled from a layer): open it in place. */
  inPlace?: boolean;
  /** The database's `-wal` beside it, when it has one. Default: `<file>-wal` if present. */
  wal?: string;
}

/**
 * Packages of an rpm sqlite database (rpmdb.sqlite). Opened read-only from a private copy:
 * `immutable=1` when there is no WAL to replay (no side files at all), plain read-only with
 * the copied `-wal` otherwise, since immutable would ignore the WAL's committed pages.
 * `where` names the database in errors (image path and layer).
 */
export async function readRpmSqlite(
  file: string,
  where: string,
  opts: RpmSqliteOptions = {},
): Promise<InstalledPackage[]> {
  const { DatabaseSync } = await import('node:sqlite');
  const walSrc = opts.wal ?? `${file}-wal`;
  const walSize = (await stat(walSrc).catch(() => undefined))?.size ?? 0;
  const tmp = opts.inPlace && (walSize === 0 || opts.wal === `${file}-wal`) ? undefined : await privateDir('rpmdb');
  try {
    let db = file;
    if (tmp) {
      db = join(tmp.path, 'rpmdb.sqlite');
      await copyFile(file, db);
      if (walSize > 0) await copyFile(walSrc, `${db}-wal`);
    }
    const url = pathToFileURL(db);
    if (walSize === 0) url.search = '?immutable=1';
    let conn;
    try {
      conn = new DatabaseSync(url, { readOnly: true });
    } catch (e) {
      throw new BydigestError('PKGDB', `${where}: cannot open as sqlite: ${(e as Error).message}`, {
        operation: 'open rpm sqlite database',
        cause: e,
      });
    }
    try {
      // Row by row: a Fedora database holds a few hundred MB of headers, never all in memory.
      const pkgs: InstalledPackage[] = [];
      try {
        refuseComputedPackages(conn, where);
        const rows = conn.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum');
        // hnum is a 32-bit number in rpm; a hostile row's 64-bit one must not become a RangeError.
        rows.setReadBigInts(true);
        for (const row of rows.iterate()) {
          const r = row as { hnum: unknown; blob: unknown };
          const at = `${where} (Packages hnum ${String(r.hnum)})`;
          if (!(r.blob instanceof Uint8Array)) {
            throw new BydigestError(
              'PKGDB',
              `${at}: the blob is ${r.blob === null ? 'NULL' : `a ${typeof r.blob}`}, not an rpm header`,
              { operation: 'read rpm sqlite Packages table', hint: 'the file is corrupt, or not an rpmdb.sqlite' },
            );
          }
          const p = parseRpmHeader(r.blob, at);
          if (!isRpmPubkey(p)) pkgs.push(p);
        }
      } catch (e) {
        if (e instanceof BydigestError) throw e;
        throw new BydigestError('PKGDB', `${where}: not a readable rpm database: ${(e as Error).message}`, {
          operation: 'read rpm sqlite Packages table',
          hint: 'the file is truncated or corrupt, or not an rpmdb.sqlite',
          cause: e,
        });
      }
      return pkgs;
    } finally {
      conn.close();
    }
  } finally {
    await tmp?.remove();
  }
}

/**
 * rpm's Packages is a plain table. What a hostile image can put in its place is evaluated on
 * every read: a view (a recursive one never ends) or a virtual table runs code, and a virtual
 * generated column computes its value (zeroblob(900000000) allocates 900 MB a row).
 */
function refuseComputedPackages(conn: DatabaseSync, where: string): void {
  const fail = (why: string) =>
    new BydigestError('PKGDB', `${where}: not an rpm database: ${why}`, {
      operation: 'read rpm sqlite Packages table',
      hint: 'rpm writes Packages as a plain table of (hnum, blob); this file was not written by rpm',
    });
  const master = conn.prepare("SELECT type, sql FROM sqlite_master WHERE name = 'Packages' COLLATE NOCASE").all() as {
    type: string;
    sql: string | null;
  }[];
  const table = master[0];
  if (!table) return; // the SELECT reports the missing table in SQLite's words
  if (table.type !== 'table') throw fail(`Packages is a ${table.type}, not a table`);
  if (/^\s*CREATE\s+VIRTUAL\b/i.test(table.sql ?? '')) throw fail('Packages is a virtual table');
  const computed = conn.prepare("SELECT name FROM pragma_table_xinfo('Packages') WHERE hidden <> 0").all() as {
    name: string;
  }[];
  if (computed.length > 0) throw fail(`Packages has computed columns (${computed.map((c) => c.name).join(', ')})`);
}
