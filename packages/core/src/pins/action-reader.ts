import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Located, PipelineModel, StepModel } from './model.js';
import type { SourceText } from './source-text.js';
import type { Span } from './types.js';
import { NotReadable } from './workflow-reader.js';

/**
 * Reads an action.yml with a YAML parser that keeps positions: a composite action's steps
 * (`uses:`, `with:`, `run:`), and a Docker action's `runs.image` when it is a `docker://` image.
 */
export function readAction(source: SourceText): PipelineModel {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines });
  if (doc.errors.length > 0) throw new NotReadable(doc.errors[0]!.message.split('\n')[0]!);
  const root = doc.contents;
  if (!isMap(root)) throw new NotReadable('is not a YAML mapping, so not an action');
  const runs = root.get('runs', true);
  if (!isMap(runs)) throw new NotReadable('has no runs: mapping, so it is not an action');

  const spanOf = (node: Node): Span => {
    const [from = 0, to = 0] = node.range ?? [];
    const start = lines.linePos(from);
    const end = lines.linePos(to);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
  const located = (node: unknown): Located | undefined => {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
    const s = spanOf(node);
    const value = String(node.value);
    return {
      value,
      span: s,
      after: source.line(s.end.line).slice(s.end.column - 1),
      expression: value.includes('${{'),
    };
  };

  const steps: StepModel[] = [];
  const image = located(runs.get('image', true));
  if (image?.value.startsWith('docker://')) steps.push({ uses: image, with: new Map() });
  const list = runs.get('steps', true);
  if (isSeq(list)) {
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const step: StepModel = { with: new Map() };
      const uses = located(item.get('uses', true));
      if (uses) step.uses = uses;
      const run = located(item.get('run', true));
      if (run) step.run = run;
      const inputs = item.get('with', true);
      if (isMap(inputs)) {
        for (const pair of (inputs as YAMLMap).items) {
          const v = located(pair.value);
          if (isScalar(pair.key) && v) step.with.set(String(pair.key.value), v);
        }
      }
      steps.push(step);
    }
  }
  return { kind: 'action', jobs: [{ id: 'runs', at: spanOf(runs), images: [], steps }] };
}
