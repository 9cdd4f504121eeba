import type { InstalledPackage } from './types.js';

/** Paragraphs of a deb822 file (dpkg `status`, `status.d/*`): field → value, continuation lines joined. */
function paragraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (cur.size) out.push(cur);
      cur = new Map();
      last = undefined;
    } else if (/^[ \t]/.test(line) && last) {
      cur.set(last, `${cur.get(last)}\n${line.trim()}`);
    } else {
      const i = line.indexOf(':');
      if (i <= 0) continue;
      last = line.slice(0, i);
      cur.set(last, line.slice(i + 1).trim());
    }
  }
  if (cur.size) out.push(cur);
  return out;
}

/** Installed packages of a dpkg status file; entries whose Status is not "… installed" are not installed. */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const pkgs: InstalledPackage[] = [];
  for (const p of paragraphs(text)) {
    const name = p.get('Package');
    const version = p.get('Version');
    const status = p.get('Status');
    if (!name || !version) continue;
    if (status !== undefined && !/\binstalled$/.test(status)) continue;
    const pkg: InstalledPackage = { name, version };
    const arch = p.get('Architecture');
    if (arch) pkg.arch = arch;
    const maintainer = p.get('Maintainer');
    if (maintainer) pkg.supplier = maintainer;
    // "Source: glibc (2.36-9)" names the source package and, when it differs, its version.
    const source = p.get('Source')?.split(' ')[0];
    if (source) pkg.source = source;
    const size = Number(p.get('Installed-Size'));
    if (Number.isFinite(size) && size > 0) pkg.size = size * 1024;
    pkgs.push(pkg);
  }
  return pkgs;
}
