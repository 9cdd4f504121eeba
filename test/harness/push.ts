import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLayout, parseRepository, pushLayout, RegistryClient, selectLayoutManifest } from '@bydigest/core';
import { buildImage, buildIndex, writeOciLayout, type BuiltManifest, type ImageSpec } from './image.js';
import type { RunningRegistry } from './registry.js';

/** A client for the test's own setup and checks (the code under test runs in the dist bundles). */
export function testClient(reg: RunningRegistry): RegistryClient {
  const creds = reg.username && reg.password ? { username: reg.username, password: reg.password } : {};
  return new RegistryClient({ credentials: creds, ...(reg.caFile ? { ca: readCa(reg.caFile) } : {}), retries: 1 });
}

function readCa(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Pushes a fresh image (or a two-platform index) under `tags` and returns it. */
export async function pushTestImage(
  reg: RunningRegistry,
  repo: string,
  tags: string[],
  spec: ImageSpec & { platforms?: string[] } = {},
): Promise<BuiltManifest & { ref: string; children: BuiltManifest[] }> {
  const children = (spec.platforms ?? []).map((architecture) => buildImage({ ...spec, architecture }));
  const top = children.length > 0 ? buildIndex(children) : buildImage(spec);
  const dir = writeOciLayout(mkdtempSync(join(tmpdir(), 'push-')), top, { children });
  const client = testClient(reg);
  try {
    const layout = await openLayout('oci', dir);
    const target = parseRepository(`${reg.host}/${repo}`);
    await pushLayout(client, target, layout, await selectLayoutManifest(layout), tags);
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...top, ref: `${reg.host}/${repo}@${top.digest}`, children };
}
