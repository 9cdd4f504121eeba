import { code, info, jobSummary } from '@bydigest/action-kit';
import { resolveRef, type GitHubApi, type RateLimitPolicy } from '@bydigest/core';
import type { ResolveRefInputs } from './inputs.js';

export interface Resolved {
  sha: string;
  ref: string;
  buildArg: string;
  label: string;
}

/** Resolves the ref to one commit and writes the lines the build and the capture step take. */
export async function run(
  inputs: ResolveRefInputs,
  api: GitHubApi,
  opts: { rateLimit?: RateLimitPolicy } = {},
): Promise<Resolved> {
  const slug = `${inputs.owner}/${inputs.repo}`;
  const r = await resolveRef(api, inputs.owner, inputs.repo, inputs.ref, opts);
  const what =
    r.kind === 'commit'
      ? `commit ${r.sha}, reachable from ${r.reachableVia}`
      : r.kind === 'annotated-tag'
        ? `annotated tag ${r.ref} → commit ${r.sha}`
        : `${r.kind} ${r.ref} → ${r.sha}`;
  info(`${slug}: ${what} (${r.requests} API request${r.requests === 1 ? '' : 's'})`);
  const out = {
    sha: r.sha,
    ref: r.ref,
    buildArg: `${inputs.buildArgName}=${r.sha}`,
    label: `${inputs.labelKey}=${r.sha}`,
  };
  await jobSummary()
    .heading('resolve-ref')
    .table([
      [{ header: 'repository' }, { header: 'asked' }, { header: 'resolved' }, { header: 'commit' }],
      [
        slug,
        inputs.ref ?? '(default branch)',
        r.kind === 'commit' ? `commit (reachable from ${r.reachableVia})` : r.ref,
        code(r.sha),
      ],
    ])
    .paragraph(code(`--build-arg ${out.buildArg} --label ${out.label}`))
    .write();
  return out;
}
