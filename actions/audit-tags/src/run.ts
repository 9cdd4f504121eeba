import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  auditTags,
  BydigestError,
  PROBLEM_FIXES,
  type AuditReport,
  type AuditStats,
  type RegistryClient,
  type TagResult,
} from '@bydigest/core';
import { info, registryClient, warning } from '@bydigest/action-kit';
import * as core from '@actions/core';
import type { AuditInputs, FailOn } from './inputs.js';
import { writeSummary } from './summary.js';

export interface AuditResult {
  report: AuditReport;
  stats: AuditStats;
  reportPath: string;
  /** Tags whose problems fail-on counts. */
  failing: TagResult[];
}

// GitHub shows at most 10 error annotations per step; the report and summary hold the rest.
const MAX_ANNOTATIONS = 10;

/**
 * Audits every tag (core's auditTags), writes the report, summary and annotations; fails the step when fail-on says so.
 */
export async function run(
  inputs: AuditInputs,
  client: RegistryClient = registryClient(inputs.registry),
): Promise<AuditResult> {
  let audited: { report: AuditReport; stats: AuditStats };
  try {
    audited = await auditTags(client, {
      repositories: inputs.repositories,
      require: inputs.require,
      ...(inputs.publicKeys ? { publicKeys: inputs.publicKeys } : {}),
      ...(inputs.host ? { host: { policy: inputs.host.policy, registries: inputs.host.registries.config } } : {}),
      ...(inputs.expectSame.length > 0 ? { expectSame: inputs.expectSame } : {}),
      ...(inputs.stale ? { stale: inputs.stale } : {}),
    });
  } finally {
    await client.close();
  }
  const { report, stats } = audited;
  const reportPath = join(process.env.RUNNER_TEMP ?? '.', 'bydigest-audit-tags', 'report.json');
  await mkdir(join(reportPath, '..'), { recursive: true });
  await writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
  const failing = report.tags.filter((t) => counts(t, inputs.failOn));
  info(
    `${stats.repositories} repository(ies), ${stats.tags} tag(s), ${stats.digests} distinct digest(s), ${stats.attachmentTags} attachment tag(s); report: ${reportPath}`,
  );
  for (const t of report.tags.filter((x) => x.status !== 'pass').slice(0, MAX_ANNOTATIONS)) {
    const text = `${t.image}:${t.tag} (${t.digest || 'unresolved'}): ${t.problems.map((p) => `${p.code}: ${p.message}`).join('; ')}. Fix: ${t.problems.map((p) => PROBLEM_FIXES[p.code]).join('; ')}`;
    if (t.status === 'unknown') warning(text, { title: `audit-tags: ${t.tag} unknown` });
    else core.error(text, { title: `audit-tags: ${t.tag} ${t.problems.map((p) => p.code).join(', ')}` });
  }
  for (const o of report.orphans) info(`orphan: ${o.image}:${o.tag} (subject ${o.subject} has no tag)`);
  for (const repo of stats.orphansSkipped) warning(`${repo}: orphans not judged, since some tag could not be read`);
  await writeSummary(report, stats, inputs.failOn);
  const result = { report, stats, reportPath, failing };
  if (failing.length > 0) {
    const lines = failing
      .slice(0, 20)
      .map((t) => `${t.image}:${t.tag} ${t.status}: ${t.problems.map((p) => p.code).join(', ')}`);
    throw Object.assign(
      new BydigestError(
        'POLICY',
        `${failing.length} tag(s) fail the audit:\n- ${lines.join('\n- ')}${failing.length > 20 ? `\n- … (${failing.length - 20} more in ${reportPath})` : ''}`,
        { hint: 'the job summary gives each problem its fix' },
      ),
      { result },
    );
  }
  return result;
}

function counts(t: TagResult, failOn: FailOn): boolean {
  if (failOn === 'none' || t.status === 'pass') return false;
  if (failOn === 'any') return true;
  if (t.status === 'unknown') return failOn.includes('unknown');
  return t.problems.some((p) => (failOn as string[]).includes(p.code));
}
