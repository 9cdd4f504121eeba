import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const coreSrc = join(repo, 'packages', 'core', 'src');

/** Every folder under core/src holding a file, as README spells it (`oci/remote/`). */
function folders(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const name = `${prefix}${e.name}/`;
      const inner = folders(join(dir, e.name), name);
      const hasFile = readdirSync(join(dir, e.name), { withFileTypes: true }).some((f) => f.isFile());
      return hasFile ? [name, ...inner] : inner;
    });
}

/** The folder lines of README's layout section under packages/core/src/. */
function readmeFolders(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith('packages/core/src/'));
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^ {2}([a-z0-9-]+(?:\/[a-z0-9-]+)*\/)\s/.exec(line);
    if (m) out.push(m[1] as string);
  }
  return out;
}

describe("README's layout section", () => {
  it('names every folder of core, and only folders that exist', () => {
    const listed = readmeFolders(readFileSync(join(repo, 'README.md'), 'utf8'));
    expect(listed.length).toBeGreaterThan(20);
    expect([...listed].sort()).toEqual(folders(coreSrc).sort());
  });

  it('would see a folder README does not name', () => {
    const listed = readmeFolders('packages/core/src/   the library\n  util/   helpers\n  oci/   model\n\nnext');
    expect(listed).toEqual(['util/', 'oci/']);
    expect(listed).not.toContain('oci/remote/');
  });
});
