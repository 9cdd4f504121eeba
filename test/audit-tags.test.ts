/**
 * audit-tags against the real registry, one mixed repository seeded the way pipelines leave
 * them: 37 good digests under ~1,180 tags (two tag list pages), then one of each bad kind. The
 * report must name exactly the bad ones; cosign 2.5 (key mode) and skopeo 1.18 (policy mode)
 * agree with its verdicts; the registry sees only reads, and no more than the audit needs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  attachSbom,
  decryptCosignKey,
  KeySigner,
  parseRepository,
  signImage,
  withDigest,
  withTag,
  type RegistryClient,
  type SigningKey,
} from '@bydigest/core';
import { mapLimit } from '../packages/core/src/util/map-limit.js';
import { startFaultProxy, type FaultProxy } from './harness/fault-proxy.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, REPO_ROOT, runAction, type ActionRun } from './harness/runner.js';
import { cosignVerify, makeKey, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';

type Key = TestKey & { signing: SigningKey };
interface Report {
  tags: {
    image: string;
    tag: string;
    digest: string;
    status: 'pass' | 'fail' | 'unknown';
    problems: { code: string; message: string; platform?: string }[];
  }[];
  orphans: { image: string; tag: string; subject: string }[];
}

const SBOM = join(REPO_ROOT, 'packages/core/test/fixtures/sbom/valid.spdx.json');
const REPO = 'mixed/os';
const GOOD_DIGESTS = 37;
const TAGS_PER_GOOD = 32;

let reg: RunningRegistry;
let client: RegistryClient;
let trusted: Key;
let stranger: Key;
/** Tag → the digest it was pushed as and the problem codes the audit must report (none for good tags). */
const expected = new Map<string, { digest: string; codes: string[] }>();
const digests = { good: [] as string[], index: '', amd64: '', arm64: '', orphanSubject: '' };

async function key(): Promise<Key> {
  const k = await makeKey('');
  return { ...k, signing: await decryptCosignKey(k.privateKeyPem, '') };
}

const identity = (repo = REPO) => [`${reg.host}/${repo}`];
const sign = (digest: string, k: Key, targets?: string[], repo = REPO) =>
  signImage(client, {
    image: withDigest(parseRepository(`${reg.host}/${repo}`), digest),
    identities: identity(repo),
    signer: new KeySigner(k.signing),
    ...(targets ? { targets } : {}),
  });
const sbom = (digest: string, signer?: Key) =>
  attachSbom(client, {
    image: withDigest(parseRepository(`${reg.host}/${REPO}`), digest),
    path: SBOM,
    mode: 'auto',
    ...(signer ? { signer: new KeySigner(signer.signing) } : {}),
  });

/** Pushes an image under `tags[0]`, then points the other tags at it (PUT of the same bytes). */
async function image(tags: string[], spec: { platforms?: string[] } = {}) {
  const img = await pushTestImage(reg, REPO, tags.slice(0, 1), spec);
  const repo = parseRepository(`${reg.host}/${REPO}`);
  await mapLimit(tags.slice(1), 8, (t) =>
    client.putManifest(withTag(repo, t), { bytes: img.bytes, mediaType: img.mediaType }),
  );
  return img;
}

function audit(inputs: Record<string, string>, host = reg.host): Promise<ActionRun> {
  return runAction('audit-tags', {
    inputs: { images: `${host}/${REPO}`, 'public-key': trusted.pubFile, ...inputs },
    env: { REGISTRY_AUTH_FILE: reg.authFile },
    timeoutMs: 300_000,
  });
}

