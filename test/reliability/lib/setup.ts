import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  attachReferrer,
  decryptCosignKey,
  EMPTY_CONFIG,
  inspectSbom,
  repositoryName,
  resolveArtifactType,
  sbomReferrerManifest,
  signImage,
  KeySigner,
  subjectDescriptor,
  withDigest,
  type ImageReference,
  type RegistryClient,
  type SigningKey,
} from '@bydigest/core';
import { REPO_ROOT } from '../../harness/runner.js';
import type { TestKey } from '../../harness/signing.js';

// Setup done in-process (fault-free, no action start-up): the state the runs then act on.

const keyCache = new Map<string, Promise<SigningKey>>();
export function signingKey(k: TestKey): Promise<SigningKey> {
  let p = keyCache.get(k.privateKeyPem);
  if (!p) {
    p = decryptCosignKey(k.privateKeyPem, k.password);
    keyCache.set(k.privateKeyPem, p);
  }
  return p;
}

export async function signInProcess(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  key: TestKey,
): Promise<void> {
  await signImage(client, {
    image,
    identities: [repositoryName(image)],
    signer: new KeySigner(await signingKey(key)),
    recursive: false,
  });
}

const SPDX = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packages/core/test/fixtures/sbom/valid.spdx.json'), 'utf8'),
) as Record<string, unknown>;

/** A small SPDX document unique to `name`, written under `dir`. */
export function writeSpdx(dir: string, name: string): string {
  const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}.spdx.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...SPDX,
      name,
      documentNamespace: `https://example.com/spdx/${encodeURIComponent(name)}-${Date.now()}`,
    }),
  );
  return file;
}

/** What attach-sbom does, in-process, through the tag fallback; returns the SBOM manifest digest. */
export async function attachInProcess(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  file: string,
  key?: TestKey,
): Promise<string> {
  const info = await inspectSbom(file);
  const subject = await subjectDescriptor(client, image, image.digest);
  const manifest = sbomReferrerManifest({
    subject,
    info,
    fileName: basename(file),
    annotations: {},
    artifactType: resolveArtifactType(info),
  });
  const bytes = readFileSync(file);
  await client.uploadBlob(image, { digest: info.digest, size: info.size, open: () => bytes });
  await client.uploadBlob(image, {
    digest: EMPTY_CONFIG.digest,
    size: EMPTY_CONFIG.size,
    open: () => EMPTY_CONFIG.bytes,
  });
  await attachReferrer(
    client,
    image,
    { bytes: manifest.bytes, mediaType: manifest.mediaType, digest: manifest.digest },
    'tag',
  );
  if (key) await signInProcess(client, withDigest(image, manifest.digest), key);
  return manifest.digest;
}
