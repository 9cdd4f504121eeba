/**
 * The rotation chain of issue 21, with skopeo 1.18 (containers/image 5.34, what bootc uses) as
 * the host. Four releases, each pushed with its dated tag, the channel `stable` moved to a
 * release only once check-rotation says its phase is safe, the clock set with as-of:
 *
 *   R0 2026-01-01 trusts A        signed A      (before the rotation)
 *   R1 2026-02-01 trusts A+B      signed A+B    overlap
 *   R2            trusts A+B      signed B      switch: refused on 02-10 (R0 live until 02-15), allowed on 03-01
 *   R3 2026-04-01 trusts B        signed B      retire
 *
 * A host running Ri uses the trust files taken out of Ri's layers (crane export, absolute key
 * paths moved under the extracted root: the only change made for skopeo, as in
 * check-host-trust.test.ts). Every Ri live when Rj was published pulls Rj; the R0 host would
 * have been stranded by the refused switch; the recovery files the gate writes let it pull R3.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decryptCosignKey,
  KeySigner,
  openLayout,
  parseDigestReference,
  parseRepository,
  pushLayout,
  selectLayoutManifest,
  signImage,
  type SigningKey,
} from '@bydigest/core';
import { writeOciLayout } from './harness/image.js';
import { imageOfTars, tarOf, type TarMember } from './harness/layers.js';
import { runPeer, runPeerOk } from './harness/peers.js';
import { testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { runOk } from './harness/run.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';
import { makeKey, type TestKey } from './harness/signing.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { startFaultProxy } from './harness/fault-proxy.js';

type Key = TestKey & { signing: SigningKey };

let reg: RunningRegistry;
let work: string;
let a: Key;
let b: Key;
const REPO = 'ublue/os';
const SWAP = 'ublue/swap';
const PKI = 'etc/pki/containers';

async function key(): Promise<Key> {
  const k = await makeKey('');
  return { ...k, signing: await decryptCosignKey(k.privateKeyPem, '') };
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  work = await makeTempDir('bydigest-rotation-');
  [a, b] = await Promise.all([key(), key()]);
});
afterAll(async () => {
  await reg?.stop();
  await removeDir(work);
});

const scope = (repo = REPO) => `${reg.host}/${repo}`;

/** The trust files a release installs: policy.json naming its keys, registries.d, the key files. */
function trustFiles(name: string, keys: Key[], repo: string, skopeo: string): TarMember[] {
  const paths = keys.map((k) => `/${PKI}/${k === a ? 'current' : 'next'}.pub`);
  const keySource = paths.length === 1 ? { keyPath: paths[0] } : { keyPaths: paths };
  const policy = {
    default: [{ type: 'reject' }],
    transports: {
      docker: {
        [scope(repo)]: [{ type: 'sigstoreSigned', ...keySource, signedIdentity: { type: 'matchRepository' } }],
      },
    },
  };
  return [
    { name: 'etc/', dir: true },
    { name: 'etc/os-release', content: `ID=fedora\nVARIANT_ID=bootc\nIMAGE_VERSION=${name}\n` },
    { name: 'etc/containers/', dir: true },
    { name: 'etc/containers/policy.json', content: JSON.stringify(policy, null, 2) },
    { name: 'etc/containers/registries.d/', dir: true },
    {
      name: 'etc/containers/registries.d/ublue-os.yaml',
      content: `docker:\n  ${scope(repo)}:\n    use-sigstore-attachments: true\n`,
    },
    { name: 'etc/pki/', dir: true },
    { name: `${PKI}/`, dir: true },
    ...keys.map((k, i) => ({ name: paths[i]!.slice(1), content: k.publicKeyPem })),
    // The program that loads policy.json on the host, as its package database records it.
    { name: 'var/', dir: true },
    { name: 'var/lib/', dir: true },
    { name: 'var/lib/dpkg/', dir: true },
    {
      name: 'var/lib/dpkg/status',
      content: `Package: skopeo\nStatus: install ok installed\nVersion: ${skopeo}\nArchitecture: amd64\n\n`,
    },
  ];
}

