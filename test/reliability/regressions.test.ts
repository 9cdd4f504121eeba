import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToFallbackIndex,
  appendUntilSettled,
  decryptCosignKey,
  listReferrers,
  loadPublicKey,
  parseDigestReference,
  RegistryClient,
  signImage,
  KeySigner,
  verifyLegacySignatures,
  type Descriptor,
  type SigningKey,
} from '@bydigest/core';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.js';
import { errorLines, runAction } from '../harness/runner.js';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { makeKey, type TestKey } from '../harness/signing.js';

// Regressions found by the reliability campaign, each reproduced deterministically with a
// scripted fault schedule so it fails the same way on every run.

let reg: RunningRegistry;
const proxies: FaultProxy[] = [];
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
});
afterAll(async () => {
  for (const p of proxies) await p.stop();
  await reg?.stop();
});

function signingKey(k: TestKey): Promise<SigningKey> {
  return decryptCosignKey(k.privateKeyPem, k.password);
}

describe('read-modify-write under a lost response', () => {
  // Writer A's PUT of the shared tag reaches the registry but the answer is lost (connection
  // reset after the body); A's retry is then held off by a 429 with Retry-After. Writer B reads
  // A's state, appends, settles and reports success. If A then re-sends the state it computed
  // before B wrote, B's entry is gone although both writers reported success.
  it('a retried .sig PUT never replays a stale state over a later writer', async () => {
    const [ka, kb] = await Promise.all([makeKey(''), makeKey('')]);
    const img = await pushTestImage(reg, 'regress/sig', ['x']);
    let started: Promise<unknown> | undefined;
    const direct = testClient(reg);
    const keyB = await signingKey(kb);
    const proxy = await startFaultProxy({
      target: reg.url,
      retryAfterSeconds: 2,
      decide: ({ method, url, operation }) => {
        if (method !== 'PUT' || operation !== 'PUT manifest' || !url.includes('.sig')) return undefined;
        const n = ++sigPuts;
        if (n === 1) {
          // A's write lands, its answer is lost. Once it has landed, B signs (directly).
          setTimeout(() => {
            started = signImage(direct, {
              image: parseDigestReference(img.ref),
              identities: ['b'],
              signer: new KeySigner(keyB),
              recursive: false,
            });
          }, 50);
          return 'reset-after-body';
        }
        // Whatever A sends next waits out a Retry-After, long after B has finished.
        return n === 2 ? '429-retry-after' : undefined;
      },
    });
    proxies.push(proxy);
    let sigPuts = 0;
    const viaProxy = new RegistryClient({ retries: 3, timeoutMs: 5000 });
    try {
      const a = await signImage(viaProxy, {
        image: parseDigestReference(img.ref.replace(reg.host, proxy.host)),
        identities: ['a'],
        signer: new KeySigner(await signingKey(ka)),
        recursive: false,
      });
      expect(a).toHaveLength(1);
      expect(started).toBeDefined();
      await started;
      const v = await verifyLegacySignatures(direct, parseDigestReference(img.ref), [
        loadPublicKey(ka.publicKeyPem),
        loadPublicKey(kb.publicKeyPem),
      ]);
      expect(new Set(v.valid.map((x) => x.keyIndex))).toEqual(new Set([0, 1]));
    } finally {
      await viaProxy.close();
      await direct.close();
    }
  }, 60_000);

  it('a retried referrers-index PUT never replays a stale state over a later writer', async () => {
    const img = await pushTestImage(reg, 'regress/idx', ['x']);
    // Index entries must name manifests the repository has: two more images stand in for referrers.
    const others = [await pushTestImage(reg, 'regress/idx', ['r1']), await pushTestImage(reg, 'regress/idx', ['r2'])];
    const entry = (n: 1 | 2): Descriptor => {
      const o = others[n - 1]!;
      return { mediaType: o.mediaType, digest: o.digest, size: o.size, artifactType: 'application/vnd.example.test' };
    };
    const direct = testClient(reg);
    let started: Promise<unknown> | undefined;
    let puts = 0;
    const proxy = await startFaultProxy({
      target: reg.url,
      retryAfterSeconds: 2,
      decide: ({ method, operation, url }) => {
        if (method !== 'PUT' || operation !== 'PUT manifest' || !url.includes('/manifests/sha256-')) return undefined;
        const n = ++puts;
        if (n === 1) {
          setTimeout(() => {
            started = appendToFallbackIndex(direct, parseDigestReference(img.ref), img.digest, entry(2));
          }, 50);
          return 'reset-after-body';
        }
        return n === 2 ? '429-retry-after' : undefined;
      },
    });
    proxies.push(proxy);
    const viaProxy = new RegistryClient({ retries: 3, timeoutMs: 5000 });
    try {
      await appendToFallbackIndex(
        viaProxy,
        parseDigestReference(img.ref.replace(reg.host, proxy.host)),
        img.digest,
        entry(1),
      );
      expect(started).toBeDefined();
      await started;
      const listed = (await listReferrers(direct, parseDigestReference(img.ref), img.digest)).descriptors
        .map((d) => d.digest)
        .sort();
      expect(listed).toEqual([entry(1).digest, entry(2).digest].sort());
    } finally {
      await viaProxy.close();
      await direct.close();
    }
  }, 60_000);
});

