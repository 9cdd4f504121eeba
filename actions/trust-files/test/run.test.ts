// trust-files' run() in-process: the files on disk, one key and two. Built into an image and
// judged by check-host-trust and skopeo: test/trust-files.test.ts.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from '@bydigest/core';
import type { TrustFilesInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

let a: string;
let b: string;
beforeAll(async () => {
  [a, b] = (await Promise.all([generateKeyPair(''), generateKeyPair('')])).map((k) => k.publicKeyPem) as [
    string,
    string,
  ];
});

const inputs = (over: Partial<TrustFilesInputs>): TrustFilesInputs => ({
  image: 'ghcr.io/owner/myos',
  publicKeyPems: [a],
  dir: mkdtempSync(join(tmpdir(), 'trust-files-unit-')),
  keyRoot: '/',
  keyPaths: 'auto',
  ...over,
});

describe('trust-files run() as a unit', () => {
  it('one key: keyPath, the key as committed, registries.d for the repository', async () => {
    const r = await run(inputs({}));
    expect(r.keyFiles).toEqual([join(r.dir, 'etc/pki/containers/myos.pub')]);
    expect(readFileSync(r.keyFiles[0]!, 'utf8')).toBe(a.endsWith('\n') ? a : `${a}\n`);
    expect(JSON.parse(readFileSync(r.policy, 'utf8'))).toEqual({
      default: [{ type: 'reject' }],
      transports: {
        docker: {
          'ghcr.io/owner/myos': [
            {
              type: 'sigstoreSigned',
              keyPath: '/etc/pki/containers/myos.pub',
              signedIdentity: { type: 'matchRepository' },
            },
          ],
        },
      },
    });
    expect(readFileSync(join(r.registriesD, 'myos.yaml'), 'utf8')).toBe(
      'docker:\n  ghcr.io/owner/myos:\n    use-sigstore-attachments: true\n',
    );
  });

  it('two keys: keyPaths, re-rooted under key-root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-files-unit-'));
    const r = await run(inputs({ publicKeyPems: [a, b], dir, keyRoot: dir }));
    const policy = JSON.parse(readFileSync(r.policy, 'utf8'));
    expect(policy.transports.docker['ghcr.io/owner/myos'][0].keyPaths).toEqual(r.keyFiles);
    expect(r.keyFiles[1]).toMatch(/myos-[0-9a-f]{12}\.pub$/);
  });

  it("keyPath with two keys is the key-paths input's error, and nothing is written", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'trust-files-unit-')), 'out');
    await expect(run(inputs({ publicKeyPems: [a, b], dir, keyPaths: 'keyPath' }))).rejects.toThrow(
      /input 'key-paths': .*names one key/,
    );
    expect(existsSync(dir)).toBe(false);
  });
});
