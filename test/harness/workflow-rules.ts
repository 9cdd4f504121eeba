/**
 * The rules every workflow in .github/workflows keeps beside the pinning policy (which is
 * check-pins' own: test/workflows.test.ts runs it over the same files):
 *
 * - schema: GitHub's own workflow parser (@actions/workflow-parser, the schema the Actions
 *   service and the VS Code extension use) accepts the file;
 * - secrets in run: `${{ secrets.* }}` never appears inside a `run:` script (the runner renders
 *   it into the script file); secrets reach steps through `env:`.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';

export type Rule = 'yaml' | 'schema' | 'secret-in-run';

export interface Finding {
  rule: Rule;
  /** `file:line` of the offending node. */
  where: string;
  message: string;
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SECRETS_CONTEXT = /\bsecrets\s*(?:\.|\[)/;
const mentionsSecret = (script: string): boolean =>
  [...script.matchAll(EXPRESSION)].some((m) => SECRETS_CONTEXT.test(m[1] ?? ''));

export async function checkWorkflow(file: string, content: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, keepSourceTokens: false });
  const at = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      rule: 'yaml',
      where: `${file}:${e.linePos?.[0]?.line ?? '?'}`,
      message: e.message,
    }));
  }

  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  for (const e of parsed.context.errors.getErrors()) findings.push({ rule: 'schema', where: file, message: e.message });
  if (parsed.value !== undefined && findings.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) findings.push({ rule: 'schema', where: file, message: e.Message });
  }

  const jobs = (doc.contents as YAMLMap | null)?.get?.('jobs', true);
  if (!isMap(jobs)) {
    if (findings.length === 0) findings.push({ rule: 'schema', where: file, message: 'no jobs mapping' });
    return findings;
  }
  for (const pair of jobs.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '?';
    const job = pair.value;
    if (!isMap(job)) continue;
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, i) => {
      if (!isMap(step)) return;
      const name = step.get('name') ?? step.get('id') ?? `#${i + 1}`;
      const run = step.get('run', true);
      if (isScalar(run) && typeof run.value === 'string' && mentionsSecret(run.value)) {
        findings.push({
          rule: 'secret-in-run',
          where: at(run),
          message: `job '${id}' step '${name}': \${{ secrets.* }} inside run: is rendered into the script; pass it through the step's env: and use "$NAME"`,
        });
      }
    });
  }
  return findings;
}
