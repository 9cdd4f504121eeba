// notify-digest as the runner runs it (dist bundle, INPUT_*), against Debian's real ntfy server
// and a loopback GitHub API that holds every request to GitHub's OpenAPI description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApi, type RecordedRequest } from './harness/github-api.js';
import { freePort } from './harness/net.js';
import { startNtfy, type RunningNtfy } from './harness/ntfy.js';
import { errorLines, runAction, type StepResult } from './harness/runner.js';
import { makeTempDir, removeDir } from './harness/tmp.js';

const TOKEN = 'ghs_notifyDigestTestToken0123456789';
const HEX = 'ab'.repeat(32);
const DIGEST = `sha256:${HEX}`;
const IMAGE = `ghcr.io/owner/myos@${DIGEST}`;
const SIGNATURE = `ghcr.io/owner/myos:sha256-${HEX}.sig`;
const SBOM = `ghcr.io/owner/myos@sha256:${'cd'.repeat(32)}`;
const SHA = 'f'.repeat(40);
const RUN_URL = 'https://github.com/owner/myos/actions/runs/4242';

type Result = 'success' | 'failure' | 'cancelled' | 'skipped';

/** `toJSON(needs)` of the chapter's build_push → sign → notify pipeline. */
function needs(results: { build_push?: Result; sign?: Result } = {}, outputs = true): string {
  const build = results.build_push ?? 'success';
  const sign = results.sign ?? 'success';
  return JSON.stringify({
    build_push: {
      result: build,
      outputs: outputs && build === 'success' ? { digest: DIGEST, 'image-ref': IMAGE, tags: 'latest 42.20261201' } : {},
    },
    sign: {
      result: sign,
      outputs: outputs && sign === 'success' ? { 'signature-ref': SIGNATURE, 'sbom-ref': SBOM } : {},
    },
  });
}

let api: GitHubApi;
let ntfy: RunningNtfy;
let dir: string;
let topicN = 0;

beforeAll(async () => {
  // One at a time, so afterAll stops whatever started even when a later start fails.
  dir = await makeTempDir('bydigest-notify-');
  api = await startGitHubApi({ token: TOKEN });
  ntfy = await startNtfy();
});

afterAll(async () => {
  await Promise.all([api?.stop(), ntfy?.stop(), dir ? removeDir(dir) : undefined]);
});

afterEach(() => {
  // A request GitHub's description does not allow fails whichever test sent it.
  expect(api.rejections).toEqual([]);
});

interface NotifyOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  event?: object;
}

async function notify(o: NotifyOptions = {}): Promise<StepResult> {
  const eventPath = join(dir, `event-${++topicN}.json`);
  writeFileSync(eventPath, JSON.stringify(o.event ?? {}));
  const run = await runAction('notify-digest', {
    inputs: { needs: needs(), ...o.inputs },
    env: {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'owner/myos',
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'build',
      GITHUB_EVENT_NAME: o.event && 'pull_request' in o.event ? 'pull_request' : 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: 'refs/heads/main',
      ...o.env,
    },
    timeoutMs: 60_000,
  });
  return run.main;
}

const since = (n: number): RecordedRequest[] => api.requests.slice(n);
const newTopic = () => `bydigest-test-${process.pid}-${++topicN}`;

