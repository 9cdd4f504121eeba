import { baseOf, parentOf } from './image-path.js';

/**
 * cyrb53 cut to 52 bits: the view keeps a number, not the string, per path seen, and the kind
 * goes in the 53rd bit (`hash * 2 + 1` for a non-directory), so a path costs 8 bytes.
 */
function pathHash(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (1048575 & h2) + (h1 >>> 0);
}

const DIR = 0;
const NON_DIR = 1;

/** A growable list of keys in a Float64Array: 8 bytes an entry, off the JS heap. */
class KeyList {
  keys = new Float64Array(1024);
  length = 0;

  push(key: number): void {
    if (this.length === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[this.length++] = key;
  }

  /** The keys sorted, each hash once (within a layer, which duplicate wins does not matter here). */
  sorted(): Float64Array {
    const keys = this.keys.subarray(0, this.length).sort();
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (n === 0 || Math.floor(k / 2) !== Math.floor((keys[n - 1] as number) / 2)) keys[n++] = k;
    }
    return keys.subarray(0, n);
  }
}

/** What one layer says about the merged view, gathered while it streams, applied in layer order. */
export class LayerRecord {
  readonly entries = new KeyList();
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
    this.entries.push(pathHash(path) * 2 + (kind === 'dir' ? DIR : NON_DIR));
    if (kind === 'symlink' && linkTarget !== undefined) this.links.push([path, linkTarget]);
    return true;
  }
}

/**
 * Every path of the applied layers as one sorted Float64Array of keys, the upper layer's kind
 * for each: a million paths take 8 MB outside the JS heap (a Map of them took ~90 MB of heap
 * and doubled while it grew). Lookups are a binary search; they are few (candidates, symlinks
 * and their parents), the paths are many.
 */
class PathKinds {
  private keys = new Float64Array(0);

  get(path: string): number | undefined {
    const h = pathHash(path);
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as number) < h * 2) lo = mid + 1;
      else hi = mid;
    }
    const k = keys[lo];
    return k !== undefined && Math.floor(k / 2) === h ? k % 2 : undefined;
  }

  /** Merges a lower layer's sorted keys in; a path the view has keeps the kind it has. */
  addBelow(lower: Float64Array): void {
    const upper = this.keys;
    const out = new Float64Array(upper.length + lower.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < upper.length && j < lower.length) {
      const a = upper[i] as number;
      const b = lower[j] as number;
      const ha = Math.floor(a / 2);
      const hb = Math.floor(b / 2);
      if (ha <= hb) {
        out[n++] = a;
        i++;
        if (ha === hb) j++;
      } else {
        out[n++] = b;
        j++;
      }
    }
    while (i < upper.length) out[n++] = upper[i++] as number;
    while (j < lower.length) out[n++] = lower[j++] as number;
    this.keys = n === out.length ? out : out.slice(0, n);
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
  private readonly kinds = new PathKinds();
  private readonly whiteouts = new Set<string>();
  private readonly opaque = new Set<string>();
  private readonly links = new Map<string, string>();

  /** Whether an entry at `path` in the next layer down is hidden by the layers applied. */
  hidden(path: string, isDir: boolean): boolean {
    if (this.whiteouts.has(path)) return true;
    const own = this.kinds.get(path);
    if (own !== undefined && (!isDir || own === NON_DIR)) return true;
    for (let p = parentOf(path); ; p = parentOf(p)) {
      if (this.opaque.has(p) || (p !== '' && (this.whiteouts.has(p) || this.kinds.get(p) === NON_DIR))) return true;
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
    this.kinds.addBelow(rec.entries.sorted());
    for (const w of rec.whiteouts) this.whiteouts.add(w);
    for (const o of rec.opaque) this.opaque.add(o);
  }

  /** The visible symlink at `path` in the applied layers, if any. */
  readlink(path: string): string | undefined {
    return this.links.get(path);
  }
}
