import type { ImageReport } from './images.js';
import type { Job } from './needs.js';
import type { Verdict } from './outcome.js';

/** Where the run is, for links; undefined where the runner did not say (a local run, another CI). */
export interface RunInfo {
  /** `owner/repo` */
  repository?: string;
  runUrl?: string;
  /** The commit the pipeline built. */
  sha?: string;
  workflow: string;
}

/** The commit as a message shows it: 7 hex digits, or that it is not known. */
export function shortCommit(run: RunInfo): string {
  return run.sha ? run.sha.slice(0, 7) : 'unknown commit';
}

/** Everything every target renders from. */
export interface Report {
  jobs: readonly Job[];
  verdict: Verdict;
  images: readonly ImageReport[];
  run: RunInfo;
  /** How users pass the public key to cosign (a path or an https URL). */
  keyLocation: string;
}
