import type { FloatingSite } from './sites.js';
import type { SourceText } from './source-text.js';
import { commentStart, versionComment } from './version-comment.js';

/**
 * The text with each tag or branch ref replaced by its commit SHA and the ref as the version
 * comment (`owner/repo@<sha> # v1.2.3`), as pinact and pin-github-action write it. Every other
 * byte stays: quoting, other comments, spacing, line ends. An existing version comment is
 * replaced; another comment is kept after the new one; a value followed by more YAML on its line
 * (a flow mapping) gets the SHA without a comment.
 */
export function pinnedText(source: SourceText, fixes: ReadonlyArray<{ site: FloatingSite; sha: string }>): string {
  const edits: Array<{ from: number; to: number; text: string }> = [];
  for (const { site, sha } of fixes) {
    const start = source.offset(site.span.start.line, site.span.start.column);
    const end = source.offset(site.span.end.line, site.span.end.column);
    const value = source.text.slice(start, end);
    const at = value.lastIndexOf(`@${site.ref}`);
    if (at === -1) continue;
    edits.push({ from: start + at + 1, to: start + at + 1 + site.ref.length, text: sha });
    const old = versionComment(site.after);
    const hash = commentStart(site.after);
    if (old !== undefined) {
      const word = end + site.after.indexOf(old, hash);
      edits.push({ from: word, to: word + old.length, text: site.ref });
    } else if (hash >= 0 || site.after.trim() === '') {
      edits.push({ from: end, to: end, text: ` # ${site.ref}` });
    }
  }
  let text = source.text;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return text;
}
