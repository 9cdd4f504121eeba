// Referrers against the scripted loopback server, scripted as a small registry (manifests by tag
// and digest, the referrers API switched on or off): listing through the API or the sha256-<hex>
// fallback index, what a fallback tag may hold, appending to the index, attaching a referrer.
// Races between writers are test/sign-concurrency.test.ts's, against the real registry.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sha256Digest } from '../../src/oci/digest.js';
import {
  appendToFallbackIndex,
  attachReferrer,
  defaultReferrersMode,
  listReferrers,
  readFallbackIndex,
  referrerDescriptor,
  referrersFallbackTag,
  subjectDescriptor,
} from '../../src/oci/remote/referrers.js';
import { RegistryClient } from '../../src/oci/remote/registry.js';
import type { Descriptor, ManifestBytes } from '../../src/oci/types.js';
import { bytes, scriptedServer, type ScriptedServer, type SeenRequest } from './scripted-server.js';
import { rejection } from '../bydigest-error.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const SBOM = 'application/spdx+json';
const SIG = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SETTLE = { minQuietMs: 10, maxQuietMs: 40, contendedQuietMs: 40 };

const doc = (d: object): ManifestBytes => {
  const b = Buffer.from(JSON.stringify(d));
  return { bytes: b, mediaType: (d as { mediaType: string }).mediaType, digest: sha256Digest(b) };
};
const subject = doc({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] });
const subjectDesc: Descriptor = { mediaType: OCI_MANIFEST, digest: subject.digest, size: subject.bytes.length };
const FALLBACK = `sha256-${subject.digest.slice('sha256:'.length)}`;

/** A referrer manifest of `artifactType` pointing at the subject. */
const referrer = (artifactType: string, note = artifactType, annotations?: Record<string, string>) =>
  doc({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa3', size: 2 },
    layers: [],
    subject: subjectDesc,
    annotations: { note, ...annotations },
  });
const indexOf = (manifests: Descriptor[]) => doc({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });

let srv: ScriptedServer;
/** The registry's state: manifests by tag or digest; whether it has the referrers API. */
let store: Map<string, ManifestBytes>;
let registry: { api: boolean; subjectHeader: boolean; pageSize?: number; loopingLink?: boolean };
const open: RegistryClient[] = [];

function serve(req: SeenRequest, res: Parameters<Parameters<ScriptedServer['handle']>[0]>[1]): void {
  const url = new URL(req.url, 'http://x');
  const m = /^\/v2\/o\/img\/(manifests|referrers)\/([^/]+)$/.exec(url.pathname);
  if (!m) return bytes(res, 400, Buffer.alloc(0));
  const [, kind, ref] = m as unknown as [string, string, string];
  if (kind === 'referrers') {
    if (!registry.api) return bytes(res, 404, Buffer.alloc(0));
    const type = url.searchParams.get('artifactType');
    const listed = [...new Set(store.values())]
      .filter((s) => JSON.parse(s.bytes.toString()).subject?.digest === ref)
      .map(referrerDescriptor)
      .filter((d) => !type || d.artifactType === type);
    // Paginated as the distribution spec allows: `from` is this server's own cursor.
    const from = Number(url.searchParams.get('from') ?? 0);
    const size = registry.pageSize ?? listed.length;
    const headers: Record<string, string> = { 'content-type': OCI_INDEX };
    const query = (at: number) => `${type ? `artifactType=${encodeURIComponent(type)}&` : ''}from=${at}`;
    if (from + size < listed.length) headers.link = `</v2/o/img/referrers/${ref}?${query(from + size)}>; rel="next"`;
    if (registry.loopingLink) headers.link = `</v2/o/img/referrers/${ref}?from=0>; rel="next"`;
    return bytes(res, 200, indexOf(listed.slice(from, from + size)).bytes, headers);
  }
  if (req.method === 'PUT') {
    const put = { bytes: req.body, mediaType: String(req.headers['content-type']), digest: sha256Digest(req.body) };
    store.set(ref, put);
    store.set(put.digest, put);
    const subjectDigest = JSON.parse(req.body.toString()).subject?.digest as string | undefined;
    const headers: Record<string, string> = { 'docker-content-digest': put.digest };
    if (registry.subjectHeader && subjectDigest) headers['oci-subject'] = subjectDigest;
    return bytes(res, 201, Buffer.alloc(0), headers);
  }
  const found = store.get(ref);
  if (!found) return bytes(res, 404, Buffer.alloc(0));
  return bytes(res, 200, found.bytes, { 'content-type': found.mediaType, 'docker-content-digest': found.digest });
}

