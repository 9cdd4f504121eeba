import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspacePackageFiles } from '../packages.js';

// The licence policy of CONTRIBUTING.md ("Licence and SPDX headers"): Apache-2.0 once, for the
// whole repository; no per-file header; a file under another licence says so with an SPDX line
// and keeps its copyright notice.
const root = fileURLToPath(new URL('../../../../', import.meta.url)).replace(/\/$/, '');
const SOURCE = /\.(ts|mts|js|mjs|cjs|sh)$/;
const HEAD_LINES = 10;

function spdxHeader(text: string): { license: string; copyright: boolean } | undefined {
  const head = text.split('\n').slice(0, HEAD_LINES);
  const line = head.find((l) => /SPDX-License-Identifier:/.test(l));
  if (!line) return undefined;
  return {
    license: line.replace(/^.*SPDX-License-Identifier:\s*/, '').replace(/\s*(\*\/)?\s*$/, ''),
    copyright: head.some((l) => /copyright/i.test(l)),
  };
}

describe('licence', () => {
  it('LICENSE is the Apache License 2.0', () => {
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s*Apache License\n\s*Version 2\.0, January 2004\n/);
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });

  it('every package.json says Apache-2.0', () => {
    const files = workspacePackageFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(12);
    const wrong = files.filter(
      (f) => (JSON.parse(readFileSync(join(root, f), 'utf8')) as { license?: string }).license !== 'Apache-2.0',
    );
    expect(wrong).toEqual([]);
  });

  it('sources carry no Apache-2.0 header; one under another licence keeps its copyright line', () => {
    const sources = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => SOURCE.test(f) && !f.startsWith('dist/'));
    expect(sources.length).toBeGreaterThan(100);
    const wrong = sources.flatMap((f) => {
      let text: string;
      try {
        text = readFileSync(join(root, f), 'utf8');
      } catch {
        return []; // deleted in the working tree
      }
      const h = spdxHeader(text);
      if (!h) return [];
      if (h.license === 'Apache-2.0')
        return [`${f}: per-file Apache-2.0 header (the repository's licence is stated once, in LICENSE)`];
      return h.copyright ? [] : [`${f}: SPDX-License-Identifier ${h.license} without its copyright notice`];
    });
    expect(wrong).toEqual([]);
  });

  it('the header check sees what it is for', () => {
    expect(spdxHeader('// SPDX-License-Identifier: Apache-2.0\nexport {};\n')).toEqual({
      license: 'Apache-2.0',
      copyright: false,
    });
    expect(spdxHeader('/* SPDX-License-Identifier: MIT */\n// Copyright (c) 2020 Someone\n')).toEqual({
      license: 'MIT',
      copyright: true,
    });
    expect(spdxHeader('export {};\n')).toBeUndefined();
  });
});
