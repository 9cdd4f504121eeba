import { createHash } from 'node:crypto';
import { declaredLicense } from './license.js';
import { ecosystemOf, packageCpe, packageUrl, packageVersion, type Ecosystem } from './identifiers.js';
import type { Inventory } from './types.js';

const SOURCE_INFO: Record<Ecosystem, string> = {
  rpm: 'acquired package info from RPM DB',
  deb: 'acquired package info from DPKG DB',
  apk: 'acquired package info from APK DB',
};

/** SPDXIDs are `SPDXRef-` + [A-Za-z0-9.-]; a short hash keeps two packages of one name apart. */
function spdxId(kind: string, name: string, unique: string): string {
  const h = createHash('sha256').update(unique).digest('hex').slice(0, 16);
  return `SPDXRef-${kind}-${name.replace(/[^A-Za-z0-9.-]+/g, '-')}-${h}`;
}

const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/**
 * An SPDX 2.3 JSON document with the package fields syft writes (syft's spdxhelpers): the image as
 * the described root package (its digest as version and checksum, listed last), every package
 * CONTAINed by it.
 * The namespace is derived from the image digest and the content, so the same input gives the
 * same document.
 */
export function spdxDocument(inv: Inventory): Record<string, unknown> {
  const eco = inv.db ? ecosystemOf(inv.db.kind) : 'rpm';
  const rootId = spdxId(
    'DocumentRoot-Image',
    inv.image.name.split('/').pop() || 'image',
    inv.image.digest ?? inv.image.name,
  );
  const extracted = new Map<string, string>();
  const packages = inv.packages.map((p) => {
    const purl = packageUrl(eco, p, inv.distro);
    const lic = declaredLicense(p.license);
    if (lic.extracted) extracted.set(lic.extracted.licenseId, lic.extracted.extractedText);
    const supplier = p.supplier ? `Organization: ${p.supplier}` : 'NOASSERTION';
    return {
      name: p.name,
      SPDXID: spdxId('Package', p.name, purl),
      versionInfo: packageVersion(p),
      supplier,
      originator: supplier,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      sourceInfo: `${SOURCE_INFO[eco]}: ${inv.db?.path ?? ''}`,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: lic.expression,
      copyrightText: 'NOASSERTION',
      externalRefs: [
        { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: packageCpe(p) },
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl },
      ],
    };
  });
  const digestHex = inv.image.digest?.replace(/^sha256:/, '');
  const root = {
    name: inv.image.name,
    SPDXID: rootId,
    ...(digestHex
      ? { versionInfo: inv.image.digest, checksums: [{ algorithm: 'SHA256', checksumValue: digestHex }] }
      : {}),
    supplier: 'NOASSERTION',
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'CONTAINER',
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    ...(inv.image.purl
      ? {
          externalRefs: [
            { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: inv.image.purl },
          ],
        }
      : {}),
  };
  const body = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: inv.image.digest ? `${inv.image.name}@${inv.image.digest}` : inv.image.name,
    documentNamespace: '',
    creationInfo: {
      created: isoSeconds(inv.created),
      creators: [`Tool: ${inv.tool.name}-${inv.tool.version}`, 'Organization: bydigest'],
      ...(inv.distro.prettyName ? { comment: `operating system: ${inv.distro.prettyName}` } : {}),
    },
    // The image last: grype takes the distro from the first package's PURL (`distro=`), which the
    // image's pkg:oci PURL does not carry.
    packages: [...packages, root],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
      ...packages.map((p) => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })),
    ],
    ...(extracted.size
      ? {
          hasExtractedLicensingInfos: [...extracted].map(([licenseId, extractedText]) => ({
            licenseId,
            extractedText,
            name: extractedText,
          })),
        }
      : {}),
  };
  const contentHash = createHash('sha256').update(JSON.stringify(body.packages)).digest('hex').slice(0, 32);
  body.documentNamespace = `https://bydigest.invalid/spdx/${digestHex ?? 'rootfs'}/${contentHash}`;
  return body;
}
