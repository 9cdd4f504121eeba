import type { RuleId } from './types.js';

/** The fix for each rule, as the job summary and the docs print it. */
export const RULE_FIXES: Record<RuleId, string> = {
  'unpinned-uses':
    'pin to the full 40-character commit SHA with the tag as a comment (`owner/repo@<sha> # v1.2.3`), or run check-pins with `mode: fix`',
  'missing-version-comment':
    'add the tag the SHA was taken from as a comment (`# v1.2.3`), so a reader and Renovate know which version it is',
  'ref-version-mismatch':
    'set the comment to the tag that points at this SHA, or the SHA to the one the commented tag points at',
  'impostor-commit':
    "pin a SHA from the repository's own branches or tags; this commit exists only in its fork network",
  'unpinned-tool': "set the installer's version input to an exact release (e.g. `cosign-release: v2.5.3`)",
  'floating-from':
    'pin the image by digest (`name:tag@sha256:<64 hex>`), or list it in `allow-floating` if it floats on purpose',
  'unused-base-pin':
    'make FROM (or --from) use the pinned digest, e.g. `FROM ${BASE_IMAGE}@${BASE_DIGEST}`, or drop the unused pin',
  'missing-permissions':
    'declare `permissions:` at the top of the workflow or in every job, with only what the job needs (never write-all)',
};
