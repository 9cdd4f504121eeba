import { realpathSync, renameSync, writeFileSync, lstatSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pinnedText } from './fix.js';
import type { FloatingSite } from './sites.js';
import type { SourceText } from './source-text.js';
import type { FileProblem } from './types.js';

export interface WrittenFixes {
  /** Files rewritten, relative to the checkout. */
  written: string[];
  /** Refs that could not be pinned (no such tag or branch), and files not written. */
  problems: FileProblem[];
}

/**
 * Writes the pinned files back in place. A file is written only where its real path is inside
 * the checkout (a symlink out of it is never followed), through a temporary file beside it and
 * a rename, so a failed write leaves the original.
 */
export function writeFixes(
  root: string,
  sources: ReadonlyMap<string, SourceText>,
  sites: readonly FloatingSite[],
  resolved: ReadonlyMap<FloatingSite, string>,
): WrittenFixes {
  const realRoot = realpathSync(root);
  const out: WrittenFixes = { written: [], problems: [] };
  const byFile = new Map<string, Array<{ site: FloatingSite; sha: string }>>();
  for (const site of sites) {
    const sha = resolved.get(site);
    if (sha === undefined) {
      out.problems.push({
        file: site.file,
        message: `${site.file}:${site.span.start.line}: ${site.owner}/${site.repo}@${site.ref}: no such tag or branch, left as it is`,
      });
      continue;
    }
    byFile.set(site.file, [...(byFile.get(site.file) ?? []), { site, sha }]);
  }
  for (const [file, fixes] of byFile) {
    const source = sources.get(file);
    if (!source) continue;
    const real = realpathSync(join(realRoot, file));
    const rel = relative(realRoot, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      out.problems.push({ file, message: `${file} leads out of the checkout; not written` });
      continue;
    }
    const text = pinnedText(source, fixes);
    if (text === source.text) continue;
    const temp = join(dirname(real), `.check-pins.${process.pid}.tmp`);
    try {
      writeFileSync(temp, text, { mode: lstatSync(real).mode & 0o777, flag: 'wx' });
      renameSync(temp, real);
    } catch (e) {
      rmSync(temp, { force: true });
      out.problems.push({ file, message: `${file}: could not be written (${(e as Error).message})` });
      continue;
    }
    out.written.push(file);
  }
  return out;
}
