import type { ImageReport } from './images.js';
import type { Job } from './needs.js';
import type { Verdict } from './outcome.js';

/** Where the run is, for links. */
export interface RunInfo {
  /** `owner/repo` */
  repository: string;
  runUrl: string;
  /** The commit the pipeline built. */
  sha: string;
  workflow: string;
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
