import { copyFile, stat } from 'node:fs/promises';
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
export async function readRpmSqlite(file: string, where: string, opts: RpmSqliteOptions = {}): Promise<InstalledPackage[]> {
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
      throw new BydigestError('PKGDB', `${where}: cannot open as sqlite: ${(e as Error).message}`, { operation: 'open rpm sqlite database', cause: e });
    }
    try {
      // Row by row: a Fedora database holds a few hundred MB of headers, never all in memory.
      const pkgs: InstalledPackage[] = [];
      try {
        for (const row of conn.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum').iterate()) {
          const r = row as { hnum: number; blob: Uint8Array };
          const p = parseRpmHeader(r.blob, `${where} (Packages hnum ${r.hnum})`);
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