beforeAll(async () => {
  srv = await scriptedServer();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  store = new Map([[subject.digest, subject]]);
  registry = { api: false, subjectHeader: false };
  srv.handle(serve);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  srv.seen.length = 0;
});

function client(): RegistryClient {
  const c = new RegistryClient({ retries: 0, credentials: { env: {}, home: '/nonexistent' } });
  open.push(c);
  return c;
}
const repo = () => ({ registry: srv.host, repository: 'o/img' });
const requests = () => srv.seen.map((r) => `${r.method} ${r.url}`);
/** The fallback index as the registry holds it now. */
const fallbackEntries = () => JSON.parse(store.get(FALLBACK)!.bytes.toString()).manifests as Descriptor[];

describe('names and modes', () => {
  it('the fallback tag is sha256-<hex>; ghcr.io and docker.io go to it directly, others try the API first', () => {
    expect(referrersFallbackTag(subject.digest)).toBe(FALLBACK);
    expect(FALLBACK).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(['ghcr.io', 'docker.io', 'quay.io', '127.0.0.1:5000'].map(defaultReferrersMode)).toEqual([
      'tag',
      'tag',
      'auto',
      'auto',
    ]);
  });

  it('a referrer descriptor carries its artifact type (or its config type) and its annotations, when it has any', () => {
    const sbom = referrer(SBOM, 'sbom', { 'org.opencontainers.image.created': '2026-12-01T00:00:00Z' });
    expect(referrerDescriptor(sbom)).toEqual({
      mediaType: OCI_MANIFEST,
      digest: sbom.digest,
      size: sbom.bytes.length,
      artifactType: SBOM,
      annotations: { note: 'sbom', 'org.opencontainers.image.created': '2026-12-01T00:00:00Z' },
    });
    const legacy = doc({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.example.config+json', digest: 'sha256:00', size: 2 },
      layers: [],
      annotations: {},
    });
    expect(referrerDescriptor(legacy)).toEqual({
      mediaType: OCI_MANIFEST,
      digest: legacy.digest,
      size: legacy.bytes.length,
      artifactType: 'application/vnd.example.config+json',
    });
  });
});

