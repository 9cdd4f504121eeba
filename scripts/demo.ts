/**
 * The whole bydigest pipeline on a local registry it starts itself, running the bundled actions
 * (dist/<name>/index.js) exactly as the GitHub runner runs them:
 *
 *   wipe-secrets (stage both keys) → the previous release (trusts the current key, signed with
 *   it, on :stable) → build (the image carries its hosts' policy.json, registries.d and both
 *   public keys) → capture-digest → sign-digest (both keys) → generate-sbom → attach-sbom
 *         → check-host-trust (those files, read out of the image, verify the next update)
 *         → check-rotation (overlap: every live release's hosts verify the candidate)
 *         → promote-preserve-digest (require-signature) → verify-digest (host policy) → wipe
 *
 * The release shown is a key rotation's overlap release (docs/key-rotation.md): the image trusts
 * the current and the next key (keyPaths) and its `.sig` carries a layer from each, so hosts of
 * the previous release (current key only) and of later ones (next key only) verify it.
 * The key pairs are generated before the build, as a real repository has its cosign.pub committed
 * before the first image: the build bakes the public halves in (scripts/lib/host-trust-files.ts,
 * the same files the dogfood workflow bakes), the private halves only ever reach wipe-secrets.
 *
 * Run it with `bash scripts/demo.sh` (installs what it needs first) or `pnpm demo`. It prints one
 * line per hop and a final table, stops the registry, removes its files, and exits non-zero if
 * any hop failed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateKeyPair } from '../packages/core/src/index.js';
import { peer, runPeer, type PeerName } from '../test/harness/peers.js';
import { startRegistry, type RunningRegistry } from '../test/harness/registry.js';
import { errorLines, REPO_ROOT, runAction, type ActionRun, type StepResult } from '../test/harness/runner.js';
import { writeHostTrustFiles } from './lib/host-trust-files.js';
import { writeSampleImage } from './lib/sample.js';

const REPO = 'demo/os';
const tty = process.stdout.isTTY === true;
const paint = (code: string, s: string): string => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const ok = paint('32', '✓');
const bad = paint('31', '✗');
const note = paint('33', '•');

class HopFailed extends Error {}

interface Ctx {
  reg: RunningRegistry;
  work: string;
  runnerTemp: string;
  /** The step env every action gets: where the registry credentials are, as a job would set it. */
  env: Record<string, string>;
}

let hopNo = 0;
const HOPS = 13;

/** Runs one hop, prints `[n/13] name  summary (time)`; a failure prints why and stops the pipeline. */
async function hop<T>(name: string, body: () => Promise<{ value: T; line: string }>): Promise<T> {
  hopNo++;
  const label = `[${String(hopNo).padStart(2)}/${HOPS}] ${name.padEnd(16)}`;
  const started = Date.now();
  try {
    const { value, line } = await body();
    console.log(`${ok} ${label} ${line} ${paint('2', `(${((Date.now() - started) / 1000).toFixed(1)} s)`)}`);
    return value;
  } catch (e) {
    console.log(`${bad} ${label} ${(e as Error).message}`);
    throw new HopFailed(name);
  }
}

/** Runs a bundled action; a non-zero exit becomes an error carrying its ::error:: lines. */
async function action(
  ctx: Ctx,
  name: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  post = false,
): Promise<ActionRun> {
  const bundle = join(REPO_ROOT, 'dist', name, 'index.js');
  if (!existsSync(bundle)) throw new Error(`dist/${name}/index.js is missing: run \`pnpm bundle\` first`);
  const run = await runAction(name, { inputs, env: { ...ctx.env, ...extraEnv }, runnerTemp: ctx.runnerTemp, post });
  if (run.main.code !== 0) throw new Error(`${name} failed (exit ${run.main.code}):\n${explain(run.main)}`);
  return run;
}

function explain(step: StepResult): string {
  const errors = errorLines(step);
  const text =
    errors.length > 0
      ? errors.join('\n')
      : (step.stderr.trim() || step.stdout.trim()).split('\n').slice(-15).join('\n');
  return text.replace(/^/gm, '      ');
}

