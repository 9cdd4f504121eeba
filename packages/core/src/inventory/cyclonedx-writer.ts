import { createHash } from 'node:crypto';
import { declaredLicense } from './license.js';
import { ecosystemOf, packageCpe, packageUrl, packageVersion } from './identifiers.js';
import type { Inventory } from './types.js';

/** A UUID-shaped serial number derived from the content, so the same input gives the same BOM. */
function serialOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A CycloneDX 1.6 JSON BOM: the image as metadata.component, the distro and every package as components. */
export function cyclonedxDocument(inv: Inventory): Record<string, unknown> {
  const eco = inv.db ? ecosystemOf(inv.db.kind) : 'rpm';
  const components = inv.packages.map((p) => {
    const purl = packageUrl(eco, p, inv.distro);
    const lic = declaredLicense(p.license);
    const licenses =
      lic.expression === 'NOASSERTION'
        ? []
        : lic.extracted
          ? [{ license: { name: lic.extracted.extractedText } }]
          : [{ expression: lic.expression }];
    return {
      type: 'library',
      'bom-ref': purl,
      ...(p.supplier ? { supplier: { name: p.supplier }, publisher: p.supplier } : {}),
      name: p.name,
      version: packageVersion(p),
      ...(licenses.length ? { licenses } : {}),
      cpe: packageCpe(p),
      purl,
      properties: [
        ...(inv.db ? [{ name: 'bydigest:package:database', value: inv.db.path }] : []),
        ...(p.source ? [{ name: 'bydigest:package:source', value: p.source }] : []),
        ...(p.arch ? [{ name: 'bydigest:package:arch', value: p.arch }] : []),
      ],
    };
  });
  const os = {
    type: 'operating-system',
    'bom-ref': `os:${inv.distro.id}-${inv.distro.versionId ?? ''}`,
    name: inv.distro.id,
    ...(inv.distro.versionId ? { version: inv.distro.versionId } : {}),
    ...(inv.distro.prettyName ? { description: inv.distro.prettyName } : {}),
  };
  const rootRef = `image:${inv.image.digest ?? inv.image.name}`;
  const body: Record<string, unknown> = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: '',
    version: 1,
    metadata: {
      timestamp: `${inv.created.toISOString().slice(0, 19)}Z`,
      tools: { components: [{ type: 'application', name: inv.tool.name, version: inv.tool.version }] },
      component: {
        type: 'container',
        'bom-ref': rootRef,
        name: inv.image.name,
        ...(inv.image.digest
          ? {
              version: inv.image.digest,
              hashes: [{ alg: 'SHA-256', content: inv.image.digest.replace(/^sha256:/, '') }],
            }
          : {}),
        ...(inv.image.purl ? { purl: inv.image.purl } : {}),
      },
    },
    components: [os, ...components],
    dependencies: [{ ref: rootRef, dependsOn: [os['bom-ref'], ...components.map((c) => c['bom-ref'])] }],
  };
  body.serialNumber = serialOf(`${rootRef}\n${JSON.stringify(components)}`);
  return body;
}
