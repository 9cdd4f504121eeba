import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlint } from './harness/actionlint.js';
import { repoRoot } from './harness/paths.js';
import { parse as parseYaml } from 'yaml';
import { checkPins, checkSources, installerTable, type Finding as PinFinding } from '@bydigest/core/pins';
import { checkWorkflow, type Finding } from './harness/workflow-rules.js';

interface DogfoodStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}

interface DogfoodJob {
  if?: string;
  needs?: string[];
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: DogfoodStep[];
}

const dogfoodJobs = (): Record<string, DogfoodJob> =>
  (parseYaml(readFileSync(join(dir, 'dogfood.yml'), 'utf8')) as { jobs: Record<string, DogfoodJob> }).jobs;

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

const rules = (findings: Array<Finding | PinFinding>): string[] => findings.map((f) => f.rule);

/** check-pins' rules (the product) over one workflow, without the network. */
const pins = (file: string, content: string): PinFinding[] =>
  checkSources([{ file, kind: 'workflow', text: content }], {
    installers: installerTable([]),
    allowFloating: [],
    ignore: [],
  }).findings;

/** A valid workflow with one job; `job` replaces the job body's step list and extras. */
function workflow(jobBody: string): string {
  return `name: t
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
${jobBody}`;
}

const PINNED = 'actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3';
const DIGEST = `sha256:${'c'.repeat(64)}`;

describe('.github/workflows', () => {
  it('has the ci, dogfood and lint workflows', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'dogfood.yml', 'lint.yml']));
  });

  it.each(files)('%s parses and keeps no secrets in run:', async (file) => {
    const findings = await checkWorkflow(file, readFileSync(join(dir, file), 'utf8'));
    expect(findings).toEqual([]);
  });

  it('keep the pinning policy: check-pins over .github/workflows finds nothing (SHA pins with version comments, tool versions, images by digest, permissions)', async () => {
    const outcome = await checkPins({
      root: repoRoot,
      paths: ['.github/workflows'],
      options: { installers: installerTable([]), allowFloating: [], ignore: [] },
      mode: 'check',
    });
    expect(outcome.filesChecked).toBe(files.length);
    expect(outcome.problems).toEqual([]);
    expect(outcome.findings).toEqual([]);
  });

  it('lint runs check-pins (the action of the same commit) on this repository', () => {
    const lint = parseYaml(readFileSync(join(dir, 'lint.yml'), 'utf8')) as {
      jobs: Record<string, { steps: DogfoodStep[] }>;
    };
    const steps = Object.values(lint.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => s.uses === './actions/check-pins')).toBe(true);
  });

  it.each(files)('%s has no actionlint findings', async (file) => {
    expect(await actionlint(file, readFileSync(join(dir, file), 'utf8'))).toEqual([]);
  });

  it('dogfood runs the whole pipeline with the actions of the same commit', () => {
    const text = readFileSync(join(dir, 'dogfood.yml'), 'utf8');
    for (const name of [
      'wipe-secrets',
      'capture-digest',
      'sign-digest',
      'attach-sbom',
      'check-host-trust',
      'promote-preserve-digest',
      'verify-digest',
      'notify-digest',
    ]) {
      expect(text).toContain(`uses: ./actions/${name}\n`);
    }
    expect(text).toMatch(/require-signature: \$\{\{ needs\.build_push\.outputs\.public-key \}\}/);
  });

  it("dogfood builds the image with its hosts' trust files: the public key baked in, and a job output", () => {
    const build = dogfoodJobs().build_push!;
    expect(build.outputs?.['public-key']).toBe('${{ steps.testkey.outputs.public-key }}');
    const keyAt = build.steps.findIndex((s) => s.id === 'testkey');
    const imageAt = build.steps.findIndex((s) => s.run?.includes('sample-artifacts.ts image'));
    expect(keyAt).toBeGreaterThanOrEqual(0);
    expect(imageAt).toBeGreaterThan(keyAt);
    expect(build.steps[imageAt]!.run).toMatch(
      /--trust-image "\$IMAGE" --public-key "\$RUNNER_TEMP\/signing-key\/cosign\.pub"/,
    );
    // The private half leaves only as a one-day artifact, and is wiped by a post step registered before it exists.
    const wipeAt = build.steps.findIndex((s) => s.uses === './actions/wipe-secrets');
    expect(wipeAt).toBeGreaterThanOrEqual(0);
    expect(wipeAt).toBeLessThan(keyAt);
    expect(build.steps[wipeAt]!.with?.['wipe-paths']).toBe('${{ runner.temp }}/signing-key');
    const handOver = build.steps.find((s) => s.with?.name === 'signing-key');
    expect(handOver?.with?.['retention-days']).toBe(1);
    const sign = dogfoodJobs().sign!;
    expect(sign.steps.find((s) => s.uses === './actions/wipe-secrets')?.with?.['wipe-paths']).toBe(
      '${{ runner.temp }}/signing-key',
    );
  });

  it('dogfood runs check-host-trust on the image before :stable moves', () => {
    const steps = dogfoodJobs().promote!.steps;
    const checkAt = steps.findIndex((s) => s.uses === './actions/check-host-trust');
    const promoteAt = steps.findIndex((s) => s.uses === './actions/promote-preserve-digest');
    expect(checkAt).toBeGreaterThanOrEqual(0);
    expect(promoteAt).toBeGreaterThan(checkAt);
    expect(steps[checkAt]!.with).toEqual({
      source: 'docker://${{ needs.build_push.outputs.image-ref }}',
      'pull-ref': '${{ env.IMAGE }}:stable',
      'public-key': '${{ needs.build_push.outputs.public-key }}',
    });
  });

  it('dogfood ends with the notify job: always, after every other job, statuses: write, the ntfy URL through env only', () => {
    const jobs = dogfoodJobs();
    const notify = jobs.notify!;
    expect(notify.if).toBe('always()');
    expect(notify.needs).toEqual(Object.keys(jobs).filter((j) => j !== 'notify'));
    expect(notify.permissions).toEqual({ contents: 'read', statuses: 'write' });
    const step = notify.steps.find((s) => s.uses === './actions/notify-digest')!;
    expect(step.with).toEqual({ needs: '${{ toJSON(needs) }}', publish: 'summary status' });
    expect(step.env).toEqual({ NTFY_URL: '${{ secrets.NTFY_URL }}' });
  });
});

