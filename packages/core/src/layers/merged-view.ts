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

/** What one layer says about the merged view, gathered while it streams, applied in layer order. */
export class LayerRecord {
  readonly keys: number[] = [];
  readonly kinds: number[] = [];
  /** In tar order: a later duplicate wins within the layer. */
  readonly links: [string, string][] = [];
  readonly whiteouts: string[] = [];
  readonly opaque: string[] = [];

  /** Records an entry; returns false for whiteout markers (not files). */
  add(path: string, kind: 'dir' | 'symlink' | 'other', linkTarget?: string): boolean {
    const name = baseOf(path);
    if (name.startsWith('.wh.')) {
      const dir = parentOf(path);
      if (name === '.wh..wh..opq') this.opaque.push(dir);
      else this.whiteouts.push(`${dir ? `${dir}/` : ''}${name.slice(4)}`);
      return false;
    }
    this.keys.push(pathKey(path));
    this.kinds.push(kind === 'dir' ? DIR : NON_DIR);
    if (kind === 'symlink' && linkTarget !== undefined) this.links.push([path, linkTarget]);
    return true;
  }
}

/**
 * What the layers applied so far (top-down) decide about the merged filesystem, as overlayfs
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

  /** Whether an entry at `path` in the next layer down is hidden by the layers applied. */
  hidden(path: string, isDir: boolean): boolean {
    if (this.whiteouts.has(path)) return true;
    const own = this.kinds.get(pathKey(path));
    if (own !== undefined && (!isDir || own === NON_DIR)) return true;
    for (let p = parentOf(path); ; p = parentOf(p)) {
      if (this.opaque.has(p) || (p !== '' && (this.whiteouts.has(p) || this.kinds.get(pathKey(p)) === NON_DIR))) return true;
      if (p === '') return false;
    }
  }

  /**
   * Applies the next layer down: its visible symlinks join the view, then its entries hide
   * what lies below. Entries of one layer never hide each other.
   */
  apply(rec: LayerRecord): void {
    const layerLinks = new Map<string, string>();
    for (const [p, t] of rec.links) layerLinks.set(p, t);
    for (const [p, t] of layerLinks) if (!this.hidden(p, false)) this.links.set(p, t);
    for (let i = 0; i < rec.keys.length; i++) {
      const k = rec.keys[i] as number;
      if (!this.kinds.has(k)) this.kinds.set(k, rec.kinds[i] as number);
    }
    for (const w of rec.whiteouts) this.whiteouts.add(w);
    for (const o of rec.opaque) this.opaque.add(o);
  }

  /** The visible symlink at `path` in the applied layers, if any. */
  readlink(path: string): string | undefined {
    return this.links.get(path);
  }
}
