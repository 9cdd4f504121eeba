import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialResolver } from '../../src/oci/remote/auth/credentials.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function home(): string {
  return mkdtempSync(join(tmpdir(), 'creds-home-'));
}

function writeJson(path: string, doc: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('credentialResolver', () => {
  it('explicit credentials win over every file', async () => {
    const h = home();
    writeJson(join(h, '.docker', 'config.json'), { auths: { 'ghcr.io': { auth: b64('file:pw') } } });
    const r = credentialResolver({ username: 'me', password: 'secret', env: { HOME: h } });
    expect(await r('ghcr.io')).toEqual({ kind: 'basic', username: 'me', password: 'secret' });
  });

  it('follows the lookup order: REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, ~/.config, ~/.docker', async () => {
    const h = home();
    const runtime = mkdtempSync(join(tmpdir(), 'runtime-'));
    const authFile = writeJson(join(h, 'explicit.json'), { auths: { 'a.example': { auth: b64('explicit:1') } } });
    writeJson(join(runtime, 'containers', 'auth.json'), {
      auths: { 'a.example': { auth: b64('runtime:2') }, 'b.example': { auth: b64('runtime:2') } },
    });
    writeJson(join(h, '.config', 'containers', 'auth.json'), {
      auths: { 'c.example': { auth: b64('config:3') }, 'b.example': { auth: b64('config:3') } },
    });
    writeJson(join(h, '.docker', 'config.json'), {
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hub:4') },
        'c.example': { auth: b64('docker:4') },
        'd.example': { username: 'plain', password: 'p' },
      },
    });
    const r = credentialResolver({ env: { HOME: h, REGISTRY_AUTH_FILE: authFile, XDG_RUNTIME_DIR: runtime } });
    expect(await r('a.example')).toMatchObject({ username: 'explicit' });
    expect(await r('b.example')).toMatchObject({ username: 'runtime' });
    expect(await r('c.example')).toMatchObject({ username: 'config' });
    expect(await r('docker.io')).toMatchObject({ username: 'hub', password: '4' });
    expect(await r('d.example')).toMatchObject({ username: 'plain', password: 'p' });
    expect(await r('e.example')).toBeUndefined();
  });

  it('uses an identity token as an OAuth2 refresh token', async () => {
    const h = home();
    writeJson(join(h, '.docker', 'config.json'), {
      auths: { 'r.example': { auth: b64('<token>:'), identitytoken: 'refresh-me' } },
    });
    expect(await credentialResolver({ env: { HOME: h } })('r.example')).toEqual({
      kind: 'refresh',
      username: '<token>',
      refreshToken: 'refresh-me',
    });
  });

  it('runs credHelpers and credsStore programs with the server on stdin, never in argv', async () => {
    const h = home();
    const bin = mkdtempSync(join(tmpdir(), 'helpers-'));
    const argvLog = join(bin, 'argv.log');
    const helper = (name: string, body: string) => {
      const p = join(bin, `docker-credential-${name}`);
      writeFileSync(p, `#!/bin/sh\necho "$@" >> ${argvLog}\nread server\n${body}\n`);
      chmodSync(p, 0o755);
    };
    helper(
      'per-host',
      'echo "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"helper-user\\",\\"Secret\\":\\"helper-secret-for-$server\\"}"',
    );
    helper(
      'store',
      'if [ "$server" = "s.example" ]; then echo "{\\"Username\\":\\"store-user\\",\\"Secret\\":\\"store-secret\\"}"; else echo "credentials not found in native keychain"; exit 1; fi',
    );
    writeJson(join(h, '.docker', 'config.json'), { credHelpers: { 'h.example': 'per-host' }, credsStore: 'store' });
    const r = credentialResolver({ env: { HOME: h, PATH: `${bin}:${process.env.PATH}` } });
    expect(await r('h.example')).toEqual({
      kind: 'basic',
      username: 'helper-user',
      password: 'helper-secret-for-h.example',
    });
    expect(await r('s.example')).toEqual({ kind: 'basic', username: 'store-user', password: 'store-secret' });
    expect(await r('n.example')).toBeUndefined();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(argvLog, 'utf8').trim().split('\n')).toEqual(['get', 'get', 'get']);
  });

  it('falls back to the GitHub token for ghcr.io only', async () => {
    const h = home();
    const r = credentialResolver({ githubToken: 'ghs_x', githubActor: 'octo', env: { HOME: h } });
    expect(await r('ghcr.io')).toEqual({ kind: 'basic', username: 'octo', password: 'ghs_x' });
    expect(await r('quay.io')).toBeUndefined();
  });

  it('names a broken auth file and a half-given username/password', async () => {
    const h = home();
    mkdirSync(join(h, '.docker'));
    writeFileSync(join(h, '.docker', 'config.json'), '{ not json');
    await expect(credentialResolver({ env: { HOME: h } })('x.example')).rejects.toThrow(
      /config.json is not valid JSON/,
    );
    await expect(credentialResolver({ username: 'u', env: { HOME: home() } })('x.example')).rejects.toThrow(
      /username and password must be given together/,
    );
  });
});
