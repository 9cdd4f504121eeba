/**
 * corpus/<target>/: `seed-*` files (real inputs beyond the fixtures) and `crash-*` files, each an
 * input that once broke the contract (saved by `pnpm fuzz`, kept after the fix): the fast tier
 * replays them all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FuzzTarget } from './contract.js';

export const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

export function corpusOf(target: FuzzTarget): { name: string; bytes: Buffer }[] {
  const dir = join(CORPUS, target.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.startsWith('seed-') || n.startsWith('crash-'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Saves a failing input as a regression file; returns its path. */
export function saveCrash(target: FuzzTarget, input: Buffer): string {
  const dir = join(CORPUS, target.name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-${createHash('sha256').update(input).digest('hex').slice(0, 16)}`);
  writeFileSync(path, input);
  return path;
}
