// check-pins' run over a checkout without a token: the network rules skipped with a notice, the
// report file as documented, the job summary grouped by rule with each rule's fix.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installerTable, RULE_FIXES } from '@bydigest/core/pins';
import { run } from '../src/run.js';
import { renderSummary } from '../src/summary.js';

const root = mkdtempSync(join(tmpdir(), 'check-pins-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('check-pins run', () => {
  it('without github-token: a notice says what was not checked; the report lists the findings; the summary groups them by rule', async () => {
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(root, '.github/workflows/a.yml'),
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: sigstore/cosign-installer@v3\n',
    );
    const out: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    let r;
    try {
      r = await run(
        {
          paths: ['.github/workflows'],
          mode: 'check',
          githubToken: '',
          options: { installers: installerTable([]), allowFloating: [], ignore: [] },
        },
        { root, apiUrl: 'http://127.0.0.1:9', reportDir: root },
      );
    } finally {
      spy.mockRestore();
    }
    const log = out.join('');
    expect(log).toMatch(
      /::notice::check-pins: github-token is empty, so ref-version-mismatch and impostor-commit were NOT checked/,
    );
    expect(log).toMatch(/::error title=check-pins unpinned-uses,file=\.github\/workflows\/a\.yml,line=6,col=15::/);
    expect(r.problems).toBe(3);
    const report = JSON.parse(readFileSync(r.reportPath, 'utf8')) as {
      findings: Array<{ rule: string; line: number }>;
      networkChecked: boolean;
    };
    expect(report.networkChecked).toBe(false);
    expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
      ['missing-permissions', 3],
      ['unpinned-tool', 6],
      ['unpinned-uses', 6],
    ]);
    const html = renderSummary(r.outcome).toString();
    expect(html).toContain('<strong>Not checked:</strong>');
    // Sections in rule order, each with its fix.
    const order = ['unpinned-uses', 'unpinned-tool', 'missing-permissions'].map((rule) =>
      html.indexOf(`<h3><code>${rule}</code> (1)</h3>`),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('set the installer&#39;s version input');
    expect(Object.keys(RULE_FIXES)).toHaveLength(8);
  });
});