const readReport = (run: ActionRun): Report => JSON.parse(readFileSync(run.main.outputs.report!, 'utf8')) as Report;
const bad = (r: Report) =>
  Object.fromEntries(
    r.tags
      .filter((t) => t.status !== 'pass')
      .map((t) => [t.tag, t.problems.map((p) => (p.platform ? `${p.code}@${p.platform}` : p.code))]),
  );

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  [trusted, stranger] = await Promise.all([key(), key()]);
  // The good digests: signed, SBOM attached and signed, 32 tags each.
  await mapLimit(
    Array.from({ length: GOOD_DIGESTS }, (_, i) => i),
    4,
    async (i) => {
      const tags = Array.from({ length: TAGS_PER_GOOD }, (_, j) => (j === 0 ? `v${i}` : `v${i}-build${j}`));
      const img = await image(tags);
      await sign(img.digest, trusted);
      await sbom(img.digest, trusted);
      digests.good.push(img.digest);
      for (const t of tags) expected.set(t, { digest: img.digest, codes: [] });
    },
  );
  const stray = await image(['stray']);
  await sbom(stray.digest, trusted);
  expected.set('stray', { digest: stray.digest, codes: ['unsigned'] });

  const index = await image(['multi'], { platforms: ['amd64', 'arm64'] });
  [digests.index, digests.amd64, digests.arm64] = [index.digest, index.children[0]!.digest, index.children[1]!.digest];
  await sign(index.digest, trusted, [index.digest, digests.arm64]);
  await sbom(index.digest, trusted);
  expected.set('multi', { digest: index.digest, codes: ['unsigned@linux/amd64'] });

  const foreign = await image(['foreign']);
  await sign(foreign.digest, stranger);
  await sbom(foreign.digest, trusted);
  expected.set('foreign', { digest: foreign.digest, codes: ['bad-signature'] });

  const bare = await image(['no-sbom']);
  await sign(bare.digest, trusted);
  expected.set('no-sbom', { digest: bare.digest, codes: ['no-sbom'] });

  const loose = await image(['sbom-unsigned']);
  await sign(loose.digest, trusted);
  await sbom(loose.digest);
  expected.set('sbom-unsigned', { digest: loose.digest, codes: ['sbom-unsigned'] });

  // Pushed by digest only, then signed: its .sig is what a retention job leaves behind.
  const untagged = await pushTestImage(reg, REPO, []);
  await sign(untagged.digest, trusted);
  digests.orphanSubject = untagged.digest;
}, 600_000);

afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

/**
 * distribution 2.8 ignores `n` and answers every tag at once; GHCR and distribution 3 page them.
 * This stand-in pages the registry's real list as they do (n, last, a relative Link).
 */
function pagedTagList(): Promise<Awaited<ReturnType<typeof tagListStandIn>>> {
  return tagListStandIn(async (path) => {
    const url = new URL(path, reg.url);
    const all = (await fetch(`${reg.url}${url.pathname}`).then((r) => r.json())) as { name: string; tags: string[] };
    const sorted = [...all.tags].sort();
    const n = Number(url.searchParams.get('n') ?? 100);
    const last = url.searchParams.get('last');
    const from = last === null ? 0 : sorted.findIndex((t) => t > last);
    const page = from < 0 ? [] : sorted.slice(from, from + n);
    const more = from >= 0 && from + n < sorted.length;
    return {
      body: JSON.stringify({ name: all.name, tags: page }),
      ...(more ? { link: `<${url.pathname}?last=${encodeURIComponent(page.at(-1)!)}&n=${n}>; rel="next"` } : {}),
    };
  });
}