describe('listReferrers', () => {
  it('through the API: asks with the artifact type, and filters again when the registry ignores it', async () => {
    const sbom = referrer(SBOM);
    const sig = referrer(SIG);
    // A registry that lists every referrer whatever the filter.
    srv.handle((req, res) =>
      req.url.includes('/referrers/')
        ? bytes(res, 200, indexOf([referrerDescriptor(sbom), referrerDescriptor(sig)]).bytes, {
            'content-type': OCI_INDEX,
          })
        : bytes(res, 404, Buffer.alloc(0)),
    );
    const listing = await listReferrers(client(), repo(), subject.digest, { artifactType: SBOM });
    expect(listing.via).toBe('api');
    expect(listing.descriptors.map((d) => d.digest)).toEqual([sbom.digest]);
    expect(listing.index).toBeUndefined();
    expect(requests()).toEqual([`GET /v2/o/img/referrers/${subject.digest}?artifactType=${encodeURIComponent(SBOM)}`]);

    const all = await listReferrers(client(), repo(), subject.digest);
    expect(all.descriptors.map((d) => d.digest)).toEqual([sbom.digest, sig.digest]);
  });

  it('through the API: an index without manifests lists none; one that is not JSON is a REGISTRY error', async () => {
    srv.handle((_req, res) =>
      bytes(res, 200, Buffer.from(`{"schemaVersion":2,"mediaType":"${OCI_INDEX}"}`), { 'content-type': OCI_INDEX }),
    );
    expect((await listReferrers(client(), repo(), subject.digest)).descriptors).toEqual([]);
    srv.handle((_req, res) => bytes(res, 200, Buffer.from('{"manifests": ['), { 'content-type': OCI_INDEX }));
    const err = await rejection(listReferrers(client(), repo(), subject.digest));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toContain('is not valid JSON');
  });

  it('without the API (404): the sha256-<hex> index, filtered, kept whole for a read-modify-write', async () => {
    const entries = [referrerDescriptor(referrer(SBOM)), referrerDescriptor(referrer(SIG))];
    const index = indexOf(entries);
    store.set(FALLBACK, index);
    const listing = await listReferrers(client(), repo(), subject.digest, { artifactType: SIG });
    expect(listing.via).toBe('tag');
    expect(listing.descriptors).toEqual([entries[1]]);
    expect(listing.index).toEqual(index);
    expect(requests()).toEqual([
      `GET /v2/o/img/referrers/${subject.digest}?artifactType=${encodeURIComponent(SIG)}`,
      `GET /v2/o/img/manifests/${FALLBACK}`,
    ]);
  });

  it('an API answer that is not an index (a 200 of another content type) also falls back to the tag', async () => {
    store.set(FALLBACK, indexOf([referrerDescriptor(referrer(SBOM))]));
    srv.handle((req, res) =>
      req.url.includes('/referrers/')
        ? bytes(res, 200, Buffer.from('<html>not here</html>'), { 'content-type': 'text/html' })
        : serve(req, res),
    );
    const listing = await listReferrers(client(), repo(), subject.digest);
    expect(listing.via).toBe('tag');
    expect(listing.descriptors).toHaveLength(1);
  });

  it('neither the API nor the tag: no referrers and no index', async () => {
    const listing = await listReferrers(client(), repo(), subject.digest);
    expect(listing).toEqual({ via: 'tag', descriptors: [] });
  });

  it("follows the API's pages (a Link header, as the distribution spec allows), keeping the filter", async () => {
    registry.api = true;
    registry.pageSize = 2;
    const sboms = ['a', 'b', 'c', 'd', 'e'].map((n) => referrer(SBOM, n));
    for (const r of [...sboms, referrer(SIG)]) store.set(r.digest, r);
    const listing = await listReferrers(client(), repo(), subject.digest, { artifactType: SBOM });
    expect(listing.via).toBe('api');
    expect(listing.descriptors.map((d) => d.digest).sort()).toEqual(sboms.map((s) => s.digest).sort());
    const filter = `artifactType=${encodeURIComponent(SBOM)}`;
    expect(requests()).toEqual([
      `GET /v2/o/img/referrers/${subject.digest}?${filter}`,
      `GET /v2/o/img/referrers/${subject.digest}?${filter}&from=2`,
      `GET /v2/o/img/referrers/${subject.digest}?${filter}&from=4`,
    ]);
  });

  it('stops on pages that never end (a Link back to a page already read), naming the registry', async () => {
    registry.api = true;
    registry.loopingLink = true;
    store.set(referrer(SBOM).digest, referrer(SBOM));
    const err = await rejection(listReferrers(client(), repo(), subject.digest));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toBe(
      `the referrers of ${srv.host}/o/img@${subject.digest} do not end: page 3 asks again for /v2/o/img/referrers/${subject.digest}?from=0`,
    );
    expect(err.hint).toMatch(/registry operator/);
    expect(srv.seen).toHaveLength(2);
  });

  it('mode tag never asks the API; mode api refuses a registry that has none, saying what to use instead', async () => {
    registry.api = true;
    await listReferrers(client(), repo(), subject.digest, { mode: 'tag' });
    expect(requests()).toEqual([`GET /v2/o/img/manifests/${FALLBACK}`]);

    registry.api = false;
    srv.seen.length = 0;
    const err = await rejection(listReferrers(client(), repo(), subject.digest, { mode: 'api' }));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toBe(`${srv.host}/o/img has no referrers API`);
    expect(err.hint).toMatch(/referrers: tag/);
    expect(requests()).toEqual([`GET /v2/o/img/referrers/${subject.digest}`]);
  });
});