const short = (digest: string): string => `${digest.slice(0, 19)}…`;
const lines = (s: string | undefined): string[] => (s ?? '').split('\n').filter(Boolean);
/** `:tag` from a plain tag or a full reference (the registry part may hold a port). */
const asTag = (t: string): string =>
  `:${t
    .slice(t.lastIndexOf('/') + 1)
    .split(':')
    .pop()}`;

async function main(): Promise<number> {
  console.log(
    paint('1', 'bydigest demo: push → sign → SBOM → host trust → promote → verify, by digest, on a local registry\n'),
  );
  const work = mkdtempSync(join(tmpdir(), 'bydigest-demo-'));
  const runnerTemp = join(work, 'runner-temp');
  mkdirSync(runnerTemp);
  let reg: RunningRegistry | undefined;
  let stage: ActionRun | undefined;
  let failed = false;
  const table: Array<[string, string]> = [];
  try {
    reg = await hop('registry', async () => {
      const r = await startRegistry({ mode: 'basic' });
      return { value: r, line: `docker-registry (distribution 2.8) on ${r.url}, htpasswd auth` };
    });
    const ctx: Ctx = { reg, work, runnerTemp, env: { REGISTRY_AUTH_FILE: reg.authFile } };
    const image = `${reg.host}/${REPO}`;

    const key = await generateKeyPair('demo-password');
    // The key the rotation moves to; COSIGN_PASSWORD serves both.
    const next = await generateKeyPair('demo-password');
    const keyEnv = {
      COSIGN_PRIVATE_KEY: key.privateKeyPem,
      COSIGN_PRIVATE_KEY_NEXT: next.privateKeyPem,
      COSIGN_PASSWORD: 'demo-password',
    };
    const signEnv = { COSIGN_PASSWORD: keyEnv.COSIGN_PASSWORD };

    const [keyPath, nextPath] = await hop('stage keys', async () => {
      // As a workflow does: the secrets reach the step through env:, never through with:.
      stage = await action(
        ctx,
        'wipe-secrets',
        { files: 'cosign.key=COSIGN_PRIVATE_KEY\ncosign-next.key=COSIGN_PRIVATE_KEY_NEXT' },
        keyEnv,
      );
      const paths = JSON.parse(stage.main.outputs.paths ?? '{}') as Record<string, string>;
      const [current, upcoming] = [paths['cosign.key'], paths['cosign-next.key']];
      if (!current || !upcoming) throw new Error('wipe-secrets set no path for cosign.key or cosign-next.key');
      return {
        value: [current, upcoming] as const,
        line: `wipe-secrets staged the private halves of the current and the next key pair, 0600, in ${dirname(current)}`,
      };
    });

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const previous = await hop('previous release', async () => {
      const s = writeSampleImage(join(work, 'layout-0.9'), {
        tag: 'stable',
        version: '0.9',
        trust: { image, publicKeyPem: key.publicKeyPem },
      });
      const cap = await action(ctx, 'capture-digest', {
        image,
        tags: `stable stable-${yesterday}`,
        source: `oci:${s.dir}:stable`,
      });
      await action(ctx, 'sign-digest', { 'image-ref': cap.main.outputs['image-ref'] ?? '', key: keyPath }, signEnv);
      return {
        value: s,
        line: `0.9 on :stable and :stable-${yesterday}: trusts the current key only, signed with it (${short(s.digest)})`,
      };
    });

    const sample = await hop('build', async () => {
      const s = writeSampleImage(join(work, 'layout'), {
        tag: 'candidate',
        version: '1.0',
        trust: { image, publicKeyPem: [key.publicKeyPem, next.publicKeyPem] },
      });
      return {
        value: s,
        line: `1.0 + its hosts' policy.json (keyPaths: the current and the next key), registries.d and both cosign.pub → OCI layout ${s.dir} (${s.layers} layers, ${short(s.digest)})`,
      };
    });

    const captured = await hop('capture', async () => {
      const run = await action(ctx, 'capture-digest', {
        image,
        tags: 'candidate 1.0',
        source: `oci:${sample.dir}:candidate`,
      });
      const out = run.main.outputs;
      if (out.digest !== sample.digest)
        throw new Error(`registry digest ${out.digest} differs from the layout's ${sample.digest}`);
      return {
        value: out as { digest: string; 'image-ref': string; tags: string },
        line: `pushed once, tagged :candidate :1.0 → both resolve to ${short(out.digest!)}`,
      };
    });
    const imageRef = captured['image-ref'];
    const bothKeys = `${keyPath}\n${nextPath}`;

    const signed = await hop('sign', async () => {
      const run = await action(ctx, 'sign-digest', { 'image-ref': imageRef, key: bothKeys }, signEnv);
      const out = run.main.outputs;
      return {
        value: out,
        line: `legacy signature ${out['signature-ref']}: one layer per key, both read back and verified`,
      };
    });

    const sbom = await hop('sbom', async () => {
      // generate-sbom reads the image's package database from the layers it just pushed.
      const gen = await action(ctx, 'generate-sbom', {
        source: `docker://${imageRef}`,
        output: join(work, 'sbom.spdx.json'),
      });
      const file = gen.main.outputs.sbom ?? '';
      const run = await action(ctx, 'attach-sbom', { 'image-ref': imageRef, sbom: file, key: bothKeys }, signEnv);
      const out = run.main.outputs;
      return {
        value: out,
        line: `generate-sbom: ${gen.main.outputs.packages} package(s) → SPDX 2.3 referrer ${short(out['sbom-digest'] ?? '')}, signed (${out['signature-ref']})`,
      };
    });

    // Before :stable moves: would the hosts that boot this image verify the next update?
    const trust = await hop('host trust', async () => {
      const run = await action(ctx, 'check-host-trust', {
        source: `docker://${imageRef}`,
        'pull-ref': `${image}:stable`,
        'public-key': key.publicKeyPem + next.publicKeyPem,
      });
      const out = run.main.outputs;
      const warned = out.warnings === '0' ? '' : `, ${out.warnings} warning(s) (${warningsOf(run.main).join('; ')})`;
      return {
        value: out,
        line: `check-host-trust: the image's own policy.json, registries.d and key verify the next update (${out.scope})${warned}`,
      };
    });

    // Before :stable moves off 0.9: do the hosts still running it verify 1.0 with 0.9's own files?
    const rotation = await hop('rotation gate', async () => {
      const run = await action(ctx, 'check-rotation', {
        candidate: imageRef,
        channels: 'stable',
        'current-key': key.publicKeyPem,
        'next-key': next.publicKeyPem,
        phase: 'overlap',
      });
      const out = run.main.outputs;
      return {
        value: out,
        line: `check-rotation: phase ${out.phase} safe=${out.safe}: the hosts of 0.9 (${short(previous.digest)}, current key only) verify 1.0, which trusts and is signed with both keys`,
      };
    });

    const promoted = await hop('promote', async () => {
      const run = await action(ctx, 'promote-preserve-digest', {
        source: imageRef,
        tags: 'stable',
        'require-signature': key.publicKeyPem,
      });
      const out = run.main.outputs;
      if (out.digest !== captured.digest) throw new Error(`promoted digest ${out.digest} is not ${captured.digest}`);
      return { value: out, line: `signature checked first, then :stable written → ${short(out.digest)} (same bytes)` };
    });

    // The same files on this machine, keyPath under host/ (what skopeo and verify-digest open).
    const host = writeHostTrustFiles(join(work, 'host'), {
      image,
      publicKeyPem: [key.publicKeyPem, next.publicKeyPem],
    });
    const verdict = await hop('verify', async () => {
      const name = 'verify-digest';
      if (!existsSync(join(REPO_ROOT, 'dist', name, 'index.js'))) {
        throw new Error(
          'dist/verify-digest/index.js is missing: verify-digest is not built yet (it is being finished); run `pnpm bundle` once it is',
        );
      }
      let run: ActionRun;
      try {
        run = await action(ctx, name, {
          'image-ref': imageRef,
          'public-key': host.pubFile,
          policy: host.policy,
          'registries-d': host.registriesD,
          'pull-ref': `${image}:stable`,
        });
      } catch (e) {
        throw new Error(
          `verify-digest did not verify :stable. If the action itself is unfinished, this is not the image's fault:\n${(e as Error).message}`,
          { cause: e },
        );
      }
      const out = run.main.outputs;
      return {
        value: out,
        line: `policy.json + registries.d as a bootc host has them: ${image}:stable verified (${out.signatures} signature${out.signatures === '1' ? '' : 's'})`,
      };
    });

    const peers = await hop('peers', async () => independentChecks(reg!, `${image}:stable`, host));

    table.push(
      ['image', image],
      ['digest', captured.digest],
      [
        'tags',
        `${[...lines(captured.tags), ...lines(promoted.promoted)].map(asTag).join(' ')} → all ${short(captured.digest)}`,
      ],
      ['signature', `${signed['signature-ref']} (${short(signed['signature-digest'] ?? '')})`],
      ['SBOM', `${sbom['sbom-ref']} (SPDX, signed)`],
      [
        'host trust',
        `check-host-trust: trusted=${trust.trusted}, keys ${(trust['key-fingerprints'] ?? '')
          .split(',')
          .filter(Boolean)
          .map((f) => `${f.slice(0, 16)}…`)
          .join(', ')} in the image`,
      ],
      ['rotation', `check-rotation: overlap safe=${rotation.safe} (the previous release's hosts verify this one)`],
      ['verdict', `verify-digest: verified=${verdict.verified}, ${verdict.signatures} signature(s); ${peers}`],
    );
  } catch (e) {
    failed = true;
    if (!(e instanceof HopFailed)) console.log(`${bad} ${(e as Error).stack ?? e}`);
  } finally {
    // The wipe is wipe-secrets' post step: like `post-if: always()`, it runs on failure too.
    if (stage?.postLater) {
      const staged = stage;
      await hop('wipe', async () => {
        const post = await staged.postLater!({ env: {} });
        if (post.code !== 0) throw new Error(`wipe-secrets post failed:\n${explain(post)}`);
        const said =
          post.stdout.split('\n').find((l) => /wiped|removed/i.test(l) && !l.startsWith('::')) ?? 'staged files wiped';
        return { value: undefined, line: `wipe-secrets post step: ${said.trim()}` };
      }).catch(() => (failed = true));
    }
    await reg?.stop();
    rmSync(work, { recursive: true, force: true });
  }

  if (failed) {
    console.log(
      `\n${bad} ${paint('31', 'the pipeline stopped at a failed hop (above); the registry was stopped and its files removed')}`,
    );
    return 1;
  }
  console.log('');
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) console.log(`  ${paint('1', k.padEnd(width))}  ${v}`);
  console.log(
    `\n${ok} ${paint('32', ':stable is signed, carries a signed SBOM and trust files its hosts verify the next update with, and passes the host policy, by digest end to end')}`,
  );
  return 0;
}

