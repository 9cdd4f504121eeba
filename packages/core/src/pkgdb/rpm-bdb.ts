import { readFile } from 'node:fs/promises';
import { BydigestError } from '../errors.js';
import { isRpmPubkey, parseRpmHeader } from './rpm-header.js';
import type { InstalledPackage } from './types.js';

// Berkeley DB hash file (db/dbinc/db_page.h), as rpm ≤ 4.15 wrote `Packages`: a metadata page,
// hash pages of key/value item offsets, values too big for the page (every header) on
// chains of overflow pages. The byte order is the writer's; the magic tells it.
const HASH_MAGIC = 0x061561;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_OFFPAGE = 3;
/** An off-page item: type, 3 unused bytes, first overflow page, total length. */
const HOFFPAGE_SIZE = 12;
const PAGE_HEADER = 26;

/** Packages of an rpm Berkeley DB `Packages` file, read without libdb. `where` names it in errors. */
export async function readRpmBdb(file: string, where: string): Promise<InstalledPackage[]> {
  const db = await readFile(file);
  const fail = (why: string) =>
    new BydigestError('PKGDB', `${where}: not a readable rpm Berkeley DB: ${why}`, {
      operation: 'read rpm bdb database',
    });
  if (db.length < 512) throw fail(`${db.length} bytes, shorter than a metadata page`);
  const le = db.readUInt32LE(12) === HASH_MAGIC;
  if (!le && db.readUInt32BE(12) !== HASH_MAGIC) throw fail('no hash database magic');
  const u32 = (at: number) => (le ? db.readUInt32LE(at) : db.readUInt32BE(at));
  const u16 = (at: number) => (le ? db.readUInt16LE(at) : db.readUInt16BE(at));
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw fail(`page size ${pageSize}`);
  if (db[24] !== 0) throw fail('the database is encrypted');
  const lastPage = u32(32);
  if ((lastPage + 1) * pageSize > db.length)
    throw fail(`${lastPage + 1} pages of ${pageSize} bytes do not fit in ${db.length} (truncated?)`);

  // Every overflow page belongs to one value, as Berkeley DB writes them: a page already read (a
  // chain that loops, or two items sharing a chain) is refused, so the chains read at most
  // every page once and the work stays linear in the file's size.
  const read = new Set<number>();
  const overflowValue = (first: number): Buffer => {
    const parts: Buffer[] = [];
    for (let page = first; page !== 0;) {
      if (page > lastPage || read.has(page))
        throw fail(
          `overflow chain reaches page ${page}${read.has(page) ? ', read already (a loop, or a page in two chains)' : ''}`,
        );
      read.add(page);
      const start = page * pageSize;
      if (db[start + 25] !== P_OVERFLOW) throw fail(`overflow chain reaches page ${page}, of type ${db[start + 25]}`);
      const next = u32(start + 16);
      const used = next === 0 ? u16(start + 22) : pageSize - PAGE_HEADER;
      if (PAGE_HEADER + used > pageSize) throw fail(`overflow page ${page} claims ${used} bytes`);
      parts.push(db.subarray(start + PAGE_HEADER, start + PAGE_HEADER + used));
      page = next;
    }
    return Buffer.concat(parts);
  };

  const pkgs: InstalledPackage[] = [];
  for (let page = 1; page <= lastPage; page++) {
    const start = page * pageSize;
    const type = db[start + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = u16(start + 20);
    if (entries % 2 !== 0 || PAGE_HEADER + entries * 2 > pageSize)
      throw fail(`hash page ${page} has ${entries} entries`);
    // Items alternate key, value; the value's offset is the odd one.
    for (let i = 1; i < entries; i += 2) {
      const at = start + u16(start + PAGE_HEADER + i * 2);
      if (at >= start + pageSize) throw fail(`hash page ${page} item ${i} points outside the page`);
      // Small values sit on the page (rpm's own bookkeeping record); headers are always off-page.
      if (db[at] !== H_OFFPAGE) continue;
      if (at + HOFFPAGE_SIZE > start + pageSize) throw fail(`hash page ${page} item ${i} runs past the page`);
      pkgs.push(parseRpmHeader(overflowValue(u32(at + 4)), `${where} (page ${page} item ${i})`));
    }
  }
  return pkgs.filter((p) => !isRpmPubkey(p));
}