describe('renovate.json5', () => {
  // JSON5 is a subset of JavaScript's object literals; evaluating it is parsing it.
  const config = new Function(`return (${readFileSync(join(repoRoot, 'renovate.json5'), 'utf8')});`)() as {
    extends: string[];
    packageRules: Array<{ matchManagers?: string[]; groupName?: string }>;
  };

  it('bumps the action SHA pins with their version comments, and groups npm updates', () => {
    expect(config.extends).toContain('helpers:pinGitHubActionDigests');
    const groups = config.packageRules
      .filter((r) => r.matchManagers?.includes('npm') && r.groupName)
      .map((r) => r.groupName);
    expect(groups.length).toBeGreaterThan(0);
  });
});

describe('the workflow rules (check-pins and the secrets rule) fail on what they forbid', () => {
  it('accept a well-formed workflow', async () => {
    const ok = workflow(`    permissions:
      contents: read
    steps:
      - uses: ${PINNED}
      - uses: ./actions/sign-digest
        env:
          COSIGN_PRIVATE_KEY: \${{ secrets.COSIGN_PRIVATE_KEY }}
        with:
          image-ref: r@sha256:${'a'.repeat(64)}
      - uses: docker://alpine@sha256:${'b'.repeat(64)}
      - run: echo "$COSIGN_PRIVATE_KEY" | wc -c
        env:
          COSIGN_PRIVATE_KEY: \${{ secrets.COSIGN_PRIVATE_KEY }}
`);
    expect(await checkWorkflow('ok.yml', ok)).toEqual([]);
    expect(pins('ok.yml', ok)).toEqual([]);
  });

  it.each([
    ['a tag', 'actions/checkout@v4 # v4'],
    ['a branch', 'actions/checkout@main'],
    ['a short SHA', 'actions/checkout@df4cb1c # v6.0.3'],
    ['no ref at all', 'actions/checkout'],
    [
      'an uppercase 40-hex (GitHub SHAs are lowercase)',
      `actions/checkout@${'DF4CB1C069E1874EDD31B4311F1884172CEC0E10'} # v6.0.3`,
    ],
    ['a docker image by tag', 'docker://alpine:3.20'],
  ])('floating ref: %s', async (_what, ref) => {
    const bad = workflow(`    permissions: {}
    steps:
      - uses: ${ref}
`);
    const findings = pins('bad.yml', bad);
    expect(rules(findings)).toEqual(['unpinned-uses']);
    expect([findings[0]?.file, findings[0]?.line, findings[0]?.column]).toEqual(['bad.yml', 9, 15]);
  });

  it('a SHA pin without its version comment (Renovate could not bump it)', async () => {
    const bad = workflow(`    permissions: {}
    steps:
      - uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10
`);
    expect(rules(pins('bad.yml', bad))).toEqual(['missing-version-comment']);
  });

  it('a reusable-workflow job by tag', async () => {
    const bad = `on: push
permissions: {}
jobs:
  call:
    permissions: {}
    uses: someone/workflows/.github/workflows/build.yml@v1
`;
    expect(rules(pins('bad.yml', bad))).toEqual(['unpinned-uses']);
  });

  it('a job without permissions:', async () => {
    const bad = `on: push
jobs:
  first:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - run: true
  second:
    runs-on: ubuntu-24.04
    steps:
      - run: true
`;
    const findings = pins('bad.yml', bad);
    expect(rules(findings)).toEqual(['missing-permissions']);
    expect(findings[0]?.message).toMatch(/job 'second'/);
    expect(findings[0]?.line).toBe(9);
  });

  it.each([
    ['inline', `echo "\${{ secrets.COSIGN_PRIVATE_KEY }}" > cosign.key`],
    ['index syntax', `echo \${{ secrets['TOKEN'] }}`],
    ['inside a longer expression', `echo \${{ format('{0}', secrets.TOKEN) }}`],
  ])('${{ secrets.* }} inside run: (%s)', async (_what, line) => {
    const bad = workflow(`    permissions: {}
    steps:
      - name: leak
        run: |
          set -e
          ${line}
`);
    const findings = await checkWorkflow('bad.yml', bad);
    expect(rules(findings)).toEqual(['secret-in-run']);
    expect(findings[0]?.message).toMatch(/step 'leak'.*env:/);
  });

  it('what GitHub itself rejects (the parser, not just YAML)', async () => {
    const unknownKey = workflow(`    permissions: {}
    stepz:
      - run: true
`);
    expect(rules(await checkWorkflow('bad.yml', unknownKey))).toContain('schema');
    const badPermission = workflow(`    permissions:
      contents: maybe
    steps:
      - run: true
`);
    expect(rules(await checkWorkflow('bad.yml', badPermission))).toContain('schema');
    expect(rules(await checkWorkflow('bad.yml', 'on: push\njobs: [\n'))).toEqual(['yaml']);
  });

  it('accept images pinned by digest, with the tag beside it or in a comment', async () => {
    const ok = workflow(`    permissions: {}
    container: debian:bookworm-20260918@${DIGEST}
    services:
      registry:
        image: registry:2.8.3@${DIGEST}
      cache:
        image: localhost:5000/cache@${DIGEST} # 7.4.1
    steps:
      - run: true
`);
    expect(pins('ok.yml', ok)).toEqual([]);
    const mapping = workflow(`    permissions: {}
    container:
      image: ghcr.io/o/builder:1.2@${DIGEST}
      options: --user 0
    steps:
      - run: true
`);
    expect(pins('ok.yml', mapping)).toEqual([]);
  });

  it.each([
    ['container by tag', `    container: debian:bookworm\n`],
    ['container mapping by tag', `    container:\n      image: debian:bookworm\n`],
    ['service by tag', `    services:\n      registry:\n        image: registry:2\n`],
    [
      'service with a registry port and no tag',
      `    services:\n      registry:\n        image: localhost:5000/registry\n`,
    ],
    ['a short digest', `    container: debian:bookworm@sha256:f37a335e\n`],
    ['an expression (cannot be checked, so not allowed)', `    container: \${{ vars.IMAGE }}\n`],
  ])('unpinned image: %s', async (_what, images) => {
    const bad = workflow(`    permissions: {}
${images}    steps:
      - run: true
`);
    const findings = pins('bad.yml', bad);
    expect(rules(findings)).toEqual(['floating-from']);
    expect(findings[0]?.message).toMatch(/not pinned by digest|decided at run time/);
  });

  it('an image digest with no version beside it or in a comment', async () => {
    const bad = workflow(`    permissions: {}
    services:
      registry:
        image: localhost:5000/registry@${DIGEST}
    steps:
      - run: true
`);
    const findings = pins('bad.yml', bad);
    expect(rules(findings)).toEqual(['missing-version-comment']);
    expect(findings[0]?.message).toMatch(/localhost:5000\/registry@/);
  });
});

