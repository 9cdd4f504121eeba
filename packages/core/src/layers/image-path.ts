import { BydigestError } from '../errors.js';

/**
 * An image path as the merged view keys it: no leading `/` or `./`, no `.`, `..` clamped at
 * the root (as a runtime's chroot clamps it), no trailing `/`. `usr/lib/os-release`; '' is the root.
 */
export function normalizeImagePath(p: string): string {
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return out.join('/');
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

export function baseOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Symlinks followed on one path before giving up, as Linux's MAXSYMLINKS. */
export const MAX_SYMLINK_HOPS = 40;

/**
 * Resolves `path` inside the image root, following the symlinks `readlink` knows (for every
 * component, the last one too). An absolute target restarts at the image root and `..` stops
 * there: nothing resolves outside the image, whatever the links say.
 */
export function resolveInRoot(path: string, readlink: (p: string) => string | undefined): string {
  let pending = normalizeImagePath(path).split('/').filter(Boolean);
  const out: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const c = pending.shift() as string;
    if (c === '.' || c === '') continue;
    if (c === '..') {
      out.pop();
      continue;
    }
    const here = out.length ? `${out.join('/')}/${c}` : c;
    const target = readlink(here);
    if (target === undefined) {
      out.push(c);
      continue;
    }
    if (++hops > MAX_SYMLINK_HOPS) {
      throw new BydigestError(
        'LAYER',
        `/${normalizeImagePath(path)}: more than ${MAX_SYMLINK_HOPS} symlinks (a loop at /${here}?)`,
        { operation: 'resolve image path' },
      );
    }
    if (target.startsWith('/')) out.length = 0;
    pending = [...target.split('/'), ...pending];
  }
  return out.join('/');
}
