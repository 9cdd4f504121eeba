import { baseOf, parentOf } from './image-path.js';

/** cyrb53: a 53-bit string hash, so the view keeps a number, not the string, per path seen. */
function pathKey(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIR = 1;
const NON_DIR = 2;

/**
 * What the layers read so far (top-down) decide about the merged filesystem, as overlayfs
 * merges it: an upper entry hides the same path below; `.wh.NAME` hides NAME below;
 * `.wh..wh..opq` hides everything below in its directory; an upper non-directory hides
 * everything below under its path. Per path only a hash and a kind are kept, so memory stays
 * flat for images of hundreds of thousands of files; symlinks are kept whole, to resolve paths.
 */
export class MergedView {
  private readonly kinds = new Map<number, number>();
  private readonly whiteouts = new Set<string>();
  private readonly opaque = new Set<string>();
  private readonly links = new Map<string, string>();
  // The layer being read: its entries do not hide each other, only what lies below.
  private pendingKinds: [number, number][] = [];
  private pendingWhiteouts: string[] = [];
  private pendingOpaque: string[] = [];
  private pendingLinks = new Map<string, string>();

  /** Whether an entry at `path` in the layer being read is hidden by a layer above it. */
  hidden(path: string, isDir: boolean): boolean {
    if (this.whiteouts.has(path)) return true;
    if (!isDir && this.kinds.has(pathKey(path))) return true;
    if (this.kinds.get(pathKey(path)) === NON_DIR) return true;
    for (let p = parentOf(path); ; p = parentOf(p)) {
      if (this.opaque.has(p) || (p !== '' && (this.whiteouts.has(p) || this.kinds.get(pathKey(p)) === NON_DIR))) return true;
      if (p === '') return false;
    }
  }

  /** Records an entry of the layer being read; returns false for whiteout markers (not files). */
  add(path: string, kind: 'dir' | 'symlink' | 'other', linkTarget?: string): boolean {
    const name = baseOf(path);
    if (name.startsWith('.wh.')) {
      if (name === '.wh..wh..opq') this.pendingOpaque.push(parentOf(path));
      else this.pendingWhiteouts.push(`${parentOf(path) ? `${parentOf(path)}/` : ''}${name.slice(4)}`);
      return false;
    }
    this.pendingKinds.push([pathKey(path), kind === 'dir' ? DIR : NON_DIR]);
    if (kind === 'symlink' && linkTarget !== undefined && !this.hidden(path, false)) this.pendingLinks.set(path, linkTarget);
    else this.pendingLinks.delete(path);
    return true;
  }

  /** The layer is read (and its digest checked): its entries now hide what lies below. */
  commitLayer(): void {
    for (const [k, kind] of this.pendingKinds) if (!this.kinds.has(k)) this.kinds.set(k, kind);
    for (const w of this.pendingWhiteouts) this.whiteouts.add(w);
    for (const o of this.pendingOpaque) this.opaque.add(o);
    for (const [p, t] of this.pendingLinks) if (!this.links.has(p)) this.links.set(p, t);
    this.pendingKinds = [];
    this.pendingWhiteouts = [];
    this.pendingOpaque = [];
    this.pendingLinks = new Map();
  }

  /** The visible symlink at `path` in the committed layers, if any. */
  readlink(path: string): string | undefined {
    return this.links.get(path);
  }
}