describe('readFallbackIndex', () => {
  it('refuses a tag that holds something other than an index, naming it, so it is never overwritten', async () => {
    const image = doc({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { size: 1 }, layers: [] });
    store.set(FALLBACK, image);
    const err = await rejection(readFallbackIndex(client(), repo(), subject.digest));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toBe(
      `${srv.host}/o/img:${FALLBACK} holds a ${OCI_MANIFEST}, not a referrers index; refusing to overwrite it`,
    );
  });

  it('refuses a tag that resolves to the subject itself (a registry mapping sha256-<hex> onto digests)', async () => {
    store.set(FALLBACK, subject);
    const err = await rejection(readFallbackIndex(client(), repo(), subject.digest));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toContain(`resolves to the subject ${subject.digest} itself`);
    expect(err.hint).toMatch(/referrers: api/);
  });

  it('a Docker manifest list is an index too; a missing tag is undefined', async () => {
    const list = doc({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [],
    });
    store.set(FALLBACK, list);
    expect((await readFallbackIndex(client(), repo(), subject.digest))?.digest).toBe(list.digest);
    store.delete(FALLBACK);
    expect(await readFallbackIndex(client(), repo(), subject.digest)).toBeUndefined();
  });
});

describe('appendToFallbackIndex', () => {
  it('creates the index when there is none: one PUT of an OCI index to the sha256-<hex> tag', async () => {
    const d = referrerDescriptor(referrer(SBOM));
    const report = await appendToFallbackIndex(client(), repo(), subject.digest, d, SETTLE);
    expect(report.writes).toBe(1);
    expect(fallbackEntries()).toEqual([d]);
    const puts = srv.seen.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.url)).toEqual([`/v2/o/img/manifests/${FALLBACK}`]);
    expect(puts[0]!.headers['content-type']).toBe(OCI_INDEX);
    expect(JSON.parse(puts[0]!.body.toString())).toMatchObject({ schemaVersion: 2, mediaType: OCI_INDEX });
  });

  it('keeps every entry already there and appends ours after them', async () => {
    const theirs = [referrerDescriptor(referrer(SIG, 'a')), referrerDescriptor(referrer(SIG, 'b'))];
    store.set(FALLBACK, indexOf(theirs));
    const ours = referrerDescriptor(referrer(SBOM));
    await appendToFallbackIndex(client(), repo(), subject.digest, ours, SETTLE);
    expect(fallbackEntries()).toEqual([...theirs, ours]);
  });

  it('puts back an entry it saw at first that another writer dropped after our write', async () => {
    const theirs = referrerDescriptor(referrer(SIG));
    const ours = referrerDescriptor(referrer(SBOM));
    store.set(FALLBACK, indexOf([theirs]));
    let puts = 0;
    srv.handle((req, res) => {
      serve(req, res);
      // A writer that read before `theirs` was added lands its stale state right after our first write.
      if (req.method === 'PUT' && ++puts === 1) store.set(FALLBACK, indexOf([ours]));
    });
    const report = await appendToFallbackIndex(client(), repo(), subject.digest, ours, SETTLE);
    expect(report).toMatchObject({ writes: 2, contended: true });
    expect(fallbackEntries().map((d) => d.digest)).toEqual([ours.digest, theirs.digest]);
  });

  it('writes nothing when our entry is already there', async () => {
    const ours = referrerDescriptor(referrer(SBOM));
    store.set(FALLBACK, indexOf([ours]));
    expect(await appendToFallbackIndex(client(), repo(), subject.digest, ours, SETTLE)).toEqual({
      rounds: 1,
      writes: 0,
      contended: false,
    });
    expect(srv.seen.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('will not write over a tag that is not an index', async () => {
    const image = doc({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { size: 3 }, layers: [] });
    store.set(FALLBACK, image);
    await rejection(
      appendToFallbackIndex(client(), repo(), subject.digest, referrerDescriptor(referrer(SBOM)), SETTLE),
    );
    expect(store.get(FALLBACK)).toBe(image);
    expect(srv.seen.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('attachReferrer', () => {
  it('a registry that answers OCI-Subject indexes it: pushed by digest, no fallback index written', async () => {
    registry.subjectHeader = true;
    const sbom = referrer(SBOM);
    expect(await attachReferrer(client(), repo(), sbom, 'auto', { settle: SETTLE })).toEqual({ via: 'api' });
    expect(requests()).toEqual([`PUT /v2/o/img/manifests/${sbom.digest}`]);
    expect(store.has(FALLBACK)).toBe(false);
  });

  it('without OCI-Subject (auto), or always with mode tag: the referrer is appended to the fallback index', async () => {
    const sbom = referrer(SBOM);
    expect(await attachReferrer(client(), repo(), sbom, 'auto', { settle: SETTLE })).toEqual({ via: 'tag' });
    expect(store.get(sbom.digest)?.bytes.equals(sbom.bytes)).toBe(true);
    expect(fallbackEntries()).toEqual([referrerDescriptor(sbom)]);

    registry.subjectHeader = true;
    const sig = referrer(SIG);
    expect(await attachReferrer(client(), repo(), sig, 'tag', { settle: SETTLE })).toEqual({ via: 'tag' });
    expect(fallbackEntries().map((d) => d.digest)).toEqual([sbom.digest, sig.digest]);
  });

  it("a manifest the caller already pushed is not pushed again (its answer's subject is used)", async () => {
    const sbom = referrer(SBOM);
    expect(
      await attachReferrer(client(), repo(), sbom, 'auto', { settle: SETTLE, pushed: { subject: subject.digest } }),
    ).toEqual({ via: 'api' });
    expect(srv.seen).toEqual([]);
  });

  it('mode api without OCI-Subject asks the API; a referrer it does not list is a REGISTRY error', async () => {
    registry.api = true;
    const sbom = referrer(SBOM);
    expect(await attachReferrer(client(), repo(), sbom, 'api')).toEqual({ via: 'api' });
    expect(requests()).toEqual([`PUT /v2/o/img/manifests/${sbom.digest}`, `GET /v2/o/img/referrers/${subject.digest}`]);

    // An API that never lists what was pushed.
    srv.handle((req, res) =>
      req.url.includes('/referrers/')
        ? bytes(res, 200, indexOf([]).bytes, { 'content-type': OCI_INDEX })
        : serve(req, res),
    );
    const err = await rejection(attachReferrer(client(), repo(), referrer(SIG), 'api'));
    expect(err.code).toBe('REGISTRY');
    expect(err.message).toContain(`${srv.host}/o/img did not index referrer sha256:`);
    expect(store.has(FALLBACK)).toBe(false);
  });

  it('a manifest without a subject is not a referrer: INVALID_ARGUMENT, nothing sent', async () => {
    const orphan = doc({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: SBOM, config: {}, layers: [] });
    const err = await rejection(attachReferrer(client(), repo(), orphan, 'auto'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toBe(`referrer ${orphan.digest} has no subject`);
    expect(srv.seen).toEqual([]);
  });
});

describe('subjectDescriptor', () => {
  it('describes the subject from a HEAD; a subject the registry lacks is NOT_FOUND saying it must be pushed first', async () => {
    expect(await subjectDescriptor(client(), repo(), subject.digest)).toEqual(subjectDesc);
    expect(requests()).toEqual([`HEAD /v2/o/img/manifests/${subject.digest}`]);
    const missing = sha256Digest(Buffer.from('not pushed'));
    const err = await rejection(subjectDescriptor(client(), repo(), missing));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(`${srv.host}/o/img@${missing} does not exist`);
    expect(err.hint).toMatch(/pushed before/);
  });
});
