// The repository's workflows executed as workflows (test/harness/workflow-run/): jobs, needs,
// outputs, expressions and artifacts between them, against the real registry and real peers.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness/paths.js';
import { runPeer } from './harness/peers.js';
import { makeKey } from './harness/signing.js';
import { startRegistry } from './harness/registry.js';
import { makeTempDir, removeDir } from './harness/tmp.js';
import { checkWorkflowExpressions } from './harness/workflow-run/check.js';
import { runWorkflow, type WorkflowRun } from './harness/workflow-run/run.js';

const WORKFLOWS = join(repoRoot, '.github', 'workflows');
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'workflow-run');
const FORK = join(repoRoot, 'test', 'fixtures', 'fork');
const workflowFiles = [WORKFLOWS, FIXTURES, FORK]
  .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
  .filter((f) => /\.ya?ml$/.test(f));

const runs: WorkflowRun[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const r of runs) r.cleanup();
  for (const d of dirs) await removeDir(d);
});

const results = (r: WorkflowRun): Record<string, string> =>
  Object.fromEntries(Object.entries(r.jobs).map(([k, v]) => [k, v.result]));

describe('every expression of every workflow names what exists', () => {
  it.each(workflowFiles.map((f) => [f.slice(repoRoot.length + 1), f]))('%s', (name, file) => {
    expect(checkWorkflowExpressions(name, readFileSync(file, 'utf8'), repoRoot)).toEqual([]);
  });

  // Mutations land in the jobs, not in the header comment that quotes the same expressions.
  const broken = (file: string, from: string, to: string): string => {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    const jobsAt = text.indexOf('\njobs:');
    const at = text.indexOf(from, file.endsWith('publish.yml') ? 0 : jobsAt);
    if (at < 0) throw new Error(`${file} no longer has ${from}`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };
  const dogfood = (from: string, to: string): string => broken('.github/workflows/dogfood.yml', from, to);
  it.each([
    [
      'a wrong output name',
      'needs.build_push.outputs.image-ref',
      'needs.build_push.outputs.image-reff',
      "job 'build_push' has no output 'image-reff'",
    ],
    [
      'an output of the wrong job',
      'needs.build_push.outputs.digest',
      'needs.sign.outputs.digest',
      "job 'sign' has no output 'digest'",
    ],
    [
      'a job not in needs',
      'needs.build_push.outputs.public-key',
      'needs.build_pus.outputs.public-key',
      "does not need 'build_pus'",
    ],
    ['a step id typo', 'steps.capture.outputs.image-ref', 'steps.captur.outputs.image-ref', "no step with id 'captur'"],
    ['an action output typo', 'steps.stage.outputs.paths', 'steps.stage.outputs.path', "has no output 'path'"],
    ['a function name typo', 'fromJSON(steps.stage', 'fromJSN(steps.stage', "Unrecognized function: 'fromJSN'"],
    ['a context name typo', 'toJSON(needs)', 'toJSON(need)', "Unrecognized named-value: 'need'"],
    [
      'a github property typo',
      'github.workflow_ref',
      'github.workflow_reff',
      'github.workflow_reff: not a github context property',
    ],
    ['an unclosed expression', '${{ runner.temp }}/sbom', '${{ runner.temp }/sbom', 'without its'],
    ['an undeclared action input', 'require-signature:', 'require-signatures:', "has no input 'require-signatures'"],
  ])('a copy of dogfood.yml with %s fails', (_what, from, to, message) => {
    const findings = checkWorkflowExpressions('dogfood.yml', dogfood(from, to), repoRoot);
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });

  it.each([
    [
      '.github/workflows/publish.yml',
      'a workflow_call output from a job output that does not exist',
      'jobs.capture.outputs.digest',
      'jobs.capture.outputs.digests',
      "job 'capture' has no output 'digests'",
    ],
    [
      '.github/workflows/publish.yml',
      'an undeclared secret',
      'secrets.cosign-private-key',
      'secrets.cosign-private-keys',
      'secrets.cosign-private-keys: not a declared on.workflow_call secret',
    ],
    [
      '.github/workflows/publish.yml',
      'an undeclared input',
      'inputs.channel',
      'inputs.chanel',
      'inputs.chanel: not a declared input',
    ],
    [
      'test/fixtures/fork/build.yml',
      'an input publish.yml does not declare',
      'source-artifact:',
      'source-artefact:',
      "has no input 'source-artefact'",
    ],
  ])('a copy of %s with %s fails', (file, _what, from, to, message) => {
    const findings = checkWorkflowExpressions(file, broken(file, from, to), repoRoot);
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });
});

describe('a workflow run', () => {
  it('dogfood.yml runs end to end: :stable moves to the built digest, skopeo 1.18 with the trust files the image carries pulls it, cosign 3.1 verifies', async () => {
    const run = await runWorkflow({ workflow: '.github/workflows/dogfood.yml', keepServiceStorage: true });
    runs.push(run);
    expect({ jobs: results(run), log: run.conclusion === 'success' ? '' : run.log }).toEqual({
      jobs: { build_push: 'success', sign: 'success', promote: 'success', audit: 'success', notify: 'success' },
      log: '',
    });
    expect(run.jobs.promote!.steps.map((s) => s.outcome)).not.toContain('skipped');
    const digest = run.jobs.build_push!.outputs.digest!;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.jobs.build_push!.outputs['image-ref']).toBe(`localhost:5000/bydigest/dogfood@${digest}`);
    // The notify job set the commit status through the API stand-in.
    expect(run.log).toMatch(/status: bydigest\/localhost:5000\/bydigest\/dogfood set to success/);

    const tags = (job: string): string[] =>
      readdirSync(
        join(run.storageDir, `${job}-registry`, 'docker/registry/v2/repositories/bydigest/dogfood/_manifests/tags'),
      ).sort();
    expect(tags('sign')).not.toContain('stable');
    expect(tags('promote')).toContain('stable');

    // An overlap release of a key rotation: the image trusts two keys (keyPaths), and each verifies its own layer of
    // the .sig.
    await judgeRegistry(join(run.storageDir, 'promote-registry'), [{ repo: 'bydigest/dogfood', digest, keys: 2 }]);
  }, 240_000);

  it('the sample fork workflow runs end to end through publish.yml, per variant: :stable moves, skopeo 1.18 with the trust files the image carries pulls it, cosign 3.1 verifies', async () => {
    const key = await makeKey('fork-password');
    // The fork's ghcr.io: one registry for the whole run (publish.yml has no services).
    const run = await runWorkflow({
      workflow: 'test/fixtures/fork/build.yml',
      registryPort: 5000,
      extraFiles: { 'cosign.pub': key.publicKeyPem },
      secrets: { COSIGN_PRIVATE_KEY: key.privateKeyPem, COSIGN_PASSWORD: key.password },
    });
    runs.push(run);
    expect({ jobs: results(run), log: run.conclusion === 'success' ? '' : run.log }).toEqual({
      jobs: {
        'build (base)': 'success',
        'build (dx)': 'success',
        build: 'success',
        'publish (base)': 'success',
        'publish (dx)': 'success',
        publish: 'success',
      },
      log: '',
    });
    const variants = ['base', 'dx'].map((v) => ({ v, leg: run.jobs[`publish (${v})`]! }));
    for (const { leg } of variants) {
      expect(Object.values(leg.called ?? {}).map((j) => `${j.label}:${j.result}`)).toEqual(
        ['locate', 'preflight', 'capture', 'sign', 'sbom', 'trust', 'promote', 'verify', 'notify'].map(
          (j) => `${j}:success`,
        ),
      );
      expect(leg.outputs.signing).toBe('on');
    }
    await judgeRegistry(
      join(run.storageDir, 'run-registry'),
      variants.map(({ v, leg }) => ({ repo: `fork/os-${v}`, digest: leg.outputs.digest! })),
    );
  }, 360_000);

  it('a failing step fails its job, skips the rest of its steps but failure() ones and post steps, and skips the jobs that need it', async () => {
    const run = await runWorkflow({ workflow: 'test/fixtures/workflow-run/failing.yml' });
    runs.push(run);
    expect(results(run)).toEqual({
      first: 'success',
      breaks: 'failure',
      dependent: 'skipped',
      transitive: 'skipped',
      report: 'success',
      sibling: 'success',
    });
    expect(run.conclusion).toBe('failure');
    expect(run.jobs.breaks!.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual([
      '__step1:success',
      '__step2:success',
      '__step3:success',
      'fails:failure',
      'after:skipped',
      'cleanup:success',
    ]);
    expect(run.jobs.report!.outputs.line).toBe('first=success breaks=failure seen=failure/skipped');
    // wipe-secrets' post step ran after the failure and wiped the file.
    expect(run.log).toMatch(/post: Run \.\/actions\/wipe-secrets[\s\S]*wipe-paths: 1 file\(s\)/);
  }, 60_000);

  it('env at workflow, job and step level, GITHUB_ENV and GITHUB_PATH, a matrix with include, a reusable workflow with inputs, secrets and outputs', async () => {
    const run = await runWorkflow({
      workflow: 'test/fixtures/workflow-run/features.yml',
      secrets: { FEATURE_TOKEN: 'twelve-chars' },
    });
    runs.push(run);
    expect({ conclusion: run.conclusion, log: run.conclusion === 'success' ? '' : run.log }).toEqual({
      conclusion: 'success',
      log: '',
    });
    expect(run.jobs.envs!.outputs).toEqual({ levels: 'w j step step exported', tool: 'from-path' });
    expect(run.jobs.envs!.steps.at(-1)!.outcome).toBe('skipped');
    const legs = Object.entries(run.jobs)
      .filter(([k]) => k.startsWith('legs ('))
      .map(([, v]) => v.steps[0]!.outputs.leg)
      .sort();
    expect(legs).toEqual(['amd64::3', 'arm64:slim:3', 'riscv64::3']);
    expect(run.jobs['after-call']!.outputs.got).toBe('from-path:true token-length=12');
    expect(run.log).not.toContain('twelve-chars');
  }, 60_000);
});

/**
 * Serves `storage` (a registry's kept data) on localhost:5000, the name the images have, and
 * judges each image as a host would: `:stable` is the digest the workflow built, skopeo 1.18
 * pulls it with the policy.json, registries.d and key(s) the image carries (and refuses with
 * another key), cosign 3.1 verifies it with that key.
 */
/**
 * Each image's `:stable` as a host judges it; `keys`: how many keys the image trusts (each must verify its own `.sig`
 * layer).
 */
async function judgeRegistry(
  storage: string,
  images: Array<{ repo: string; digest: string; keys?: number }>,
): Promise<void> {
  const reg = await startRegistry({ port: 5000 });
  const work = await makeTempDir('wfrun-judge-');
  dirs.push(work);
  try {
    cpSync(storage, reg.dataDir, { recursive: true });
    for (const { repo, digest, keys = 1 } of images) {
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const ref = `localhost:5000/${repo}`;
      const stable = await fetch(`${reg.url}/v2/${repo}/manifests/stable`, {
        method: 'HEAD',
        headers: {
          accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
        },
      });
      expect(`${repo}:stable ${stable.headers.get('docker-content-digest')}`).toBe(`${repo}:stable ${digest}`);
      const dir = join(work, repo.replace('/', '-'));
      mkdirSync(dir);
      const root = await trustFilesOf(dir, `${ref}@${digest}`);
      const host = hostPolicy(root);
      const pull = (policyFile: string): ReturnType<typeof runPeer> =>
        runPeer('skopeo', [
          'copy',
          '--policy',
          policyFile,
          '--registries.d',
          join(root, 'etc/containers/registries.d'),
          '--src-tls-verify=false',
          `docker://${ref}:stable`,
          `dir:${join(dir, `pulled-${Date.now()}`)}`,
        ]);
      const pulled = await pull(host.policy);
      expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
      // The same policy with another key refuses: the pull above is the signature's doing.
      const stranger = join(dir, 'stranger.pub');
      writeFileSync(
        stranger,
        generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }),
      );
      const refused = await pull(hostPolicy(root, stranger).policy);
      expect(refused.code).not.toBe(0);
      expect(host.keys).toHaveLength(keys);
      for (const key of host.keys) {
        const verified = await runPeer('cosign-3.1', [
          'verify',
          '--key',
          key,
          '--insecure-ignore-tlog=true',
          '--new-bundle-format=false',
          '--allow-http-registry',
          `${ref}:stable`,
        ]);
        expect(verified.code === 0 ? '' : verified.stderr).toBe('');
      }
    }
  } finally {
    await reg.stop();
  }
}

