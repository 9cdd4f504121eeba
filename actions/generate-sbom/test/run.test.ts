// generate-sbom's run() in-process on a dir: rootfs (no registry). Layouts, archives, docker:// and
// syft as the oracle: test/generate-sbom.test.ts.
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerateInputs } from '../src/inputs.js';
import { run, TOOL } from '../src/run.js';

function alpineRootfs(): string {
  const root = mkdtempSync(join(tmpdir(), 'generate-unit-'));
  mkdirSync(join(root, 'lib/apk/db'), { recursive: true });
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc/os-release'), 'ID=alpine\nVERSION_ID=3.20.0\nPRETTY_NAME="Alpine Linux v3.20"\n');
  writeFileSync(
    join(root, 'lib/apk/db/installed'),
    'P:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\nI:630784\n\nP:busybox\nV:1.36.1-r29\nA:x86_64\nL:GPL-2.0-only\n\n',
  );
  return root;
}

describe('generate-sbom run() as a unit', () => {
  it('reads the apk database of a rootfs and writes both formats, naming every package', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const out = mkdtempSync(join(tmpdir(), 'generate-unit-out-'));
    const inputs: GenerateInputs = {
      source: `dir:${alpineRootfs()}`,
      remote: false,
      platform: 'linux/amd64',
      allowEmpty: false,
      outputs: [
        { format: 'spdx-json', path: join(out, 'sbom.spdx.json') },
        { format: 'cyclonedx-json', path: join(out, 'sbom.cdx.json') },
      ],
      format: 'both',
      registry: { retries: 0, insecure: false },
    };
    const r = await run(inputs);
    expect(r.packages).toBe(2);
    expect(r.distro).toMatch(/alpine/);
    const spdx = JSON.parse(readFileSync(join(out, 'sbom.spdx.json'), 'utf8')) as {
      packages: { name: string; versionInfo: string }[];
      creationInfo: { creators: string[] };
    };
    expect(spdx.packages.map((p) => `${p.name}@${p.versionInfo}`)).toEqual(
      expect.arrayContaining(['musl@1.2.5-r0', 'busybox@1.36.1-r29']),
    );
    expect(spdx.creationInfo.creators.join(' ')).toContain(TOOL.name);
    const cdx = JSON.parse(readFileSync(join(out, 'sbom.cdx.json'), 'utf8')) as { components: { name: string }[] };
    expect(cdx.components.map((c) => c.name)).toEqual(expect.arrayContaining(['musl', 'busybox']));
  });
});
