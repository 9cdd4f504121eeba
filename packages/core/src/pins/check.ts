import { readAction } from './action-reader.js';
import { readContainerfile, type ContainerfileModel } from './containerfile-reader.js';
import { pullArgs, containerfileRules } from './containerfile-rules.js';
import { isIgnored, type IgnoreEntry } from './ignore.js';
import type { InstallerTable } from './installers.js';
import { pipelineRules } from './pipeline-rules.js';
import { RULE_FIXES } from './rule-fixes.js';
import type { FloatingSite, PinSite } from './sites.js';
import { SourceText } from './source-text.js';
import type { FileProblem, Finding } from './types.js';
import { NotReadable, readWorkflow } from './workflow-reader.js';

export type FileKind = 'workflow' | 'action' | 'containerfile';

/** A file to check: its path relative to the checkout, what it is, and its text (undefined: not UTF-8). */
export interface SourceFile {
  file: string;
  kind: FileKind;
  text: string | undefined;
}

export interface CheckOptions {
  installers: InstallerTable;
  allowFloating: readonly string[];
  ignore: readonly IgnoreEntry[];
}

export interface CheckResult {
  findings: Finding[];
  problems: FileProblem[];
  /** SHA pins, for the checks that ask GitHub. */
  pins: PinSite[];
  /** Tag and branch refs, for `mode: fix`. */
  floating: FloatingSite[];
  /** The files read, with their text. */
  sources: Map<string, SourceText>;
}

/** The checks that need nothing but the files: every rule except the ones that ask GitHub. */
export function checkSources(files: readonly SourceFile[], options: CheckOptions): CheckResult {
  const result: CheckResult = { findings: [], problems: [], pins: [], floating: [], sources: new Map() };
  const containerfiles: ContainerfileModel[] = [];
  const buildArgs = [];
  for (const f of files) {
    if (f.text === undefined) {
      result.problems.push({ file: f.file, message: `${f.file} is not UTF-8 text (a binary file?); not checked` });
      continue;
    }
    const source = new SourceText(f.text);
    try {
      if (f.kind === 'containerfile') {
        const model = readContainerfile(f.text);
        containerfiles.push(model);
        result.findings.push(...containerfileRules(f.file, model, options.allowFloating));
      } else {
        const model = f.kind === 'workflow' ? readWorkflow(f.file, source) : readAction(source);
        const found = pipelineRules(f.file, model, source, options);
        result.findings.push(...found.findings);
        result.pins.push(...found.pins);
        result.floating.push(...found.floating);
        buildArgs.push(...found.buildArgs);
      }
      result.sources.set(f.file, source);
    } catch (e) {
      if (!(e instanceof NotReadable)) throw e;
      result.problems.push({ file: f.file, message: `${f.file} ${e.message}; not checked` });
    }
  }
  // A digest a workflow passes to a build pins nothing unless some image reference uses that ARG.
  const used = pullArgs(containerfiles);
  for (const b of buildArgs) {
    if (used.has(b.name)) continue;
    result.findings.push({
      file: b.file,
      line: b.span.start.line,
      column: b.span.start.column,
      rule: 'unused-base-pin',
      message: `the build is passed ${b.name}=${b.value.slice(0, 80)}, but no FROM, COPY --from or RUN --mount from= in the Containerfiles checked uses \${${b.name}}`,
      fix: RULE_FIXES['unused-base-pin'],
    });
  }
  result.findings = sortFindings(result.findings.filter((f) => !isIgnored(f, options.ignore)));
  return result;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
