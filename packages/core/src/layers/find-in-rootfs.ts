import { lstat, readdir } from 'node:fs/promises';
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BydigestError } from '../errors.js';
import type { FindRequest, FoundFile, FoundInImage } from './find-in-image.js';
import { resolveInRoot } from './image-path.js';

/**
 * findInImage for a flat export (`dir:ROOTFS`): the same requests, the same root-confined
 * symlink resolution (an absolute link means the export's root, not the host's). Files are
 * returned in place, not copied.
 */
export async function findInRootfs(root: string, req: FindRequest): Promise<FoundInImage & { inPlace: false }> {
  const st = await lstat(root).catch(() => undefined);
  if (!st?.isDirectory())
    throw new BydigestError('INVALID_ARGUMENT', `dir:${root}: no such directory`, {
      hint: 'point source at the root of an unpacked image (podman export | tar -x)',
    });
  const link = (p: string): string | undefined => {
    try {
      return lstatSync(join(root, p)).isSymbolicLink() ? readlinkSync(join(root, p)) : undefined;
    } catch {
      return undefined;
    }
  };
  const files = new Map<string, FoundFile>();
  for (const requested of req.paths) {
    const at = resolveInRoot(requested, link);
    const s = await lstat(join(root, at)).catch(() => undefined);
    if (s?.isFile()) files.set(requested, { requested, path: `/${at}`, file: join(root, at), size: s.size });
  }
  const dirs = new Map<string, FoundFile[]>();
  for (const d of req.dirs ?? []) {
    const at = resolveInRoot(d, link);
    const names = await readdir(join(root, at)).catch(() => [] as string[]);
    const list: FoundFile[] = [];
    for (const n of names.sort()) {
      const s = await lstat(join(root, at, n)).catch(() => undefined);
      if (s?.isFile()) list.push({ requested: d, path: `/${at}/${n}`, file: join(root, at, n), size: s.size });
    }
    dirs.set(d, list);
  }
  return { files, dirs, layersRead: 0, layersTotal: 0, close: async () => {}, inPlace: false };
}
