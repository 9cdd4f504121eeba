import { code, html, jobSummary, type SummaryCell } from '@bydigest/action-kit';
import { formatReference, isoDay, type RotationReport } from '@bydigest/core';

const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' } as const;

/**
 * The verdict, then for each candidate its checks and one row per live release: who would be
 * stranded and until when.
 */
export async function writeSummary(results: { report: RotationReport; recoveryDir?: string }[]): Promise<void> {
  const safe = results.every((r) => r.report.safe);
  const s = jobSummary().heading(`check-rotation: ${results[0]?.report.phase ?? ''} is ${safe ? 'safe' : 'NOT safe'}`);
  if (results.length > 1) {
    s.table([
      [{ header: 'image' }, { header: 'verdict' }, { header: 'blocking' }],
      ...results.map(({ report: r }): SummaryCell[] => [
        code(formatReference(r.candidate)),
        r.safe ? MARK.pass : MARK.fail,
        r.blocking.join(', '),
      ]),
    ]);
  }
  for (const { report, recoveryDir } of results) candidateSection(s, report, recoveryDir, results.length > 1);
  await s.write();
}

function candidateSection(
  s: ReturnType<typeof jobSummary>,
  r: RotationReport,
  recoveryDir: string | undefined,
  several: boolean,
): void {
  if (several) s.heading(formatReference(r.candidate), 3);
  s.paragraph(
    html`Candidate ${code(formatReference(r.candidate))}, strategy ${code(r.strategy)}, as of ${isoDay(r.asOf)}; ${String(r.releases.length)} live release(s), ${String(r.digestsRead)} distinct digest(s) read.`,
  );
  s.table([
    [{ header: 'candidate check' }, { header: 'verdict' }, { header: 'detail' }],
    ...r.checks.map((c): SummaryCell[] => [c.id, MARK[c.status], c.fix ? `${c.message}. Fix: ${c.fix}` : c.message]),
  ]);
  s.table([
    [
      { header: 'live release' },
      { header: 'digest' },
      { header: 'date' },
      { header: 'leaves the window' },
      { header: 'trusts' },
      { header: 'verdict' },
      { header: 'detail' },
    ],
    ...r.releases.map((v): SummaryCell[] => [
      code(v.release.tags.join(', ')),
      code(v.release.digest.slice(0, 19)),
      v.release.date ? `${isoDay(v.release.date)} (${v.release.dateFrom})` : 'unknown',
      v.release.leaves ? isoDay(v.release.leaves) : v.release.channels.length > 0 ? 'while a channel points at it' : '',
      v.trusts,
      MARK[v.status],
      v.fix ? `${v.message}. Fix: ${v.fix}` : v.message,
    ]),
  ]);
  if (recoveryDir)
    s.paragraph(html`Recovery files for stranded hosts in ${code(recoveryDir)} (recover.sh and README.md).`);
}
