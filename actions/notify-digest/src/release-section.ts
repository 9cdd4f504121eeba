import { imageBlocks, marker } from './markdown.js';
import { verdictLine } from './outcome.js';
import type { Report } from './report.js';

const SECTION_END = '<!-- bydigest:notify-digest:end -->';

/**
 * The release notes with our section appended, or replaced where a re-run already wrote it:
 * the notes a maintainer wrote stay as they are.
 */
export function withReleaseSection(notes: string, r: Report): string {
  const start = marker(':start', r.run.workflow);
  const warning =
    r.verdict.outcome === 'success'
      ? []
      : [
          `> [!WARNING]\n> The pipeline ${r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled'}: ${verdictLine(r.verdict)}.`,
          '',
        ];
  const section = [
    start,
    '## Verify this release',
    '',
    ...warning,
    imageBlocks(r, '_No digest was reported._'),
    SECTION_END,
  ].join('\n');
  const from = notes.indexOf(start);
  const to = from >= 0 ? notes.indexOf(SECTION_END, from) : -1;
  if (from >= 0 && to >= 0) return notes.slice(0, from) + section + notes.slice(to + SECTION_END.length);
  const trimmed = notes.replace(/\s+$/, '');
  return trimmed === '' ? section : `${trimmed}\n\n${section}`;
}
