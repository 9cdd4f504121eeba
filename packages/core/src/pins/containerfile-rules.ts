import { isAllowedFloating } from './allow-floating.js';
import type { ContainerfileModel } from './containerfile-reader.js';
import { RULE_FIXES } from './rule-fixes.js';
import type { Finding, RuleId, Position } from './types.js';
import { IMAGE_DIGEST } from './uses-ref.js';

const DIGEST_VALUE = /sha256:[0-9a-f]{64}/;

/** floating-from and unused-base-pin for one Containerfile. */
export function containerfileRules(
  file: string,
  model: ContainerfileModel,
  allowFloating: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: RuleId, at: Position, message: string): void => {
    findings.push({ file, line: at.line, column: at.column, rule, message, fix: RULE_FIXES[rule] });
  };
  for (const p of model.pulls) {
    if (IMAGE_DIGEST.test(p.resolved) || isAllowedFloating(p.resolved, allowFloating)) continue;
    const shown = p.resolved === p.raw ? p.raw : `${p.raw} (${p.resolved} with the ARG defaults)`;
    report(
      'floating-from',
      p.at,
      p.unresolved.length > 0
        ? `${p.instruction} ${shown}: ${p.unresolved.join(', ')} has no default, so what is pulled is decided by the build, not pinned here`
        : `${p.instruction} ${shown} is not pinned by digest`,
    );
  }
  // A digest in an ARG that no image reference uses pins nothing (the FROM took a tag instead).
  const used = new Set(model.pulls.flatMap((p) => p.args));
  const seen = new Set<string>();
  for (const a of model.args) {
    if (a.value === undefined || !DIGEST_VALUE.test(a.value) || used.has(a.name) || seen.has(a.name)) continue;
    seen.add(a.name);
    report(
      'unused-base-pin',
      a.at,
      `ARG ${a.name} holds a digest (${a.value.slice(0, 80)}) that no FROM, COPY --from or RUN --mount from= uses; the image pulled is not the one pinned`,
    );
  }
  return findings;
}

/** The ARG names that some Containerfile's image references use. */
export const pullArgs = (models: readonly ContainerfileModel[]): Set<string> =>
  new Set(models.flatMap((m) => m.pulls.flatMap((p) => p.args)));
