import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '../pkgdb/private-dir.js';
import type { Descriptor } from '../oci/types.js';
import { baseOf, normalizeImagePath, parentOf, resolveInRoot } from './image-path.js';
import type { LayeredImage } from './image-source.js';
import { walkLayerTar } from './layer-tar.js';
import { MergedView } from './merged-view.js';

export interface FindRequest {
  /** Absolute image paths of files wanted, e.g. `/var/lib/rpm/rpmdb.sqlite`; symlinks on the way are followed inside the image. */
  paths: string[];
  /** Directories whose regular files are all wanted, e.g. `/var/lib/dpkg/status.d`. */
  dirs?: string[];
  /**
   * Called after each layer (top-down) with what is found so far; true stops the walk there.
   * Default: every path found. Directories are complete only once every layer is read.
   */
  enough?: (found: ReadonlyMap<string, FoundFile>) => boolean;
}

export interface FoundFile {
  /** The path as requested. */
  requested: string;
  /** Where it resolved to in the image, after symlinks (`/usr/lib/os-release`). */
  path: string;
  /** The layer that holds it; undefined for a dir: rootfs. */
  layer?: string;
  /** A private copy, valid until `close()`. */
  file: string;
  size: number;
}

export interface FoundInImage {
  files: ReadonlyMap<string, FoundFile>;
  dirs: ReadonlyMap<string, FoundFile[]>;
  /** How many layers were read before the walk could stop, of how many. */
  layersRead: number;
  layersTotal: number;
  /** Removes the private copies. */
  close(): Promise<void>;
}

interface Candidate {
  path: string;
  layer: Descriptor;
  file?: string;
  size: number;
  /** A hard link whose content is an earlier member of the same layer. */
  linkTo?: string;
}

/**
 * Finds files in an image's merged view without unpacking it: layers are streamed top-down,
 * the few members whose names could be a wanted file are copied to a private directory, and
 * the walk stops as soon as `enough` says so. A file reached through a hard link (ostree
 * chunked layers) is fetched with a second pass over its layer.
 */
export async function findInImage(image: LayeredImage, req: FindRequest): Promise<FoundInImage> {
  const spool = await privateDir('layers');
  try {
    return await walk(image, req, spool);
  } catch (e) {
    await spool.remove();
    throw e;
  }
}

async function walk(image: LayeredImage, req: FindRequest, spool: { path: string; remove(): Promise<void> }): Promise<FoundInImage> {
  const wantedNames = new Set(req.paths.map((p) => baseOf(normalizeImagePath(p))));
  const wantedDirNames = new Set((req.dirs ?? []).map((p) => baseOf(normalizeImagePath(p))));
  const view = new MergedView();
  const candidates = new Map<string, Candidate>();
  let n = 0;
  const found = new Map<string, FoundFile>();
  let layersRead = 0;
  const enough = req.enough ?? ((f) => req.paths.every((p) => f.has(p)));

  const resolveAll = () => {
    for (const requested of req.paths) {
      if (found.has(requested)) continue;
      const at = resolveInRoot(requested, (p) => view.readlink(p));
      const c = candidates.get(at);
      if (c?.file) found.set(requested, { requested, path: `/${at}`, layer: c.layer.digest, file: c.file, size: c.size });
    }
  };

  for (let i = image.layers.length - 1; i >= 0; i--) {
    const layer = image.layers[i] as Descriptor;
    const mine: Candidate[] = [];
    const where = `${image.description} (layer ${i + 1} of ${image.layers.length})`;
    await walkLayerTar(await image.openLayer(layer), layer, where, (entry) => {
      const kind = entry.type === 'dir' ? 'dir' : entry.type === 'symlink' ? 'symlink' : 'other';
      if (view.hidden(entry.path, kind === 'dir')) {
        view.add(entry.path, kind, entry.linkname);
        return undefined;
      }
      if (!view.add(entry.path, kind, entry.linkname)) return undefined;
      if (entry.type !== 'file' && entry.type !== 'hardlink') return undefined;
      const name = baseOf(entry.path);
      if (!wantedNames.has(name) && !wantedDirNames.has(baseOf(parentOf(entry.path)))) return undefined;
      const c: Candidate = { path: entry.path, layer, size: entry.size };
      mine.push(c);
      if (entry.type === 'hardlink') {
        c.linkTo = entry.linkname as string;
        return undefined;
      }
      c.file = join(spool.path, String(n++));
      return createWriteStream(c.file, { mode: 0o600 });
    });
    const links = mine.filter((c) => c.linkTo !== undefined);
    if (links.length > 0) await fetchHardLinkTargets(image, layer, where, links, () => join(spool.path, String(n++)));
    // A later duplicate of a path in the same tar wins, as when extracting it.
    for (const c of mine) candidates.set(c.path, c);
    view.commitLayer();
    layersRead++;
    resolveAll();
    if (enough(found)) break;
  }

  const dirs = new Map<string, FoundFile[]>();
  for (const d of req.dirs ?? []) {
    const at = resolveInRoot(d, (p) => view.readlink(p));
    const files = [...candidates.values()]
      .filter((c) => c.file && parentOf(c.path) === at)
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((c) => ({ requested: d, path: `/${c.path}`, layer: c.layer.digest, file: c.file as string, size: c.size }));
    dirs.set(d, files);
  }
  return { files: found, dirs, layersRead, layersTotal: image.layers.length, close: () => spool.remove() };
}

/** Second pass over one layer for the members hard links point at (tar links point backwards). */
async function fetchHardLinkTargets(image: LayeredImage, layer: Descriptor, where: string, links: Candidate[], nextFile: () => string): Promise<void> {
  const byTarget = new Map<string, Candidate[]>();
  for (const c of links) byTarget.set(c.linkTo as string, [...(byTarget.get(c.linkTo as string) ?? []), c]);
  await walkLayerTar(await image.openLayer(layer), layer, where, (entry) => {
    const waiting = entry.type === 'file' ? byTarget.get(entry.path) : undefined;
    if (!waiting) return undefined;
    const file = nextFile();
    for (const c of waiting) {
      c.file = file;
      c.size = entry.size;
    }
    return createWriteStream(file, { mode: 0o600 });
  });
}
