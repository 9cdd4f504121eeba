import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDigestReference } from '@bydigest/core';
import { buildImage, writeOciLayout } from '../harness/image.js';
import { peer, runPeerOk } from '../harness/peers.js';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { REPO_ROOT, runAction, type ActionRun, type StepResult } from '../harness/runner.js';
import { keyEnv, makeKey, type TestKey } from '../harness/signing.js';
import { writeReport } from './lib/campaign.js';
import { signInProcess } from './lib/setup.js';

// Every action given `password` (and the signing actions their key and key password, and
// wipe-secrets its secrets) runs while /proc is sampled: the argv of the action and of every
// process below it (found through /proc/*/stat ppid) must never hold a secret, nor may any
// output, state value, the summary or the log, except the ::add-mask:: commands themselves.

let reg: RunningRegistry;
let key: TestKey;
let img: { ref: string; digest: string };
let work: string;
const findings: Record<string, { processesSeen: number; cmdlinesSampled: number; leaks: string[]; masked: boolean }> =
  {};

beforeAll(async () => {
  reg = await startRegistry({ mode: 'basic' });
  key = await makeKey(`key-pw-${randomBytes(9).toString('hex')}`);
  const pushed = await pushTestImage(reg, 'hyg/img', ['latest'], { layerSizes: [64] });
  const client = testClient(reg);
  await signInProcess(client, parseDigestReference(pushed.ref), key);
  await client.close();
  img = { ref: pushed.ref, digest: pushed.digest };
  work = mkdtempSync(join(tmpdir(), 'rel-hyg-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await reg?.stop();
  writeReport('secret-hygiene', {
    date: new Date().toISOString(),
    command: 'pnpm test -- test/reliability/secret-hygiene.test.ts',
    findings,
  });
});

/** pid → ppid for every process, from each /proc/<pid>/stat. */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      table.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** Samples the argv of `root` and all its descendants every few ms until stopped. */
function sampleArgv(): { onSpawn: (pid: number) => void; stop: () => { pids: Set<number>; cmdlines: Set<string> } } {
  const pids = new Set<number>();
  const cmdlines = new Set<string>();
  const roots: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const table = processTable();
    const family = new Set(roots);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of table) {
        if (family.has(ppid) && !family.has(pid)) {
          family.add(pid);
          grew = true;
        }
      }
    }
    for (const pid of family) {
      try {
        cmdlines.add(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
        pids.add(pid);
      } catch {
        // exited
      }
    }
  };
  return {
    onSpawn: (pid) => {
      roots.push(pid);
      tick();
      timer ??= setInterval(tick, 5);
    },
    stop: () => {
      if (timer) clearInterval(timer);
      return { pids, cmdlines };
    },
  };
}

/** Everything the runner would show or keep, except the ::add-mask:: commands. */
function visible(run: ActionRun): string {
  return [run.main, ...(run.post ? [run.post] : [])]
    .map((s: StepResult) =>
      [
        s.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
        s.stderr,
        s.summary,
        ...Object.values(s.outputs),
        ...Object.values(s.state),
      ].join('\n'),
    )
    .join('\n');
}

/** The secrets as they could leak: whole, and each line of a multi-line one (PEM bodies). */
function fragments(secrets: string[]): string[] {
  return secrets.flatMap((s) => [
    s,
    ...s
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 16 && !l.startsWith('-----')),
  ]);
}

async function check(
  name: string,
  run: () => Promise<ActionRun>,
  sampler: ReturnType<typeof sampleArgv>,
  secrets: string[],
): Promise<void> {
  const result = await run();
  const { pids, cmdlines } = sampler.stop();
  expect({ name, code: result.main.code, err: result.main.code === 0 ? '' : result.main.stdout.slice(-600) }).toEqual({
    name,
    code: 0,
    err: '',
  });
  const leaks: string[] = [];
  const frags = fragments(secrets);
  for (const cmd of cmdlines) if (frags.some((f) => cmd.includes(f))) leaks.push(`argv: ${cmd.slice(0, 120)}`);
  const shown = visible(result);
  for (const f of frags)
    if (shown.includes(f)) leaks.push(`log/outputs/state/summary hold a secret fragment (${f.length} chars)`);
  const masks = [...result.main.masks, ...(result.post?.masks ?? [])].map((m) =>
    m.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
  );
  const masked = secrets.every((s) => masks.includes(s) || masks.includes(s.trim()));
  findings[name] = { processesSeen: pids.size, cmdlinesSampled: cmdlines.size, leaks, masked };
  expect({ name, leaks }).toEqual({ name, leaks: [] });
  expect({ name, masked }).toEqual({ name, masked: true });
  expect(pids.size).toBeGreaterThan(0);
}

