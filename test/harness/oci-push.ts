import { registryFetch } from './http.js';
import type { RunningRegistry } from './registry.js';
import { sha256, type TinyImage } from './tiny-image.js';

/** Accept for manifest GET/HEAD: without it distribution 2.8 may answer a tag with schema1. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

async function expectStatus(res: Response, want: number, what: string): Promise<void> {
  if (res.status !== want) throw new Error(`${what}: ${res.status} ${await res.text()}`);
}

/** Monolithic upload: POST opens a session, PUT ?digest= sends the whole blob and closes it. */
export async function pushBlob(reg: RunningRegistry, repo: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await registryFetch(reg, `/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  await expectStatus(start, 202, `POST upload ${repo}`);
  const location = start.headers.get('location');
  if (location === null) throw new Error('upload session without Location');
  const put = new URL(location, reg.url);
  put.searchParams.set('digest', digest);
  const res = await registryFetch(reg, put.toString(), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  await expectStatus(res, 201, `PUT blob ${digest}`);
  return digest;
}

export async function pushManifest(
  reg: RunningRegistry,
  repo: string,
  reference: string,
  bytes: Buffer,
  mediaType: string,
): Promise<string> {
  const res = await registryFetch(reg, `/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes,
  });
  await expectStatus(res, 201, `PUT manifest ${repo}:${reference}`);
  return sha256(bytes);
}

/** Pushes the image's blobs and its manifest under tag; returns the manifest digest. */
export async function pushImage(reg: RunningRegistry, repo: string, tag: string, image: TinyImage): Promise<string> {
  await pushBlob(reg, repo, image.config.bytes);
  await pushBlob(reg, repo, image.layer.bytes);
  return pushManifest(reg, repo, tag, image.manifest.bytes, image.manifest.mediaType);
}
