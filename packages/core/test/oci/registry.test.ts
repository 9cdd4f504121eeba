// RegistryClient against the scripted loopback server: what each operation sends (path, method,
// Accept, body), what it makes of each answer (digests from headers or from bytes, 404s, refusals)
// and the shape of its errors. The HTTP mechanics under it (retries, auth, redirects) are
// transport.test.ts's; interop with a real registry is the full suite's.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { sha256Digest } from '../../src/oci/digest.js';
import { RegistryClient } from '../../src/oci/remote/registry.js';
import { bytes, json, scriptedServer, type ScriptedServer } from './scripted-server.js';
import { rejection } from '../bydigest-error.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

let srv: ScriptedServer;
beforeAll(async () => {
  srv = await scriptedServer();
});
afterAll(async () => {
  await srv.close();
});
const open: RegistryClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  srv.seen.length = 0;
});

/** No retries unless a test is about them; no auth file from the machine running the tests. */
function client(opts: ConstructorParameters<typeof RegistryClient>[0] = {}): RegistryClient {
  const c = new RegistryClient({
    retries: 0,
    backoff: { baseMs: 1, maxMs: 2 },
    credentials: { env: {}, home: '/nonexistent' },
    ...opts,
  });
  open.push(c);
  return c;
}

const repo = () => ({ registry: srv.host, repository: 'o/img' });
const byTag = (tag = 'stable') => ({ ...repo(), tag });
const byDigest = (digest: string) => ({ ...repo(), digest });
const manifestOf = (doc: object) => Buffer.from(JSON.stringify(doc));
const manifest = manifestOf({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] });
const digest = sha256Digest(manifest);
const otherDigest = sha256Digest(Buffer.from('another manifest'));
const seen = () => srv.seen.map((r) => `${r.method} ${r.url}`);

/** Headers, then part of the body, then the connection dropped: a body cut short. */
function cutShort(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-length': String(body.length), 'content-type': OCI_MANIFEST });
  res.write(body.subarray(0, Math.floor(body.length / 2)));
  setTimeout(() => res.socket?.destroy(), 10);
}

describe('headManifest', () => {
  it('takes digest, media type and size from the headers, asking for every manifest type it reads', async () => {
    srv.handle((_req, res) =>
      bytes(res, 200, manifest, { 'content-type': OCI_MANIFEST, 'docker-content-digest': digest }),
    );
    expect(await client().headManifest(byTag())).toEqual({ digest, mediaType: OCI_MANIFEST, size: manifest.length });
    expect(seen()).toEqual(['HEAD /v2/o/img/manifests/stable']);
    const accept = String(srv.seen[0]!.headers.accept).split(/,\s*/);
    expect(accept.sort()).toEqual([DOCKER_LIST, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST].sort());
  });

  it('without a usable Docker-Content-Digest (absent or malformed) hashes the body of a GET instead', async () => {
    for (const header of [{}, { 'docker-content-digest': 'sha256:not-hex' }]) {
      srv.seen.length = 0;
      srv.handle((_req, res) => bytes(res, 200, manifest, { 'content-type': 'application/json', ...header }));
      expect(await client().headManifest(byTag())).toEqual({
        digest,
        mediaType: OCI_MANIFEST,
        size: manifest.length,
      });
      expect(seen()).toEqual(['HEAD /v2/o/img/manifests/stable', 'GET /v2/o/img/manifests/stable']);
    }
  });

  it('by digest: asks for that digest, and refuses an answer naming another one', async () => {
    srv.handle((_req, res) => bytes(res, 200, manifest, { 'docker-content-digest': otherDigest }));
    const err = await rejection(client().headManifest(byDigest(digest)));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(`HEAD manifest ${srv.host}/o/img@${digest}: registry answered digest ${otherDigest}`);
    expect(err.reference).toBe(`${srv.host}/o/img@${digest}`);
    expect(seen()).toEqual([`HEAD /v2/o/img/manifests/${digest}`]);
  });

  it('a 404 is undefined; 401 and 403 are UNAUTHORIZED naming operation, reference and status', async () => {
    srv.handle((_req, res) => bytes(res, 404, Buffer.alloc(0)));
    expect(await client().headManifest(byDigest(digest))).toBeUndefined();
    for (const status of [401, 403]) {
      srv.handle((_req, res) => bytes(res, status, Buffer.alloc(0)));
      const err = await rejection(client().headManifest(byTag()));
      expect([err.code, err.status, err.operation, err.reference]).toEqual([
        'UNAUTHORIZED',
        status,
        'HEAD manifest',
        `${srv.host}/o/img:stable`,
      ]);
      expect(err.message).toBe(`HEAD manifest ${srv.host}/o/img:stable: HTTP ${status}`);
      expect(err.hint).toMatch(/credentials/);
    }
  });

  it('a 500 is a REGISTRY error, not "missing"', async () => {
    srv.handle((_req, res) => bytes(res, 500, Buffer.alloc(0)));
    const err = await rejection(client().headManifest(byTag()));
    expect([err.code, err.status]).toEqual(['REGISTRY', 500]);
  });
});

