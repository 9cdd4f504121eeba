import { code, html, info, joinHtml, jobSummary, runAction, warning } from '@bydigest/action-kit';
import {
  BydigestError,
  mergeWipeReports,
  protectedRootsFromEnv,
  remainingPaths,
  wipePaths,
  wipeStaged,
  type WipeReport,
} from '@bydigest/core';
import { readPostState } from './state.js';

/**
 * The post step (post-if: always()): wipe what the main step recorded, however far it got,
 * then check that every recorded path is gone. Prints counts and paths, never contents.
 */
export async function run(): Promise<void> {
  await runAction(wipe);
}

async function wipe(): Promise<void> {
  const state = readPostState();
  const roots = protectedRootsFromEnv(process.env);
  const staged = await wipeStaged({ dir: state.dir, files: state.files }, roots);
  const extra = await wipePaths(state.wipePaths, roots);
  const all = mergeWipeReports(staged, extra);
  const recorded = [...(state.dir ? [state.dir] : []), ...state.files.map((f) => f.path), ...state.wipePaths];
  const left = await remainingPaths(recorded);

  for (const w of all.warnings) warning(w);
  if (!state.dir && state.files.length === 0 && state.wipePaths.length === 0) {
    info('Nothing was staged; nothing to wipe.');
  } else {
    info(
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
  const codes = (xs: readonly string[]) => joinHtml(xs.map(code));
  const s = jobSummary().heading('wipe-secrets: wiped');
  s.paragraph(
    html`Staged files wiped: ${wiped.length > 0 ? codes(wiped) : 'none'}${missing.length > 0 ? html`; never created: ${codes(missing)}` : ''}.`,
  );
  if (dir) s.paragraph(html`Directory removed: ${code(dir)}`);
  if (wipePathList.length > 0) s.paragraph(html`wipe-paths: ${codes(wipePathList)}`);
  s.paragraph(
    `${all.files} file(s) zeroed and removed (${all.bytes} bytes), ${all.directories} director${all.directories === 1 ? 'y' : 'ies'}, ` +
      `${all.links} link(s), ${all.other} other entr${all.other === 1 ? 'y' : 'ies'} removed; ${all.absent} path(s) already gone.`,
  );
  if (left.length > 0 || all.errors.length > 0)
    s.paragraph(html`<strong>Incomplete:</strong> ${codes([...left, ...all.errors])}`);
  await s.write();
}
