// The relative-import graph of a source tree, and the checks the layering rule makes over it:
// cycles between files and imports that run back up the layer order. A script over the sources
// (no dependency-cruiser): the rule is small, and a test shows it failing on a planted edge.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Files (relative to the root, `/`-separated) and the local files each one imports. */
export type ImportGraph = Map<string, Set<string>>;

/** The files each file re-exports from (`export … from '…'`), a subset of its imports. */
export type ReExports = Map<string, Set<string>>;

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, over line breaks.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const RE_EXPORT = /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g;
// Comments may quote an import; strip them before matching (strings holding `//` are rare in
// import position and would only drop a comment's tail).
const COMMENT = /\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * The relative imports of every .ts file under `root` that resolve to a .ts file under `root`,
 * and which of them are re-exports. An import that leaves `root` is listed as `../…` (outside).
 */
export function importGraph(root: string): { graph: ImportGraph; reExports: ReExports } {
  const graph: ImportGraph = new Map();
  const reExports: ReExports = new Map();
  const target = (file: string, spec: string): string | undefined => {
    const path = resolve(dirname(file), spec);
    const hit = [path.replace(/\.js$/, '.ts'), `${path}.ts`, join(path, 'index.ts')].find((c) => existsSync(c));
    return hit && relative(root, hit).split('\\').join('/');
  };
  for (const file of sourceFiles(root).sort()) {
    const text = readFileSync(file, 'utf8').replace(COMMENT, '$1');
    const name = relative(root, file).split('\\').join('/');
    graph.set(
      name,
      new Set(
        [...text.matchAll(IMPORT)].map((m) => target(file, m[1] as string)).filter((t): t is string => t !== undefined),
      ),
    );
    reExports.set(
      name,
      new Set(
        [...text.matchAll(RE_EXPORT)]
          .map((m) => target(file, m[1] as string))
          .filter((t): t is string => t !== undefined),
      ),
    );
  }
  return { graph, reExports };
}

/** Every cycle between files, each as the path that closes it (first file repeated at the end). */
export function fileCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of [...(graph.get(file) ?? [])].sort()) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/**
 * The layer a file belongs to: the longest entry of `layers` that is the file itself or a folder
 * holding it. Layers are listed bottom first; a file may import its own layer and those below.
 */
export function layerOf(file: string, layers: readonly (readonly string[])[]): number | undefined {
  let best: { rank: number; length: number } | undefined;
  layers.forEach((names, rank) => {
    for (const name of names) {
      if ((file === name || file.startsWith(`${name}/`)) && (!best || name.length > best.length))
        best = { rank, length: name.length };
    }
  });
  return best?.rank;
}

export interface BackArrow {
  from: string;
  to: string;
  fromLayer: number;
  toLayer: number;
}

/** Imports that point up the layer order, or into a file no layer names (outside the root, or new). */
export function backArrows(
  graph: ImportGraph,
  layers: readonly (readonly string[])[],
  exempt: readonly string[] = [],
): BackArrow[] {
  const out: BackArrow[] = [];
  for (const [from, edges] of graph) {
    const fromLayer = layerOf(from, layers);
    // An unplaced file is reported by `unplaced`, not once per import.
    if (exempt.includes(from) || fromLayer === undefined) continue;
    for (const to of edges) {
      const toLayer = layerOf(to, layers) ?? Number.POSITIVE_INFINITY;
      if (toLayer > fromLayer) out.push({ from, to, fromLayer, toLayer });
    }
  }
  return out;
}

/** The top folder of a file (`cosign/keys/pem.ts` → `cosign`); a file at the root is its own area. */
export function areaOf(file: string): string {
  return file.split('/')[0] as string;
}

/**
 * Re-exports from another area: an area's index lists its own API, and only the entry points
 * (`entries`, e.g. the package's index.ts) gather several areas into one.
 */
export function crossAreaReExports(reExports: ReExports, entries: readonly string[]): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const [from, targets] of reExports) {
    if (entries.includes(from)) continue;
    for (const to of targets) if (areaOf(to) !== areaOf(from)) out.push({ from, to });
  }
  return out;
}

/** Files that name no layer (a new folder must be placed in the order before it is used). */
export function unplaced(
  graph: ImportGraph,
  layers: readonly (readonly string[])[],
  exempt: readonly string[] = [],
): string[] {
  return [...graph.keys()].filter((f) => !exempt.includes(f) && layerOf(f, layers) === undefined);
}
