/**
 * The generated part of docs/actions/<name>.md: inputs and outputs, rendered from the action's
 * action.yml (the public interface), between two markers. Everything outside the markers is
 * hand-written (examples, notes) and kept as it is.
 */
import { parse as parseYaml } from 'yaml';

export const BEGIN =
  '<!-- BEGIN GENERATED FROM action.yml by scripts/gen-action-docs.ts: edit action.yml, then run `pnpm action-docs` -->';
export const END = '<!-- END GENERATED -->';

export interface ActionMeta {
  name: string;
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string | number | boolean }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export function parseActionYaml(text: string): ActionMeta {
  return parseYaml(text) as ActionMeta;
}

/** One line of markdown table cell: pipes escaped, line breaks folded (YAML `>-` text is one paragraph). */
function cell(text: string): string {
  const oneLine = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
  // Outside code spans, `<hex>` would be taken for an HTML tag and vanish on GitHub.
  return oneLine
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;').replace(/>/g, '&gt;') : part))
    .join('`');
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function renderGenerated(action: string, meta: ActionMeta): string {
  const out: string[] = [BEGIN, ''];
  if (meta.description) out.push(`> ${cell(meta.description)}`, '');
  out.push(
    `Runs on \`${meta.runs.using}\`${meta.runs.post ? `, with a post step (\`post-if: ${meta.runs['post-if'] ?? 'success()'}\`)` : ''}.`,
    '',
  );
  out.push('### Inputs', '');
  const inputs = Object.entries(meta.inputs ?? {});
  if (inputs.length === 0) out.push('None.');
  else {
    out.push('| Input | Required | Default | Description |', '| --- | --- | --- | --- |');
    for (const [name, spec] of inputs) {
      const def = spec.default === undefined || spec.default === '' ? '' : code(cell(String(spec.default)));
      out.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description ?? '')} |`);
    }
  }
  out.push('', '### Outputs', '');
  const outputs = Object.entries(meta.outputs ?? {});
  if (outputs.length === 0) out.push('None.');
  else {
    out.push('| Output | Description |', '| --- | --- |');
    for (const [name, spec] of outputs) out.push(`| \`${name}\` | ${cell(spec.description ?? '')} |`);
  }
  out.push(
    '',
    `Read them as \`\${{ steps.<id>.outputs.<name> }}\`. Source: [\`actions/${action}/action.yml\`](../../actions/${action}/action.yml).`,
    '',
    END,
  );
  return out.join('\n');
}

/** The section between the markers, or undefined when a marker is missing. */
export function generatedSection(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END, start);
  if (start < 0 || end < 0) return undefined;
  return doc.slice(start, end + END.length);
}

/** Replaces the generated section of an existing doc, or starts a new doc around it. */
export function updateDoc(existing: string | undefined, action: string, generated: string): string {
  if (existing !== undefined) {
    const current = generatedSection(existing);
    if (current === undefined)
      throw new Error(
        `docs/actions/${action}.md has no generated-section markers; add them where the reference belongs:\n${BEGIN}\n${END}`,
      );
    return existing.replace(current, generated);
  }
  return `# ${action}\n\n${generated}\n\n## Example\n\n\`\`\`yaml\n- uses: <owner>/bydigest/actions/${action}@<sha> # v0.1.0\n\`\`\`\n`;
}

/** Names of the inputs and outputs listed in a generated section (to name what is stale). */
export function listedNames(section: string): { inputs: string[]; outputs: string[] } {
  const part = (heading: string): string[] => {
    const from = section.indexOf(`### ${heading}`);
    if (from < 0) return [];
    const next = section.indexOf('\n### ', from + 4);
    const body = section.slice(from, next < 0 ? undefined : next);
    return [...body.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string);
  };
  return { inputs: part('Inputs'), outputs: part('Outputs') };
}
