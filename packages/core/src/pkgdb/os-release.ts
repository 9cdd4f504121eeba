/** The fields of os-release(5) an inventory needs. */
export interface OsRelease {
  id: string;
  idLike: string[];
  versionId?: string;
  prettyName?: string;
}

/** Parses os-release: KEY=value lines, values optionally quoted with shell escapes. */
export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m) continue;
    let v = (m[2] as string).trim();
    const q = v[0];
    if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) v = v.slice(1, -1);
    if (q === '"') v = v.replace(/\\(["\\$`])/g, '$1');
    fields.set(m[1] as string, v);
  }
  const os: OsRelease = {
    id: (fields.get('ID') ?? 'linux').toLowerCase(),
    idLike: (fields.get('ID_LIKE') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
  };
  const versionId = fields.get('VERSION_ID');
  if (versionId) os.versionId = versionId;
  const pretty = fields.get('PRETTY_NAME');
  if (pretty) os.prettyName = pretty;
  return os;
}

/** Distribution IDs whose package namespaces vulnerability databases know (syft's and grype's names). */
const KNOWN_IDS = new Set([
  'fedora',
  'rhel',
  'centos',
  'rocky',
  'almalinux',
  'ol',
  'amzn',
  'mariner',
  'azurelinux',
  'photon',
  'opensuse-leap',
  'opensuse-tumbleweed',
  'sles',
  'sle-micro',
  'debian',
  'ubuntu',
  'alpine',
  'wolfi',
  'chainguard',
]);

/**
 * The distro an inventory is namespaced by: the image's `ID` when vulnerability databases know
 * it, else the first known `ID_LIKE` (Universal Blue's `ID=aurora ID_LIKE="fedora"` → fedora),
 * unless the user says otherwise. `rhel`'s PURL namespace is `redhat`, as syft writes it.
 */
export function distroOf(os: OsRelease, override?: string): { id: string; versionId?: string; namespace: string } {
  const id =
    override?.toLowerCase() || (KNOWN_IDS.has(os.id) ? os.id : (os.idLike.find((l) => KNOWN_IDS.has(l)) ?? os.id));
  return { id, ...(os.versionId ? { versionId: os.versionId } : {}), namespace: id === 'rhel' ? 'redhat' : id };
}
