/** check-host-trust's job summary table, read back: check title → pass | warn | fail | skip. */
export function trustVerdicts(summary: string): Record<string, string> {
  return Object.fromEntries(
    [...summary.matchAll(/<tr><td>([^<]+)<\/td><td>[^ ]+ (pass|warn|fail|skip)<\/td>/g)].map((m) => [m[1], m[2]]),
  );
}

/** The titles of the checks that failed. */
export function failedChecks(summary: string): string[] {
  return Object.entries(trustVerdicts(summary))
    .filter(([, v]) => v === 'fail')
    .map(([t]) => t);
}
