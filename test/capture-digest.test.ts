import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildImage, buildIndex, writeOciLayout } from './harness/image.js';
import { peer, runPeerOk } from './harness/peers.js';
import { startRegistry, type AuthMode, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/** What an action step needs to reach this registry: the auth file and, with TLS, the CA. */
function actionEnv(reg: RunningRegistry): Record<string, string> {
  const env: Record<string, string> = { REGISTRY_AUTH_FILE: reg.authFile, HOME: tmp('home-') };
  if (reg.caFile) env.NODE_EXTRA_CA_CERTS = reg.caFile;
  return env;
}

function craneArgs(reg: RunningRegistry, args: string[]): string[] {
  return reg.tls ? args : [...args, '--insecure'];
}

describe.each<AuthMode>(['none', 'basic', 'token', 'tls'])('capture-digest against a real registry (%s)', (mode) => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('pushes a 3-tag image from an OCI layout and reports the layout manifest digest', async () => {
    const img = buildImage({ layerSizes: [300, 40_000, 1_000] });
    const dir = writeOciLayout(tmp('layout-'), img, { refName: 'v1' });
    const repo = `${reg.host}/cap/${mode}`;
    const digestfile = join(tmp('out-'), 'digest.txt');
    const run = await runAction('capture-digest', {
      inputs: { image: repo, tags: `latest\n${repo}:1.0, stable`, source: `oci:${dir}:v1`, digestfile },
      env: actionEnv(reg),
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.digest).toBe(img.digest);
    expect(run.main.outputs['image-ref']).toBe(`${repo}@${img.digest}`);
    expect(run.main.outputs.tags).toBe('latest\n1.0\nstable');
    expect(run.main.outputs['media-type']).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(readFileSync(digestfile, 'utf8')).toBe(img.digest);
    expect(run.main.summary).toContain(`${repo}:stable`);

    // The judges: crane and skopeo see every tag at the layout's digest, with the layout's bytes.
    for (const tag of ['latest', '1.0', 'stable']) {
      const d = await runPeerOk('crane', craneArgs(reg, ['digest', `${repo}:${tag}`]), {
        env: reg.clientEnv,
        context: reg.logs,
      });
      expect(d.stdout.trim()).toBe(img.digest);
    }
    const raw = await runPeerOk('crane', craneArgs(reg, ['manifest', `${repo}:latest`]), { env: reg.clientEnv });
    expect(raw.stdout).toBe(img.bytes.toString());
    const out = tmp('skopeo-dir-');
    const skopeoTls = reg.tls ? ['--src-cert-dir', reg.certDir as string] : ['--src-tls-verify=false'];
    await runPeerOk('skopeo', ['copy', '--insecure-policy', ...skopeoTls, `docker://${repo}:stable`, `dir:${out}`], {
      env: reg.clientEnv,
      context: reg.logs,
    });
    expect(readFileSync(join(out, 'manifest.json')).equals(img.bytes)).toBe(true);
    for (const layer of img.layers)
      expect(readFileSync(join(out, layer.digest.slice(7))).equals(layer.bytes)).toBe(true);
  });
});

describe('capture-digest behaviour', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode: 'basic' });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  const push = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction('capture-digest', { inputs, env: { ...actionEnv(reg), ...env } });

  it('takes explicit username/password inputs and masks the password', async () => {
    const img = buildImage();
    const dir = writeOciLayout(tmp('layout-'), img);
    const run = await push(
      {
        image: `${reg.host}/cap/explicit`,
        tags: 'a',
        source: `oci:${dir}`,
        username: reg.username!,
        password: reg.password!,
      },
      { REGISTRY_AUTH_FILE: '/nonexistent' },
    );
    expect(run.main.code).toBe(0);
    expect(run.main.masks).toContain(reg.password);
    expect(run.main.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(reg.password!);
  });

  it('pushes an oci-archive and skips blobs the repository already has', async () => {
    const img = buildImage({ layerSizes: [5_000, 6_000] });
    const dir = writeOciLayout(tmp('layout-'), img, { refName: 'x' });
    const tar = join(tmp('archive-'), 'img.tar');
    expect(spawnSync('tar', ['-C', dir, '-cf', tar, '.']).status).toBe(0);
    const first = await push({ image: `${reg.host}/cap/archive`, tags: 'one', source: `oci-archive:${tar}:x` });
    expect(first.main.code).toBe(0);
    expect(first.main.stdout).toMatch(/3 blob\(s\) uploaded .* 0 already present/);
    const second = await push({ image: `${reg.host}/cap/archive`, tags: 'two', source: `oci-archive:${tar}` });
    expect(second.main.code).toBe(0);
    expect(second.main.stdout).toMatch(/0 blob\(s\) uploaded .* 3 already present/);
    expect(second.main.outputs.digest).toBe(img.digest);
  });

  it('pushes a two-platform index with its children first', async () => {
    const amd = buildImage({ architecture: 'amd64' });
    const arm = buildImage({ architecture: 'arm64' });
    const index = buildIndex([amd, arm]);
    const dir = writeOciLayout(tmp('layout-'), index, { children: [amd, arm] });
    const repo = `${reg.host}/cap/multi`;
    const run = await push({ image: repo, tags: 'multi', source: `oci:${dir}` });
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.digest).toBe(index.digest);
    expect(run.main.outputs['media-type']).toBe('application/vnd.oci.image.index.v1+json');
    for (const child of [amd, arm]) {
      const d = await runPeerOk('crane', ['digest', '--insecure', `${repo}@${child.digest}`], { env: reg.clientEnv });
      expect(d.stdout.trim()).toBe(child.digest);
    }
  });

  it('pushes any other containers transport through skopeo', async () => {
    const img = buildImage();
    const layoutDir = writeOciLayout(tmp('layout-'), img);
    const dirTransport = tmp('dir-');
    await runPeerOk('skopeo', ['copy', '--insecure-policy', `oci:${layoutDir}`, `dir:${dirTransport}`]);
    const repo = `${reg.host}/cap/viaskopeo`;
    const run = await push(
      { image: repo, tags: 'a b', source: `dir:${dirTransport}` },
      { PATH: `${dirname(peer('skopeo'))}:${process.env.PATH}` },
    );
    expect(errorLines(run.main)).toEqual([]);
    const d = await runPeerOk('crane', ['digest', '--insecure', `${repo}:b`], { env: reg.clientEnv });
    expect(run.main.outputs.digest).toBe(d.stdout.trim());
  });

  it('capture-only: fails naming each tag and digest when tags disagree', async () => {
    const a = buildImage();
    const b = buildImage();
    const repo = `${reg.host}/cap/split`;
    expect((await push({ image: repo, tags: 'a', source: `oci:${writeOciLayout(tmp('l-'), a)}` })).main.code).toBe(0);
    expect((await push({ image: repo, tags: 'b', source: `oci:${writeOciLayout(tmp('l-'), b)}` })).main.code).toBe(0);
    const run = await push({ image: repo, tags: 'a,b' });
    expect(run.main.code).toBe(1);
    const [msg] = errorLines(run.main);
    expect(msg).toContain(`${repo}:a -> ${a.digest}`);
    expect(msg).toContain(`${repo}:b -> ${b.digest}`);
    expect(run.main.outputs.digest).toBeUndefined();
    const ok = await push({ image: repo, tags: 'a' });
    expect(ok.main.code).toBe(0);
    expect(ok.main.outputs.digest).toBe(a.digest);
  });

  describe('bad input gets an error naming the input, exit 1 and no output', () => {
    const cases: [string, () => Record<string, string>, Record<string, string>, RegExp][] = [
      ['malformed image', () => ({ image: `${reg.host}/Cap/Upper`, tags: 'a' }), {}, /input 'image': .*lower-case/],
      [
        'image with a tag',
        () => ({ image: `${reg.host}/cap/x:1`, tags: 'a' }),
        {},
        /input 'image': .*without tag or digest/,
      ],
      ['empty tag list', () => ({ image: `${reg.host}/cap/x`, tags: ' ,\n ' }), {}, /input 'tags': lists no tags/],
      [
        'invalid tag',
        () => ({ image: `${reg.host}/cap/x`, tags: 'ok -bad' }),
        {},
        /input 'tags': .*"-bad" is not a valid tag/,
      ],
      [
        'tag of another repository',
        () => ({ image: `${reg.host}/cap/x`, tags: `${reg.host}/cap/y:1` }),
        {},
        /input 'tags': .*not in repository/,
      ],
      [
        'missing layout',
        () => ({ image: `${reg.host}/cap/x`, tags: 'a', source: 'oci:/nonexistent/layout' }),
        {},
        /oci:\/nonexistent\/layout: no such directory/,
      ],
      [
        'source without transport',
        () => ({ image: `${reg.host}/cap/x`, tags: 'a', source: '/some/path' }),
        {},
        /input 'source': .*names no transport/,
      ],
      [
        'tag that does not exist (capture-only)',
        () => ({ image: `${reg.host}/cap/never`, tags: 'ghost' }),
        {},
        /tag not found: .*cap\/never:ghost/,
      ],
      [
        'unreachable registry',
        () => ({ image: '127.0.0.1:1/cap/x', tags: 'a', retries: '0' }),
        {},
        /cannot reach 127\.0\.0\.1:1/,
      ],
      [
        'wrong password (401)',
        () => ({ image: `${reg.host}/cap/x`, tags: 'a', username: 'bydigest', password: 'wrong' }),
        { REGISTRY_AUTH_FILE: '/nonexistent' },
        /HTTP 401/,
      ],
      [
        'retries out of range',
        () => ({ image: `${reg.host}/cap/x`, tags: 'a', retries: '99' }),
        {},
        /input 'retries': must be between 0 and 10/,
      ],
    ];
    it.each(cases)('%s', async (_name, inputs, env, message) => {
      const run = await push(inputs(), env);
      expect(run.main.code).toBe(1);
      const errors = errorLines(run.main);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(run.main.outputs).toEqual({});
    });
  });

  it('writes nothing when the layout is broken half-way (a blob missing)', async () => {
    const img = buildImage();
    const dir = writeOciLayout(tmp('layout-'), img);
    writeFileSync(join(dir, 'blobs', 'sha256', img.layers[1]!.digest.slice(7)), 'corrupt');
    const repo = `${reg.host}/cap/broken`;
    const run = await push({ image: repo, tags: 'a', source: `oci:${dir}` });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(/has 7 bytes, the manifest says/);
    const tags = await runPeerOk('crane', ['ls', '--insecure', repo], { env: reg.clientEnv }).catch((e: Error) => ({
      stdout: '',
      err: e,
    }));
    expect(tags.stdout.trim()).toBe('');
  });
});
