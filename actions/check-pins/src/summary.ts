import { code, html, jobSummary } from '@bydigest/action-kit';
import { RULE_FIXES, RULE_IDS, type CheckPinsOutcome } from '@bydigest/core/pins';

/** The job summary: one section per rule with its fix and its findings, then the files not checked. */
export function renderSummary(o: CheckPinsOutcome): ReturnType<typeof jobSummary> {
  const s = jobSummary().heading('check-pins', 2);
  const total = o.findings.length + o.problems.length;
  s.paragraph(
    total === 0
      ? `${o.filesChecked} file(s) keep the pinning policy.`
      : `${o.findings.length} finding(s) and ${o.problems.length} file(s) not checked, in ${o.filesChecked} file(s).`,
  );
  if (!o.networkChecked)
    s.paragraph(
      html`<strong>Not checked:</strong> ${code('ref-version-mismatch')} and ${code('impostor-commit')} (no github-token).`,
    );
  if (o.written.length > 0) s.paragraph(html`Pinned in place: ${o.written.map((w) => code(w))}`);
  for (const rule of RULE_IDS) {
    const found = o.findings.filter((f) => f.rule === rule);
    if (found.length === 0) continue;
    s.heading(html`${code(rule)} (${found.length})`, 3);
    s.paragraph(html`Fix: ${RULE_FIXES[rule]}`);
    s.table([
      [{ header: 'Where' }, { header: 'Finding' }],
      ...found.map((f) => [code(`${f.file}:${f.line}:${f.column}`), f.message]),
    ]);
  }
  if (o.problems.length > 0) {
    s.heading('Files not checked', 3);
    s.table([[{ header: 'File' }, { header: 'Why' }], ...o.problems.map((p) => [code(p.file), p.message])]);
  }
  if (o.unverified.length > 0) {
    s.heading('Pins not verified', 3);
    s.table([
      [{ header: 'Where' }, { header: 'Why' }],
      ...o.unverified.map((u) => [code(`${u.file}:${u.line}:${u.column}`), u.message]),
    ]);
  }
  return s;
}

export async function writeSummary(o: CheckPinsOutcome): Promise<void> {
  await renderSummary(o).write();
}
