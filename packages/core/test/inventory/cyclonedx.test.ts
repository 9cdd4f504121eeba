import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { cyclonedxDocument } from '../../src/inventory/cyclonedx-writer.js';
import type { Inventory } from '../../src/inventory/types.js';

// CycloneDX's own JSON schemas, as the CycloneDX library ships them (bom-1.6 refers to spdx and jsf by relative name).
const schemaDir = join(
  dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res',
  'schema',
);
const schema = (name: string) => {
  const s = JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as Record<string, unknown>;
  delete s.$id;
  return s;
};

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat(
    'date-time',
    (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)),
  );
  ajv.addFormat('iri-reference', (v: string) => !/\s/.test(v));
  ajv.addFormat('uri', (v: string) => /^[a-z][a-z0-9+.-]*:\S*$/i.test(v));
  ajv.addFormat('idn-email', (v: string) => /^[^@\s]+@[^@\s]+$/.test(v));
  ajv.addSchema(schema('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(schema('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  return ajv.compile({
    ...schema('bom-1.6.SNAPSHOT.schema.json'),
    $id: 'http://cyclonedx.org/schema/bom-1.6.SNAPSHOT.schema.json',
  });
}

const inv: Inventory = {
  image: {
    name: 'registry.example/os/aurora',
    digest: `sha256:${'ab'.repeat(32)}`,
    purl: 'pkg:oci/aurora@sha256%3Aabab?repository_url=registry.example%2Fos%2Faurora',
  },
  distro: { id: 'fedora', versionId: '42', namespace: 'fedora', prettyName: 'Aurora 42' },
  db: { kind: 'rpm-sqlite', path: '/usr/lib/sysimage/rpm/rpmdb.sqlite', layer: `sha256:${'cd'.repeat(32)}` },
  packages: [
    {
      name: 'shadow-utils',
      epoch: 2,
      version: '4.15.1',
      release: '8.fc42',
      arch: 'x86_64',
      license: 'BSD-3-Clause AND GPL-2.0-or-later',
      supplier: 'Fedora Project',
      source: 'shadow-utils-4.15.1-8.fc42.src.rpm',
    },
    { name: 'zlib-ng', version: '2.2.3', release: '1.fc42', arch: 'x86_64', license: 'zlib and Boost' },
    { name: 'oddly-licensed', version: '0.1', release: '1', license: 'Some Custom Terms v1' },
    { name: 'no-license', version: '1', release: '1' },
  ],
  tool: { name: 'bydigest-generate-sbom', version: '0.0.0-test' },
  created: new Date('2026-01-02T03:04:05.678Z'),
};

describe('CycloneDX 1.6 writer', () => {
  const validate = validator();

  it("writes BOMs CycloneDX's own 1.6 schema accepts, with or without packages", () => {
    for (const doc of [
      cyclonedxDocument(inv),
      cyclonedxDocument({ ...inv, packages: [] }),
      cyclonedxDocument({ ...inv, image: { name: '/rootfs' } }),
    ]) {
      const ok = validate(doc);
      expect(ok ? [] : validate.errors).toEqual([]);
    }
  });

  it('the schema check is a real one: a wrong field fails it', () => {
    const doc = cyclonedxDocument(inv) as { components: Record<string, unknown>[] };
    doc.components[1]!.licenses = [{ expression: 'MIT', bogus: true }];
    expect(validate(doc)).toBe(false);
  });

  it('carries epochs, licenses and PURLs as the SPDX writer does, and a content-derived serial', () => {
    const doc = cyclonedxDocument(inv) as {
      serialNumber: string;
      components: { name: string; version?: string; purl?: string; licenses?: unknown[] }[];
    };
    const shadow = doc.components.find((c) => c.name === 'shadow-utils')!;
    expect(shadow.version).toBe('2:4.15.1-8.fc42');
    expect(shadow.purl).toBe(
      'pkg:rpm/fedora/shadow-utils@4.15.1-8.fc42?arch=x86_64&distro=fedora-42&epoch=2&upstream=shadow-utils-4.15.1-8.fc42.src.rpm',
    );
    expect(doc.components.find((c) => c.name === 'zlib-ng')!.licenses).toEqual([{ expression: 'Zlib AND BSL-1.0' }]);
    expect(doc.components.find((c) => c.name === 'oddly-licensed')!.licenses).toEqual([
      { license: { name: 'Some Custom Terms v1' } },
    ]);
    expect(doc.serialNumber).toBe((cyclonedxDocument(inv) as { serialNumber: string }).serialNumber);
    expect(doc.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
