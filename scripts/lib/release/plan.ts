/**
 * Decides whether the commit checked out at `root` can be released as `version`, and what its
 * release says. Everything is checked before anything is written; a refusal lists every problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionNames } from './actions.js';
import { changelogSection } from './changelog.js';
import { committedDist, distDifferences, freshBuild } from './dist-check.js';
import { changedTrackedFiles, headSha, tagState } from './git.js';
import { releaseNotes } from './notes.js';
import { versionDisagreements } from './packages.js';
import { ReleaseRefusal } from './refusal.js';
import type { ReleaseVersion } from './version.js';

export interface ReleaseOptions {
  version: ReleaseVersion;
  /** owner/name the actions are used from. */
  repository: string;
  /** The tag was pushed by a maintainer (the workflow's tag trigger): it must exist, annotated, at HEAD. */
  tagged: boolean;
  /** Where fresh builds may be kept by their inputs (tests only; see freshBuild). */
  buildCache?: string;
  /** Progress lines (the fresh build takes minutes). */
  log?: (line: string) => void;
}

export interface ReleasePlan extends ReleaseVersion {
  repository: string;
  sha: string;
  actions: string[];
  notes: string;
  /** How many dist/ files were compared with the fresh build. */
  distFiles: number;
  tagged: boolean;
}

const MAX_LISTED = 20;

/** The problems that need no build: changelog, package versions, the tag, uncommitted changes. */
export function quickProblems(root: string, opts: Pick<ReleaseOptions, 'version' | 'tagged'>, sha: string): string[] {
  const { version, tag } = opts.version;
  const problems: string[] = [];
  const changelogPath = join(root, 'CHANGELOG.md');
  if (!existsSync(changelogPath)) {
    problems.push(
      'CHANGELOG.md does not exist (Keep a Changelog form, a "## [X.Y.Z] - YYYY-MM-DD" section per release)',
    );
  } else if (changelogSection(readFileSync(changelogPath, 'utf8'), version) === undefined) {
    problems.push(
      `CHANGELOG.md has no section for ${version} (move what is under "## [Unreleased]" into "## [${version}] - YYYY-MM-DD")`,
    );
  }
  problems.push(...versionDisagreements(root, version));
  const state = tagState(root, tag);
  if (!opts.tagged && state.kind !== 'absent') {
    problems.push(
      `tag ${tag} already exists (at ${state.commit}): a released version is never tagged again; release the next version`,
    );
  }
  if (opts.tagged) {
    if (state.kind === 'absent') problems.push(`tag ${tag} does not exist (run without --tagged to create it)`);
    else if (state.kind === 'lightweight')
      problems.push(`tag ${tag} is a lightweight tag: release tags are annotated (git tag --annotate)`);
    else if (state.commit !== sha)
      problems.push(`tag ${tag} points at ${state.commit}, not at the checked-out commit ${sha}`);
  }
  const changed = changedTrackedFiles(root);
  if (changed.length > 0) {
    problems.push(
      `the working tree has uncommitted changes (${listed(changed)}): a release is of a commit; commit or stash them`,
    );
  }
  return problems;
}

export async function planRelease(root: string, opts: ReleaseOptions): Promise<ReleasePlan> {
  const sha = headSha(root);
  const quick = quickProblems(root, opts, sha);
  if (quick.length > 0) throw new ReleaseRefusal(quick);

  opts.log?.('building dist/ afresh to compare with the committed bundles…');
  const build = await freshBuild(root, opts.buildCache);
  if (build.cached) opts.log?.(`(a fresh build of the same sources, kept in ${opts.buildCache})`);
  let differences: string[];
  const committed = committedDist(root);
  try {
    differences = distDifferences(join(root, 'dist'), committed, build.dir);
  } finally {
    build.dispose();
  }
  if (committed.length === 0) differences = ['dist/ has no committed files (run pnpm bundle and commit dist/)'];
  if (differences.length > 0) {
    const shown = differences.slice(0, MAX_LISTED);
    if (differences.length > shown.length) shown.push(`… and ${differences.length - shown.length} more`);
    throw new ReleaseRefusal([
      ...shown,
      'dist/ must equal a fresh build of the commit: run pnpm bundle and commit dist/',
    ]);
  }

  const actions = actionNames(root);
  const section = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), opts.version.version) as string;
  return {
    ...opts.version,
    repository: opts.repository,
    sha,
    actions,
    notes: releaseNotes(section, { repository: opts.repository, sha, tag: opts.version.tag, actions }),
    distFiles: committed.length,
    tagged: opts.tagged,
  };
}

function listed(files: string[]): string {
  return files.length <= 5 ? files.join(', ') : `${files.slice(0, 5).join(', ')} and ${files.length - 5} more`;
}
