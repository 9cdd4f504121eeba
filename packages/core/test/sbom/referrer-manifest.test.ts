import { describe, it, expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { BydigestError } from '../../src/errors.js';
import { inspectSbom, sbomReferrerManifest, type SbomInfo } from '../../src/sbom/index.js';
import { fixture } from './fixtures.js';

const subject = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${'ab'.repeat(32)}`,
  size: 1234,
};

describe('sbomReferrerManifest', () => {
  it('writes the OCI 1.1 artifact manifest oras attach writes, field for field', async () => {
    const info = await inspectSbom(fixture('valid.spdx.json'));
    const m = sbomReferrerManifest({
      subject,
      info,
      fileName: 'sbom.spdx.json',
      annotations: { 'org.opencontainers.image.created': '2024-12-02T10:15:30Z' },
    });
    expect(m.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(m.digest).toBe(`sha256:${createHash('sha256').update(m.bytes).digest('hex')}`);
    // exact bytes: compact JSON in ocispec.Manifest field order, as Go's encoding/json writes it
    expect(m.bytes.toString()).toBe(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/vnd.spdx+json',
        config: {
          mediaType: 'application/vnd.oci.empty.v1+json',
          digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
          size: 2,
          data: 'e30=',
        },
        layers: [
          {
            mediaType: 'application/spdx+json',
            digest: info.digest,
            size: info.size,
            annotations: { 'org.opencontainers.image.title': 'sbom.spdx.json' },
          },
        ],
        subject,
        annotations: { 'org.opencontainers.image.created': '2024-12-02T10:15:30Z' },
      }),
    );
    expect(Buffer.from('e30=', 'base64').toString()).toBe('{}');
  });

  it('is deterministic: no timestamp of its own, annotations sorted, none when none given', async () => {
    const info = await inspectSbom(fixture('valid.syft.json'));
    const a = sbomReferrerManifest({
      subject,
      info,
      fileName: 'sbom.json',
      annotations: { z: '1', a: '2', 'm.n': '3' },
    });
    const b = sbomReferrerManifest({
      subject,
      info,
      fileName: 'sbom.json',
      annotations: { 'm.n': '3', a: '2', z: '1' },
    });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(Object.keys(JSON.parse(a.bytes.toString()).annotations)).toEqual(['a', 'm.n', 'z']);
    const bare = JSON.parse(sbomReferrerManifest({ subject, info, fileName: 'sbom.json' }).bytes.toString());
    expect(bare).not.toHaveProperty('annotations');
    expect(bare.artifactType).toBe('application/vnd.syft+json');
    expect(bare.layers[0].mediaType).toBe('application/vnd.syft+json');
  });

  it('keeps only mediaType, digest and size of the subject', async () => {
    const info = await inspectSbom(fixture('valid.cdx.json'));
    const m = JSON.parse(
      sbomReferrerManifest({
        subject: { ...subject, annotations: { x: 'y' } } as never,
        info,
        fileName: 'bom.json',
      }).bytes.toString(),
    );
    expect(m.subject).toEqual(subject);
  });

  it('refuses an explicit artifact type that contradicts the content', async () => {
    const info = await inspectSbom(fixture('valid.syft.json'));
    expect(() =>
      sbomReferrerManifest({ subject, info, fileName: 'sbom.json', artifactType: 'application/vnd.spdx+json' }),
    ).toThrow(/application\/vnd\.spdx\+json names SPDX JSON, but the SBOM's content is syft-json/);
  });

  it.each([
    [{ subject: { ...subject, digest: 'sha256:abc' } }, /subject digest "sha256:abc" is not sha256/],
    [{ subject: { ...subject, size: -1 } }, /subject size -1 is not a byte count/],
    [{ subject: { ...subject, mediaType: 'manifest' } }, /subject mediaType "manifest" is not a media type/],
    [{ fileName: 'out/sbom.json' }, /fileName "out\/sbom.json" must be a plain file name/],
    [{ fileName: '' }, /fileName "" must be a plain file name/],
    [{ annotations: { 'org.opencontainers.image.created': 'yesterday' } }, /must be an RFC 3339 date-time/],
    [{ annotations: { '': 'x' } }, /annotation keys must not be empty/],
  ])('refuses bad input %#', async (override, message) => {
    const info: SbomInfo = await inspectSbom(fixture('valid.spdx.json'));
    let err: unknown;
    try {
      sbomReferrerManifest({ subject, info, fileName: 'sbom.json', ...override });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BydigestError);
    expect((err as BydigestError).code).toBe('INVALID_ARGUMENT');
    expect((err as Error).message).toMatch(message);
  });
});
