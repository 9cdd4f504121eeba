// The job summary: Markdown/HTML appended to the file the runner names in GITHUB_STEP_SUMMARY.
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

export type SummaryCell = string | { data: string; header?: boolean };

const wrap = (tag: string, content: string) => `<${tag}>${content}</${tag}>`;

export class Summary {
  private buffer = '';

  addRaw(text: string): this {
    this.buffer += text;
    return this;
  }

  addHeading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 1): this {
    return this.addRaw(wrap(`h${level}`, text) + EOL);
  }

  addTable(rows: SummaryCell[][]): this {
    const cell = (c: SummaryCell) => (typeof c === 'string' ? wrap('td', c) : wrap(c.header ? 'th' : 'td', c.data));
    return this.addRaw(wrap('table', rows.map((r) => wrap('tr', r.map(cell).join(''))).join('')) + EOL);
  }

  /** Appends what was added since the last write; without GITHUB_STEP_SUMMARY there is nowhere to write, so it is dropped. */
  async write(): Promise<void> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    const text = this.buffer;
    this.buffer = '';
    if (file) await appendFile(file, text, 'utf8');
  }
}

export const summary = new Summary();