/** The ::warning:: lines of a step, without the command prefix. */
function warningsOf(step: StepResult): string[] {
  return (
    step.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning'))
      .map((l) => l.slice(l.indexOf('::', 2) + 2).trim())
      // The finding alone: the file and field prefix and the fix are in the job summary.
      .map((w) => w.replace(/^\S+ \S+: /, '').replace(/\. Fix:.*$/, ''))
  );
}

/** skopeo with the host's policy, and cosign verify: the tools the actions must agree with. */
async function independentChecks(
  reg: RunningRegistry,
  ref: string,
  host: { policy: string; registriesD: string; pubFile: string },
): Promise<{ value: string; line: string }> {
  const have = (name: PeerName): boolean => {
    try {
      peer(name);
      return true;
    } catch {
      return false;
    }
  };
  if (!have('skopeo') || !have('cosign-3.1')) {
    const line = `${note} skipped: skopeo/cosign not installed (bash scripts/install-test-peers.sh)`;
    return { value: 'peers not installed', line };
  }
  const out = join(host.registriesD, '..', '..', '..', 'pulled');
  const pull = await runPeer(
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
    { env: reg.clientEnv },
  );
  if (pull.code !== 0)
    throw new Error(`skopeo (containers/image, what bootc uses) refused ${ref}:\n${pull.stderr.trim()}`);
  const cosign = await runPeer(
    'cosign-3.1',
    ['verify', '--key', host.pubFile, '--insecure-ignore-tlog=true', '--allow-http-registry', ref],
    { env: reg.clientEnv },
  );
  if (cosign.code !== 0) throw new Error(`cosign 3.1 verify refused ${ref}:\n${cosign.stderr.trim()}`);
  return {
    value: 'skopeo 1.18 pull accepted, cosign 3.1 verify OK',
    line: `independent check: skopeo copy with the same policy.json pulled ${ref}; cosign 3.1 verify --key agrees`,
  };
}

process.exitCode = await main();