describe('audit-tags on a mixed repository (key mode)', () => {
  let paged: Awaited<ReturnType<typeof tagListStandIn>>;
  let proxy: FaultProxy;
  let run: ActionRun;
  let report: Report;
  beforeAll(async () => {
    paged = await pagedTagList();
    // A counting proxy (no faults) in front: every request the audit makes, by operation.
    proxy = await startFaultProxy({ target: paged.url });
    run = await audit({}, proxy.host);
    report = readReport(run);
  }, 300_000);
  afterAll(async () => {
    await proxy?.stop();
    await paged?.stop();
  });

  it('names exactly the bad tags, each with its problem, and fails the step', () => {
    expect(run.main.code).toBe(1);
    expect(bad(report)).toEqual(
      Object.fromEntries([...expected].filter(([, e]) => e.codes.length > 0).map(([t, e]) => [t, e.codes])),
    );
    expect(report.tags).toHaveLength(expected.size);
    for (const t of report.tags) expect(t.digest).toBe(expected.get(t.tag)?.digest);
    expect(run.main.outputs).toMatchObject({ failed: '5', unknown: '0' });
    expect(errorLines(run.main).join('\n')).toContain('5 tag(s) fail the audit');
  });

  it('reports the orphaned .sig and no other attachment tag', () => {
    expect(report.orphans).toEqual([
      {
        image: `${proxy.host}/${REPO}`,
        tag: `sha256-${digests.orphanSubject.slice(7)}.sig`,
        subject: digests.orphanSubject,
      },
    ]);
  });

  it('reads one tag list page per 1,000 tags, one manifest per tag, signatures and referrers per digest, and writes nothing', () => {
    const counts = proxy.counts();
    const distinct = GOOD_DIGESTS + 5;
    expect(expected.size).toBeGreaterThan(1000);
    expect(counts['GET tags']).toBe(2);
    // One HEAD per tag hosts pull; everything else is by digest, per distinct digest.
    expect(counts['HEAD manifest']).toBe(expected.size);
    // The referrers API is asked once (distribution 2.8 answers 404): the digests judged at the same
    // time wait for that answer, then every digest reads only the fallback tag.
    expect(counts['GET referrers']).toBe(1);
    // Per digest: the manifest, its .sig, the referrers fallback tag, then the SBOM manifest and
    // its .sig; the index adds its two platform manifests and their .sig; no-sbom has no SBOM to read.
    expect(counts['GET manifest']).toBe((distinct - 1) * 5 + (5 + 4) - 2);
    expect(proxy.writes()).toBe(0);
  });

  it('writes the summary failures first, each with its fix', () => {
    const s = run.main.summary;
    expect(s).toContain('audit-tags: 5 failed, 0 unknown');
    expect(s.indexOf('❌ fail')).toBeGreaterThan(0);
    expect(s).not.toContain('✅ pass');
    expect(s).toContain('sign the digest');
    expect(s).toContain('Orphaned attachment tags');
  });

  it('cosign 2.5 verify --key agrees with every per-digest signature verdict (each kind, and a sample of the good)', async () => {
    const repo = `${reg.host}/${REPO}`;
    const cases: [string, boolean][] = [
      ...digests.good.slice(0, 3).map((d): [string, boolean] => [d, true]),
      [expected.get('stray')!.digest, false],
      [digests.index, true],
      [digests.arm64, true],
      [digests.amd64, false],
      [expected.get('foreign')!.digest, false],
      [expected.get('no-sbom')!.digest, true],
      [expected.get('sbom-unsigned')!.digest, true],
    ];
    for (const [digest, ours] of cases) {
      const v = await cosignVerify('2.5', reg, trusted.pubFile, `${repo}@${digest}`);
      expect([digest, v.code === 0]).toEqual([digest, ours]);
    }
    // The SBOM signature verdicts too: signed for the good digest, not for sbom-unsigned.
    const sbomOf = async (tag: string) => {
      const index = await client.getManifest(
        withTag(parseRepository(repo), `sha256-${expected.get(tag)!.digest.slice(7)}`),
      );
      return (JSON.parse(index.bytes.toString('utf8')) as { manifests: { digest: string }[] }).manifests[0]!.digest;
    };
    expect((await cosignVerify('2.5', reg, trusted.pubFile, `${repo}@${await sbomOf('v0')}`)).code).toBe(0);
    expect((await cosignVerify('2.5', reg, trusted.pubFile, `${repo}@${await sbomOf('sbom-unsigned')}`)).code).not.toBe(
      0,
    );
  }, 300_000);

  it('passes with fail-on none, and with several keys any one verifying', async () => {
    const both = `${stranger.pubFile}\n${trusted.pubFile}`;
    const r = await audit({ 'public-key': both, 'fail-on': 'none' });
    expect(r.main.code).toBe(0);
    // With the stranger's key trusted too, foreign is good: four bad tags remain.
    expect(Object.keys(bad(readReport(r))).sort()).toEqual(['multi', 'no-sbom', 'sbom-unsigned', 'stray']);
    expect(r.main.outputs.failed).toBe('4');
  }, 300_000);

  it('fail-on a list fails only on the codes listed', async () => {
    const r = await audit({ 'fail-on': 'no-sbom', require: 'sbom' });
    expect(r.main.code).toBe(1);
    expect(errorLines(r.main).join('\n')).toMatch(/1 tag\(s\) fail the audit:\n- [^\n]*:no-sbom fail: no-sbom/);
    const ok = await audit({ 'fail-on': 'stale', require: 'signature' });
    expect(ok.main.code).toBe(0);
    expect(bad(readReport(ok))).toEqual({
      stray: ['unsigned'],
      multi: ['unsigned@linux/amd64'],
      foreign: ['bad-signature'],
    });
  }, 300_000);
});

