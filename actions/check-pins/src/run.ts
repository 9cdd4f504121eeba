import { error, warning } from '@actions/core';
import { info, notice } from '@bydigest/action-kit';
import { createGitHubRest } from '@bydigest/core';
import { checkPins, type CheckPinsOutcome } from '@bydigest/core/pins';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckPinsInputs } from './inputs.js';
import { writeSummary } from './summary.js';

export interface RunEnvironment {
  /** The checkout. */
  root: string;
  apiUrl: string;
  /** Where the JSON report is written (RUNNER_TEMP). */
  reportDir: string;
}

export interface RunResult {
  outcome: CheckPinsOutcome;
  /** Findings plus files not checked. */
  problems: number;
  filesChecked: number;
  reportPath: string;
  /** Findings mode: fix could pin. */
  fixable: number;
}

/** Checks (and in fix mode rewrites) the checkout, annotates each finding, writes the report and the summary. */
export async function run(inputs: CheckPinsInputs, env: RunEnvironment): Promise<RunResult> {
  const api = inputs.githubToken ? createGitHubRest({ baseUrl: env.apiUrl, token: inputs.githubToken }) : undefined;
  if (!api) {
    notice(
      'check-pins: github-token is empty, so ref-version-mismatch and impostor-commit were NOT checked (a version comment may not match its SHA, a SHA may come from a fork)',
    );
  }
  const outcome = await checkPins({
    root: env.root,
    paths: inputs.paths,
    options: inputs.options,
    mode: inputs.mode,
    ...(api ? { api } : {}),
  });
  for (const f of outcome.findings) {
    error(`${f.message}. Fix: ${f.fix}`, {
      title: `check-pins ${f.rule}`,
      file: f.file,
      startLine: f.line,
      startColumn: f.column,
    });
  }
  for (const p of outcome.problems) warning(p.message, { title: 'check-pins: not checked', file: p.file });
  for (const u of outcome.unverified)
    warning(u.message, { title: 'check-pins: not verified', file: u.file, startLine: u.line, startColumn: u.column });
  for (const w of outcome.written) info(`check-pins: pinned ${w}`);
  if (api) info(`check-pins: ${api.requests} GitHub API request(s)`);
  info(
    `check-pins: ${outcome.filesChecked} file(s) checked, ${outcome.findings.length} finding(s), ${outcome.problems.length} file(s) not checked`,
  );

  const reportPath = join(mkdtempSync(join(env.reportDir, 'check-pins-')), 'report.json');
  const { findings, problems, unverified, written, networkChecked } = outcome;
  writeFileSync(
    reportPath,
    `${JSON.stringify({ findings, problems, unverified, written, networkChecked }, null, 2)}\n`,
  );
  await writeSummary(outcome);
  return {
    outcome,
    problems: findings.length + problems.length,
    filesChecked: outcome.filesChecked,
    reportPath,
    fixable: findings.filter((f) => f.rule === 'unpinned-uses').length,
  };
}
