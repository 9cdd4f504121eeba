import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export interface BigSpdx {
  size: number;
  digest: string;
  packages: number;
  relationships: number;
}

/**
 * Writes an SPDX 2.3 document of about `targetBytes`, shaped like syft's output for a large bootc
 * image: ~80% packages (rpm-style, with CPE and purl refs), the rest relationships. Pretty-printed
 * one element per line, with some non-ASCII text, hashed while written.
 */
export async function writeBigSpdx(
  path: string,
  targetBytes: number,
  mutate?: (pkg: Record<string, unknown>, i: number) => void,
): Promise<BigSpdx> {
  const fh = await open(path, 'w');
  const hash = createHash('sha256');
  let size = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    const buf = Buffer.from(batch.join(''), 'utf8');
    hash.update(buf);
    await fh.write(buf);
    batch = [];
    batchBytes = 0;
  };
  const write = async (s: string): Promise<void> => {
    batch.push(s);
    const n = Buffer.byteLength(s);
    size += n;
    batchBytes += n;
    if (batchBytes > 4 << 20) await flush();
  };
  const head = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'ghcr.io/example/bluefin-dx',
    documentNamespace: 'https://example.com/spdx/bluefin-dx-big',
    creationInfo: { created: '2024-12-02T10:15:30Z', creators: ['Tool: bydigest-test'] },
  };
  await write(`${JSON.stringify(head, null, 1).slice(0, -2)},\n "packages": [\n`);
  let packages = 0;
  while (size < targetBytes * 0.8) {
    const i = packages;
    const id = `SPDXRef-Package-rpm-pkg-${i}-${((i * 2654435761) >>> 0).toString(16)}`;
    const pkg: Record<string, unknown> = {
      name: `pkg-${i}`,
      SPDXID: id,
      versionInfo: `1.${i % 97}.${i % 13}-1.fc41`,
      supplier: 'Organization: Fedora Project',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      sourceInfo: 'acquired package info from RPM DB: /usr/lib/sysimage/rpm/rpmdb.sqlite',
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'MIT AND (GPL-2.0-or-later OR LGPL-2.1-only)',
      copyrightText: 'NOASSERTION',
      description: `Paquet numéro ${i} — "quoted" \\ back\\slash {[not structure]}`,
      externalRefs: [
        {
          referenceCategory: 'SECURITY',
          referenceType: 'cpe23Type',
          referenceLocator: `cpe:2.3:a:pkg-${i}:pkg-${i}:1.${i % 97}:*:*:*:*:*:*:*`,
        },
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: `pkg:rpm/fedora/pkg-${i}@1.${i % 97}?arch=x86_64&distro=fedora-41`,
        },
      ],
    };
    mutate?.(pkg, i);
    await write(`${i ? ',\n' : ''}  ${JSON.stringify(pkg)}`);
    packages++;
  }
  await write('\n ],\n "relationships": [\n');
  let relationships = 0;
  while (size < targetBytes) {
    const j = relationships;
    const rel = {
      spdxElementId: 'SPDXRef-DOCUMENT',
      relatedSpdxElement: `SPDXRef-Package-rpm-pkg-${j % packages}`,
      relationshipType: j < packages ? 'DESCRIBES' : 'CONTAINS',
    };
    await write(`${j ? ',\n' : ''}  ${JSON.stringify(rel)}`);
    relationships++;
  }
  await write('\n ]\n}\n');
  await flush();
  await fh.close();
  return { size, digest: `sha256:${hash.digest('hex')}`, packages, relationships };
}