describe('notify-digest: job results → status, summary, ntfy', () => {
  it('success: one status per image with the short digest, the summary with the verify commands, one ntfy message', async () => {
    const topic = newTopic();
    const n = api.requests.length;
    const step = await notify({ env: { NTFY_URL: ntfy.publishUrl(topic) } });
    expect(step.code).toBe(0);
    expect(step.outputs).toEqual({ outcome: 'success', published: 'summary ntfy status' });

    const reqs = since(n);
    expect(reqs.map((r) => r.operationId)).toEqual(['repos/create-commit-status']);
    expect(reqs[0]!.params).toEqual({ owner: 'owner', repo: 'myos', sha: SHA });
    expect(reqs[0]!.body).toEqual({
      state: 'success',
      context: 'bydigest/ghcr.io/owner/myos',
      description: `sha256:${HEX.slice(0, 12)}: all jobs succeeded`,
      target_url: RUN_URL,
    });
    expect(reqs[0]!.authorization).toBe(`token ${TOKEN}`);

    expect(step.summary).toContain(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${IMAGE}`);
    expect(step.summary).toContain('bootc switch --enforce-container-sigpolicy ghcr.io/owner/myos:latest');
    expect(step.summary).toContain(`oras discover --artifact-type application/vnd.spdx+json ${IMAGE}`);
    expect(step.summary).toContain(`\`${SIGNATURE}\``);
    expect(step.summary).toContain(`\`${SBOM}\``);

    const msgs = await ntfy.messages(topic);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      title: 'owner/myos published',
      priority: 3,
      tags: ['white_check_mark', 'bydigest', 'success'],
      click: RUN_URL,
    });
    expect(msgs[0]!.message).toContain(IMAGE);
    expect(msgs[0]!.message).toContain('latest, 42.20261201');

    // Both secrets are masked, and neither is printed anywhere.
    expect(step.masks).toEqual(expect.arrayContaining([TOKEN, ntfy.publishUrl(topic)]));
    const printed =
      step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr + step.summary + JSON.stringify(step.outputs);
    expect(printed).not.toContain(TOKEN);
    expect(printed).not.toContain(ntfy.password);
  });

  it('failure in sign: status failure, ntfy priority high', async () => {
    const topic = newTopic();
    const n = api.requests.length;
    const step = await notify({
      inputs: { needs: needs({ sign: 'failure' }) },
      env: { NTFY_URL: ntfy.publishUrl(topic) },
    });
    expect(step.code).toBe(0);
    expect(step.outputs.outcome).toBe('failure');
    expect(since(n)[0]!.body).toMatchObject({
      state: 'failure',
      description: `sha256:${HEX.slice(0, 12)}: sign failed`,
    });
    const msg = (await ntfy.messages(topic))[0]!;
    expect(msg).toMatchObject({
      title: 'owner/myos failed',
      priority: 4,
      tags: ['rotating_light', 'bydigest', 'failure'],
    });
    expect(step.summary).toContain('❌ failure');
  });

  it('cancelled: status error (GitHub has no cancelled state), default priority', async () => {
    const topic = newTopic();
    const n = api.requests.length;
    const step = await notify({
      inputs: { needs: needs({ sign: 'cancelled' }) },
      env: { NTFY_URL: ntfy.publishUrl(topic) },
    });
    expect(step.code).toBe(0);
    expect(step.outputs.outcome).toBe('cancelled');
    expect(since(n)[0]!.body).toMatchObject({
      state: 'error',
      description: `sha256:${HEX.slice(0, 12)}: sign cancelled`,
    });
    expect(await ntfy.messages(topic)).toEqual([
      expect.objectContaining({ priority: 3, tags: ['warning', 'bydigest', 'cancelled'] }),
    ]);
  });

  it('skipped: the pipeline succeeded, the status says what was skipped', async () => {
    const n = api.requests.length;
    const step = await notify({ inputs: { needs: needs({ sign: 'skipped' }) } });
    expect(step.code).toBe(0);
    expect(since(n)[0]!.body).toMatchObject({
      state: 'success',
      description: `sha256:${HEX.slice(0, 12)}: sign skipped`,
    });
    expect(step.summary).toContain('signature | none reported');
  });

  it('build failed before any digest: one status `bydigest`, a warning naming what is missing', async () => {
    const n = api.requests.length;
    const step = await notify({ inputs: { needs: needs({ build_push: 'failure', sign: 'skipped' }, false) } });
    expect(step.code).toBe(0);
    expect(since(n).map((r) => r.body)).toEqual([
      {
        state: 'failure',
        context: 'bydigest',
        description: 'no digest: build_push failed; sign skipped',
        target_url: RUN_URL,
      },
    ]);
    expect(step.stdout).toMatch(/^::warning::no image-ref: .*capture-digest's image-ref output/m);
    expect(step.summary).toContain('No digest was reported');
  });

  it('missing outputs: image-ref from the input, a warning that no signature-ref names the digest', async () => {
    const step = await notify({ inputs: { needs: needs({}, false), 'image-ref': IMAGE, tags: 'stable' } });
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(/^::warning::ghcr\.io\/owner\/myos@sha256:(ab)+: no signature-ref naming this digest/m);
    expect(step.summary).toContain('bootc switch --enforce-container-sigpolicy ghcr.io/owner/myos:stable');
  });
});