/** Builds a release, pushes it under its dated tag and signs it with `signers` (one .sig layer each). */
async function release(
  name: string,
  date: string,
  trusts: Key[],
  signers: Key[],
  repo = REPO,
  skopeo = '1.18.1+ds1-1',
): Promise<{ name: string; tag: string; digest: string; ref: string; repo: string }> {
  const image = imageOfTars([{ tar: await tarOf(trustFiles(name, trusts, repo, skopeo)) }]);
  const layout = join(work, `layout-${name}`);
  const tag = `stable-${date.replaceAll('-', '')}`;
  writeOciLayout(layout, image, { refName: tag });
  const client = testClient(reg);
  try {
    const l = await openLayout('oci', layout);
    await pushLayout(client, parseRepository(scope(repo)), l, await selectLayoutManifest(l), [tag]);
    await l.close();
    const ref = `${scope(repo)}@${image.digest}`;
    await signImage(client, {
      image: parseDigestReference(ref),
      identities: [scope(repo)],
      signer: signers.map((k) => new KeySigner(k.signing)),
      recursive: true,
    });
    return { name, tag, digest: image.digest, ref, repo };
  } finally {
    await client.close();
  }
}

/** Moves the channel: what the release workflow does once the gate says safe. */
async function moveStable(r: { tag: string; repo: string }): Promise<void> {
  await runPeerOk('crane', ['tag', '--insecure', `${scope(r.repo)}:${r.tag}`, 'stable'], {
    env: reg.clientEnv,
    timeoutMs: 60_000,
  });
}

const KEY_FIELDS = new Set(['keyPath', 'keyPaths']);
function rebase(node: unknown, root: string): unknown {
  const move = (p: unknown) => (typeof p === 'string' && p.startsWith('/') ? join(root, p) : p);
  if (Array.isArray(node)) return node.map((n) => rebase(n, root));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      KEY_FIELDS.has(k) ? (Array.isArray(v) ? v.map(move) : move(v)) : rebase(v, root),
    ]),
  );
}

/** A host from a root holding etc/containers/{policy.json,registries.d} and the keys they name. */
function hostOf(root: string): { policy: string; registriesD: string } {
  const policy = join(root, 'skopeo-policy.json');
  writeFileSync(
    policy,
    JSON.stringify(rebase(JSON.parse(readFileSync(join(root, 'etc/containers/policy.json'), 'utf8')), root)),
  );
  return { policy, registriesD: join(root, 'etc/containers/registries.d') };
}

/** A host running `r`: its trust files, out of its layers (crane export flattens them). */
async function hostRunning(r: { name: string; ref: string }): Promise<{ policy: string; registriesD: string }> {
  const root = mkdtempSync(join(work, `host-${r.name}-`));
  const tarFile = `${root}.tar`;
  await runPeerOk('crane', ['export', '--insecure', r.ref, tarFile], { env: reg.clientEnv, timeoutMs: 60_000 });
  await runOk('tar', ['-xf', tarFile, '-C', root]);
  return hostOf(root);
}

function pull(host: { policy: string; registriesD: string }, ref: string) {
  const out = mkdtempSync(join(work, 'pull-'));
  return runPeer(
    'skopeo',
    [
      'copy',
      '--policy',
      host.policy,
      '--registries.d',
      host.registriesD,
      '--src-tls-verify=false',
      `docker://${ref}`,
      `dir:${out}`,
    ],
    { env: reg.clientEnv, timeoutMs: 60_000 },
  );
}

function gate(
  candidate: string,
  phase: string,
  asOf: string,
  extra: Record<string, string> = {},
): Promise<{ main: StepResult }> {
  return runAction('check-rotation', {
    inputs: {
      candidate,
      channels: 'stable',
      'current-key': a.publicKeyPem,
      'next-key': b.pubFile,
      phase,
      'live-window': '45d',
      'as-of': asOf,
      ...extra,
    },
    env: { REGISTRY_AUTH_FILE: reg.authFile },
  });
}

