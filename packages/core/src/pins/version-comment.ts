/**
 * The version comment after a pinned ref on the same line: `# v1.2.3`, Renovate's `# tag=v1.2.3`,
 * or pin-github-action's `# pin@v1.2.3`. A version has a digit in it; `# TODO` is not one.
 */
const COMMENT = /^\s+#\s*(?:tag=|pin\s*@|ratchet:[^@\s]+@)?(\S+)/;
const VERSION = /^[\w.+-]*\d[\w.+/-]*$/;

/** The version named in the comment that starts right after `rest` begins, or undefined. */
export function versionComment(rest: string): string | undefined {
  const m = COMMENT.exec(rest);
  const word = m?.[1];
  return word !== undefined && VERSION.test(word) ? word : undefined;
}

/** Whether there is any comment at all after the value (so a fix replaces it instead of adding one). */
export function commentStart(rest: string): number {
  const m = /^(\s+)#/.exec(rest);
  return m ? (m[1] as string).length : -1;
}
