/**
 * preflight, the bundle run as the runner runs it, against the real registry in its three auth
 * modes: each set-up mistake a fork makes gives its own error naming the fix, in at most 5 s,
 * and the registry holds nothing afterwards (no repository, no blob, no upload session: the
 * storage directory has no file and the catalog is empty).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './harness/net.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';
import { keyEnv, makeKey, type TestKey } from './harness/signing.js';

const FIVE_SECONDS = 5000;

/** Every file under the registry's storage: a cancelled upload leaves none. */
function storedFiles(reg: RunningRegistry): string[] {
  const root = join(reg.dataDir, 'docker');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

async function catalog(reg: RunningRegistry): Promise<string[]> {
  const res = await fetch(`${reg.url}/v2/_catalog`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { repositories: string[] }).repositories;
}

const warnings = (step: StepResult) => [...step.stdout.matchAll(/^::warning(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]!);
const notices = (step: StepResult) => [...step.stdout.matchAll(/^::notice(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]!);

function preflight(
  reg: { host: string; authFile?: string },
  opts: { key?: TestKey; env?: Record<string, string>; inputs?: Record<string, string>; repo?: string } = {},
): Promise<StepResult> {
  const env = {
    ...(opts.key ? keyEnv(opts.key) : {}),
    ...(reg.authFile ? { REGISTRY_AUTH_FILE: reg.authFile } : {}),
    ...opts.env,
  };
  const inputs = {
    image: `${reg.host}/${opts.repo ?? 'fork/os'}`,
    ...(opts.key ? { 'public-key': opts.key.pubFile } : {}),
    ...opts.inputs,
  };
  return runAction('preflight', { inputs, env }).then((r) => r.main);
}

function expectFailure(step: StepResult, ...patterns: RegExp[]): void {
  expect(step.code).toBe(1);
  const [error] = errorLines(step);
  for (const p of patterns) expect(error).toMatch(p);
  expect(step.durationMs).toBeLessThanOrEqual(FIVE_SECONDS);
}

describe('preflight against a registry without auth', () => {
  let reg: RunningRegistry;
  let key: TestKey;
  let other: TestKey;
  beforeAll(async () => {
    [reg, key, other] = await Promise.all([startRegistry({ mode: 'none' }), makeKey('s3cret'), makeKey('other')]);
  });
  afterAll(async () => {
    await reg?.stop();
  });
  afterEach(async () => {
    expect(storedFiles(reg)).toEqual([]);
    expect(await catalog(reg)).toEqual([]);
  });

  it('passes a well-set fork: signing on, the public key as an output, no warning (anonymous pulls work)', async () => {
    const step = await preflight(reg, { key });
    expect(errorLines(step)).toEqual([]);
    expect(step.code).toBe(0);
    expect(step.outputs.signing).toBe('on');
    expect(step.outputs['public-key']).toBe(
      key.publicKeyPem.endsWith('\n') ? key.publicKeyPem : `${key.publicKeyPem}\n`,
    );
    expect(warnings(step)).toEqual([]);
    expect(step.durationMs).toBeLessThanOrEqual(FIVE_SECONDS);
  });

  it('no key secret is no failure: signing is off, said as a notice', async () => {
    const step = await preflight(reg, { inputs: { 'public-key': key.pubFile } });
    expect(step.code).toBe(0);
    expect(step.outputs.signing).toBe('off');
    expect(notices(step).join('\n')).toMatch(/signing is off/);
  });

  it('no key secret and no cosign.pub yet: still signing off, not a failure', async () => {
    const step = await preflight(reg, { inputs: { 'public-key': join(reg.dataDir, 'no-such-cosign.pub') } });
    expect(step.code).toBe(0);
    expect(step.outputs.signing).toBe('off');
    expect(step.outputs['public-key']).toBeUndefined();
  });

  it('a wrong password: the key does not decrypt, fix the password secret', async () => {
    const step = await preflight(reg, { key, env: { COSIGN_PASSWORD: 'not-it' } });
    expectFailure(step, /does not decrypt with the password in COSIGN_PASSWORD/, /gh secret set COSIGN_PASSWORD/);
  });

  it('the password secret missing: says it is missing, not just "wrong password"', async () => {
    const step = await preflight(reg, { key, env: { COSIGN_PASSWORD: '' } });
    expectFailure(
      step,
      /COSIGN_PASSWORD is unset or empty: the password secret is missing/,
      /env: COSIGN_PASSWORD: \$\{\{ secrets\.COSIGN_PASSWORD \}\}/,
    );
  });

  it('the key is not the committed cosign.pub: both fingerprints and the fix', async () => {
    const step = await preflight(reg, { key, inputs: { 'public-key': other.pubFile } });
    expectFailure(
      step,
      /is not the committed cosign\.pub: its public half is sha256:[0-9a-f]{16}, cosign\.pub holds sha256:[0-9a-f]{16}/,
      /commit the public half/,
    );
  });

  it('several keys (a rotation): each must decrypt and be among the committed keys', async () => {
    const ok = await preflight(reg, {
      env: { ...keyEnv(key), NEXT_KEY: other.privateKeyPem, NEXT_PASSWORD: other.password },
      inputs: {
        key: 'env://COSIGN_PRIVATE_KEY\nenv://NEXT_KEY',
        'password-env': 'COSIGN_PASSWORD\nNEXT_PASSWORD',
        'public-key': `${key.pubFile}\n${other.pubFile}`,
      },
    });
    expect(errorLines(ok)).toEqual([]);
    const bad = await preflight(reg, {
      env: { ...keyEnv(key), NEXT_KEY: other.privateKeyPem, NEXT_PASSWORD: other.password },
      inputs: {
        key: 'env://COSIGN_PRIVATE_KEY\nenv://NEXT_KEY',
        'password-env': 'COSIGN_PASSWORD\nNEXT_PASSWORD',
        'public-key': key.pubFile,
      },
    });
    expectFailure(bad, /key 2 of 2 \(env:\/\/NEXT_KEY\) is not the committed cosign\.pub/);
  });

  it('an image name with upper-case letters: the lower-case name to use', async () => {
    const step = await preflight(reg, { key, repo: 'Fork/OS' });
    expectFailure(step, /input 'image'/, /has upper-case letters/, new RegExp(`use "${reg.host}/fork/os"`));
  });
});

describe('preflight where the registry is unreachable', () => {
  it('fails in seconds naming the host, not after minutes of retries', async () => {
    const key = await makeKey('x');
    // A port just found free: nothing listens there.
    const host = `127.0.0.1:${await freePort()}`;
    const step = await preflight({ host }, { key });
    expectFailure(
      step,
      new RegExp(`the registry ${host.replace(/\./g, '\\.')} is unreachable`),
      /check the registry host in image/,
    );
  });
});

describe('preflight against registries that need credentials', () => {
  let basic: RunningRegistry;
  let token: RunningRegistry;
  let key: TestKey;
  beforeAll(async () => {
    [basic, token, key] = await Promise.all([
      startRegistry({ mode: 'basic' }),
      // Pull only on fork/readonly, as a token without packages: write gets on ghcr.io.
      startRegistry({
        mode: 'token',
        tokenGrant: (_account, access) =>
          access.name === 'fork/readonly' ? access.actions.filter((a) => a === 'pull') : access.actions,
      }),
      makeKey('pw'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([basic?.stop(), token?.stop()]);
  });
  afterEach(() => {
    expect(storedFiles(basic)).toEqual([]);
    expect(storedFiles(token)).toEqual([]);
  });

  it('no credentials: the token cannot write packages, with the fix', async () => {
    const step = await preflight({ host: basic.host }, { key });
    expectFailure(
      step,
      /the token cannot write packages to 127\.0\.0\.1:\d+\/fork\/os/,
      /use credentials allowed to push/,
    );
  });

  it('credentials that may pull but not push (a token without packages: write)', async () => {
    const step = await preflight(token, { key, repo: 'fork/readonly' });
    expectFailure(step, /the token cannot write packages to 127\.0\.0\.1:\d+\/fork\/readonly/);
  });

  it('credentials that may push: passes, and warns that hosts cannot pull anonymously', async () => {
    for (const reg of [basic, token]) {
      const step = await preflight(reg, { key });
      expect([reg.mode, errorLines(step)]).toEqual([reg.mode, []]);
      expect(step.code).toBe(0);
      expect(warnings(step).join('\n')).toMatch(
        /cannot be pulled anonymously, and bootc hosts pull without credentials/,
      );
      expect(step.durationMs).toBeLessThanOrEqual(FIVE_SECONDS);
    }
  });
});
