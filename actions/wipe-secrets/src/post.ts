import { runner } from '@bydigest/action-kit';
import { BydigestError, mergeWipeReports, protectedRootsFromEnv, remainingPaths, wipePaths, wipeStaged, type WipeReport } from '@bydigest/core';
import { escapeHtml } from './stage.js';
import { readPostState } from './state.js';

/**
 * The post step (post-if: always()): wipe what the main step recorded, however far it got,
 * then check that every recorded path is gone. Prints counts and paths, never contents.
 */
export async function post(): Promise<void> {
  const state = readPostState();
  const roots = protectedRootsFromEnv(process.env);
  const staged = await wipeStaged({ dir: state.dir, files: state.files }, roots);
  const extra = await wipePaths(state.wipePaths, roots);
  const all = mergeWipeReports(staged, extra);
  const recorded = [...(state.dir ? [state.dir] : []), ...state.files.map((f) => f.path), ...state.wipePaths];
  const left = await remainingPaths(recorded);

  for (const w of all.warnings) runner.warning(w);
  if (!state.dir && state.files.length === 0 && state.wipePaths.length === 0) {
    runner.info('Nothing was staged; nothing to wipe.');
  } else {
    runner.info(
      `Wiped ${staged.wiped.length} staged file(s)` +
        (staged.missing.length > 0 ? ` (${staged.missing.length} never created)` : '') +
        `${state.dir ? ' and their directory' : ''}` +
        (state.wipePaths.length > 0 ? `; wipe-paths: ${counts(extra)}` : '') +
        `. ${all.bytes} byte(s) overwritten with zeros.`,
    );
  }
  await writeSummary(state.dir, staged.wiped, staged.missing, state.wipePaths, all, left);

  if (all.errors.length > 0 || left.length > 0) {
    const parts = [
      ...(left.length > 0 ? [`${left.length} path(s) still exist: ${left.join(', ')}`] : []),
      ...(all.errors.length > 0 ? [`${all.errors.length} error(s): ${all.errors.join('; ')}`] : []),
    ];
    throw new BydigestError('SECRETS', `wipe incomplete: ${parts.join('. ')}`, {
      hint: 'remove these paths by hand, and treat the secrets they held as exposed on this runner if it is reused',
    });
  }
}

function counts(r: WipeReport): string {
  return `${r.files} file(s), ${r.directories} director${r.directories === 1 ? 'y' : 'ies'}, ${r.links} link(s), ${r.other} other, ${r.absent} not present`;
}

async function writeSummary(
  dir: string | undefined,
  wiped: readonly string[],
  missing: readonly string[],
  wipePathList: readonly string[],
  all: WipeReport,
  left: readonly string[],
): Promise<void> {
  const code = (xs: readonly string[]) => xs.map((x) => `<code>${escapeHtml(x)}</code>`).join(', ');
  const s = runner.summary.addHeading('wipe-secrets: wiped', 3);
  s.addRaw(`<p>Staged files wiped: ${wiped.length > 0 ? code(wiped) : 'none'}${missing.length > 0 ? `; never created: ${code(missing)}` : ''}.</p>`);
  if (dir) s.addRaw(`<p>Directory removed: <code>${escapeHtml(dir)}</code></p>`);
  if (wipePathList.length > 0) s.addRaw(`<p>wipe-paths: ${code(wipePathList)}</p>`);
  s.addRaw(
    `<p>${all.files} file(s) zeroed and removed (${all.bytes} bytes), ${all.directories} director${all.directories === 1 ? 'y' : 'ies'}, ` +
      `${all.links} link(s), ${all.other} other entr${all.other === 1 ? 'y' : 'ies'} removed; ${all.absent} path(s) already gone.</p>`,
  );
  if (left.length > 0 || all.errors.length > 0) s.addRaw(`<p><strong>Incomplete:</strong> ${code([...left, ...all.errors])}</p>`);
  await s.write();
}