describe('check-rotation: the chain R0 → R3 strands no host', () => {
  it('allows each phase only when every live release verifies the candidate; a switch while R0 is live is refused', async () => {
    const r0 = await release('r0', '2026-01-01', [a], [a]);
    await moveStable(r0);

    // overlap: R0 (trusts A) is live and verifies R1 (signed A+B).
    const r1 = await release('r1', '2026-02-01', [a, b], [a, b]);
    const g1 = await gate(r1.ref, 'overlap', '2026-02-01');
    expect(errorLines(g1.main)).toEqual([]);
    expect(g1.main.outputs).toMatchObject({ safe: 'true', phase: 'overlap' });
    expect(g1.main.outputs.blocking).toBeUndefined();
    expect(g1.main.summary).toContain('stable-20260101');
    await moveStable(r1);

    // switch on 02-10: R0 leaves the 45-day window on 02-15; R2 is signed with B only.
    const r2 = await release('r2', '2026-03-01', [a, b], [b]);
    const early = await gate(r2.ref, 'switch', '2026-02-10');
    expect(early.main.code).toBe(1);
    expect(early.main.outputs).toMatchObject({ safe: 'false', phase: 'switch', blocking: 'stable-20260101' });
    const why = errorLines(early.main).join('\n');
    expect(why).toContain(`stable-20260101 (${r0.digest})`);
    expect(why).toMatch(
      /trusts only the current key.*2026-02-15.*Fix: keep signing with both keys \(phase overlap\) until 2026-02-15/s,
    );
    // The switch would have stranded the R0 host: skopeo with R0's trust files refuses R2.
    const r0Host = await hostRunning(r0);
    const stranded = await pull(r0Host, `${scope()}:${r2.tag}`);
    expect(stranded.code).not.toBe(0);
    expect(stranded.stderr).toMatch(/Source image rejected/);

    // switch on 03-01: R0 has left the window; R1 (stable, trusts A+B) verifies R2.
    const g2 = await gate(r2.ref, 'switch', '2026-03-01');
    expect(errorLines(g2.main)).toEqual([]);
    expect(g2.main.outputs).toMatchObject({ safe: 'true' });
    expect(g2.main.outputs.blocking).toBeUndefined();
    await moveStable(r2);

    // retire on 04-01: R2 (stable) trusts A+B, R1 has left the window (03-18).
    const r3 = await release('r3', '2026-04-01', [b], [b]);
    const recovery = join(work, 'recovery');
    const g3 = await gate(r3.ref, 'retire', '2026-04-01', { 'recovery-dir': recovery });
    expect(errorLines(g3.main)).toEqual([]);
    expect(g3.main.outputs).toMatchObject({ safe: 'true', phase: 'retire', 'recovery-dir': recovery });
    // Three live tags, two releases (R2 under stable and its dated tag; R3 itself, dated today),
    // each digest's trust files read once.
    expect(g3.main.stdout).toContain('2 live release(s), 2 digest(s) read');
    expect(g3.main.stdout).toMatch(/PASS stable, stable-20260301 \(sha256:[0-9a-f]{12}…, trusts both\)/);
    await moveStable(r3);

    // Every Ri live when Rj was published: its host pulls Rj (R1 → R3 too, though R1 had left).
    const hosts = { r0: r0Host, r1: await hostRunning(r1), r2: await hostRunning(r2) };
    const pairs: [keyof typeof hosts, { tag: string }][] = [
      ['r0', r1],
      ['r1', r2],
      ['r1', r3],
      ['r2', r3],
    ];
    for (const [from, to] of pairs) {
      const p = await pull(hosts[from], `${scope()}:${to.tag}`);
      expect({ from, to: to.tag, code: p.code, err: p.code ? p.stderr : '' }).toEqual({
        from,
        to: to.tag,
        code: 0,
        err: '',
      });
    }

    // The R0 host, stranded (older than the window), with the recovery files the gate wrote: pulls R3.
    expect((await pull(r0Host, `${scope()}:${r3.tag}`)).code).not.toBe(0);
    expect(readFileSync(join(recovery, 'recover.sh'), 'utf8')).toMatch(
      /install -D -m 0644 "\$here\/etc\/containers\/policy\.json" "\/etc\/containers\/policy\.json"[\s\S]*bootc upgrade/,
    );
    expect(readFileSync(join(recovery, 'README.md'), 'utf8')).toMatch(/three-way/);
    const recovered = await pull(hostOf(recovery), `${scope()}:${r3.tag}`);
    expect({ code: recovered.code, err: recovered.code ? recovered.stderr : '' }).toEqual({ code: 0, err: '' });
  });

  it('keyPath-swap: the switch release trusts B alone and is signed with both; retire is refused while a release trusting only A is live', async () => {
    const s0 = await release('s0', '2026-05-01', [a], [a, b], SWAP);
    await moveStable(s0);
    const s1 = await release('s1', '2026-05-10', [b], [a, b], SWAP);
    const sw = await gate(s1.ref, 'switch', '2026-05-10', { strategy: 'keyPath-swap' });
    expect(errorLines(sw.main)).toEqual([]);
    expect(sw.main.outputs).toMatchObject({ safe: 'true' });
    await moveStable(s1);
    const s2 = await release('s2', '2026-05-20', [b], [b], SWAP);
    const retire = await gate(s2.ref, 'retire', '2026-05-20', { strategy: 'keyPath-swap' });
    expect(retire.main.outputs).toMatchObject({ safe: 'false' });
    expect(retire.main.outputs.blocking).toContain('stable-20260501');
    // The old-keyPath host (s0) pulls the switch release (signed with both), and is refused s2.
    const s0Host = await hostRunning(s0);
    expect((await pull(s0Host, `${scope(SWAP)}:${s1.tag}`)).code).toBe(0);
    expect((await pull(s0Host, `${scope(SWAP)}:${s2.tag}`)).code).not.toBe(0);
  });
});

