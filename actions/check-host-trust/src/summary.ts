import { code, html, jobSummary, joinHtml, type SummaryCell } from '@bydigest/action-kit';
import type { HostTrustReport } from '@bydigest/core';

const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skip: '➖ skip' } as const;

/** Ten seconds' reading: the scope, the keys, one row per check, then what to fix. */
export async function writeSummary(r: HostTrustReport): Promise<void> {
  const s = jobSummary()
    .heading(`check-host-trust: ${r.passed ? 'hosts will verify updates' : 'hosts would NOT verify updates'}`)
    .paragraph(html`${code(r.source)}${r.digest ? html` (${code(r.digest)})` : ''} → scope ${code(r.scope ?? 'none')}`);
  if (r.keys.length > 0) {
    s.table([
      [{ header: 'key' }, { header: 'named in' }, { header: 'fingerprint (sha256)' }],
      ...r.keys.map((k): SummaryCell[] => [
        code(k.ref.path ?? 'inline'),
        code(k.ref.field),
        k.problem ? `missing or invalid: ${k.problem}` : joinHtml(k.fingerprints.map((f) => code(f.slice(0, 16)))),
      ]),
    ]);
  }
  s.table([
    [{ header: 'check' }, { header: 'verdict' }, { header: 'detail' }],
    ...r.checks.map((c): SummaryCell[] => [c.title, MARK[c.status], c.summary]),
  ]);
  const problems = r.checks.flatMap((c) => c.findings);
  if (problems.length > 0) {
    s.table([
      [{ header: '' }, { header: 'file' }, { header: 'field' }, { header: 'fix' }],
      ...problems.map((f): SummaryCell[] => [
        MARK[f.status],
        code(f.file),
        f.field ? code(f.field) : 'whole file',
        f.fix,
      ]),
    ]);
  }
  await s.write();
}
