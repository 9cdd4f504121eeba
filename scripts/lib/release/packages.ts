import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's package.json files: the root, packages/* and actions/* (pnpm-workspace.yaml's globs). */
export function workspacePackageFiles(root: string): string[] {
  const inside = (dir: string) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(root, dir, d.name, 'package.json')))
          .map((d) => `${dir}/${d.name}/package.json`)
          .sort()
      : [];
  return ['package.json', ...inside('packages'), ...inside('actions')];
}

/** One line per package.json whose version is not `version` (one version for the whole repository). */
export function versionDisagreements(root: string, version: string): string[] {
  return workspacePackageFiles(root).flatMap((file) => {
    let found: unknown;
    try {
      found = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { version?: unknown }).version;
    } catch (e) {
      return [`${file} cannot be read as JSON (${(e as Error).message})`];
    }
    if (found === version) return [];
    const what = found === undefined ? 'has no "version"' : `has "version": ${JSON.stringify(found)}`;
    return [`${file} ${what}, not "${version}" (every package.json carries the release's version)`];
  });
}
