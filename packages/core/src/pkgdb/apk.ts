import type { InstalledPackage } from './types.js';

/** Packages of an apk `lib/apk/db/installed`: blank-line separated records of `X:value` lines. */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const pkgs: InstalledPackage[] = [];
  for (const record of text.split(/\n\s*\n/)) {
    const f = new Map<string, string>();
    for (const line of record.split('\n')) {
      if (line.length > 2 && line[1] === ':' && !f.has(line[0] as string)) f.set(line[0] as string, line.slice(2));
    }
    const name = f.get('P');
    const version = f.get('V');
    if (!name || !version) continue;
    const pkg: InstalledPackage = { name, version };
    const set = <K extends keyof InstalledPackage>(k: K, v: InstalledPackage[K] | undefined) =>
      v !== undefined && v !== '' && (pkg[k] = v);
    set('arch', f.get('A'));
    set('license', f.get('L'));
    set('supplier', f.get('m'));
    set('source', f.get('o'));
    const size = Number(f.get('I'));
    if (Number.isFinite(size) && size > 0) pkg.size = size;
    pkgs.push(pkg);
  }
  return pkgs;
}