describe('getManifest', () => {
  it('by tag: the digest is computed over the bytes received, whatever the header says', async () => {
    srv.handle((_req, res) =>
      bytes(res, 200, manifest, { 'content-type': OCI_MANIFEST, 'docker-content-digest': otherDigest }),
    );
    const got = await client().getManifest(byTag());
    expect(got.digest).toBe(digest);
    expect(got.bytes.equals(manifest)).toBe(true);
    expect(got.mediaType).toBe(OCI_MANIFEST);
    expect(seen()).toEqual(['GET /v2/o/img/manifests/stable']);
    expect(String(srv.seen[0]!.headers.accept)).toContain(OCI_INDEX);
  });

  it('by digest: bytes that hash elsewhere are refused even when the header claims the digest asked for', async () => {
    srv.handle((_req, res) => bytes(res, 200, manifest, { 'docker-content-digest': otherDigest }));
    const err = await rejection(client().getManifest(byDigest(otherDigest)));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(`GET manifest ${srv.host}/o/img@${otherDigest}: the bytes received hash to ${digest}`);
  });

  it("the media type is the body's own field over Content-Type, guessed from a schema-2 shape, else refused", async () => {
    const docker = manifestOf({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: {}, layers: [] });
    srv.handle((_req, res) => bytes(res, 200, docker, { 'content-type': OCI_MANIFEST }));
    expect((await client().getManifest(byTag())).mediaType).toBe(DOCKER_MANIFEST);

    const bareIndex = manifestOf({ schemaVersion: 2, manifests: [] });
    srv.handle((_req, res) => bytes(res, 200, bareIndex, { 'content-type': 'text/plain' }));
    expect((await client().getManifest(byTag())).mediaType).toBe(OCI_INDEX);

    // No field and no schema-2 shape: the Content-Type (parameters dropped) decides.
    const shapeless = manifestOf({ schemaVersion: 2 });
    srv.handle((_req, res) => bytes(res, 200, shapeless, { 'content-type': `${DOCKER_LIST}; charset=utf-8` }));
    expect((await client().getManifest(byTag())).mediaType).toBe(DOCKER_LIST);

    const schema1 = manifestOf({ schemaVersion: 1, mediaType: 'application/vnd.docker.distribution.manifest.v1+json' });
    srv.handle((_req, res) => bytes(res, 200, schema1));
    const err = await rejection(client().getManifest(byTag()));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toContain(`GET manifest ${srv.host}/o/img:stable: unsupported manifest media type`);
  });

  it('a 404: getManifest is NOT_FOUND with operation, reference and status; getManifestIfExists is undefined', async () => {
    srv.handle((_req, res) => json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] }));
    expect(await client().getManifestIfExists(byTag('gone'))).toBeUndefined();
    const err = await rejection(client().getManifest(byTag('gone')));
    expect([err.code, err.status, err.operation, err.reference]).toEqual([
      'NOT_FOUND',
      404,
      'GET manifest',
      `${srv.host}/o/img:gone`,
    ]);
    expect(err.message).toContain(`GET manifest ${srv.host}/o/img:gone`);
  });

  it('a 403 with the registry error body: UNAUTHORIZED, the registry codes kept, the detail in the message', async () => {
    srv.handle((_req, res) => json(res, 403, { errors: [{ code: 'DENIED', message: 'requested access is denied' }] }));
    const err = await rejection(client().getManifest(byTag()));
    expect([err.code, err.status, err.operation]).toEqual(['UNAUTHORIZED', 403, 'GET manifest']);
    expect(err.registryCodes).toEqual(['DENIED']);
    expect(err.message).toBe(`GET manifest ${srv.host}/o/img:stable: HTTP 403 (DENIED: requested access is denied)`);
  });

  it('a manifest above 4 MiB is refused while reading, even without a Content-Length', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    srv.handle((_req, res) => {
      res.writeHead(200, { 'content-type': OCI_MANIFEST });
      res.end(huge);
    });
    const err = await rejection(client().getManifest(byTag()));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toBe(`${srv.host}/o/img:stable: response exceeds the 4194304-byte limit`);
  });

  it('a body cut short after the headers is read again, within the retries', async () => {
    let n = 0;
    srv.handle((_req, res) => (++n === 1 ? cutShort(res, manifest) : bytes(res, 200, manifest)));
    expect((await client({ retries: 1 }).getManifest(byDigest(digest))).digest).toBe(digest);
    expect(seen()).toEqual([`GET /v2/o/img/manifests/${digest}`, `GET /v2/o/img/manifests/${digest}`]);
  });

  it('a body still cut short once the retries are spent is a NETWORK BydigestError naming the reference', async () => {
    srv.handle((_req, res) => cutShort(res, manifest));
    const err = await rejection(client({ retries: 1 }).getManifest(byDigest(digest)));
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain(`${srv.host}/o/img@${digest}`);
    expect(srv.seen).toHaveLength(2);
  });

  it('a reference with neither tag nor digest is INVALID_REFERENCE, and nothing is sent', async () => {
    srv.handle((_req, res) => bytes(res, 200, manifest));
    const err = await rejection(client().getManifest(repo()));
    expect(err.code).toBe('INVALID_REFERENCE');
    expect(srv.seen).toEqual([]);
  });
});

