// The job summary, escaped by construction: text given to these helpers is HTML-escaped, and
// only fragments built here (`html`, `code`) pass through as markup. A repository name, a tag
// or a path from an input can then never inject markup into the run's summary page.
import { summary as coreSummary } from '@actions/core';

/** Markup that is already safe: built by `html` or `code`, never from raw input. */
export class Html {
  constructor(readonly value: string) {}
}

export type SummaryText = string | number | Html;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(part: SummaryText | SummaryText[]): string {
  if (Array.isArray(part)) return part.map(render).join('');
  return part instanceof Html ? part.value : escapeHtml(String(part));
}

/** A template whose interpolations are escaped unless they are Html already. */
export function html(strings: TemplateStringsArray, ...values: (SummaryText | SummaryText[])[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return new Html(out);
}

export const code = (text: SummaryText): Html => html`<code>${text}</code>`;

/** `a, b, c` with each part rendered (escaped unless Html). */
export const joinHtml = (parts: SummaryText[], separator: SummaryText = ', '): Html =>
  new Html(parts.map(render).join(render(separator)));

export type SummaryCell = SummaryText | { header: string };

export class JobSummary {
  private parts: string[] = [];

  heading(text: SummaryText, level: 1 | 2 | 3 | 4 | 5 | 6 = 3): this {
    this.parts.push(`<h${level}>${render(text)}</h${level}>`);
    return this;
  }

  paragraph(text: SummaryText | SummaryText[]): this {
    this.parts.push(`<p>${render(text)}</p>`);
    return this;
  }

  table(rows: SummaryCell[][]): this {
    const cell = (c: SummaryCell) =>
      typeof c === 'object' && !(c instanceof Html) ? `<th>${escapeHtml(c.header)}</th>` : `<td>${render(c)}</td>`;
    this.parts.push(`<table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`);
    return this;
  }

  /** The HTML so far (tests read it). */
  toString(): string {
    return this.parts.join('\n');
  }

  /**
   * Appends to the runner's summary file. Without GITHUB_STEP_SUMMARY (a local run) there is
   * nowhere to write it, which is no reason to fail the step.
   */
  async write(): Promise<void> {
    const text = this.toString();
    this.parts = [];
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await coreSummary.addRaw(`${text}\n`).write();
  }
}

export function jobSummary(): JobSummary {
  return new JobSummary();
}
