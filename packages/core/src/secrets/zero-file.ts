import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { BydigestError } from '../errors.js';

const CHUNK = 1 << 20;
// O_NONBLOCK: if a FIFO were swapped in after the lstat, opening it must not hang the post step.
const NOFOLLOW = constants.O_NOFOLLOW | constants.O_NONBLOCK;

export interface ZeroResult {
  bytes: number;
  /** Other names for the same inode; they now read as zeros too. */
  extraLinks: number;
}

/**
 * Overwrites a regular file in place with zeros over its current length and fsyncs it, so the
 * blocks that held the secret hold zeros before the name goes away. `seen` is the lstat the
 * caller made; the open file must be that same inode, or something was swapped in between.
 * (Copy-on-write file systems and SSD remapping may keep old blocks; this is the ext4/xfs case
 * of the runners, and it also empties every other hard link to the file.)
 */
export async function zeroFile(path: string, seen: Stats): Promise<ZeroResult> {
  const fh = await openForZeroing(path, seen);
  try {
    const st = await fh.stat();
    if (st.ino !== seen.ino || st.dev !== seen.dev || !st.isFile()) {
      throw new BydigestError('SECRETS', `${path} was replaced while being wiped`);
    }
    const size = st.size;
    if (size > 0) {
      const zeros = Buffer.alloc(Math.min(size, CHUNK));
      let offset = 0;
      while (offset < size) {
        const { bytesWritten } = await fh.write(zeros, 0, Math.min(zeros.length, size - offset), offset);
        if (bytesWritten <= 0) throw new BydigestError('SECRETS', `zeroing ${path} made no progress`);
        offset += bytesWritten;
      }
      await fh.sync();
    }
    return { bytes: size, extraLinks: st.nlink - 1 };
  } finally {
    await fh.close();
  }
}

async function openForZeroing(path: string, seen: Stats): Promise<FileHandle> {
  try {
    return await open(path, constants.O_WRONLY | NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
  }
  // A read-only file of ours (a key someone chmod 400'ed): make it writable through a descriptor
  // of the same inode, never by path, so a link swapped in cannot redirect the chmod.
  const ro = await open(path, constants.O_RDONLY | NOFOLLOW);
  try {
    const st = await ro.stat();
    if (st.ino !== seen.ino || st.dev !== seen.dev)
      throw new BydigestError('SECRETS', `${path} was replaced while being wiped`);
    await ro.chmod(0o600);
  } finally {
    await ro.close();
  }
  return open(path, constants.O_WRONLY | NOFOLLOW);
}
