import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BydigestError } from '../../src/errors.js';
import { sha256Digest } from '../../src/oci/digest.js';
import { RegistryTransport, type HttpRequest } from '../../src/oci/remote/http/transport.js';
import { listReferrers } from '../../src/oci/remote/referrers.js';
import { RegistryClient } from '../../src/oci/remote/registry.js';
import { bytes, json, scriptedServer, type ScriptedServer } from './scripted-server.js';

// Unit tests of the registry client against a scripted server on 127.0.0.1 (no registry
// process): what it sends, how often, and what it makes of each answer.

let srv: ScriptedServer;
let other: ScriptedServer;
beforeAll(async () => {
  srv = await scriptedServer();
  other = await scriptedServer();
});
afterAll(async () => {
  await srv.close();
  await other.close();
});
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  srv.seen.length = 0;
  other.seen.length = 0;
});

const BACKOFF = { baseMs: 1, maxMs: 2, retryAfterCapMs: 5000 };
function transport(opts: ConstructorParameters<typeof RegistryTransport>[1] = {}): RegistryTransport {
  const t = new RegistryTransport(srv.host, { retries: 3, backoff: BACKOFF, ...opts });
  open.push(t);
  return t;
}
function client(opts: ConstructorParameters<typeof RegistryClient>[0] = {}): RegistryClient {
  const c = new RegistryClient({
    retries: 3,
    backoff: BACKOFF,
    credentials: { env: {}, home: '/nonexistent' },
    ...opts,
  });
  open.push(c);
  return c;
}
const get = (path: string): HttpRequest => ({
  method: 'GET',
  path,
  scopes: [],
  operation: 'GET test',
  reference: path,
});

describe('RegistryTransport', () => {
  it('retries 503 until it succeeds, and not more', async () => {
    let n = 0;
    srv.handle((_req, res) => (++n < 3 ? bytes(res, 503, Buffer.from('busy')) : bytes(res, 200, Buffer.from('ok'))));
    const res = await transport().request(get('/v2/'));
    expect(res.status).toBe(200);
    expect(await res.body.text()).toBe('ok');
    expect(srv.seen).toHaveLength(3);
  });

  it('gives up after retries + 1 attempts with the status in the error', async () => {
    srv.handle((_req, res) => bytes(res, 503, Buffer.from('busy')));
    const err = (await transport({ retries: 2 })
      .request(get('/v2/x/manifests/a'))
      .catch((e: unknown) => e)) as BydigestError;
    expect(err).toBeInstanceOf(BydigestError);
    expect(err.status).toBe(503);
    expect(srv.seen).toHaveLength(3);
  });

  it('does not retry a 404, and keeps the registry error codes', async () => {
    srv.handle((_req, res) => json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'unknown' }] }));
    const err = (await transport()
      .request(get('/v2/x/manifests/a'))
      .catch((e: unknown) => e)) as BydigestError;
    expect(err.status).toBe(404);
    expect(err.registryCodes).toEqual(['MANIFEST_UNKNOWN']);
    expect(srv.seen).toHaveLength(1);
  });

  it('waits as long as Retry-After says, capped', async () => {
    let n = 0;
    srv.handle((_req, res) =>
      ++n === 1 ? bytes(res, 429, Buffer.alloc(0), { 'retry-after': '1' }) : bytes(res, 200, Buffer.from('ok')),
    );
    await transport().request(get('/v2/'));
    const waited = srv.seen[1]!.at - srv.seen[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(900);

    srv.seen.length = 0;
    n = 0;
    // A hostile hour is cut to the cap (50 ms here).
    srv.handle((_req, res) =>
      ++n === 1 ? bytes(res, 503, Buffer.alloc(0), { 'retry-after': '3600' }) : bytes(res, 200, Buffer.from('ok')),
    );
    const started = Date.now();
    await transport({ backoff: { ...BACKOFF, retryAfterCapMs: 50 } }).request(get('/v2/'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(srv.seen).toHaveLength(2);
  });

  it('answers a Bearer challenge: the token endpoint gets the credentials, the retry carries the token, which is cached', async () => {
    srv.handle((req, res) => {
      if (req.url.startsWith('/token')) return json(res, 200, { token: 'tok-1' });
      if (req.headers.authorization !== 'Bearer tok-1') {
        return bytes(res, 401, Buffer.alloc(0), {
          'www-authenticate': `Bearer realm="http://${srv.host}/token",service="test",scope="repository:x:pull"`,
        });
      }
      return bytes(res, 200, Buffer.from('ok'));
    });
    const t = transport({ credentials: async () => ({ kind: 'basic', username: 'u', password: 'p' }) });
    const pull = { ...get('/v2/x/manifests/a'), scopes: [{ repository: 'x', actions: ['pull'] }] } as HttpRequest;
    expect((await t.request(pull)).status).toBe(200);
    const token = srv.seen.find((r) => r.url.startsWith('/token'))!;
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(new URL(token.url, 'http://x').searchParams.get('scope')).toBe('repository:x:pull');
    expect(srv.seen.map((r) => r.url.split('?')[0])).toEqual(['/v2/x/manifests/a', '/token', '/v2/x/manifests/a']);

    srv.seen.length = 0;
    await t.request(pull);
    expect(srv.seen.map((r) => r.url.split('?')[0])).toEqual(['/v2/x/manifests/a']);
  });

  it('follows a redirect to another host without Authorization, and keeps it on the same host', async () => {
    other.handle((_req, res) => bytes(res, 200, Buffer.from('blob')));
    srv.handle((req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('u:p').toString('base64')}`) {
        return bytes(res, 401, Buffer.alloc(0), { 'www-authenticate': 'Basic realm="test"' });
      }
      if (req.url === '/v2/x/blobs/away')
        return bytes(res, 307, Buffer.alloc(0), { location: `http://${other.host}/storage/blob` });
      if (req.url === '/v2/x/blobs/here') return bytes(res, 302, Buffer.alloc(0), { location: '/v2/x/blobs/landed' });
      return bytes(res, 200, Buffer.from('same host'));
    });
    const t = transport({ credentials: async () => ({ kind: 'basic', username: 'u', password: 'p' }) });
    expect(await (await t.request(get('/v2/x/blobs/away'))).body.text()).toBe('blob');
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();

    expect(await (await t.request(get('/v2/x/blobs/here'))).body.text()).toBe('same host');
    expect(srv.seen.at(-1)!.url).toBe('/v2/x/blobs/landed');
    expect(srv.seen.at(-1)!.headers.authorization).toMatch(/^Basic /);
  });
});

