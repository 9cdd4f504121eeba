// notify-digest's run() in-process: statuses through a recording Octokit stand-in (no network).
// The real GitHub API shape, ntfy and the runner: test/notify-digest.test.ts.
import { describe, expect, it } from '@jest/globals';
import type { Octokit } from '../src/github.js';
import type { NotifyInputs } from '../src/inputs.js';
import { run, type RunContext } from '../src/run.js';

const REF = `ghcr.io/o/img@sha256:${'ab'.repeat(32)}`;

function inputs(result: 'success' | 'failure'): NotifyInputs {
  return {
    jobs: [
      { name: 'capture', result: 'success', outputs: { 'image-ref': REF } },
      { name: 'sign', result, outputs: {} },
    ],
    imageRefs: [],
    tags: ['stable'],
    publish: new Set(['status']),
    ntfyUrlEnv: 'NTFY_URL',
    githubToken: 'not-a-real-token',
    keyLocation: 'cosign.pub',
  };
}

function context(createCommitStatus: (args: Record<string, unknown>) => Promise<unknown>): RunContext {
  return {
    run: {
      repository: 'o/img',
      runUrl: 'https://github.com/o/img/actions/runs/1',
      sha: 'c'.repeat(40),
      workflow: 'build',
    },
    repo: { owner: 'o', repo: 'img', sha: 'c'.repeat(40) },
    octokit: { rest: { repos: { createCommitStatus } } } as unknown as Octokit,
  };
}

describe('notify-digest run() as a unit', () => {
  it('sets one status per image, failure when a job failed, linking the run', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const calls: Record<string, unknown>[] = [];
    const result = await run(
      inputs('failure'),
      context(async (args) => calls.push(args)),
    );
    expect(result.outcome).toBe('failure');
    expect(result.published).toEqual(['status']);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      owner: 'o',
      repo: 'img',
      sha: 'c'.repeat(40),
      state: 'failure',
      target_url: 'https://github.com/o/img/actions/runs/1',
    });
  });

  it('a refused status fails the step after the other targets had their turn', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const refusal = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    const err = await run(
      inputs('success'),
      context(async () => Promise.reject(refusal)),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'GITHUB', operation: 'create commit status', status: 403 });
    expect((err as { hint?: string }).hint).toContain('permissions: statuses: write');
  });
});
