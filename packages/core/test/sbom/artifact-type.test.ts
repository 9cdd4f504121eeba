import { describe, it, expect } from '@jest/globals';
import { inspectSbom, resolveArtifactType, type SbomInfo } from '../../src/sbom/index.js';
import { thrown } from '../bydigest-error.js';
import { fixture } from './fixtures.js';

describe('resolveArtifactType', () => {
  const infos = async (): Promise<Record<'spdx' | 'cdx' | 'syft', SbomInfo>> => ({
    spdx: await inspectSbom(fixture('valid.spdx.json')),
    cdx: await inspectSbom(fixture('valid.cdx.json')),
    syft: await inspectSbom(fixture('valid.syft.json')),
  });

  it('defaults to the detected type (also for empty input)', async () => {
    const { spdx, cdx, syft } = await infos();
    expect(resolveArtifactType(spdx)).toBe('application/vnd.spdx+json');
    expect(resolveArtifactType(cdx, '')).toBe('application/vnd.cyclonedx+json');
    expect(resolveArtifactType(syft, '  ')).toBe('application/vnd.syft+json');
  });

  it('accepts an explicit type that agrees with the content', async () => {
    const { spdx, cdx } = await infos();
    expect(resolveArtifactType(spdx, 'application/vnd.spdx+json')).toBe('application/vnd.spdx+json');
    expect(resolveArtifactType(spdx, 'application/spdx+json')).toBe('application/spdx+json');
    expect(resolveArtifactType(cdx, 'application/vnd.cyclonedx+json')).toBe('application/vnd.cyclonedx+json');
  });

  it('refuses syft-json labelled as SPDX, naming both types', async () => {
    const { syft } = await infos();
    const e = thrown(() => resolveArtifactType(syft, 'application/vnd.spdx+json'));
    expect(e.code).toBe('SBOM');
    expect(e.message).toBe(
      "artifact-type application/vnd.spdx+json names SPDX JSON, but the SBOM's content is syft-json (syft-json (descriptor.name=syft)), whose artifact type is application/vnd.syft+json",
    );
    expect(e.hint).toContain('syft convert');
  });

  it.each([
    ['spdx', 'application/vnd.cyclonedx+json', /names CycloneDX JSON, but the SBOM's content is SPDX JSON/],
    ['cdx', 'application/vnd.syft+json', /names syft-json, but the SBOM's content is CycloneDX JSON/],
    ['cdx', 'application/vnd.cyclonedx+xml', /names CycloneDX XML, but the SBOM's content is CycloneDX JSON/],
    ['spdx', 'text/spdx', /names SPDX tag-value, but the SBOM's content is SPDX JSON/],
  ] as const)('refuses %s content as %s', async (which, explicit, message) => {
    const all = await infos();
    const err = thrown(() => resolveArtifactType(all[which], explicit));
    expect(err.code).toBe('SBOM');
    expect(err.message).toMatch(message);
  });

  it('lets a private type that names no SBOM format through', async () => {
    const { syft } = await infos();
    expect(resolveArtifactType(syft, 'application/vnd.example.inventory+json')).toBe(
      'application/vnd.example.inventory+json',
    );
  });

  it('refuses what is not a media type', async () => {
    const { spdx } = await infos();
    for (const bad of ['spdx', 'application/vnd.spdx+json; charset=utf-8', 'application/', '/json']) {
      const e = thrown(() => resolveArtifactType(spdx, bad));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('is not a media type');
    }
  });
});