describe('audit-tags under faults', () => {
  it('never passes a bad tag; what it could not read is unknown, never pass; nothing written', async () => {
    const proxy = await startFaultProxy({
      target: reg.url,
      faultRate: 0.2,
      seed: 22,
      faults: ['500', '502', '503', 'reset-before-body', 'truncate'],
      // The tag list itself must come through for the audit to start.
      decide: ({ operation }) => (operation === 'GET tags' ? 'pass' : undefined),
    });
    try {
      const r = await audit({ retries: '0' }, proxy.host);
      expect(r.main.code).toBe(1);
      const report = readReport(r);
      const unknown = report.tags.filter((t) => t.status === 'unknown');
      expect(unknown.length).toBeGreaterThan(0);
      expect(r.main.outputs.unknown).toBe(String(unknown.length));
      for (const t of report.tags) {
        const e = expected.get(t.tag)!;
        if (e.codes.length > 0) expect([t.tag, t.status]).not.toEqual([t.tag, 'pass']);
        if (t.status === 'unknown') expect(t.problems.map((p) => p.code)).toContain('unreadable');
      }
      expect(proxy.faults().length).toBeGreaterThan(0);
      expect(proxy.writes()).toBe(0);
    } finally {
      await proxy.stop();
    }
  }, 300_000);
});

