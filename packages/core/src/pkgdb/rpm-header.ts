import { BydigestError } from '../errors.js';
import type { InstalledPackage } from './types.js';

// rpm lib/header.c: a stored header blob has no magic; it starts at the index count.
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

export const RPMTAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  SIZE: 1009,
  VENDOR: 1011,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const;

interface Entry {
  type: number;
  offset: number;
  count: number;
}

/** rpm's own sanity limits (hdrchkTags / hdrchkData), so a corrupt count cannot make us allocate. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

/**
 * Reads the tags generate-sbom needs from one rpm header blob (as rpmdb stores it:
 * `il`, `dl`, `il` index entries, data store). Later ("dribble") entries override earlier ones.
 * `where` names the blob in errors (database file and record).
 */
export function parseRpmHeader(blob: Uint8Array, where: string): InstalledPackage {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const fail = (why: string) =>
    new BydigestError('PKGDB', `${where}: malformed rpm header: ${why}`, { operation: 'read rpm header' });
  if (buf.length < 8) throw fail(`${buf.length} bytes, shorter than the 8-byte preamble`);
  const il = buf.readUInt32BE(0);
  const dl = buf.readUInt32BE(4);
  if (il < 1 || il > MAX_ENTRIES) throw fail(`index count ${il} out of range`);
  if (dl > MAX_DATA) throw fail(`data length ${dl} out of range`);
  const dataStart = 8 + il * 16;
  if (dataStart + dl > buf.length) throw fail(`needs ${dataStart + dl} bytes, blob has ${buf.length} (truncated)`);
  const data = buf.subarray(dataStart, dataStart + dl);
  const entries = new Map<number, Entry>();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = buf.readInt32BE(at);
    const type = buf.readUInt32BE(at + 4);
    const offset = buf.readInt32BE(at + 8);
    const count = buf.readUInt32BE(at + 12);
    if (offset < 0 || offset > dl) throw fail(`entry ${i} (tag ${tag}) points outside the data store`);
    entries.set(tag, { type, offset, count });
  }

  const str = (tag: number): string | undefined => {
    const e = entries.get(tag);
    if (!e) return undefined;
    if (e.type !== TYPE_STRING && e.type !== TYPE_I18NSTRING && e.type !== TYPE_STRING_ARRAY)
      throw fail(`tag ${tag} has type ${e.type}, expected a string`);
    const end = data.indexOf(0, e.offset);
    if (end < 0) throw fail(`tag ${tag}: string runs past the data store`);
    const s = data.toString('utf8', e.offset, end);
    return s === '(none)' ? undefined : s;
  };
  const int = (tag: number): number | undefined => {
    const e = entries.get(tag);
    if (!e) return undefined;
    if (e.type !== TYPE_INT32) throw fail(`tag ${tag} has type ${e.type}, expected int32`);
    if (e.count < 1 || e.offset + 4 > dl) throw fail(`tag ${tag}: int32 runs past the data store`);
    return data.readUInt32BE(e.offset);
  };

  const name = str(RPMTAG.NAME);
  const version = str(RPMTAG.VERSION);
  if (!name) throw fail('no NAME tag');
  if (version === undefined) throw fail(`package ${name} has no VERSION tag`);
  const pkg: InstalledPackage = { name, version, release: str(RPMTAG.RELEASE) ?? '' };
  const epoch = int(RPMTAG.EPOCH);
  if (epoch !== undefined) pkg.epoch = epoch;
  const optional = {
    arch: str(RPMTAG.ARCH),
    license: str(RPMTAG.LICENSE),
    supplier: str(RPMTAG.VENDOR),
    source: str(RPMTAG.SOURCERPM),
    size: int(RPMTAG.SIZE),
  };
  for (const [k, v] of Object.entries(optional))
    if (v !== undefined) (pkg as unknown as Record<string, unknown>)[k] = v;
  return pkg;
}

/** rpm's gpg-pubkey pseudo-packages are keys in the keyring, not software; rpm -qa lists them, syft drops them. */
export function isRpmPubkey(p: InstalledPackage): boolean {
  return p.name === 'gpg-pubkey' || p.name === 'gpg-pubkey-release';
}