const creds = () => ({ username: reg.username as string, password: reg.password as string });
const env = (more: Record<string, string> = {}) => ({ REGISTRY_AUTH_FILE: join(work, 'no-auth.json'), ...more });

describe('secret hygiene: argv (action and children), outputs, state, summary and logs', () => {
  it("(control) the sampler sees a grandchild's argv", async () => {
    const marker = `leak-${randomBytes(6).toString('hex')}`;
    const sampler = sampleArgv();
    const child = spawn(process.execPath, [
      '-e',
      `require('child_process').spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 300)', ${JSON.stringify(marker)}])`,
    ]);
    sampler.onSpawn(child.pid as number);
    await new Promise((r) => child.on('close', r));
    const { cmdlines } = sampler.stop();
    expect([...cmdlines].some((c) => c.includes(marker))).toBe(true);
  });

  it('capture-digest (password; a skopeo child exports a dir: source)', async () => {
    const layout = writeOciLayout(mkdtempSync(join(work, 'layout-')), buildImage({ layerSizes: [64] }), {
      refName: 'x',
    });
    const dir = join(work, 'dir-image');
    await runPeerOk('skopeo', ['copy', '--insecure-policy', `oci:${layout}:x`, `dir:${dir}`]);
    const sampler = sampleArgv();
    await check(
      'capture-digest',
      () =>
        runAction('capture-digest', {
          inputs: { image: `${reg.host}/hyg/cap`, tags: 'v1', source: `dir:${dir}`, ...creds() },
          env: env({ PATH: `${join(peer('skopeo'), '..')}:${process.env.PATH ?? ''}` }),
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      [reg.password as string],
    );
    // skopeo (a child) was seen, so the walk below the action works.
    expect(findings['capture-digest']!.cmdlinesSampled).toBeGreaterThan(1);
  });

  it('sign-digest (password, key, key password)', async () => {
    const sampler = sampleArgv();
    await check(
      'sign-digest',
      () =>
        runAction('sign-digest', {
          inputs: { 'image-ref': img.ref, ...creds() },
          env: env(keyEnv(key)),
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      [reg.password as string, key.privateKeyPem, key.password],
    );
  });

  it('attach-sbom (password, key, key password)', async () => {
    const sampler = sampleArgv();
    await check(
      'attach-sbom',
      () =>
        runAction('attach-sbom', {
          inputs: {
            'image-ref': img.ref,
            sbom: join(REPO_ROOT, 'packages/core/test/fixtures/sbom/valid.spdx.json'),
            ...creds(),
          },
          env: env(keyEnv(key)),
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      [reg.password as string, key.privateKeyPem, key.password],
    );
  });

  it('verify-digest (password)', async () => {
    const sampler = sampleArgv();
    await check(
      'verify-digest',
      () =>
        runAction('verify-digest', {
          inputs: { 'image-ref': img.ref, 'public-key': key.publicKeyPem, ...creds() },
          env: env(),
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      [reg.password as string],
    );
  });

  it('promote-preserve-digest (password)', async () => {
    const sampler = sampleArgv();
    await check(
      'promote-preserve-digest',
      () =>
        runAction('promote-preserve-digest', {
          inputs: {
            source: img.ref,
            tags: `stable\n${reg.host}/hyg/dst:stable`,
            'allow-foreign-identity': 'true',
            ...creds(),
          },
          env: env(),
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      [reg.password as string],
    );
  });

  it('wipe-secrets (main and post)', async () => {
    const secrets = {
      MOK_KEY: `-----BEGIN PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n${randomBytes(48).toString('base64')}\n-----END PRIVATE KEY-----\n`,
      TOKEN: `tok-${randomBytes(16).toString('hex')}`,
    };
    const sampler = sampleArgv();
    await check(
      'wipe-secrets',
      () =>
        runAction('wipe-secrets', {
          inputs: { files: 'MOK.key=MOK_KEY\ntoken=TOKEN' },
          env: secrets,
          onSpawn: sampler.onSpawn,
        }),
      sampler,
      Object.values(secrets),
    );
  });
});