describe('notify-digest: ntfy', () => {
  it('without the URL secret: one log line, success, nothing sent', async () => {
    const step = await notify({ inputs: { publish: 'summary' } });
    expect(step.code).toBe(0);
    expect(step.stdout.split('\n').filter((l) => l.startsWith('ntfy:'))).toEqual([
      'ntfy: NTFY_URL is not set; no notification sent',
    ]);
    expect(step.outputs.published).toBe('summary');
  });

  it('ntfy refuses (403 for an anonymous publisher): a warning, the step still succeeds', async () => {
    const topic = newTopic();
    const step = await notify({
      inputs: { publish: 'summary', 'ntfy-url-env': 'MY_NTFY' },
      env: { MY_NTFY: `${ntfy.url}/${topic}` },
    });
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(
      /^::warning::ntfy: ntfy answered HTTP 403: forbidden \(40301\); the pipeline's result stands$/m,
    );
    expect(step.outputs.published).toBe('summary');
    expect(await ntfy.messages(topic)).toEqual([]);
  });

  it('ntfy unreachable: a warning, the step still succeeds', async () => {
    const port = await freePort();
    const step = await notify({ inputs: { publish: 'summary' }, env: { NTFY_URL: `http://127.0.0.1:${port}/topic` } });
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(
      /^::warning::ntfy: the POST to ntfy failed \(ECONNREFUSED\); the pipeline's result stands$/m,
    );
    // The URL is a secret: masked, and quoted nowhere but in the mask command.
    expect(step.masks).toContain(`http://127.0.0.1:${port}/topic`);
    expect(step.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(`127.0.0.1:${port}`);
  });

  it('a URL in ntfy-url-env (a secret in with:) is refused, and masked', async () => {
    const url = ntfy.publishUrl(newTopic());
    const step = await notify({ inputs: { 'ntfy-url-env': url } });
    expect(step.code).toBe(1);
    expect(step.masks).toContain(url);
    expect(errorLines(step)[0]).toMatch(
      /^input 'ntfy-url-env': holds a URL, not the name of an environment variable\nhint: pass the topic URL through the step's env:/,
    );
  });
});

describe('notify-digest: release and sticky comment', () => {
  it('release: the verify section is appended to the notes of the pushed tag, replaced (not repeated) on a re-run', async () => {
    api.state.releases.set('v1.0', { id: 77, body: 'Maintainer notes.\n' });
    const env = { GITHUB_REF: 'refs/tags/v1.0' };
    const n = api.requests.length;
    const first = await notify({
      inputs: { publish: 'release', 'key-location': 'https://example.org/cosign.pub' },
      env,
    });
    expect(first.code).toBe(0);
    expect(since(n).map((r) => r.operationId)).toEqual(['repos/get-release-by-tag', 'repos/update-release']);
    const notes = api.state.releases.get('v1.0')!.body;
    expect(notes.startsWith('Maintainer notes.\n\n<!-- bydigest:notify-digest:start')).toBe(true);
    expect(notes).toContain(`cosign verify --key https://example.org/cosign.pub --insecure-ignore-tlog=true ${IMAGE}`);
    expect(notes).toContain(`| signature | \`${SIGNATURE}\` |`);

    const second = await notify({ inputs: { publish: 'release', needs: needs({ sign: 'failure' }) }, env });
    expect(second.code).toBe(0);
    const again = api.state.releases.get('v1.0')!.body;
    expect(again.match(/## Verify this release/g)).toHaveLength(1);
    expect(again.startsWith('Maintainer notes.\n\n')).toBe(true);
    expect(again).toContain('The pipeline failed: sign failed.');
  });

  it('release event: the release of the event gets the section, by id', async () => {
    api.state.releases.set('v2.0', { id: 88, body: '' });
    const n = api.requests.length;
    const step = await notify({
      inputs: { publish: 'release' },
      event: { action: 'published', release: { id: 88, tag_name: 'v2.0' } },
    });
    expect(step.code).toBe(0);
    expect(since(n).map((r) => [r.operationId, r.params.release_id])).toEqual([
      ['repos/get-release', '88'],
      ['repos/update-release', '88'],
    ]);
    expect(api.state.releases.get('v2.0')!.body).toMatch(
      /^<!-- bydigest:notify-digest:start workflow="build" -->\n## Verify this release\n/,
    );
  });

  it('release: a branch push has no release to write; that is logged, not an error', async () => {
    const n = api.requests.length;
    const step = await notify({ inputs: { publish: 'release' } });
    expect(step.code).toBe(0);
    expect(since(n)).toEqual([]);
    expect(step.stdout).toContain('release: skipped, this run is neither a release event nor a tag push');
  });

  it('comment: one sticky comment on the pull request, edited in place on the second run; statuses on the head commit', async () => {
    const head = '1'.repeat(40);
    const event = { number: 7, pull_request: { number: 7, head: { sha: head } } };
    api.state.comments.set(7, [{ id: 5, body: 'LGTM' }]);
    const n = api.requests.length;
    const first = await notify({ inputs: { publish: 'comment status' }, event });
    expect(first.code).toBe(0);
    // Listed again after creating: a concurrent run's comment would show there.
    expect(since(n).map((r) => r.operationId)).toEqual([
      'repos/create-commit-status',
      'issues/list-comments',
      'issues/create-comment',
      'issues/list-comments',
    ]);
    expect(since(n)[0]!.params.sha).toBe(head);
    const created = api.state.comments.get(7)!;
    expect(created).toHaveLength(2);
    expect(created[1]!.body).toContain('<!-- bydigest:notify-digest workflow="build" -->');
    expect(created[1]!.body).toContain('### bydigest: 1111111');

    const m = api.requests.length;
    const second = await notify({ inputs: { publish: 'comment', needs: needs({ sign: 'failure' }) }, event });
    expect(second.code).toBe(0);
    expect(since(m).map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/update-comment']);
    expect(since(m)[1]!.params.comment_id).toBe(String(created[1]!.id));
    const after = api.state.comments.get(7)!;
    expect(after.map((c) => c.id)).toEqual([5, created[1]!.id]);
    expect(after[0]!.body).toBe('LGTM');
    expect(after[1]!.body).toContain('sign failed');
    expect(second.stdout).toMatch(/^comment: updated https:\/\/github\.com\//m);
  });
});

describe('notify-digest: several images, and a push with an open pull request', () => {
  it('two images from two jobs: one status each, context bydigest/<image>', async () => {
    const other = `ghcr.io/owner/myos-nvidia@sha256:${'ef'.repeat(32)}`;
    const two = JSON.stringify({
      build_main: { result: 'success', outputs: { 'image-ref': IMAGE, tags: 'latest' } },
      build_nvidia: { result: 'success', outputs: { 'image-ref': other, tags: 'latest' } },
    });
    const n = api.requests.length;
    const step = await notify({ inputs: { needs: two } });
    expect(step.code).toBe(0);
    expect(since(n).map((r) => (r.body as { context: string }).context)).toEqual([
      'bydigest/ghcr.io/owner/myos',
      'bydigest/ghcr.io/owner/myos-nvidia',
    ]);
    expect(step.summary).toContain(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${other}`);
  });

  it('outputs that are not tags or references never reach the Markdown', async () => {
    const hostile = JSON.stringify({
      build_push: { result: 'success', outputs: { 'image-ref': IMAGE, tags: 'latest `x`<img/src=x>' } },
      sign: { result: 'success', outputs: { 'sbom-ref': 'ghcr.io/owner/myos:`<b>`' } },
    });
    const step = await notify({ inputs: { needs: hostile, publish: 'summary' } });
    expect(step.code).toBe(0);
    expect(step.summary).not.toContain('<img');
    expect(step.summary).not.toContain('<b>');
    expect(step.summary).toContain('| tags | `latest` |');
    expect(step.stdout).toMatch(/^::warning::.*: tag "`x`<img\/src=x>" is not a valid tag; left out$/m);
    expect(step.stdout).toMatch(/^::warning::.*: sbom-ref .* is not a reference by digest; left out$/m);
  });

  it('comment: a concurrent run that created its comment first keeps it; ours goes, no duplicate is left', async () => {
    const event = { number: 21, pull_request: { number: 21, head: { sha: '5'.repeat(40) } } };
    // The other run lists no comment either, then creates its own just before ours lands.
    api.onRequest = (r) => {
      if (r.operationId !== 'issues/create-comment' || r.params.issue_number !== '21') return;
      api.state.comments.set(21, [
        { id: 1, body: '<!-- bydigest:notify-digest workflow="build" -->\nfrom the other run' },
      ]);
    };
    try {
      const n = api.requests.length;
      const step = await notify({ inputs: { publish: 'comment' }, event });
      expect(step.code).toBe(0);
      expect(since(n).map((r) => r.operationId)).toEqual([
        'issues/list-comments',
        'issues/create-comment',
        'issues/list-comments',
        'issues/update-comment',
        'issues/delete-comment',
      ]);
      const left = api.state.comments.get(21)!;
      expect(left.map((c) => c.id)).toEqual([1]);
      expect(left[0]!.body).toContain('### bydigest: 5555555');
      expect(step.stdout).toMatch(/^comment: updated .* \(1 duplicate\(s\) from a concurrent run removed\)$/m);
    } finally {
      delete api.onRequest;
    }
  });

  it('comment on a push: the open pull request whose head is this commit', async () => {
    const sha = '2'.repeat(40);
    api.state.pullsByCommit.set(sha, [{ number: 9, state: 'open' }]);
    const n = api.requests.length;
    const step = await notify({ inputs: { publish: 'comment' }, env: { GITHUB_SHA: sha } });
    expect(step.code).toBe(0);
    expect(since(n).map((r) => r.operationId)).toEqual([
      'repos/list-pull-requests-associated-with-commit',
      'issues/list-comments',
      'issues/create-comment',
      'issues/list-comments',
    ]);
    expect(api.state.comments.get(9)).toHaveLength(1);
  });

  it('comment on a push with no pull request: logged and skipped', async () => {
    const step = await notify({ inputs: { publish: 'comment' }, env: { GITHUB_SHA: '3'.repeat(40) } });
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('comment: skipped, no open pull request has 3333333 as its head');
  });
});

describe('notify-digest: least privilege and bad input', () => {
  it('a 403 on the status fails the step with the permission the job needs; summary and ntfy went out first', async () => {
    const topic = newTopic();
    const lift = api.refuse('repos/create-commit-status', 403, 'Resource not accessible by integration');
    try {
      const step = await notify({ env: { NTFY_URL: ntfy.publishUrl(topic) } });
      expect(step.code).toBe(1);
      const [error] = errorLines(step);
      expect(error).toContain('the GitHub API refused: Resource not accessible by integration');
      expect(error).toContain(`(create commit status, owner/myos@${SHA}, HTTP 403)`);
      expect(error).toContain('HTTP 403');
      expect(error).toContain("hint: publish target 'status' needs `permissions: statuses: write` on the notify job");
      expect(step.summary).toContain(IMAGE);
      expect(await ntfy.messages(topic)).toHaveLength(1);
    } finally {
      lift();
    }
  });

  it('outside a workflow (no GITHUB_SHA, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_WORKFLOW): summary and ntfy say "unknown commit", status names the missing variables', async () => {
    // Empty is how a runner (or act, or a shell) leaves a variable it does not know.
    const bare = {
      GITHUB_REPOSITORY: '',
      GITHUB_SHA: '',
      GITHUB_RUN_ID: '',
      GITHUB_WORKFLOW: '',
      GITHUB_REF: '',
      GITHUB_SERVER_URL: '',
    };
    const topic = newTopic();
    const n = api.requests.length;
    const step = await notify({ env: { ...bare, NTFY_URL: ntfy.publishUrl(topic) } });
    const printed = `${step.stdout}${step.stderr}`;
    expect(printed).not.toMatch(/TypeError|undefined|NaN/);
    // The default publish is `summary status`: a status needs a commit, so that target fails, saying why, after the
    // others went out.
    expect(step.code).toBe(1);
    expect(errorLines(step)).toEqual([
      "publish target 'status' needs the run's repository and commit, but GITHUB_REPOSITORY is not set and GITHUB_SHA is not set\nhint: run the step in a GitHub Actions workflow (the runner sets GITHUB_REPOSITORY and GITHUB_SHA), or set publish: summary to report without GitHub",
    ]);
    expect(since(n)).toEqual([]);
    expect(step.summary).toContain('✅ workflow succeeded');
    expect(step.summary).toContain(IMAGE);
    const msg = (await ntfy.messages(topic))[0]!;
    expect(msg).toMatchObject({ title: 'unknown repository published' });
    expect((msg.message ?? '').split('\n').at(-1)).toBe('unknown commit');
    expect(msg.click).toBeUndefined();

    // Only what needs no GitHub: the step succeeds.
    const quiet = await notify({ inputs: { publish: 'summary' }, env: bare });
    expect(quiet.code).toBe(0);
    expect(quiet.outputs).toEqual({ outcome: 'success', published: 'summary' });

    // GITHUB_SHA alone missing (the crash of issue 27: the ntfy message read its first 7 characters).
    const noSha = await notify({ env: { GITHUB_SHA: '', NTFY_URL: ntfy.publishUrl(topic) } });
    expect(`${noSha.stdout}${noSha.stderr}`).not.toMatch(/TypeError|undefined/);
    expect(errorLines(noSha)).toEqual([
      expect.stringMatching(
        /^publish target 'status' needs the run's repository and commit, but GITHUB_SHA is not set\n/,
      ),
    ]);
    const second = (await ntfy.messages(topic))[1];
    expect(second).toMatchObject({ title: 'owner/myos published', click: RUN_URL });
    expect(second!.message).toContain('unknown commit');
  });

  it('tags, signature-ref or sbom-ref with several images is refused: they could describe only one', async () => {
    const step = await notify({ inputs: { 'image-ref': `${IMAGE}\nghcr.io/owner/other@${DIGEST}`, tags: 'latest' } });
    expect(step.code).toBe(1);
    expect(errorLines(step)[0]).toMatch(
      /^input 'image-ref': lists several images, but tags, signature-ref or sbom-ref can only describe one/,
    );
  });

  it('403s on two targets: both permissions are named, the first fails the step', async () => {
    const event = { number: 11, pull_request: { number: 11, head: { sha: '4'.repeat(40) } } };
    const lifts = [
      api.refuse('repos/create-commit-status', 403, 'Resource not accessible by integration'),
      api.refuse('issues/list-comments', 403, 'Resource not accessible by integration'),
    ];
    try {
      const step = await notify({ inputs: { publish: 'status comment' }, event });
      expect(step.code).toBe(1);
      const errors = errorLines(step).join('\n');
      expect(errors).toContain('`permissions: statuses: write`');
      expect(errors).toContain('`permissions: pull-requests: write`');
    } finally {
      for (const lift of lifts) lift();
    }
  });

  it.each([
    ['{"build_push": ', /^input 'needs': is not JSON \(/],
    ['[]', /^input 'needs': must be a JSON object of jobs, got an array/],
    [
      '{"sign": {"result": "done"}}',
      /^input 'needs': job 'sign' has result "done"; expected one of success, failure, cancelled, skipped/,
    ],
    ['{"sign": {"result": "success", "outputs": {"n": 1}}}', /^input 'needs': job 'sign' output 'n' is not a string/],
  ])('needs %j: a clear error naming the input, nothing sent', async (value, message) => {
    const topic = newTopic();
    const n = api.requests.length;
    const step = await notify({ inputs: { needs: value }, env: { NTFY_URL: ntfy.publishUrl(topic) } });
    expect(step.code).toBe(1);
    const [error] = errorLines(step);
    expect(error).toMatch(message);
    expect(error).toContain('hint: pass `needs: ${{ toJSON(needs) }}`');
    expect(since(n)).toEqual([]);
    expect(await ntfy.messages(topic)).toEqual([]);
  });

  it.each([
    [
      'publish',
      'summary tweet',
      /^input 'publish': unknown target "tweet"\nhint: choose from summary, status, release, comment/,
    ],
    ['image-ref', 'ghcr.io/owner/myos:latest', /^input 'image-ref': .*a digest is required here, not a tag/],
    ['github-token', '', /^input 'github-token': is empty, but publish lists status/],
    ['signature-ref', 'ghcr.io/Owner/myos:sig', /^input 'signature-ref': .*lower-case/],
    ['sbom-ref', 'ghcr.io/owner/myos:sbom', /^input 'sbom-ref': .*a digest is required here, not a tag/],
    ['ntfy-url-env', 'NTFY URL', /^input 'ntfy-url-env': "NTFY URL" is not an environment variable name/],
    ['key-location', 'cosign.pub; rm -rf ~', /^input 'key-location': "cosign\.pub; rm -rf ~" is not a path or URL/],
    ['key-location', '`cosign.pub`', /^input 'key-location': .* is not a path or URL/],
    ['key-location', 'cosign.pub;id', /^input 'key-location': "cosign\.pub;id" is not a path or URL/],
    ['needs', `{"x": "${'y'.repeat(100_000)}"}`, /^input 'needs': job 'x' must be an object with a result/],
  ])('%s %j is refused', async (input, value, message) => {
    const n = api.requests.length;
    const step = await notify({ inputs: { [input]: value } });
    expect(step.stdout.length).toBeLessThan(5000);
    expect(step.code).toBe(1);
    expect(errorLines(step)[0]).toMatch(message);
    expect(since(n)).toEqual([]);
  });
});
