import { code, html, jobSummary, type SummaryCell } from '@bydigest/action-kit';
import { PROBLEM_FIXES, type AuditReport, type AuditStats } from '@bydigest/core';
import type { FailOn } from './inputs.js';

const MARK = { pass: '✅ pass', fail: '❌ fail', unknown: '❔ unknown' } as const;
// A summary is capped at 1 MiB: past this, the report file holds the rows.
const MAX_ROWS = 300;

/** Totals, then failures first (each with its fix), unknown tags, the orphans; passing tags only counted. */
export async function writeSummary(report: AuditReport, stats: AuditStats, failOn: FailOn): Promise<void> {
  const failed = report.tags.filter((t) => t.status === 'fail');
  const unknown = report.tags.filter((t) => t.status === 'unknown');
  const s = jobSummary()
    .heading(
      `audit-tags: ${failed.length} failed, ${unknown.length} unknown, ${report.tags.length - failed.length - unknown.length} passed`,
    )
    .paragraph(
      html`${String(stats.repositories)} repository(ies), ${String(stats.tags)} tag(s), ${String(stats.digests)} distinct digest(s), ${String(stats.attachmentTags)} attachment tag(s), ${String(report.orphans.length)} orphan(s); fail-on ${code(Array.isArray(failOn) ? failOn.join(',') : failOn)}.`,
    );
  const rows = [...failed, ...unknown];
  if (rows.length > 0) {
    s.table([
      [{ header: 'tag' }, { header: 'digest' }, { header: 'verdict' }, { header: 'problem' }, { header: 'fix' }],
      ...rows
        .slice(0, MAX_ROWS)
        .map((t): SummaryCell[] => [
          code(`${t.image}:${t.tag}`),
          code(t.digest ? t.digest.slice(0, 19) : 'unresolved'),
          MARK[t.status],
          t.problems.map((p) => `${p.code}${p.platform ? ` (${p.platform})` : ''}: ${p.message}`).join('; '),
          [...new Set(t.problems.map((p) => PROBLEM_FIXES[p.code]))].join('; '),
        ]),
    ]);
    if (rows.length > MAX_ROWS) s.paragraph(`… ${rows.length - MAX_ROWS} more in the report file.`);
  }
  if (report.orphans.length > 0) {
    s.heading('Orphaned attachment tags (nothing was deleted)', 3);
    s.table([
      [{ header: 'tag' }, { header: 'subject' }],
      ...report.orphans.slice(0, MAX_ROWS).map((o): SummaryCell[] => [code(`${o.image}:${o.tag}`), code(o.subject)]),
    ]);
  }
  for (const repo of stats.orphansSkipped)
    s.paragraph(html`Orphans of ${code(repo)} not judged: some of its tags could not be read.`);
  await s.write();
}
