import type { Job } from './needs.js';

/** The pipeline's verdict: any failure fails it; otherwise a cancelled job makes it cancelled. */
export type Outcome = 'success' | 'failure' | 'cancelled';

export interface Verdict {
  outcome: Outcome;
  failed: string[];
  cancelled: string[];
  skipped: string[];
}

export function decide(jobs: readonly Job[]): Verdict {
  const named = (r: Job['result']) => jobs.filter((j) => j.result === r).map((j) => j.name);
  const failed = named('failure');
  const cancelled = named('cancelled');
  const skipped = named('skipped');
  const outcome: Outcome = failed.length > 0 ? 'failure' : cancelled.length > 0 ? 'cancelled' : 'success';
  return { outcome, failed, cancelled, skipped };
}

/**
 * Commit status states: GitHub has no "cancelled"; `error` is what it shows as neither passed nor failed by the code.
 */
export function commitState(outcome: Outcome): 'success' | 'failure' | 'error' {
  return outcome === 'success' ? 'success' : outcome === 'failure' ? 'failure' : 'error';
}

/** ntfy priorities 1–5: a failure is high (4) so it buzzes; the rest stay at the default (3). */
export function ntfyPriority(outcome: Outcome): 3 | 4 {
  return outcome === 'failure' ? 4 : 3;
}

/** ntfy tags; the first emoji short code is shown before the title. */
export function ntfyTags(outcome: Outcome): string[] {
  const emoji = outcome === 'success' ? 'white_check_mark' : outcome === 'failure' ? 'rotating_light' : 'warning';
  return [emoji, 'bydigest', outcome];
}

/** One line on what happened, e.g. "sign failed; promote skipped". */
export function verdictLine(v: Verdict): string {
  const parts = [
    ...(v.failed.length > 0 ? [`${v.failed.join(', ')} failed`] : []),
    ...(v.cancelled.length > 0 ? [`${v.cancelled.join(', ')} cancelled`] : []),
    ...(v.skipped.length > 0 ? [`${v.skipped.join(', ')} skipped`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'all jobs succeeded';
}