describe('check-rotation: keyPaths and the containers/image the releases ship', () => {
  it('warns for a live release whose skopeo predates 5.33 and refuses a candidate whose keyPaths policy its own skopeo cannot load', async () => {
    const repo = 'ublue/oldtools';
    const o0 = await release('o0', '2026-07-01', [a], [a], repo, '1.14.2+ds1-1');
    await moveStable(o0);
    const stuck = await release('o1', '2026-07-02', [a, b], [a, b], repo, '1.14.2+ds1-1');
    const refused = await gate(stuck.ref, 'overlap', '2026-07-02');
    expect(refused.main.outputs).toMatchObject({ safe: 'false' });
    expect(errorLines(refused.main).join('\n')).toMatch(
      /candidate-loaders: it ships skopeo 1\.14\.2\+ds1-1 \(keyPaths since 1\.17\.0\), and its policy\.json uses keyPaths.*Fix: upgrade podman\/skopeo/s,
    );

    const fixed = await release('o2', '2026-07-03', [a, b], [a, b], repo);
    const ok = await gate(fixed.ref, 'overlap', '2026-07-03');
    expect(errorLines(ok.main)).toEqual([]);
    expect(ok.main.outputs).toMatchObject({ safe: 'true' });
    // The live release's hosts keep working (its own policy has one keyPath), but are told about.
    expect(ok.main.stdout).toMatch(
      /::warning::WARN stable, stable-20260701 .*ships skopeo 1\.14\.2\+ds1-1 \(keyPaths since 1\.17\.0\)/,
    );
    expect(ok.main.summary).toContain('⚠️ warn');
    // keyPath-swap needs no new containers/image: nothing to read, nothing to warn about.
    const swap = await gate(fixed.ref, 'overlap', '2026-07-03', { strategy: 'keyPath-swap' });
    expect(swap.main.stdout).not.toMatch(/::warning::/);
  });

  it('gates several variants in one call, each against its own repository', async () => {
    const v1 = await release('v1-0', '2026-08-01', [a, b], [a, b], 'ublue/v1');
    await moveStable(v1);
    const v2 = await release('v2-0', '2026-08-01', [a], [a], 'ublue/v2');
    await moveStable(v2);
    const c1 = await release('v1-1', '2026-08-02', [a, b], [b], 'ublue/v1');
    const c2 = await release('v2-1', '2026-08-02', [a, b], [b], 'ublue/v2');
    const both = await gate(`${c1.ref}\n${c2.ref}`, 'switch', '2026-08-02');
    expect(both.main.code).toBe(1);
    expect(both.main.outputs.safe).toBe('false');
    expect(both.main.outputs.blocking?.split('\n').sort()).toEqual([
      `${scope('ublue/v2')}:stable`,
      `${scope('ublue/v2')}:stable-20260801`,
    ]);
    const why = errorLines(both.main).join('\n');
    expect(why).toContain(`${scope('ublue/v2')}@${c2.digest}: stable, stable-20260801`);
    expect(why).not.toContain(scope('ublue/v1'));
    expect(both.main.summary).toContain(`${scope('ublue/v1')}@${c1.digest}`);

    const same = await gate(`${c1.ref}\n${c1.ref}`, 'switch', '2026-08-02');
    expect(errorLines(same.main).join('\n')).toMatch(/input 'candidate': lines 1 and 2 are both in/);
  });
});

