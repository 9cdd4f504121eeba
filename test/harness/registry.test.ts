import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTokenSigner } from './certs.js';
import { parseChallenge, rawFetch, registryFetch } from './http.js';
import { loadJwtSigner, signJwt } from './jwt.js';
import { writeOciLayout } from './oci-layout.js';
import { MANIFEST_ACCEPT, pushImage } from './oci-push.js';
import { runPeerOk } from './peers.js';
import { startRegistry, type AuthMode, type RunningRegistry } from './registry.js';
import { makeTinyImage, sha256 } from './tiny-image.js';
import { makeTempDir, removeDir } from './tmp.js';

/** skopeo's flags for reaching this registry: plain HTTP needs tls-verify=false, TLS the CA dir. */
function skopeoAccess(reg: RunningRegistry, side: '' | 'src-' | 'dest-' = ''): string[] {
  const args = reg.tls ? [`--${side}cert-dir`, reg.certDir!] : [`--${side}tls-verify=false`];
  if (reg.username !== undefined) args.push(`--${side}creds`, `${reg.username}:${reg.password}`);
  return args;
}

function craneAccess(reg: RunningRegistry): string[] {
  return reg.tls ? [] : ['--insecure'];
}

function describeMode(mode: AuthMode, extra?: (get: () => RunningRegistry) => void): void {
  describe(`docker-registry, ${mode} mode`, () => {
    let reg: RunningRegistry;
    const image = makeTinyImage(`registry-test-${mode}`);
    const repo = `harness/${mode}`;
    let digest: string;

    beforeAll(async () => {
      reg = await startRegistry({ mode });
      digest = await pushImage(reg, repo, 'v1', image);
    });
    afterAll(async () => {
      await reg?.stop();
    });

    it('stores the pushed manifest and blobs verbatim, readable by digest', async () => {
      expect(digest).toBe(image.manifest.digest);
      const m = await registryFetch(reg, `/v2/${repo}/manifests/${digest}`, { headers: { accept: MANIFEST_ACCEPT } });
      expect(m.status).toBe(200);
      expect(m.headers.get('docker-content-digest')).toBe(digest);
      expect(m.headers.get('content-type')).toBe(image.manifest.mediaType);
      expect(sha256(Buffer.from(await m.arrayBuffer()))).toBe(digest);

      const b = await registryFetch(reg, `/v2/${repo}/blobs/${image.layer.digest}`);
      expect(b.status).toBe(200);
      expect(Buffer.from(await b.arrayBuffer()).equals(image.layer.bytes)).toBe(true);

      expect(existsSync(join(reg.dataDir, 'docker/registry/v2/repositories', repo))).toBe(true);
    });

    it('resolves the tag to the same digest for crane', async () => {
      const r = await runPeerOk('crane', ['digest', ...craneAccess(reg), `${reg.host}/${repo}:v1`], {
        env: reg.clientEnv,
        timeoutMs: 30_000,
        context: reg.logs,
      });
      expect(r.stdout.trim()).toBe(digest);
    });

    it('serves the manifest bytes to skopeo inspect --raw', async () => {
      const r = await runPeerOk(
        'skopeo',
        ['inspect', '--raw', ...skopeoAccess(reg), `docker://${reg.host}/${repo}@${digest}`],
        {
          timeoutMs: 30_000,
          context: reg.logs,
        },
      );
      expect(sha256(r.stdout)).toBe(digest);
    });

    extra?.(() => reg);
  });
}

function describeAuthEnforced(get: () => RunningRegistry, scheme: 'basic' | 'bearer'): void {
  it(`answers 401 with a ${scheme} challenge without credentials`, async () => {
    const reg = get();
    for (const path of ['/v2/', `/v2/harness/${reg.mode}/manifests/v1`]) {
      const res = await rawFetch(reg, path, { headers: { accept: MANIFEST_ACCEPT } });
      expect(res.status).toBe(401);
      expect(parseChallenge(res.headers.get('www-authenticate') ?? '').scheme).toBe(scheme);
      await res.body?.cancel();
    }
  });

  it('refuses a wrong password', async () => {
    const reg = get();
    const wrong: RunningRegistry = { ...reg, password: 'not-the-password' };
    await expect(
      (async () => {
        const res = await registryFetch(wrong, '/v2/');
        if (res.status !== 200) throw new Error(`status ${res.status}`);
      })(),
    ).rejects.toThrow(/401/);
  });
}

describeMode('none', (get) => {
  it('needs no credentials', async () => {
    const res = await rawFetch(get(), '/v2/');
    expect(res.status).toBe(200);
  });
});

describeMode('basic', (get) => describeAuthEnforced(get, 'basic'));