describe('blobs', () => {
  const blob = Buffer.from('config bytes');
  const blobDigest = sha256Digest(blob);

  it('getBlob returns bytes that match the digest, read from /v2/<repo>/blobs/<digest>', async () => {
    srv.handle((_req, res) => bytes(res, 200, blob));
    expect((await client().getBlob(repo(), blobDigest)).equals(blob)).toBe(true);
    expect(seen()).toEqual([`GET /v2/o/img/blobs/${blobDigest}`]);
  });

  it('getBlob refuses bytes that do not match, naming repository and digest', async () => {
    srv.handle((_req, res) => bytes(res, 200, Buffer.from('tampered')));
    const err = await rejection(client().getBlob(repo(), blobDigest));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(`GET blob ${srv.host}/o/img@${blobDigest}: content does not match its digest`);
  });

  it('getBlob: a declared size above the bound is refused before the body is read; a 404 is NOT_FOUND', async () => {
    srv.handle((_req, res) => bytes(res, 200, Buffer.alloc(64)));
    const big = await rejection(client().getBlob(repo(), blobDigest, 16));
    expect(big.code).toBe('REGISTRY');
    expect(big.message).toBe(`${srv.host}/o/img@${blobDigest}: response of 64 bytes exceeds the 16-byte limit`);

    srv.handle((_req, res) => json(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] }));
    const missing = await rejection(client().getBlob(repo(), blobDigest));
    expect([missing.code, missing.status, missing.operation, missing.registryCodes]).toEqual([
      'NOT_FOUND',
      404,
      'GET blob',
      ['BLOB_UNKNOWN'],
    ]);
  });

  it('headBlob: the size when present, undefined when not, an error when refused', async () => {
    srv.handle((_req, res) => bytes(res, 200, blob));
    expect(await client().headBlob(repo(), blobDigest)).toBe(blob.length);
    srv.handle((_req, res) => bytes(res, 404, Buffer.alloc(0)));
    expect(await client().headBlob(repo(), blobDigest)).toBeUndefined();
    expect(seen()).toEqual([`HEAD /v2/o/img/blobs/${blobDigest}`, `HEAD /v2/o/img/blobs/${blobDigest}`]);
    srv.handle((_req, res) => bytes(res, 403, Buffer.alloc(0)));
    const err = await rejection(client().headBlob(repo(), blobDigest));
    expect([err.code, err.operation, err.reference]).toEqual([
      'UNAUTHORIZED',
      'HEAD blob',
      `${srv.host}/o/img@${blobDigest}`,
    ]);
  });
});

