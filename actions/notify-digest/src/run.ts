import { error, info, summary, warning } from '@actions/core';
import { failureMessage } from '@bydigest/action-kit';
import { repoContextFor, type MissingRepoContext, type Octokit, type RepoContext } from './github.js';
import { resolveImages } from './images.js';
import type { NotifyInputs } from './inputs.js';
import { sendNtfy } from './ntfy.js';
import { decide, ntfyPriority, ntfyTags, type Outcome } from './outcome.js';
import { publishComment } from './publish-comment.js';
import { publishRelease } from './publish-release.js';
import { publishStatuses } from './publish-status.js';
import { renderSummary } from './markdown.js';
import { renderNtfyMessage } from './ntfy-message.js';
import type { Report, RunInfo } from './report.js';
import type { Target } from './targets.js';

export interface RunContext {
  run: RunInfo;
  /** Missing when the runner did not say which repository and commit: the GitHub targets then fail, saying so. */
  repo: RepoContext | MissingRepoContext;
  /** Built only when a target needs the API. */
  octokit?: Octokit;
}

export interface RunResult {
  outcome: Outcome;
  /** The targets written, in order (ntfy included when a message went out). */
  published: Array<Target | 'ntfy'>;
}

/**
 * Reports the pipeline: summary first (it needs nothing but a file), then ntfy, then the GitHub targets.
 * A GitHub refusal fails the step after the others have had their turn; ntfy never does.
 */
export async function run(inputs: NotifyInputs, ctx: RunContext): Promise<RunResult> {
  const verdict = decide(inputs.jobs);
  const { images, missing } = resolveImages(inputs.jobs, inputs);
  for (const m of missing) warning(m);
  const report: Report = { jobs: inputs.jobs, verdict, images, run: ctx.run, keyLocation: inputs.keyLocation };
  const published: RunResult['published'] = [];

  // @actions/core throws without a summary file; a runner without one (act, say) still gets the rest.
  if (process.env.GITHUB_STEP_SUMMARY) {
    await summary.addRaw(renderSummary(report)).write();
    published.push('summary');
  } else {
    info('summary: GITHUB_STEP_SUMMARY is not set (not a GitHub runner?); no job summary written');
  }

  if (!inputs.ntfyUrl) {
    info(`ntfy: ${inputs.ntfyUrlEnv} is not set; no notification sent`);
  } else {
    const sent = await sendNtfy(
      inputs.ntfyUrl,
      renderNtfyMessage(report, ntfyPriority(verdict.outcome), ntfyTags(verdict.outcome)),
    );
    if (sent.sent) {
      info(`ntfy: notification sent (HTTP ${sent.status})`);
      published.push('ntfy');
    } else {
      warning(`ntfy: ${sent.reason}; the pipeline's result stands`);
    }
  }

  const failures: unknown[] = [];
  const attempt = async (
    target: Exclude<Target, 'summary'>,
    body: (o: Octokit, repo: RepoContext) => Promise<void>,
  ) => {
    if (!inputs.publish.has(target)) return;
    try {
      await body(ctx.octokit!, repoContextFor(target, ctx.repo));
      published.push(target);
    } catch (e) {
      failures.push(e);
    }
  };
  await attempt('status', async (o, repo) => {
    const contexts = await publishStatuses(o, repo, images, verdict, ctx.run.runUrl);
    info(`status: ${contexts.join(', ')} set to ${verdict.outcome} on ${repo.sha}`);
  });
  await attempt('release', async (o, repo) => {
    const r = await publishRelease(o, repo, report);
    if (r.updated) info(`release: verify section written to ${r.url}`);
    else info(`release: skipped, ${r.reason}`);
  });
  await attempt('comment', async (o, repo) => {
    const r = await publishComment(o, repo, report);
    if (r.action === 'none') info(`comment: skipped, ${r.reason}`);
    else
      info(
        `comment: ${r.action} ${r.url}${r.removed > 0 ? ` (${r.removed} duplicate(s) from a concurrent run removed)` : ''}`,
      );
  });
  // The first refusal fails the step; any others are logged, so one run shows every missing permission.
  for (const e of failures.slice(1)) error(failureMessage(e));
  if (failures.length > 0) throw failures[0];
  return { outcome: verdict.outcome, published };
}