/** The image's /etc/containers and /etc/pki/containers, from its layers (skopeo, no policy: we only read). */
async function trustFilesOf(work: string, ref: string): Promise<string> {
  const dir = join(work, 'image');
  const copied = await runPeer('skopeo', [
    'copy',
    '--insecure-policy',
    '--src-tls-verify=false',
    `docker://${ref}`,
    `dir:${dir}`,
  ]);
  if (copied.code !== 0) throw new Error(copied.stderr);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    layers: Array<{ digest: string }>;
  };
  const root = join(work, 'root');
  mkdirSync(root);
  for (const layer of manifest.layers)
    execFileSync('tar', ['-xf', join(dir, layer.digest.replace('sha256:', '')), '-C', root]);
  if (!existsSync(join(root, 'etc/containers/policy.json')))
    throw new Error('the image carries no /etc/containers/policy.json');
  return root;
}

/**
 * The image's policy.json with its keyPath(s) re-rooted under `root` (containers/image opens
 * keyPath as written), or all pointing at `key`.
 */
function hostPolicy(root: string, key?: string): { policy: string; keys: string[] } {
  const keys: string[] = [];
  const text = readFileSync(join(root, 'etc/containers/policy.json'), 'utf8');
  const policy = JSON.parse(text, (k, v: unknown) => {
    const moved = (p: string): string => {
      const to = key ?? join(root, p);
      keys.push(to);
      return to;
    };
    if (k === 'keyPath' && typeof v === 'string') return moved(v);
    if (k === 'keyPaths' && Array.isArray(v)) return v.map((p) => moved(String(p)));
    return v;
  }) as unknown;
  if (keys.length === 0) throw new Error(`policy.json names no keyPath:\n${text}`);
  for (const k of keys) if (!existsSync(k)) throw new Error(`the image carries no ${k.slice(root.length)}`);
  const file = join(root, `policy-${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(policy));
  return { policy: file, keys };
}
