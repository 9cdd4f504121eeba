import { EXACT_VERSION, type InstallerTable } from './installers.js';
import type { Located, PipelineModel, StepModel } from './model.js';
import { RULE_FIXES } from './rule-fixes.js';
import type { BuildArgSite, FloatingSite, PinSite } from './sites.js';
import type { SourceText } from './source-text.js';
import type { Finding, RuleId, Span } from './types.js';
import { actionName, FULL_SHA, IMAGE_DIGEST, parseUses } from './uses-ref.js';
import { versionComment } from './version-comment.js';
import { isAllowedFloating } from './allow-floating.js';

export interface PipelineFindings {
  findings: Finding[];
  pins: PinSite[];
  floating: FloatingSite[];
  buildArgs: BuildArgSite[];
}

export interface PipelineOptions {
  installers: InstallerTable;
  allowFloating: readonly string[];
}

const DIGEST_VALUE = /sha256:[0-9a-f]{64}/;
const BUILD_COMMAND =
  /\b(?:buildah\s+(?:bud|build)|podman\s+(?:image\s+)?build|docker\s+(?:buildx\s+)?(?:image\s+)?build)\b/;
const BUILD_ARG = /--build-arg(?:=|\s+)(["']?)([A-Za-z_][A-Za-z0-9_]*)=([^\s"']*)/g;
/** The image `name:tag` part carries a tag when the last path segment has a colon before the `@`. */
const TAGGED = /^[^:@]+:[\w][\w.-]*@/;

/** The rules that read one workflow or action.yml on its own. */
export function pipelineRules(
  file: string,
  model: PipelineModel,
  source: SourceText,
  options: PipelineOptions,
): PipelineFindings {
  const out: PipelineFindings = { findings: [], pins: [], floating: [], buildArgs: [] };
  const report = (rule: RuleId, at: Span, message: string): void => {
    out.findings.push({ file, line: at.start.line, column: at.start.column, rule, message, fix: RULE_FIXES[rule] });
  };

  if (model.kind === 'workflow') permissionRules(model, report);
  for (const job of model.jobs) {
    if (job.uses) usesRule(job.uses, `job '${job.id}'`);
    for (const image of job.images) imageRule(image, `job '${job.id}'`);
    for (const step of job.steps) {
      if (step.uses) {
        usesRule(step.uses, `job '${job.id}'`);
        toolRule(step, step.uses);
      }
      buildArgs(step);
    }
  }
  return out;

  function usesRule(uses: Located, where: string): void {
    const ref = parseUses(uses.value);
    if (ref.kind === 'local') return;
    if (ref.kind === 'docker') {
      if (!ref.pinned)
        report(
          'unpinned-uses',
          uses.span,
          `${where}: uses: ${uses.value} is an image by tag; pin it by digest (docker://name:tag@sha256:…)`,
        );
      return;
    }
    if (ref.ref === undefined || !FULL_SHA.test(ref.ref)) {
      report(
        'unpinned-uses',
        uses.span,
        `${where}: uses: ${uses.value} is not pinned to a full 40-character commit SHA${ref.ref ? ` (${ref.ref} is a tag or branch someone can move)` : ''}`,
      );
      if (ref.ref)
        out.floating.push({ file, span: uses.span, owner: ref.owner, repo: ref.repo, ref: ref.ref, after: uses.after });
      return;
    }
    const comment = versionComment(uses.after);
    if (comment === undefined)
      report(
        'missing-version-comment',
        uses.span,
        `${where}: uses: ${uses.value} has no version comment (# v1.2.3) for readers and Renovate`,
      );
    out.pins.push({ file, span: uses.span, owner: ref.owner, repo: ref.repo, sha: ref.ref, comment });
  }

  function imageRule(image: Located, where: string): void {
    if (image.expression) {
      report(
        'floating-from',
        image.span,
        `${where}: image ${image.value} is decided at run time, so no digest is pinned here`,
      );
      return;
    }
    if (!IMAGE_DIGEST.test(image.value)) {
      if (!isAllowedFloating(image.value, options.allowFloating)) {
        report(
          'floating-from',
          image.span,
          `${where}: image ${image.value} is not pinned by digest; a tag can be moved under you`,
        );
      }
      return;
    }
    const lastSegment = image.value.slice(image.value.lastIndexOf('/') + 1);
    if (!TAGGED.test(lastSegment) && versionComment(image.after) === undefined) {
      report(
        'missing-version-comment',
        image.span,
        `${where}: image ${image.value} says no version: write the tag beside the digest (name:tag@sha256:…) or a # <tag> comment`,
      );
    }
  }

  function toolRule(step: StepModel, uses: Located): void {
    const ref = parseUses(uses.value);
    if (ref.kind !== 'repo') return;
    const inputs = options.installers.get(actionName(ref));
    if (!inputs) return;
    const given = inputs
      .map((name) => ({ name, v: step.with.get(name) }))
      .filter((x) => x.v !== undefined && x.v.value.trim() !== '');
    const pinned = given.find((x) => x.v!.expression || EXACT_VERSION.test(x.v!.value.trim()));
    if (pinned) return;
    const floating = given[0];
    if (floating) {
      report(
        'unpinned-tool',
        floating.v!.span,
        `${actionName(ref)}: ${floating.name}: ${floating.v!.value} is not an exact release; the tool it installs can change under the same SHA`,
      );
    } else {
      report(
        'unpinned-tool',
        uses.span,
        `${actionName(ref)} installs a tool whose version is not pinned: set ${inputs.join(' or ')} to an exact release (without it, the action picks its default or the latest)`,
      );
    }
  }

  function buildArgs(step: StepModel): void {
    if (step.run && BUILD_COMMAND.test(step.run.value)) {
      for (const m of step.run.value.matchAll(BUILD_ARG)) addBuildArg(m[2] as string, m[3] as string, step.run);
    }
    const uses = step.uses && parseUses(step.uses.value);
    const args = step.with.get('build-args');
    if (uses?.kind === 'repo' && actionName(uses) === 'redhat-actions/buildah-build' && args) {
      for (const line of args.value.split('\n')) {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*$/.exec(line);
        if (m) addBuildArg(m[1] as string, m[2] as string, args);
      }
    }
  }

  function addBuildArg(name: string, value: string, node: Located): void {
    if (!DIGEST_VALUE.test(value)) return;
    out.buildArgs.push({ file, span: spanOfText(source, node.span, `${name}=`), name, value });
  }
}

/** Where `needle` first appears inside a node (a run: block), or the node's start. */
function spanOfText(source: SourceText, within: Span, needle: string): Span {
  const from = source.offset(within.start.line, within.start.column);
  const to = source.offset(within.end.line, within.end.column);
  const at = source.text.indexOf(needle, from);
  if (at === -1 || at > to) return within;
  const start = source.position(at);
  return { start, end: source.position(at + needle.length) };
}

function permissionRules(model: PipelineModel, report: (rule: RuleId, at: Span, message: string) => void): void {
  const writeAll = (p: { scalar?: string } | undefined): boolean => p?.scalar === 'write-all';
  if (writeAll(model.permissions))
    report('missing-permissions', model.permissions!.at, 'the workflow grants permissions: write-all to every job');
  for (const job of model.jobs) {
    if (writeAll(job.permissions))
      report('missing-permissions', job.permissions!.at, `job '${job.id}' grants permissions: write-all`);
    else if (!job.permissions && !model.permissions) {
      report(
        'missing-permissions',
        job.at,
        `job '${job.id}' has no permissions: and the workflow sets none, so it gets the repository's default token permissions`,
      );
    }
  }
}