describe('read-modify-write with a slow merge', () => {
  // Writer A reads, then spends long preparing its write (a config upload held up by a 429).
  // Meanwhile B reads, writes and settles. A write of A's old read would drop B's entry.
  async function race(maxStaleMs: number | undefined): Promise<string[]> {
    let store: string[] = [];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const op = (name: string, slowFirstMerge: boolean) => {
      let slow = slowFirstMerge;
      return {
        what: `test tag (${name})`,
        read: async () => {
          await pause(2);
          return [...store];
        },
        satisfied: (s: string[]) => s.includes(name),
        merge: async (s: string[]) => {
          if (slow) {
            slow = false;
            await pause(300);
          }
          return [...s, name];
        },
        write: async (s: string[]) => {
          await pause(2);
          store = s;
        },
        fingerprint: (s: string[]) => s.join(','),
      };
    };
    const a = appendUntilSettled(op('a', true), maxStaleMs === undefined ? {} : { maxStaleMs });
    await pause(20);
    await appendUntilSettled(op('b', false));
    await a;
    return store.sort();
  }
  it('reads again instead of writing a state read before a slow merge', async () => {
    expect(await race(undefined)).toEqual(['a', 'b']);
  });
  it("(control) without that guard, the other writer's entry is lost", async () => {
    expect(await race(Number.POSITIVE_INFINITY)).toEqual(['a']);
  });
});

describe('promote-preserve-digest copy-signatures (allow-foreign-identity)', () => {
  // The target repository may carry signatures of its own (signed there, or promoted from an
  // earlier snapshot). Copying the source .sig must add to them, never replace them.
  it("keeps signatures the target .sig had before, adding the source's", async () => {
    const [k1, k2, k3] = await Promise.all([makeKey(''), makeKey(''), makeKey('')]);
    const img = await pushTestImage(reg, 'regress/src', ['x']);
    const src = parseDigestReference(img.ref);
    const dst = { ...src, repository: 'regress/dst' };
    const client = testClient(reg);
    const promote = async () => {
      const run = await runAction('promote-preserve-digest', {
        inputs: { source: img.ref, tags: `${reg.host}/regress/dst:stable`, 'allow-foreign-identity': 'true' },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      expect(errorLines(run.main)).toEqual([]);
    };
    try {
      await signImage(client, {
        image: src,
        identities: [`${reg.host}/regress/src`],
        signer: new KeySigner(await signingKey(k1)),
        recursive: false,
      });
      await promote();
      // Signed at the target too (e.g. a release key applied to the promoted repository).
      await signImage(client, {
        image: dst,
        identities: [`${reg.host}/regress/dst`],
        signer: new KeySigner(await signingKey(k2)),
        recursive: false,
      });
      await signImage(client, {
        image: src,
        identities: [`${reg.host}/regress/src`],
        signer: new KeySigner(await signingKey(k3)),
        recursive: false,
      });
      await promote();
      const keys = [k1, k2, k3].map((k) => loadPublicKey(k.publicKeyPem));
      const atDst = await verifyLegacySignatures(client, dst, keys);
      expect(atDst.verdicts.filter((v) => v.keyIndex === undefined)).toEqual([]);
      expect([...new Set(atDst.valid.map((v) => v.keyIndex))].sort()).toEqual([0, 1, 2]);
      const atSrc = await verifyLegacySignatures(client, src, keys);
      expect([...new Set(atSrc.valid.map((v) => v.keyIndex))].sort()).toEqual([0, 2]);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('promote-preserve-digest copy-signatures of an index', () => {
  // sign-digest signs an index and each platform manifest (containers/image verifies the one
  // it pulls); promoting to another repository must carry every one of those signatures.
  it("copies the platform manifests' signatures too", async () => {
    const k = await makeKey('');
    const img = await pushTestImage(reg, 'regress/idx-src', ['x'], { platforms: ['amd64', 'arm64'] });
    const src = parseDigestReference(img.ref);
    const client = testClient(reg);
    try {
      await signImage(client, {
        image: src,
        identities: [`${reg.host}/regress/idx-src`],
        signer: new KeySigner(await signingKey(k)),
        recursive: true,
      });
      const run = await runAction('promote-preserve-digest', {
        inputs: { source: img.ref, tags: `${reg.host}/regress/idx-dst:stable`, 'allow-foreign-identity': 'true' },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      expect(errorLines(run.main)).toEqual([]);
      const pub = [loadPublicKey(k.publicKeyPem)];
      for (const digest of [img.digest, ...img.children.map((c) => c.digest)]) {
        const v = await verifyLegacySignatures(client, { ...src, repository: 'regress/idx-dst', digest }, pub);
        expect({ digest, valid: v.valid.length }).toEqual({ digest, valid: 1 });
      }
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('wipe-secrets main killed during start-up', () => {
  // Main and post once shared one file, told apart by a state flag main saves first thing. A
  // main step killed before that (while Node loads the bundle: cancellation, OOM) left a post
  // step with no state, which took itself for main and staged the secrets again, for nobody to wipe.
  it('the post step never stages secrets, whatever main managed to save', async () => {
    const runnerTemp = realpathSync(mkdtempSync(join(tmpdir(), 'regress-wipe-')));
    try {
      const run = await runAction('wipe-secrets', {
        inputs: { files: 'k=K' },
        env: { K: 'a-secret-value-that-must-not-stay' },
        runnerTemp,
        onSpawn: (pid, phase) => {
          if (phase === 'main') process.kill(pid, 'SIGKILL');
        },
      });
      expect(run.main.code).not.toBe(0);
      expect(run.main.state).toEqual({});
      expect(run.post?.code).toBe(0);
      const staged = readdirSync(runnerTemp).filter((n) => n.startsWith('wipe-secrets-'));
      expect(staged).toEqual([]);
      expect(run.post?.stdout).toMatch(/Nothing was staged/);
    } finally {
      rmSync(runnerTemp, { recursive: true, force: true });
    }
  });
});
