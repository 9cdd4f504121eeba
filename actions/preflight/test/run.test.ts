// preflight's run() in-process: real keys (scrypt and all), the registry's answers stood in by a
// client whose transport answers as distribution does. Against the real registry, in its three
// auth modes, with the storage checked afterwards: test/preflight.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  BydigestError,
  checkImageName,
  generateKeyPair,
  loadPublicKeys,
  RegistryClient,
  type KeySecret,
} from '@bydigest/core';
import { PendingKey } from '@bydigest/core/keys';
import { run } from '../src/run.js';
import type { PreflightInputs } from '../src/inputs.js';

/** Answers the write check with `put` and the anonymous tag list with `get`, as statuses or refusals. */
function registry(put: number | 'denied', get: number | 'denied' = 200): RegistryClient {
  const client = new RegistryClient();
  const answer = (s: number | 'denied', url: string) => {
    if (s === 'denied')
      return Promise.reject(
        new BydigestError('UNAUTHORIZED', 'HTTP 401 (UNAUTHORIZED: authentication required)', { status: 401 }),
      );
    return Promise.resolve({ status: s, headers: {}, url, body: { dump: async () => undefined } });
  };
  (client as unknown as { transport: () => unknown }).transport = () => ({
    request: (req: { method: string; path: string }) => answer(req.method === 'PUT' ? put : get, req.path),
  });
  return client;
}

const IMAGE = 'registry.test/fork/os';
const inputs = (over: Partial<PreflightInputs> = {}): PreflightInputs => ({
  image: IMAGE,
  publicKeys: [],
  registry: { retries: 0, insecure: false },
  ...over,
});

async function keySecret(
  password: string,
  envName = 'COSIGN_PRIVATE_KEY',
): Promise<{ secret: KeySecret; publicKeyPem: string }> {
  const pair = await generateKeyPair(password);
  process.env[envName] = pair.privateKeyPem;
  const spec = `env://${envName}`;
  return {
    secret: { spec, passwordEnv: 'COSIGN_PASSWORD', key: PendingKey.start(spec, 'COSIGN_PASSWORD', process.env).key() },
    publicKeyPem: pair.publicKeyPem,
  };
}

describe('preflight run() as a unit', () => {
  afterEach(() => {
    delete process.env.COSIGN_PRIVATE_KEY;
    delete process.env.COSIGN_PASSWORD;
    delete process.env.GITHUB_STEP_SUMMARY;
  });

  it('signing on: the key opens and is the committed key; push allowed; public', async () => {
    process.env.COSIGN_PASSWORD = 'pw';
    const { secret, publicKeyPem } = await keySecret('pw');
    const report = await run(
      inputs({ keySecrets: [secret], publicKeys: loadPublicKeys(publicKeyPem) }),
      registry(400),
      registry(400, 200),
    );
    expect(report).toMatchObject({ signing: 'on', writable: true, anonymous: 'public', problems: [], warnings: [] });
  });

  it('no key secret: signing off, no problem', async () => {
    const report = await run(inputs(), registry(400), registry(400, 404));
    expect(report).toMatchObject({ signing: 'off', writable: true, anonymous: 'absent', problems: [] });
  });

  it('a key that does not open is found before the registry is asked anything', async () => {
    process.env.COSIGN_PASSWORD = 'wrong';
    const { secret, publicKeyPem } = await keySecret('pw');
    const unasked = new RegistryClient();
    (unasked as unknown as { transport: () => never }).transport = () => {
      throw new Error('the registry was asked');
    };
    const failure = await run(
      inputs({ keySecrets: [secret], publicKeys: loadPublicKeys(publicKeyPem) }),
      unasked,
      unasked,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BydigestError);
    expect((failure as Error).message).toMatch(
      /^preflight: input 'password-env': the key \(env:\/\/COSIGN_PRIVATE_KEY\) does not decrypt with the password in COSIGN_PASSWORD\. Fix: /,
    );
  });

  it('push refused: the fix names the permission; hosts cannot pull: a warning', async () => {
    const failure = await run(inputs(), registry('denied'), registry(400, 'denied')).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(
      /^preflight: input 'password': the token cannot write packages to registry\.test\/fork\/os .*Fix: use credentials allowed to push/,
    );
    const report = await run(inputs(), registry(400), registry(400, 'denied'));
    expect(report.warnings).toEqual([
      expect.objectContaining({
        message: 'registry.test/fork/os cannot be pulled anonymously, and bootc hosts pull without credentials',
      }),
    ]);
  });

  it('the image name: upper case is its own error with the lower-case name; a tag is refused', () => {
    expect(() => checkImageName('ghcr.io/Owner/MyOS')).toThrow(/has upper-case letters/);
    expect(() => checkImageName('ghcr.io/Owner/MyOS')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('"ghcr.io/owner/myos"') }),
    );
    expect(() => checkImageName('ghcr.io/owner/os:stable')).toThrow(/carries a tag or digest/);
    expect(checkImageName('GHCR.IO/owner/os'.toLowerCase())).toEqual({ registry: 'ghcr.io', repository: 'owner/os' });
  });
});
