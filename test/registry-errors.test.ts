// The registry's own error codes travel on the error as data (errors[].code), from a real
// distribution: what the blob-link race retry and the settle loop decide on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BydigestError, MediaType, RegistryClient, parseRepository, sha256Digest, withDigest } from '@bydigest/core';
import { isBlobLinkRace } from '../packages/core/src/oci/remote/http/retry.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';

let reg: RunningRegistry;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
});
afterAll(async () => {
  await reg?.stop();
});

describe('registry error codes', () => {
  it('a manifest naming a missing blob fails with MANIFEST_BLOB_UNKNOWN as data, after the race retries', async () => {
    const missing = sha256Digest(Buffer.from('never uploaded'));
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: missing, size: 14 },
        layers: [],
      }),
    );
    const requests: string[] = [];
    const client = new RegistryClient({ retries: 2, onRequest: (e) => requests.push(`${e.method} ${e.status}`) });
    try {
      const ref = withDigest(parseRepository(`${reg.host}/errors/codes`), sha256Digest(bytes));
      const err = (await client
        .putManifest(ref, { bytes, mediaType: MediaType.OciManifest })
        .catch((e: unknown) => e)) as BydigestError;
      expect(err).toBeInstanceOf(BydigestError);
      expect(err.status).toBe(400);
      expect(err.registryCodes).toContain('MANIFEST_BLOB_UNKNOWN');
      expect(isBlobLinkRace(err)).toBe(true);
      // One PUT and two more: the race rule, with retries: 2.
      expect(requests.filter((r) => r.startsWith('PUT 400'))).toHaveLength(3);
    } finally {
      await client.close();
    }
  });
});
