import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { code, html, jobSummary, joinHtml } from '../src/summary.js';

const HOSTILE = `ghcr.io/o/x:<img src=x onerror="alert('1')">&amp;`;

describe('job summary: text is escaped by the helpers themselves', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('escapes headings, paragraphs, cells and interpolations; keeps the markup the helpers build', () => {
    const s = jobSummary()
      .heading(HOSTILE)
      .paragraph(html`Pushed from ${code(HOSTILE)}: ${HOSTILE}`)
      .table([[{ header: HOSTILE }], [HOSTILE], [joinHtml([code('a<b'), 'c&d'])]])
      .toString();
    expect(s).not.toMatch(/<img/);
    expect(s).not.toMatch(/onerror="/);
    expect(s).toContain('<code>ghcr.io/o/x:&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;amp;</code>');
    expect(s).toContain('<th>ghcr.io/o/x:&#60;img');
    expect(s).toContain('<td><code>a&#60;b</code>, c&#38;d</td>');
    expect(s.match(/<code>/g)).toHaveLength(2);
  });

  it('appends to GITHUB_STEP_SUMMARY, and is a no-op without it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(file, 'before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await jobSummary().heading('sign-digest').paragraph('ok').write();
    expect(readFileSync(file, 'utf8')).toBe('before\n<h3>sign-digest</h3>\n<p>ok</p>\n');
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(jobSummary().heading('x').write()).resolves.toBeUndefined();
  });
});