describe('putManifest', () => {
  it('PUTs the exact bytes with their media type; returns the digest, and OCI-Subject when the registry sends it', async () => {
    const subject = sha256Digest(Buffer.from('subject'));
    srv.handle((_req, res) =>
      bytes(res, 201, Buffer.alloc(0), { 'docker-content-digest': digest, 'oci-subject': subject }),
    );
    expect(await client().putManifest(byTag('v1'), { bytes: manifest, mediaType: OCI_MANIFEST })).toEqual({
      digest,
      subject,
    });
    expect(seen()).toEqual(['PUT /v2/o/img/manifests/v1']);
    expect(srv.seen[0]!.headers['content-type']).toBe(OCI_MANIFEST);
    expect(srv.seen[0]!.body.equals(manifest)).toBe(true);

    srv.handle((_req, res) => bytes(res, 201, Buffer.alloc(0)));
    expect(await client().putManifest(byDigest(digest), { bytes: manifest, mediaType: OCI_MANIFEST })).toEqual({
      digest,
    });
    expect(srv.seen.at(-1)!.url).toBe(`/v2/o/img/manifests/${digest}`);
  });

  it('refuses bytes that do not hash to the reference digest before sending anything', async () => {
    srv.handle((_req, res) => bytes(res, 201, Buffer.alloc(0)));
    const err = await rejection(
      client().putManifest(byDigest(otherDigest), { bytes: manifest, mediaType: OCI_MANIFEST }),
    );
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(`PUT manifest ${srv.host}/o/img@${otherDigest}: the bytes hash to ${digest}`);
    expect(srv.seen).toEqual([]);
  });

  it('a registry that says it stored another digest is DIGEST_MISMATCH', async () => {
    srv.handle((_req, res) => bytes(res, 201, Buffer.alloc(0), { 'docker-content-digest': otherDigest }));
    const err = await rejection(client().putManifest(byTag('v1'), { bytes: manifest, mediaType: OCI_MANIFEST }));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(`PUT manifest ${srv.host}/o/img:v1: registry stored ${otherDigest}, expected ${digest}`);
  });

  it('a refusal names operation, reference, status and the registry codes, and is not retried', async () => {
    srv.handle((_req, res) => json(res, 400, { errors: [{ code: 'MANIFEST_INVALID', message: 'bad layers' }] }));
    const err = await rejection(
      client({ retries: 3 }).putManifest(byTag('v1'), { bytes: manifest, mediaType: OCI_MANIFEST }),
    );
    expect([err.code, err.status, err.operation, err.reference, err.registryCodes]).toEqual([
      'REGISTRY',
      400,
      'PUT manifest',
      `${srv.host}/o/img:v1`,
      ['MANIFEST_INVALID'],
    ]);
    expect(err.message).toBe(`PUT manifest ${srv.host}/o/img:v1: HTTP 400 (MANIFEST_INVALID: bad layers)`);
    expect(srv.seen).toHaveLength(1);
  });

  it("distribution's blob-link race (400 MANIFEST_BLOB_UNKNOWN) is asked again, unless the caller says retry: false", async () => {
    let n = 0;
    srv.handle((_req, res) =>
      ++n === 1
        ? json(res, 400, { errors: [{ code: 'MANIFEST_BLOB_UNKNOWN' }] })
        : bytes(res, 201, Buffer.alloc(0), { 'docker-content-digest': digest }),
    );
    const put = { bytes: manifest, mediaType: OCI_MANIFEST };
    expect(await client({ retries: 2 }).putManifest(byTag('v1'), put)).toEqual({ digest });
    expect(srv.seen).toHaveLength(2);

    srv.seen.length = 0;
    n = 0;
    const err = await rejection(client({ retries: 2 }).putManifest(byTag('v1'), put, { retry: false }));
    expect(err.registryCodes).toEqual(['MANIFEST_BLOB_UNKNOWN']);
    expect(srv.seen).toHaveLength(1);
  });

  it('retry: false also keeps the transport from repeating a 503 (a read-modify-write caller reads again instead)', async () => {
    srv.handle((_req, res) => bytes(res, 503, Buffer.alloc(0)));
    const put = { bytes: manifest, mediaType: OCI_MANIFEST };
    const err = await rejection(client({ retries: 2 }).putManifest(byTag('v1'), put, { retry: false }));
    expect([err.code, err.status]).toEqual(['REGISTRY', 503]);
    expect(srv.seen).toHaveLength(1);

    srv.seen.length = 0;
    await rejection(client({ retries: 2 }).putManifest(byTag('v1'), put));
    expect(srv.seen).toHaveLength(3);
  });
});

