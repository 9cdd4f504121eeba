/**
 * CHANGELOG.md in Keep a Changelog form: `## [X.Y.Z] - YYYY-MM-DD` headings, newest first,
 * `## [Unreleased]` on top. A version's section is what its release notes say.
 */

const HEADING = /^## \[?([^\]\s]+)\]?(?:\s+-\s+.*)?\s*$/;

/** The body of `version`'s section (without its heading), or undefined when there is none or it is empty. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === version);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || /^\[[^\]]+\]:\s/.test(l)));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  return body === '' ? undefined : body;
}

/** The versions the changelog has sections for, in file order (Unreleased included). */
export function changelogVersions(changelog: string): string[] {
  return changelog.split(/\r?\n/).flatMap((l) => {
    const m = HEADING.exec(l);
    return m?.[1] ? [m[1]] : [];
  });
}
