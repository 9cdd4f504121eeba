/**
 * A small sample "OS image" and an SPDX SBOM describing it, for the demo and the dogfood
 * workflow: real enough that every hop (push, sign, attach, promote, a host's pull) treats it
 * like a distro image, small enough to build in a few milliseconds without buildah.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tarHeader } from '../../test/harness/image.js';
import { hostTrustFiles, type HostTrustOptions } from './host-trust-files.js';

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

export interface SampleImageOptions {
  tag?: string;
  version?: string;
  /**
   * Bake the host trust files (policy.json, registries.d, the public key) into the image, as
   * their own layer on top: what a bootc Containerfile's `COPY cosign.pub /etc/pki/containers/…`
   * and its policy COPY make.
   */
  trust?: Omit<HostTrustOptions, 'keyRoot'>;
  /** More config labels, as `buildah build --label` stamps them (resolve-ref's `label` output). */
  labels?: Record<string, string>;
  /**
   * A directory laid out as the image's root (trust-files' output), its files one layer on top:
   * what a Containerfile's `COPY trust/ /` makes.
   */
  copy?: string;
}

/**
 * Writes an OCI image layout holding one image tagged `tag`: a base layer (os-release and a dpkg
 * database) and, with `trust`, a layer of host trust files. `version` goes into the image's
 * os-release-like file, so two builds with different versions differ in digest.
 */
export function writeSampleImage(dir: string, opts: SampleImageOptions = {}): SampleImage {
  const tag = opts.tag ?? 'latest';
  const pkg = { name: 'bydigest-demo-os', version: opts.version ?? '1.0' };
  const release = Buffer.from(`NAME="bydigest demo"\nID=bydigest-demo\nID_LIKE=debian\nVERSION_ID=${pkg.version}\n`);
  // A dpkg database listing the one package: what generate-sbom reads to make the SBOM.
  const status = Buffer.from(
    `Package: ${pkg.name}\nStatus: install ok installed\nMaintainer: bydigest <bydigest@invalid>\nArchitecture: amd64\nVersion: ${pkg.version}\nDescription: bydigest demo OS\n`,
  );
  const tars: Array<{ tar: Buffer; createdBy: string }> = [
    {
      tar: tarOf([
        ['usr/lib/os-release', release],
        ['var/lib/dpkg/status', status],
      ]),
      createdBy: 'bydigest sample image',
    },
  ];
  if (opts.trust) {
    const files = hostTrustFiles(opts.trust);
    tars.push({
      tar: tarOf(files.map((f) => [f.path, f.content])),
      createdBy: `COPY ${files.map((f) => `/${f.path}`).join(' ')} # host trust files`,
    });
  }
  if (opts.copy) {
    const root = opts.copy;
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)))
      .sort();
    tars.push({ tar: tarOf(files.map((f) => [f, readFileSync(join(root, f))])), createdBy: `COPY ${root}/ /` });
  }
  const layers = tars.map((t) => gzipSync(t.tar, { level: 1 }));
  // diff_ids are digests of the uncompressed tars; the gzip wrappers are what the manifest names.
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Labels: {
          'org.opencontainers.image.title': pkg.name,
          'org.opencontainers.image.version': pkg.version,
          'containers.bootc': '1',
          ...opts.labels,
        },
      },
      rootfs: { type: 'layers', diff_ids: tars.map((t) => sha256(t.tar)) },
      history: tars.map((t) => ({ created_by: t.createdBy })),
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: layers.map((layer) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: sha256(layer),
        size: layer.length,
      })),
    }),
  );
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const blob of [...layers, config, manifest])
    writeFileSync(join(dir, 'blobs', 'sha256', sha256(blob).slice(7)), blob);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const entry = {
    mediaType: OCI_MANIFEST,
    digest: sha256(manifest),
    size: manifest.length,
    annotations: { 'org.opencontainers.image.ref.name': tag },
  };
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
  return { dir, tag, digest: sha256(manifest), layers: layers.length, pkg };
}

/** An uncompressed tar of regular files, in order. */
function tarOf(files: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of files) {
    // ustar's name field holds 100 bytes; this writer has no pax headers for longer names.
    if (Buffer.byteLength(name) >= 100) throw new Error(`sample image: tar member name longer than 99 bytes: ${name}`);
    parts.push(tarHeader(name, content.length), content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
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
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Package-os' },
    ],
  };
  writeFileSync(file, JSON.stringify(sbom, null, 2) + '\n');
}
