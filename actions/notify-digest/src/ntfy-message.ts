import { verdictLine } from './outcome.js';
import { shortCommit, type Report } from './report.js';

export interface NtfyMessage {
  title: string;
  message: string;
  priority: number;
  tags: string[];
  /** The run's page, when the runner said where it is. */
  click?: string;
}

/** Plain text: the verdict, each image with its tags, the commit. */
export function renderNtfyMessage(r: Report, priority: number, tags: string[]): NtfyMessage {
  const word = r.verdict.outcome === 'success' ? 'published' : r.verdict.outcome === 'failure' ? 'failed' : 'cancelled';
  const lines = [
    `${r.run.workflow}: ${verdictLine(r.verdict)}`,
    ...r.images.map(
      (i) =>
        `${i.ref}${i.tags.length > 0 ? ` (${i.tags.join(', ')})` : ''}${i.signatureRef ? ', signed' : ''}${i.sbomRef ? ', SBOM' : ''}`,
    ),
    r.run.sha ? `commit ${shortCommit(r.run)}` : shortCommit(r.run),
  ];
  return {
    title: `${r.run.repository ?? 'unknown repository'} ${word}`,
    message: lines.join('\n'),
    priority,
    tags,
    ...(r.run.runUrl ? { click: r.run.runUrl } : {}),
  };
}
