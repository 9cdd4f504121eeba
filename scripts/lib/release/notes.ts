/** What a release says: its changelog section, then how to pin each action to it. */

export interface PinningInput {
  /** owner/name of the repository the actions are used from. */
  repository: string;
  /** The full commit SHA the tag points at. */
  sha: string;
  /** vX.Y.Z */
  tag: string;
  actions: string[];
}

/** Each action's `uses:` line: pinned by the full SHA, the version as the comment Renovate bumps with it. */
export function pinLine({ repository, sha, tag }: Omit<PinningInput, 'actions'>, action: string): string {
  return `uses: ${repository}/actions/${action}@${sha} # ${tag}`;
}

export function pinningTable(input: PinningInput): string {
  const rows = input.actions.map((a) => `| ${a} | \`${pinLine(input, a)}\` |`);
  return ['| Action | Pin |', '| --- | --- |', ...rows].join('\n');
}

/**
 * The reusable workflow's `uses:` line: it runs the actions of the commit it is pinned to (publish.yml's locate job).
 */
export function workflowPinLine({ repository, sha, tag }: Omit<PinningInput, 'actions'>): string {
  return `uses: ${repository}/.github/workflows/publish.yml@${sha} # ${tag}`;
}

export function releaseNotes(section: string, input: PinningInput): string {
  return [
    section.trim(),
    '',
    '## Pinning',
    '',
    `Reference each action by this release's commit, with the version as a comment (Renovate bumps both together):`,
    '',
    pinningTable(input),
    '',
    'A fork calls the whole pipeline as a job (docs/fork-quickstart.md); it runs the actions of this same commit:',
    '',
    `\`${workflowPinLine(input)}\``,
    '',
    `The bundles (\`dist/*/index.js\` and their chunks) carry build provenance from this repository's release workflow: ` +
      `\`gh attestation verify dist/<name>/index.js --repo ${input.repository}\`.`,
    '',
  ].join('\n');
}