describeMode('token', (get) => {
  describeAuthEnforced(get, 'bearer');

  it('completes the Bearer dance with plain fetch: 401 → token for the scope → 200', async () => {
    const reg = get();
    const path = `/v2/harness/token/manifests/v1`;
    const first = await rawFetch(reg, path, { headers: { accept: MANIFEST_ACCEPT } });
    expect(first.status).toBe(401);
    const ch = parseChallenge(first.headers.get('www-authenticate') ?? '');
    expect(ch.params.realm).toBe(reg.issuer!.realm);
    expect(ch.params.scope).toBe('repository:harness/token:pull');

    const tokenUrl = new URL(ch.params.realm!);
    tokenUrl.searchParams.set('service', ch.params.service!);
    tokenUrl.searchParams.set('scope', ch.params.scope!);
    const auth = 'Basic ' + Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
    const tokenRes = await fetch(tokenUrl, { headers: { authorization: auth } });
    expect(tokenRes.status).toBe(200);
    const body = (await tokenRes.json()) as Record<string, unknown>;
    expect(body.token).toBe(body.access_token);
    expect(body.expires_in).toBe(60);

    const second = await rawFetch(reg, path, {
      headers: { accept: MANIFEST_ACCEPT, authorization: `Bearer ${String(body.token)}` },
    });
    expect(second.status).toBe(200);
    expect(second.headers.get('docker-content-digest')).toBe(makeTinyImage('registry-test-token').manifest.digest);
  });

  it('rejects a pull token for a push', async () => {
    const reg = get();
    const tokenUrl = new URL(reg.issuer!.realm);
    tokenUrl.searchParams.set('service', 'bydigest-test-registry');
    tokenUrl.searchParams.set('scope', 'repository:harness/token:pull');
    const auth = 'Basic ' + Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
    const { token } = (await (await fetch(tokenUrl, { headers: { authorization: auth } })).json()) as { token: string };
    const res = await rawFetch(reg, '/v2/harness/token/blobs/uploads/', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('verifies token signatures: a token from an untrusted key is refused', async () => {
    const reg = get();
    const dir = await makeTempDir('bydigest-forger-');
    try {
      const pair = await makeTokenSigner(dir);
      const forger = await loadJwtSigner(pair.certFile, pair.keyFile);
      const now = Math.floor(Date.now() / 1000);
      const token = signJwt(forger, {
        iss: 'bydigest-test-issuer',
        sub: reg.username,
        aud: 'bydigest-test-registry',
        exp: now + 60,
        nbf: now - 5,
        iat: now,
        jti: 'forged',
        access: [{ type: 'repository', name: 'harness/token', actions: ['pull'] }],
      });
      const res = await rawFetch(reg, '/v2/harness/token/manifests/v1', {
        method: 'HEAD',
        headers: { accept: MANIFEST_ACCEPT, authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
    } finally {
      await removeDir(dir);
    }
  });

  it('issues tokens through the OAuth2 POST form, with a refresh token on request', async () => {
    const reg = get();
    const post = (form: Record<string, string>): Promise<Response> =>
      fetch(reg.issuer!.realm, { method: 'POST', body: new URLSearchParams(form) });
    const first = await post({
      grant_type: 'password',
      username: reg.username!,
      password: reg.password!,
      access_type: 'offline',
      service: 'bydigest-test-registry',
      client_id: 'bydigest-tests',
      scope: 'repository:harness/token:pull',
    });
    expect(first.status).toBe(200);
    const { refresh_token } = (await first.json()) as { refresh_token: string };
    expect(refresh_token).toMatch(/^[0-9a-f]{48}$/);
    const second = await post({ grant_type: 'refresh_token', refresh_token, scope: 'repository:harness/token:pull' });
    expect(second.status).toBe(200);
    const { access_token } = (await second.json()) as { access_token: string };
    const res = await rawFetch(reg, `/v2/harness/token/manifests/v1`, {
      method: 'HEAD',
      headers: { accept: MANIFEST_ACCEPT, authorization: `Bearer ${access_token}` },
    });
    expect(res.status).toBe(200);
  });

  it('accepts a skopeo push from an oci: layout, and serves it to oras', async () => {
    const reg = get();
    const layout = await makeTempDir('bydigest-layout-');
    try {
      const image = makeTinyImage('skopeo-push');
      await writeOciLayout(layout, image, 'v1');
      await runPeerOk(
        'skopeo',
        [
          '--insecure-policy',
          'copy',
          '--preserve-digests',
          ...skopeoAccess(reg, 'dest-'),
          `oci:${layout}:v1`,
          `docker://${reg.host}/harness/skopeo:v1`,
        ],
        { timeoutMs: 30_000, context: reg.logs },
      );
      const r = await runPeerOk(
        'oras-1.3',
        [
          'manifest',
          'fetch',
          '--plain-http',
          '-u',
          reg.username!,
          '-p',
          reg.password!,
          `${reg.host}/harness/skopeo:v1`,
        ],
        { env: reg.clientEnv, timeoutMs: 30_000, context: reg.logs },
      );
      expect(sha256(r.stdout)).toBe(image.manifest.digest);
      const scopes = reg.issuer!.requests().flatMap((q) => q.scopes);
      expect(scopes).toContain('repository:harness/skopeo:pull,push');
    } finally {
      await removeDir(layout);
    }
  });
});

describeMode('tls', (get) => {
  it('is not trusted without the test CA', async () => {
    await expect(fetch(`${get().url}/v2/`)).rejects.toThrow();
  });

  it('is trusted by oras with --ca-file', async () => {
    const reg = get();
    const r = await runPeerOk(
      'oras-1.2',
      ['manifest', 'fetch', '--ca-file', reg.caFile!, `${reg.host}/harness/tls:v1`],
      {
        env: reg.clientEnv,
        timeoutMs: 30_000,
        context: reg.logs,
      },
    );
    expect(sha256(r.stdout)).toBe(makeTinyImage('registry-test-tls').manifest.digest);
  });
});

describe('docker-registry, token auth over TLS', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode: 'token', tls: true });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('takes a push with the Bearer dance and serves it to skopeo with the CA dir', async () => {
    const image = makeTinyImage('token-tls');
    const digest = await pushImage(reg, 'harness/token-tls', 'v1', image);
    const r = await runPeerOk(
      'skopeo',
      ['inspect', '--raw', ...skopeoAccess(reg), `docker://${reg.host}/harness/token-tls:v1`],
      {
        timeoutMs: 30_000,
        context: reg.logs,
      },
    );
    expect(sha256(r.stdout)).toBe(digest);
  });
});

describe('startRegistry failure', () => {
  it('reports the registry logs when it is not ready in time', async () => {
    await expect(startRegistry({ mode: 'none', readyTimeoutMs: 1 })).rejects.toThrow(
      /docker-registry not ready after 1 ms/,
    );
  });
});