describe('deleteManifest', () => {
  it('DELETEs by digest; 202 and 404 are both done, anything else is an error naming the operation', async () => {
    for (const status of [202, 404]) {
      srv.handle((_req, res) => bytes(res, status, Buffer.alloc(0)));
      await client().deleteManifest(byDigest(digest));
    }
    expect(seen()).toEqual([`DELETE /v2/o/img/manifests/${digest}`, `DELETE /v2/o/img/manifests/${digest}`]);
    srv.handle((_req, res) => json(res, 405, { errors: [{ code: 'UNSUPPORTED' }] }));
    const err = await rejection(client().deleteManifest(byDigest(digest)));
    expect([err.code, err.status, err.operation, err.registryCodes]).toEqual([
      'REGISTRY',
      405,
      'DELETE manifest',
      ['UNSUPPORTED'],
    ]);
  });
});

describe('referrersApi', () => {
  const index = manifestOf({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] });

  it('asks with the index Accept and the artifactType filter; returns the index bytes and their digest', async () => {
    srv.handle((_req, res) => bytes(res, 200, index, { 'content-type': `${OCI_INDEX}; charset=utf-8` }));
    const got = await client().referrersApi(repo(), digest, 'application/vnd.dev.cosign.artifact.sig.v1+json');
    expect(got).toEqual({ bytes: index, mediaType: OCI_INDEX, digest: sha256Digest(index) });
    expect(seen()).toEqual([
      `GET /v2/o/img/referrers/${digest}?artifactType=application%2Fvnd.dev.cosign.artifact.sig.v1%2Bjson`,
    ]);
    expect(srv.seen[0]!.headers.accept).toBe(OCI_INDEX);
  });

  it('no API (404, 400, 405) or an answer that is not an index: undefined, for the caller to fall back', async () => {
    for (const [status, type] of [
      [404, OCI_INDEX],
      [400, OCI_INDEX],
      [405, OCI_INDEX],
      [200, 'text/html'],
      [200, 'application/json'],
    ] as const) {
      srv.handle((_req, res) => bytes(res, status, index, { 'content-type': type }));
      expect(await client().referrersApi(repo(), digest)).toBeUndefined();
    }
    expect(srv.seen.every((r) => r.url === `/v2/o/img/referrers/${digest}`)).toBe(true);
  });

  it('a refusal is an error, not "no API"', async () => {
    srv.handle((_req, res) => json(res, 403, { errors: [{ code: 'DENIED' }] }));
    const err = await rejection(client().referrersApi(repo(), digest));
    expect([err.code, err.status, err.operation, err.reference]).toEqual([
      'UNAUTHORIZED',
      403,
      'GET referrers',
      `${srv.host}/o/img@${digest}`,
    ]);
  });
});

// A 401 without WWW-Authenticate (a proxy, a misconfigured registry) has no challenge to answer: it
// is the final answer. Each case is bounded: the failure this guards against is a request that
// never settles.
describe('a 401 without a challenge', () => {
  const put = { bytes: manifest, mediaType: OCI_MANIFEST };
  const cases: { name: string; call: (c: RegistryClient) => Promise<unknown> }[] = [
    { name: 'GET manifest', call: (c) => c.getManifest(byTag()) },
    { name: 'PUT manifest', call: (c) => c.putManifest(byTag('v1'), put) },
    { name: 'GET referrers', call: (c) => c.referrersApi(repo(), digest) },
  ];

  it.each(cases)(
    '$name with an empty body: UNAUTHORIZED naming operation, reference and status, at once',
    async ({ name, call }) => {
      srv.handle((_req, res) => bytes(res, 401, Buffer.alloc(0)));
      const err = await rejection(call(client()));
      expect([err.code, err.status, err.operation]).toEqual(['UNAUTHORIZED', 401, name]);
      expect(err.message).toMatch(new RegExp(`^${name} ${srv.host}/o/img\\S*: HTTP 401$`));
      expect(err.hint).toMatch(/credentials/);
      expect(srv.seen).toHaveLength(1);
    },
    10_000,
  );

  it('with a registry error body: its codes and message are kept', async () => {
    srv.handle((_req, res) =>
      json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
    );
    const err = await rejection(client().getManifest(byTag()));
    expect(err.registryCodes).toEqual(['UNAUTHORIZED']);
    expect(err.message).toBe(`GET manifest ${srv.host}/o/img:stable: HTTP 401 (UNAUTHORIZED: authentication required)`);
  }, 10_000);
});
