/** Where the notify job publishes. The summary is always written; the others are chosen by `publish`. */
export const TARGETS = ['summary', 'status', 'release', 'comment'] as const;
export type Target = (typeof TARGETS)[number];

/** The `permissions:` each target needs in the notify job; the README and the 403 hint say the same. */
export const PERMISSION: Record<Exclude<Target, 'summary'>, string> = {
  status: 'statuses: write',
  release: 'contents: write',
  comment: 'pull-requests: write',
};