describe('RegistryClient', () => {
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {},
      layers: [],
    }),
  );
  const digest = sha256Digest(manifest);
  const repo = () => ({ registry: srv.host, repository: 'x' });

  it('reads a manifest by digest and refuses bytes that do not match it', async () => {
    srv.handle((_req, res) =>
      bytes(res, 200, manifest, {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'docker-content-digest': digest,
      }),
    );
    const got = await client().getManifest({ ...repo(), digest });
    expect(got.digest).toBe(digest);
    expect(srv.seen[0]!.url).toBe(`/v2/x/manifests/${digest}`);
    expect(srv.seen[0]!.headers.accept).toContain('application/vnd.oci.image.manifest.v1+json');

    const wrong = sha256Digest(Buffer.from('other'));
    await expect(client().getManifest({ ...repo(), digest: wrong })).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
  });

  it('HEAD of a manifest the registry lacks is undefined, not an error', async () => {
    srv.handle((_req, res) => bytes(res, 404, Buffer.alloc(0)));
    expect(await client().headManifest({ ...repo(), tag: 'missing' })).toBeUndefined();
    expect(srv.seen.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('refuses a blob whose bytes do not match its digest', async () => {
    srv.handle((_req, res) => bytes(res, 200, Buffer.from('tampered')));
    await expect(client().getBlob(repo(), sha256Digest(Buffer.from('original')))).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
    });
  });

  it('uploads a blob: HEAD, POST, PUT with the digest; a present blob is not sent again', async () => {
    const blob = Buffer.from('layer bytes');
    const blobDigest = sha256Digest(blob);
    srv.handle((req, res) => {
      if (req.method === 'HEAD') return bytes(res, 404, Buffer.alloc(0));
      if (req.method === 'POST') return bytes(res, 202, Buffer.alloc(0), { location: '/v2/x/blobs/uploads/session-1' });
      if (req.method === 'PUT') return bytes(res, 201, Buffer.alloc(0), { location: `/v2/x/blobs/${blobDigest}` });
      return bytes(res, 500, Buffer.alloc(0));
    });
    const c = client();
    expect(await c.uploadBlob(repo(), { digest: blobDigest, size: blob.length, open: () => blob })).toBe('uploaded');
    expect(srv.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `HEAD /v2/x/blobs/${blobDigest}`,
      'POST /v2/x/blobs/uploads/',
      `PUT /v2/x/blobs/uploads/session-1?digest=${encodeURIComponent(blobDigest)}`,
    ]);
    expect(srv.seen[2]!.body.equals(blob)).toBe(true);

    srv.seen.length = 0;
    srv.handle((req, res) =>
      req.method === 'HEAD'
        ? bytes(res, 200, Buffer.alloc(0), { 'content-length': String(blob.length) })
        : bytes(res, 500, Buffer.alloc(0)),
    );
    expect(await client().uploadBlob(repo(), { digest: blobDigest, size: blob.length, open: () => blob })).toBe(
      'exists',
    );
    expect(srv.seen.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('mounts a blob from another repository when the registry agrees', async () => {
    const blobDigest = sha256Digest(Buffer.from('shared'));
    srv.handle((req, res) => {
      if (req.method === 'HEAD') return bytes(res, 404, Buffer.alloc(0));
      if (req.method === 'POST' && req.url.includes('mount='))
        return bytes(res, 201, Buffer.alloc(0), { location: `/v2/x/blobs/${blobDigest}` });
      return bytes(res, 500, Buffer.alloc(0));
    });
    const outcome = await client().uploadBlob(
      repo(),
      { digest: blobDigest, size: 6, open: () => Buffer.from('shared') },
      { mountFrom: { registry: srv.host, repository: 'y' } },
    );
    expect(outcome).toBe('mounted');
    const post = new URL(srv.seen.find((r) => r.method === 'POST')!.url, 'http://x');
    expect(post.searchParams.get('mount')).toBe(blobDigest);
    expect(post.searchParams.get('from')).toBe('y');
    expect(srv.seen.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('listReferrers', () => {
  const subject = sha256Digest(Buffer.from('subject'));
  const referrer = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: sha256Digest(Buffer.from('r')),
    size: 1,
    artifactType: 'application/spdx+json',
  };
  const index = (manifests: unknown[]) => ({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests,
  });

  it('reads the referrers API, filtered by artifact type', async () => {
    srv.handle((_req, res) =>
      json(
        res,
        200,
        index([referrer, { ...referrer, digest: sha256Digest(Buffer.from('s')), artifactType: 'other' }]),
        { 'content-type': 'application/vnd.oci.image.index.v1+json' },
      ),
    );
    const listing = await listReferrers(client(), { registry: srv.host, repository: 'x' }, subject, {
      artifactType: 'application/spdx+json',
    });
    expect(listing.via).toBe('api');
    expect(listing.descriptors.map((d) => d.digest)).toEqual([referrer.digest]);
    expect(srv.seen[0]!.url.split('?')[0]).toBe(`/v2/x/referrers/${subject}`);
  });

  it('falls back to the sha256-<hex> tag when the registry has no referrers API', async () => {
    const fallback = Buffer.from(JSON.stringify(index([referrer])));
    srv.handle((req, res) => {
      if (req.url.startsWith('/v2/x/referrers/')) return bytes(res, 404, Buffer.alloc(0));
      if (req.url === `/v2/x/manifests/sha256-${subject.slice(7)}`) {
        return bytes(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : fallback, {
          'content-type': 'application/vnd.oci.image.index.v1+json',
          'docker-content-digest': sha256Digest(fallback),
        });
      }
      return bytes(res, 404, Buffer.alloc(0));
    });
    const listing = await listReferrers(client(), { registry: srv.host, repository: 'x' }, subject);
    expect(listing.via).toBe('tag');
    expect(listing.descriptors.map((d) => d.digest)).toEqual([referrer.digest]);
  });
});
