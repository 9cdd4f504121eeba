// upload-artifact / download-artifact through a directory of the workflow run: an artifact is the
// files under the paths' common ancestor, stored as upload-artifact v4+ stores them (relative to that
// root; one file: its name), and downloaded into `path` (default the workspace).
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export function uploadArtifact(store: string, workspace: string, w: Record<string, string>): void {
  const name = w.name || 'artifact';
  const dest = join(store, name);
  if (existsSync(dest)) throw new Error(`upload-artifact: an artifact named '${name}' already exists in this run`);
  const paths = (w.path ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('!'));
  if (paths.some((p) => /[*?[]/.test(p)))
    throw new Error(`upload-artifact: the stand-in takes literal paths, not globs (${paths.join(', ')})`);
  const abs = paths.map((p) => (isAbsolute(p) ? p : resolve(workspace, p)));
  const present = abs.filter((p) => existsSync(p));
  const ifNone = w['if-no-files-found'] || 'warn';
  if (present.length === 0) {
    if (ifNone === 'error')
      throw new Error(
        `upload-artifact: no files were found with the provided path: ${paths.join(', ')}. No artifacts will be uploaded.`,
      );
    return;
  }
  const root = commonRoot(present);
  mkdirSync(dest, { recursive: true });
  for (const p of present) cpSync(p, join(dest, relative(root, p) || '.'), { recursive: true });
}

export function downloadArtifact(store: string, workspace: string, w: Record<string, string>): void {
  if (!w.name) throw new Error('download-artifact: the stand-in downloads one artifact by name');
  const src = join(store, w.name);
  if (!existsSync(src)) throw new Error(`download-artifact: Artifact not found for name: ${w.name}`);
  const target = w.path ? (isAbsolute(w.path) ? w.path : resolve(workspace, w.path)) : workspace;
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(src)) cpSync(join(src, entry), join(target, entry), { recursive: true });
}

/** The deepest directory holding every path: a directory counts as itself, a file as its directory. */
function commonRoot(paths: string[]): string {
  const dirs = paths.map((p) => (statSync(p).isDirectory() ? p : dirname(p)));
  const parts = dirs.map((d) => d.split(sep));
  const first = parts[0] as string[];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}