describe('check-rotation: reads', () => {
  it("50 live tags over 10 digests: each tag resolved once, each digest's layers read once (trust files and packages in one walk)", async () => {
    const repo = 'ublue/many';
    const layersOf = new Map<string, string[]>();
    for (let d = 1; d <= 10; d++) {
      const day = `2026-09-${String(d).padStart(2, '0')}`;
      const r = await release(`m${d}`, day, [a, b], [a, b], repo);
      const client = testClient(reg);
      try {
        const m = await client.getManifest(parseDigestReference(r.ref));
        layersOf.set(
          r.digest,
          (JSON.parse(m.bytes.toString('utf8')) as { layers: { digest: string }[] }).layers.map((l) => l.digest),
        );
      } finally {
        await client.close();
      }
      // The same release under the variants' dated tags too, as distros tag one build: 50 tags.
      for (const prefix of ['41', 'latest', 'gts', 'nvidia']) {
        await runPeerOk(
          'crane',
          ['tag', '--insecure', `${scope(repo)}:${r.tag}`, `${prefix}-${day.replaceAll('-', '')}`],
          { env: reg.clientEnv, timeoutMs: 60_000 },
        );
      }
      if (d === 10) await moveStable(r);
    }
    const candidate = await release('m-next', '2026-09-20', [a, b], [a, b], repo);
    const gets = new Map<string, number>();
    const proxy = await startFaultProxy({
      target: `http://${reg.host}`,
      onRequest: ({ method, url }) => {
        if (method === 'GET' || method === 'HEAD')
          gets.set(`${method} ${url.split('?')[0]}`, (gets.get(`${method} ${url.split('?')[0]}`) ?? 0) + 1);
      },
    });
    let run: { main: StepResult };
    try {
      run = await gate(candidate.ref.replace(reg.host, proxy.host), 'overlap', '2026-09-20');
    } finally {
      await proxy.stop();
    }
    // 11 releases: 10 with five dated tags each (stable also on the last), and the candidate's own dated tag.
    expect(run.main.stdout).toContain('11 live release(s), 11 digest(s) read');
    const count = (re: RegExp) => [...gets].filter(([k]) => re.test(k)).reduce((n, [, v]) => n + v, 0);
    // Each live tag resolved once (a HEAD), never a second time.
    expect(count(/^HEAD .*\/manifests\/(?!sha256)/)).toBe(52);
    expect([...gets].filter(([k, v]) => /\/manifests\/(?!sha256)/.test(k) && v > 1)).toEqual([]);
    // Each release's layer fetched exactly once: the trust files, the keys and the package database in one walk.
    for (const [digest, layers] of layersOf) {
      for (const layer of layers)
        expect({ digest, layer, gets: gets.get(`GET /v2/${repo}/blobs/${layer}`) }).toEqual({ digest, layer, gets: 1 });
    }
  });
});

describe('check-rotation: bad input names the input', () => {
  let candidate: string;
  beforeAll(async () => {
    candidate = (await release('bad', '2026-06-01', [a, b], [a, b], 'ublue/bad')).ref;
    await moveStable({ tag: 'stable-20260601', repo: 'ublue/bad' });
  });
  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'a phase that does not exist',
      () => ({ phase: 'rotate' }),
      /input 'phase': must be one of prepare, overlap, switch, retire/,
    ],
    [
      'the next key equal to the current key',
      () => ({ 'next-key': a.publicKeyPem }),
      /input 'next-key': key 1 \(sha256:[0-9a-f]{16}\) is also in current-key/,
    ],
    ['a channel tag that does not exist', () => ({ channels: 'stabel' }), /input 'channels': .* has no tag "stabel"/],
    [
      'a window that is neither days nor a pattern',
      () => ({ 'live-window': 'three months' }),
      /input 'live-window': .*neither a span of days/,
    ],
    ['an as-of that is not a date', () => ({ 'as-of': 'yesterday' }), /input 'as-of': "yesterday" is not an ISO date/],
    [
      'a current key with a damaged second block',
      () => ({ 'current-key': a.publicKeyPem + b.publicKeyPem.replace(/\n[A-Za-z0-9+/]{8}/, '\n########') }),
      /input 'current-key': the public key \(PEM block 2\) is not PEM/,
    ],
  ];
  it.each(cases)('%s', async (_n, extra, message) => {
    const run = await gate(candidate, 'overlap', '2026-06-01', extra());
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(message);
    expect(run.main.outputs).toEqual({});
  });
});
