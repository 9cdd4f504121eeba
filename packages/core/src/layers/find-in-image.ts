import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { privateDir } from '../util/private-dir.js';
import type { Descriptor } from '../oci/types.js';
import { baseOf, normalizeImagePath, parentOf, resolveInRoot } from './image-path.js';
import type { LayeredImage } from './image-source.js';
import { walkLayerTar } from './layer-tar.js';
import { LayerRecord, MergedView } from './merged-view.js';

export interface FindRequest {
  /**
   * Absolute image paths of files wanted, e.g. `/var/lib/rpm/rpmdb.sqlite`; symlinks on the way are followed inside the
   * image.
   */
  paths: string[];
  /** Directories whose regular files are all wanted, e.g. `/var/lib/dpkg/status.d`. */
  dirs?: string[];
  /**
   * Called after each layer (top-down) with what is found so far; true stops the walk there.
   * Default: every path found. Directories are complete only once every layer is read.
   */
  enough?: (found: ReadonlyMap<string, FoundFile>) => boolean;
  /** Layers streamed at once (each an independent decompressor); default LAYERS_AT_ONCE. */
  concurrency?: number;
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

/**
 * Decompression runs on libuv's pool while the tar parsing, hashing and garbage collection run on
 * the main thread; each stream waits for the main thread between chunks, so one stream more than
 * there are cores keeps every core inflating (on two cores: 3 streams, ~1.7× one; a fourth bought
 * nothing, docs/benchmarks.md). Memory per stream is two 256 KiB reads and 1 MiB of output.
 */
export const LAYERS_AT_ONCE = Math.min(4, availableParallelism() + 1);

interface Candidate {
  path: string;
  layer: Descriptor;
  file?: string;
  size: number;
  /** A hard link whose content is an earlier member of the same layer. */
  linkTo?: string;
}

/**
 * Finds files in an image's merged view without unpacking it: layers are streamed top-down (a
 * few at once), the few members whose names could be a wanted file are copied to a private
 * directory, and the walk stops as soon as `enough` says so. A file reached through a hard link (ostree
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

interface LayerScan {
  record: LayerRecord;
  candidates: Candidate[];
}

async function walk(
  image: LayeredImage,
  req: FindRequest,
  spool: { path: string; remove(): Promise<void> },
): Promise<FoundInImage> {
  const wantedNames = new Set(req.paths.map((p) => baseOf(normalizeImagePath(p))));
  const wantedDirNames = new Set((req.dirs ?? []).map((p) => baseOf(normalizeImagePath(p))));
  const view = new MergedView();
  const candidates = new Map<string, Candidate>();
  let n = 0;
  const nextFile = () => join(spool.path, String(n++));
  const found = new Map<string, FoundFile>();
  let layersRead = 0;
  const enough = req.enough ?? ((f) => req.paths.every((p) => f.has(p)));

  const resolveAll = () => {
    for (const requested of req.paths) {
      if (found.has(requested)) continue;
      const at = resolveInRoot(requested, (p) => view.readlink(p));
      const c = candidates.get(at);
      if (c?.file)
        found.set(requested, { requested, path: `/${at}`, layer: c.layer.digest, file: c.file, size: c.size });
    }
  };

  // Layers stream concurrently, top-down; each one's record is applied in order, so the walk can
  // stop at the first layer that completes the picture and abandon the ones still streaming.
  const order = image.layers.map((_, i) => image.layers.length - 1 - i);
  const abort = new AbortController();
  const scans: Promise<LayerScan>[] = [];
  const start = (k: number) => {
    const i = order[k] as number;
    const scan = scanLayer(image, i, wantedNames, wantedDirNames, nextFile, abort.signal);
    scan.catch(() => undefined);
    scans[k] = scan;
  };
  const window = Math.max(1, Math.min(8, req.concurrency ?? LAYERS_AT_ONCE));
  for (let k = 0; k < Math.min(window, order.length); k++) start(k);
  try {
    for (let k = 0; k < order.length; k++) {
      const { record, candidates: mine } = await (scans[k] as Promise<LayerScan>);
      if (k + window < order.length) start(k + window);
      // A later duplicate of a path in the same tar wins, as when extracting it.
      const visible = new Map<string, Candidate>();
      for (const c of mine) if (!view.hidden(c.path, false)) visible.set(c.path, c);
      for (const [path, c] of visible) candidates.set(path, c);
      view.apply(record);
      layersRead++;
      resolveAll();
      if (enough(found)) break;
    }
  } finally {
    abort.abort();
    await Promise.allSettled(scans);
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

/** One layer streamed: what it says about the merged view, and copies of the members that could be wanted. */
async function scanLayer(
  image: LayeredImage,
  i: number,
  names: Set<string>,
  dirNames: Set<string>,
  nextFile: () => string,
  signal: AbortSignal,
): Promise<LayerScan> {
  const layer = image.layers[i] as Descriptor;
  const where = `${image.description} (layer ${i + 1} of ${image.layers.length})`;
  const record = new LayerRecord();
  const mine: Candidate[] = [];
  await walkLayerTar(
    await image.openLayer(layer),
    layer,
    where,
    (entry) => {
      const kind = entry.type === 'dir' ? 'dir' : entry.type === 'symlink' ? 'symlink' : 'other';
      if (!record.add(entry.path, kind, entry.linkname)) return undefined;
      if (entry.type !== 'file' && entry.type !== 'hardlink') return undefined;
      if (!names.has(baseOf(entry.path)) && !dirNames.has(baseOf(parentOf(entry.path)))) return undefined;
      const c: Candidate = { path: entry.path, layer, size: entry.size };
      mine.push(c);
      if (entry.type === 'hardlink') {
        c.linkTo = entry.linkname as string;
        return undefined;
      }
      c.file = nextFile();
      return createWriteStream(c.file, { mode: 0o600 });
    },
    signal,
  );
  const links = mine.filter((c) => c.linkTo !== undefined);
  if (links.length > 0) await fetchHardLinkTargets(image, layer, where, links, nextFile, signal);
  return { record, candidates: mine };
}

/** Second pass over one layer for the members hard links point at (tar links point backwards). */
async function fetchHardLinkTargets(
  image: LayeredImage,
  layer: Descriptor,
  where: string,
  links: Candidate[],
  nextFile: () => string,
  signal: AbortSignal,
): Promise<void> {
  const byTarget = new Map<string, Candidate[]>();
  for (const c of links) byTarget.set(c.linkTo as string, [...(byTarget.get(c.linkTo as string) ?? []), c]);
  await walkLayerTar(
    await image.openLayer(layer),
    layer,
    where,
    (entry) => {
      const waiting = entry.type === 'file' ? byTarget.get(entry.path) : undefined;
      if (!waiting) return undefined;
      const file = nextFile();
      for (const c of waiting) {
        c.file = file;
        c.size = entry.size;
      }
      return createWriteStream(file, { mode: 0o600 });
    },
    signal,
  );
}