describe('audit-tags as a bootc host (policy mode)', () => {
  const POLICY_REPO = 'policy/os';
  it('judges identity per tag and the SBOM by the policy keys: skopeo 1.18 with the same policy.json and registries.d agrees on every tag', async () => {
    const repo = parseRepository(`${reg.host}/${POLICY_REPO}`);
    const signed = await pushTestImage(reg, POLICY_REPO, ['stable']);
    await client.putManifest(withTag(repo, 'beta'), { bytes: signed.bytes, mediaType: signed.mediaType });
    // Signed for the reference hosts pull, ':stable' only: matchRepoDigestOrExact refuses ':beta'.
    await signImage(client, {
      image: withDigest(repo, signed.digest),
      identities: [`${reg.host}/${POLICY_REPO}:stable`],
      signer: new KeySigner(trusted.signing),
    });
    await attachSbom(client, {
      image: withDigest(repo, signed.digest),
      path: SBOM,
      mode: 'auto',
      signer: new KeySigner(trusted.signing),
    });
    await pushTestImage(reg, POLICY_REPO, ['stray']);
    const host = writeHostPolicy(`${reg.host}/${POLICY_REPO}`, {
      type: 'sigstoreSigned',
      keyPath: trusted.pubFile,
      signedIdentity: { type: 'matchRepoDigestOrExact' },
    });
    const r = await runAction('audit-tags', {
      inputs: {
        images: `${reg.host}/${POLICY_REPO}`,
        policy: host.policy,
        'registries-d': host.registriesD,
        require: 'signature,sbom',
        'fail-on': 'none',
      },
      env: { REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(r.main.code).toBe(0);
    const report = readReport(r);
    expect(Object.fromEntries(report.tags.map((t) => [t.tag, t.status]))).toEqual({
      stable: 'pass',
      beta: 'fail',
      stray: 'fail',
    });
    // The SBOM's signature is judged with the policy's keys for the repository: stable's passes
    // (its name-only identity would fail matchRepoDigestOrExact, but hosts never pull an SBOM).
    expect(bad(report)).toEqual({ beta: ['policy-rejected'], stray: ['unsigned', 'no-sbom'] });
    expect(report.tags.find((t) => t.tag === 'beta')?.problems[0]?.message).toContain('is not accepted');
    for (const t of report.tags) {
      const pulled = await skopeoPull(reg, `${reg.host}/${POLICY_REPO}:${t.tag}`, host);
      const signatureOk = !t.problems.some((p) => p.code === 'unsigned' || p.code === 'policy-rejected');
      expect([t.tag, pulled.code === 0]).toEqual([t.tag, signatureOk]);
    }
  }, 300_000);
});

/** A stand-in in front of the registry that answers tags/list itself (everything else is the registry's). */
async function tagListStandIn(
  answer: (path: string) => Promise<{ body: string; link?: string }> | { body: string; link?: string },
): Promise<{ host: string; url: string; stop: () => Promise<void>; writes: () => number }> {
  const target = new URL(reg.url);
  let writes = 0;
  const server: Server = createServer((req, res) => {
    if (!['GET', 'HEAD'].includes(req.method ?? '')) writes++;
    if (/\/tags\/list/.test(req.url ?? '')) {
      void Promise.resolve(answer(req.url ?? '')).then((a) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(a.link ? { link: a.link } : {}) });
        res.end(a.body);
      });
      return;
    }
    const up = httpRequest(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    writes: () => writes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('audit-tags on bad input: a clear error, nothing written', () => {
  it('a repository that does not exist: NOT_FOUND naming it', async () => {
    const proxy = await startFaultProxy({ target: reg.url });
    try {
      const r = await runAction('audit-tags', {
        inputs: { images: `${proxy.host}/no/such`, 'public-key': trusted.pubFile },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      expect(r.main.code).toBe(1);
      expect(errorLines(r.main).join('\n')).toContain(`${proxy.host}/no/such: the registry has no such repository`);
      expect(proxy.writes()).toBe(0);
    } finally {
      await proxy.stop();
    }
  });

  it('no permission: UNAUTHORIZED from a registry that wants credentials', async () => {
    const locked = await startRegistry({ mode: 'basic' });
    try {
      const r = await runAction('audit-tags', {
        inputs: { images: `${locked.host}/some/repo`, 'public-key': trusted.pubFile },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      expect(r.main.code).toBe(1);
      expect(errorLines(r.main).join('\n')).toMatch(/UNAUTHORIZED|401|credentials/i);
    } finally {
      await locked.stop();
    }
  });

  it('a malformed tag list page: REGISTRY error naming the page', async () => {
    const standIn = await tagListStandIn(() => ({ body: '{"name":"mixed/os","tags":"v1"}' }));
    try {
      const r = await audit({}, standIn.host);
      expect(r.main.code).toBe(1);
      expect(errorLines(r.main).join('\n')).toContain('tag list page 1 of');
      expect(errorLines(r.main).join('\n')).toContain('"tags" is not a list of strings');
      expect(standIn.writes()).toBe(0);
    } finally {
      await standIn.stop();
    }
  });

  it('a tag list whose `last` loops: a bounded stop, named', async () => {
    const standIn = await tagListStandIn(() => ({
      body: '{"name":"mixed/os","tags":["v0"]}',
      link: `</v2/${REPO}/tags/list?n=1000&last=v0>; rel="next"`,
    }));
    try {
      const r = await audit({}, standIn.host);
      expect(r.main.code).toBe(1);
      expect(errorLines(r.main).join('\n')).toMatch(/the tag list of .* does not end: page 3 asks again for/);
      expect(standIn.writes()).toBe(0);
    } finally {
      await standIn.stop();
    }
  });

  it('images with a tag, fail-on with an unknown code: the input named', async () => {
    const r = await audit({ images: `${reg.host}/${REPO}:v0` });
    expect(errorLines(r.main).join('\n')).toMatch(/images.*names a tag or digest; list repositories/);
    const f = await audit({ 'fail-on': 'unsigned,sometimes' });
    expect(errorLines(f.main).join('\n')).toMatch(/fail-on.*"sometimes" is not a problem code/);
  });
});
