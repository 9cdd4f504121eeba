import { readFile } from 'node:fs/promises';
import { BydigestError } from '../errors.js';
import { isRpmPubkey, parseRpmHeader } from './rpm-header.js';
import type { InstalledPackage } from './types.js';

// rpm lib/backend/ndb/rpmpkg.c: little-endian; a 32-byte header, slot pages of 16-byte slots,
// blobs in 16-byte blocks, each a 16-byte blob header then the rpm header blob.
const HEADER_MAGIC = 0x506d7052; // 'RpmP'
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const PAGE = 4096;
const BLOCK = 16;

/** Packages of an rpm ndb database (SUSE's `Packages.db`). `where` names it in errors. */
export async function readRpmNdb(file: string, where: string): Promise<InstalledPackage[]> {
  const db = await readFile(file);
  const fail = (why: string) =>
    new BydigestError('PKGDB', `${where}: not a readable rpm ndb database: ${why}`, {
      operation: 'read rpm ndb database',
    });
  if (db.length < 32 || db.readUInt32LE(0) !== HEADER_MAGIC) throw fail('no RpmP header magic');
  const slotPages = db.readUInt32LE(12);
  if (slotPages < 1 || slotPages * PAGE > db.length)
    throw fail(`${slotPages} slot pages do not fit in ${db.length} bytes (truncated?)`);
  const pkgs: InstalledPackage[] = [];
  // Blobs do not overlap in a database rpm wrote; slots that point many times at one big blob
  // would make the work grow with slots × blob size, so the bytes read stay within the file's.
  let blobBytes = 0;
  // The header takes the first two slots of the first page.
  for (let at = 32; at < slotPages * PAGE; at += 16) {
    if (db.readUInt32LE(at) !== SLOT_MAGIC) throw fail(`slot at byte ${at} has no Slot magic`);
    const pkgIndex = db.readUInt32LE(at + 4);
    if (pkgIndex === 0) continue;
    const blobAt = db.readUInt32LE(at + 8) * BLOCK;
    if (blobAt + 16 > db.length) throw fail(`package ${pkgIndex}'s blob starts past the end of the file (truncated?)`);
    if (db.readUInt32LE(blobAt) !== BLOB_MAGIC || db.readUInt32LE(blobAt + 4) !== pkgIndex)
      throw fail(`package ${pkgIndex}'s blob header is not BlbS for it`);
    const len = db.readUInt32LE(blobAt + 12);
    if (blobAt + 16 + len > db.length)
      throw fail(`package ${pkgIndex}'s blob runs past the end of the file (truncated?)`);
    blobBytes += 16 + len;
    if (blobBytes > db.length)
      throw fail(`package ${pkgIndex}'s blob overlaps another (the slots name more blob bytes than the file holds)`);
    pkgs.push(parseRpmHeader(db.subarray(blobAt + 16, blobAt + 16 + len), `${where} (package ${pkgIndex})`));
  }
  return pkgs.filter((p) => !isRpmPubkey(p));
}
