import { formatReference, repositoryName } from '@bydigest/core';
import type { ImageReport } from './images.js';
import type { Job } from './needs.js';
import { verdictLine, type Verdict } from './outcome.js';
import { shortDigest } from './images.js';

/** Where the run is, for links. */
export interface RunInfo {
  /** `owner/repo` */
  repository: string;
  runUrl: string;
  /** The commit the pipeline built. */
  sha: string;
  workflow: string;
}

export interface Report {
  jobs: readonly Job[];
  verdict: Verdict;
  images: readonly ImageReport[];
  run: RunInfo;
  /** How users pass the public key to cosign (a path or an https URL). */
  keyLocation: string;
}

const RESULT_MARK: Record<Job['result'], string> = { success: '✅', failure: '❌', cancelled: '⚠️', skipped: '⏭️' };
const SPDX_ARTIFACT = 'application/vnd.spdx+json';

/** Markdown inline code that survives backticks in the value. */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s}${fence}`;
}

/** The commands a user runs to check this image: cosign, then a bootc host, then the referrers. */
export function verifyCommands(i: ImageReport, keyLocation: string): string[] {
  const pull = i.tags[0] ? formatReference({ registry: i.image.registry, repository: i.image.repository, tag: i.tags[0] }) : i.ref;
  return [
    // sign-digest signs offline: no Rekor entry, so cosign must be told not to look for one.
    `cosign verify --key ${keyLocation} --insecure-ignore-tlog=true ${i.ref}`,
    `bootc switch --enforce-container-sigpolicy ${pull}`,
    `oras discover --artifact-type ${SPDX_ARTIFACT} ${i.ref}`,
  ];
}

function imageBlock(i: ImageReport, keyLocation: string): string {
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

function jobsTable(jobs: readonly Job[]): string {
  return ['| job | result |', '| --- | --- |', ...jobs.map((j) => `| ${code(j.name)} | ${RESULT_MARK[j.result]} ${j.result} |`)].join('\n');
}

function headline(r: Report): string {
  const word = r.verdict.outcome === 'success' ? 'succeeded' : r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled';
  return `${RESULT_MARK[r.verdict.outcome === 'cancelled' ? 'cancelled' : r.verdict.outcome]} [${r.run.workflow}](${r.run.runUrl}) ${word}: ${verdictLine(r.verdict)}`;
}

function body(r: Report): string {
  const images = r.images.length > 0 ? r.images.map((i) => imageBlock(i, r.keyLocation)).join('\n\n') : '_No digest was reported: the image was not pushed._';
  return [headline(r), '', jobsTable(r.jobs), '', images].join('\n');
}

/** The job summary. */
export function renderSummary(r: Report): string {
  return `### notify-digest\n\n${body(r)}\n`;
}

/** The marker that finds our comment again: one sticky comment per workflow and pull request. */
export function commentMarker(workflow: string): string {
  return `<!-- bydigest:notify-digest workflow=${JSON.stringify(workflow).replace(/--/g, '- -')} -->`;
}

export function renderComment(r: Report): string {
  return `${commentMarker(r.run.workflow)}\n### bydigest: ${r.run.sha.slice(0, 7)}\n\n${body(r)}\n`;
}

const sectionStart = (workflow: string) => `<!-- bydigest:notify-digest:start workflow=${JSON.stringify(workflow).replace(/--/g, '- -')} -->`;
const SECTION_END = '<!-- bydigest:notify-digest:end -->';

/**
 * The release notes with our section appended, or replaced where a re-run already wrote it:
 * the notes a maintainer wrote stay as they are.
 */
export function withReleaseSection(notes: string, r: Report): string {
  const start = sectionStart(r.run.workflow);
  const section = [
    start,
    '## Verify this release',
    '',
    ...(r.verdict.outcome === 'success' ? [] : [`> [!WARNING]\n> The pipeline ${r.verdict.outcome === 'failure' ? 'failed' : 'was cancelled'}: ${verdictLine(r.verdict)}.`, '']),
    r.images.length > 0 ? r.images.map((i) => imageBlock(i, r.keyLocation)).join('\n\n') : '_No digest was reported._',
    SECTION_END,
  ].join('\n');
  const from = notes.indexOf(start);
  const to = from >= 0 ? notes.indexOf(SECTION_END, from) : -1;
  if (from >= 0 && to >= 0) return notes.slice(0, from) + section + notes.slice(to + SECTION_END.length);
  const trimmed = notes.replace(/\s+$/, '');
  return trimmed === '' ? section : `${trimmed}\n\n${section}`;
}

/** GitHub cuts status descriptions at 140 characters. */
export function statusDescription(i: ImageReport | undefined, verdict: Verdict): string {
  const text = `${i ? `${shortDigest(i.image.digest)}: ` : 'no digest: '}${verdictLine(verdict)}`;
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** `bydigest/<registry>/<repository>`, or `bydigest` when no image was reported. */
export function statusContext(i: ImageReport | undefined): string {
  return i ? `bydigest/${repositoryName(i.image)}` : 'bydigest';
}

export interface NtfyMessage {
  title: string;
  message: string;
  priority: number;
  tags: string[];
  click: string;
}

export function renderNtfyMessage(r: Report, priority: number, tags: string[]): NtfyMessage {
  const word = r.verdict.outcome === 'success' ? 'published' : r.verdict.outcome === 'failure' ? 'failed' : 'cancelled';
  const lines = [
    `${r.run.workflow}: ${verdictLine(r.verdict)}`,
    ...r.images.map((i) => `${i.ref}${i.tags.length > 0 ? ` (${i.tags.join(', ')})` : ''}${i.signatureRef ? ', signed' : ''}${i.sbomRef ? ', SBOM' : ''}`),
    `commit ${r.run.sha.slice(0, 7)}`,
  ];
  return { title: `${r.run.repository} ${word}`, message: lines.join('\n'), priority, tags, click: r.run.runUrl };
}
