import { formatReference, repositoryName } from '@bydigest/core';
import type { ImageReport } from './images.js';
import type { Job } from './needs.js';
import { verdictLine } from './outcome.js';
import type { Report } from './report.js';

const RESULT_MARK: Record<Job['result'], string> = { success: '✅', failure: '❌', cancelled: '⚠️', skipped: '⏭️' };
const SPDX_ARTIFACT = 'application/vnd.spdx+json';

/** Markdown inline code that survives backticks in the value. */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s}${fence}`;
}

/** The commands a user runs to check this image: cosign, then a bootc host, then the referrers. */
export function verifyCommands(i: ImageReport, keyLocation: string): string[] {
  const pull = i.tags[0]
    ? formatReference({ registry: i.image.registry, repository: i.image.repository, tag: i.tags[0] })
    : i.ref;
  return [
    // sign-digest signs offline: no Rekor entry, so cosign must be told not to look for one.
    `cosign verify --key ${keyLocation} --insecure-ignore-tlog=true ${i.ref}`,
    `bootc switch --enforce-container-sigpolicy ${pull}`,
    `oras discover --artifact-type ${SPDX_ARTIFACT} ${i.ref}`,
  ];
}

/** One image: digest, tags, signature, SBOM, and the commands to verify it. */
export function imageBlock(i: ImageReport, keyLocation: string): string {
  const rows = [
    `| digest | ${code(i.image.digest)} |`,
    `| image | ${code(i.ref)} |`,
    `| tags | ${i.tags.length > 0 ? i.tags.map(code).join(' ') : '—'} |`,
    `| signature | ${i.signatureRef ? code(i.signatureRef) : 'none reported'} |`,
    `| SBOM | ${i.sbomRef ? code(i.sbomRef) : 'none reported'} |`,
  ];
  return [
    `#### ${code(repositoryName(i.image))}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows,
    '',
    'Verify it:',
    '',
    '```sh',
    ...verifyCommands(i, keyLocation),
    '```',
  ].join('\n');
}

export function imageBlocks(r: Report, none: string): string {
  return r.images.length > 0 ? r.images.map((i) => imageBlock(i, r.keyLocation)).join('\n\n') : none;
}

function jobsTable(jobs: readonly Job[]): string {
  return [
    '| job | result |',
    '| --- | --- |',
    ...jobs.map((j) => `| ${code(j.name)} | ${RESULT_MARK[j.result]} ${j.result} |`),
  ].join('\n');
}

function headline(r: Report): string {
  const word =
    r.verdict.outcome === 'success' ? 'succeeded' : r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled';
  const workflow = r.run.runUrl ? `[${r.run.workflow}](${r.run.runUrl})` : r.run.workflow;
  return `${RESULT_MARK[r.verdict.outcome]} ${workflow} ${word}: ${verdictLine(r.verdict)}`;
}

/** What the summary and the pull request comment show: the verdict, each job, each image. */
export function reportBody(r: Report): string {
  return [
    headline(r),
    '',
    jobsTable(r.jobs),
    '',
    imageBlocks(r, '_No digest was reported: the image was not pushed._'),
  ].join('\n');
}

/** The job summary. */
export function renderSummary(r: Report): string {
  return `### notify-digest\n\n${reportBody(r)}\n`;
}

/** An HTML comment that cannot be closed early by what it quotes. */
export function marker(kind: string, workflow: string): string {
  return `<!-- bydigest:notify-digest${kind} workflow=${JSON.stringify(workflow).replace(/--/g, '- -')} -->`;
}
