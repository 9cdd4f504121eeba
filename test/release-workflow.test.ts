import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './harness/paths.js';

// release.yml's shape (its pins, schema and actionlint are checked with every workflow in
// workflows.test.ts): least privilege per job, the logic in `pnpm release` only, provenance for
// the bundles, no moving major tag.

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
const text = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
const workflow = parseYaml(text) as { on: Record<string, any>; permissions: unknown; jobs: Record<string, Job> };
const jobs = workflow.jobs;

describe('release.yml', () => {
  it('runs on a dispatched version or a pushed vX.Y.Z tag', () => {
    expect(workflow.on.workflow_dispatch.inputs.version.required).toBe(true);
    expect(workflow.on.push).toEqual({ tags: ['v*.*.*'] });
  });

  it('gives each job only what it needs: write only where the tag and release are made, the OIDC token only to the attestation', () => {
    expect(workflow.permissions).toEqual({});
    expect(jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(jobs.attest!.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
    expect(jobs.publish!.permissions).toEqual({ contents: 'write' });
    expect(jobs.attest!.needs).toBe('check');
    expect(jobs.publish!.needs).toEqual(['check', 'attest']);
  });

  it('installs nothing where the OIDC token can be requested', () => {
    const runs = jobs.attest!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/pnpm|npm|yarn/);
    const provenance = jobs.attest!.steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'));
    expect(provenance?.with?.['subject-path']).toContain('dist/*/*.js');
  });

  it('decides nothing itself: every check and the notes come from pnpm release, dry run first', () => {
    const releaseRuns = Object.values(jobs).flatMap((j) =>
      j.steps.filter((s) => s.run?.includes('pnpm -s release')).map((s) => s.run!),
    );
    expect(releaseRuns).toHaveLength(2);
    expect(jobs.check!.steps.some((s) => s.run?.includes('pnpm -s release "$VERSION" --dry-run'))).toBe(true);
    expect(jobs.publish!.steps.some((s) => s.run?.includes('--notes-file "$RUNNER_TEMP/release-notes.md"'))).toBe(true);
    const release = jobs.publish!.steps.find((s) => s.run?.includes('gh release create'));
    expect(release?.run).toContain('--verify-tag');
    expect(release?.run).toContain('--notes-file "$RUNNER_TEMP/release-notes.md"');
  });

  it('keeps the token out of .git/config and argv: checkout without credentials, the token in env only', () => {
    for (const job of Object.values(jobs)) {
      for (const s of job.steps.filter((st) => st.uses?.startsWith('actions/checkout@')))
        expect(s.with?.['persist-credentials']).toBe(false);
    }
    const tokenSteps = Object.values(jobs).flatMap((j) =>
      j.steps.filter((s) => JSON.stringify(s).includes('github.token')),
    );
    expect(tokenSteps).toHaveLength(2);
    for (const s of tokenSteps) expect(s.env?.GH_TOKEN).toBe('${{ github.token }}');
  });

  it('moves no major tag (the docs offer none)', () => {
    expect(text).not.toMatch(/git tag[^\n]*-f|--force|refs\/tags\/v0\b|push[^\n]*\bv0\b/);
  });
});
