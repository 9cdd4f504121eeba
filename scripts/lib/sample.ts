/**
 * A small sample "OS image" and an SPDX SBOM describing it, for the demo and the dogfood
 * workflow: real enough that every hop (push, sign, attach, promote, a host's pull) treats it
 * like a distro image, small enough to build in a few milliseconds without buildah.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tarHeader } from '../../test/harness/image.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface SampleImage {
  /** The OCI layout directory; `oci:DIR:TAG` names the image for capture-digest. */
  dir: string;
  tag: string;
  /** Manifest digest: what every later hop must carry unchanged. */
  digest: string;
  layers: number;
  /** The one package the SBOM lists (name and version written into the image). */
  pkg: { name: string; version: string };
}

/**
 * Writes an OCI image layout holding one single-layer image tagged `tag`. `version` goes into
 * the image's os-release-like file, so two builds with different versions differ in digest.
 */
export function writeSampleImage(dir: string, opts: { tag?: string; version?: string } = {}): SampleImage {
  const tag = opts.tag ?? 'latest';
  const pkg = { name: 'bydigest-demo-os', version: opts.version ?? '1.0' };
  const release = Buffer.from(`NAME="bydigest demo"\nID=bydigest-demo\nID_LIKE=debian\nVERSION_ID=${pkg.version}\n`);
  // A dpkg database listing the one package: what generate-sbom reads to make the SBOM.
  const status = Buffer.from(
    `Package: ${pkg.name}\nStatus: install ok installed\nMaintainer: bydigest <bydigest@invalid>\nArchitecture: amd64\nVersion: ${pkg.version}\nDescription: bydigest demo OS\n`,
  );
  const layer = gzipSync(tarOf([['usr/lib/os-release', release], ['var/lib/dpkg/status', status]]), { level: 1 });
  // diff_ids are digests of the uncompressed tar; the gzip wrapper is what the manifest names.
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': pkg.name, 'org.opencontainers.image.version': pkg.version, 'containers.bootc': '1' } },
      rootfs: { type: 'layers', diff_ids: [sha256(gunzipSync(layer))] },
      history: [{ created_by: 'bydigest sample image' }],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
    }),
  );
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const blob of [layer, config, manifest]) writeFileSync(join(dir, 'blobs', 'sha256', sha256(blob).slice(7)), blob);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const entry = { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': tag } };
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
  return { dir, tag, digest: sha256(manifest), layers: 1, pkg };
}

/** An uncompressed tar of regular files, in order. */
function tarOf(files: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of files) parts.push(tarHeader(name, content.length), content, Buffer.alloc((512 - (content.length % 512)) % 512));
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A minimal valid SPDX 2.3 JSON document listing the sample image's one package. */
export function writeSampleSbom(file: string, pkg: { name: string; version: string }): void {
  const sbom = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${pkg.name}-${pkg.version}`,
    // SPDX wants a unique URI per document; .invalid is reserved, so it can never resolve.
    documentNamespace: `https://bydigest.invalid/spdx/${pkg.name}-${randomUUID()}`,
    creationInfo: { created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), creators: ['Tool: bydigest-sample'] },
    packages: [
      {
        SPDXID: 'SPDXRef-Package-os',
        name: pkg.name,
        versionInfo: pkg.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
      },
    ],
    relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Package-os' }],
  };
  writeFileSync(file, JSON.stringify(sbom, null, 2) + '\n');
}