describe('actionlint', () => {
  it('fails on what it should (an undefined context property, a needs: on no job)', async () => {
    const bad = workflow(`    permissions: {}
    needs: [no-such-job]
    steps:
      - uses: ${PINNED}
      - run: echo "\${{ github.no_such_property }}"
`);
    const findings = await actionlint('bad.yml', bad);
    expect(findings.map((f) => f.kind).sort()).toEqual(['expression', 'job-needs']);
    expect(findings.find((f) => f.kind === 'expression')?.where).toBe('bad.yml:11:24');
  });
});

describe('publish.yml, the reusable workflow forks call', () => {
  interface Job {
    needs?: string[] | string;
    if?: string;
    permissions?: Record<string, string>;
    steps?: DogfoodStep[];
  }
  const text = readFileSync(join(dir, 'publish.yml'), 'utf8');
  const publish = parseYaml(text) as {
    on: {
      workflow_call: {
        inputs: Record<string, unknown>;
        secrets: Record<string, unknown>;
        outputs: Record<string, unknown>;
      };
    };
    permissions: unknown;
    jobs: Record<string, Job>;
  };
  const fixture = join(repoRoot, 'test', 'fixtures', 'fork', 'build.yml');

  it('is called with the inputs, secrets and outputs the fork quickstart documents', () => {
    const call = publish.on.workflow_call;
    expect(Object.keys(call.inputs)).toEqual(
      expect.arrayContaining(['image', 'tags', 'channel', 'signer', 'sbom', 'sbom-format', 'notify']),
    );
    expect(Object.keys(call.secrets)).toEqual(expect.arrayContaining(['cosign-private-key', 'cosign-password']));
    expect(Object.keys(call.outputs)).toEqual(
      expect.arrayContaining(['digest', 'image-ref', 'signature-ref', 'sbom-ref', 'keyless-identity']),
    );
  });

  it('runs the jobs in order, each with its own least-privilege permissions and none at the top', () => {
    expect(publish.permissions).toEqual({});
    expect(Object.keys(publish.jobs)).toEqual([
      'locate',
      'preflight',
      'capture',
      'sign',
      'sbom',
      'trust',
      'promote',
      'verify',
      'notify',
    ]);
    const perms = Object.fromEntries(Object.entries(publish.jobs).map(([id, j]) => [id, j.permissions]));
    expect(perms).toEqual({
      locate: { 'id-token': 'write' },
      preflight: { contents: 'read', packages: 'write' },
      capture: { contents: 'read', packages: 'write' },
      sign: { contents: 'read', packages: 'write', 'id-token': 'write' },
      sbom: { contents: 'read', packages: 'write' },
      trust: { contents: 'read', packages: 'read' },
      promote: { contents: 'read', packages: 'write' },
      verify: { contents: 'read', packages: 'read' },
      notify: { contents: 'read', statuses: 'write' },
    });
    expect(publish.jobs.notify!.if).toBe('always()');
  });

  it("reaches bydigest's actions at its own commit: a checkout at locate's sha into .bydigest, never the caller's ./actions", () => {
    expect(text).not.toMatch(/uses: \.\/actions\//);
    // The job holding the OIDC token runs no action at all.
    expect(publish.jobs.locate!.steps!.every((s) => s.uses === undefined)).toBe(true);
    for (const [id, job] of Object.entries(publish.jobs).filter(([id]) => id !== 'locate')) {
      const local = job.steps!.filter((s) => s.uses?.startsWith('./'));
      expect([id, local.every((s) => s.uses!.startsWith('./.bydigest/actions/'))]).toEqual([id, true]);
      const checkout = job.steps!.find((s) => s.with?.path === '.bydigest');
      expect([id, checkout?.with]).toEqual([
        id,
        {
          repository: '${{ needs.locate.outputs.repository }}',
          ref: '${{ needs.locate.outputs.sha }}',
          path: '.bydigest',
          'persist-credentials': false,
        },
      ]);
      expect(job.steps!.indexOf(checkout!)).toBeLessThan(job.steps!.indexOf(local[0]!));
    }
  });

  it('moves the channel only after check-host-trust, and only to a digest signed with the committed key', () => {
    expect(publish.jobs.promote!.needs).toContain('trust');
    expect(publish.jobs.trust!.if).toBe("needs.preflight.outputs.key-signing == 'true'");
    const promote = publish.jobs.promote!.steps!.find((s) => s.uses === './.bydigest/actions/promote-preserve-digest')!;
    expect(promote.with?.['require-signature']).toBe('${{ needs.preflight.outputs.public-key }}');
  });

  it('the sample fork workflow: at most 40 lines, a matrix over variants calling publish.yml by path; actionlint and check-pins find nothing', async () => {
    const fork = readFileSync(fixture, 'utf8');
    expect(fork.trimEnd().split('\n').length).toBeLessThanOrEqual(40);
    const jobs = (
      parseYaml(fork) as { jobs: Record<string, { uses?: string; strategy?: { matrix?: { variant?: string[] } } }> }
    ).jobs;
    expect(jobs.publish!.uses).toBe('./.github/workflows/publish.yml');
    expect(jobs.publish!.strategy?.matrix?.variant?.length).toBeGreaterThan(1);
    expect(await actionlint('build.yml', fork)).toEqual([]);
    expect(await checkWorkflow('build.yml', fork)).toEqual([]);
    expect(pins('build.yml', fork)).toEqual([]);
  });
});
