/** verifyImage's verdicts as audit problems: the same codes verify-digest fails with, per manifest. */
import type { PolicyEvaluation } from '../policy/evaluate.js';
import type { Target } from '../verify/targets.js';
import type { ImageVerdict } from '../verify/verify-image.js';
import type { AuditProblem } from './types.js';

const on = (target: Target) => (target.platform ? { platform: target.platform } : {});
const what = (target: Target) =>
  target.platform ? `platform manifest ${target.platform} (${target.digest})` : target.digest;

/** Key mode: a `.sig` with no layer valid for any key. */
export function keyProblems(verdict: ImageVerdict): AuditProblem[] {
  const out: AuditProblem[] = [];
  for (const t of verdict.targets) {
    for (const p of t.problems) {
      if (p.check !== 'key') continue;
      const found = t.key?.legacy?.verdicts.length ?? 0;
      out.push(
        p.code === 'NO_SIGNATURE'
          ? {
              code: 'unsigned',
              message: `${what(t.target)} has no signature (no ${t.fetched?.signatureRef ?? '.sig'})`,
              ...on(t.target),
            }
          : {
              code: 'bad-signature',
              message: `${what(t.target)} holds ${found} signature(s), none valid for the public key(s)`,
              ...on(t.target),
            },
      );
    }
  }
  return out;
}

/** Policy mode: what containers/image says for one pull of one manifest. */
export function policyProblem(target: Target, evaluation: PolicyEvaluation): AuditProblem | undefined {
  if (evaluation.allowed) return undefined;
  const message = `${evaluation.identity}: ${target.platform ? `platform ${target.platform}: ` : ''}${evaluation.message ?? 'rejected by the policy'}`;
  return { code: evaluation.code === 'NO_SIGNATURE' ? 'unsigned' : 'policy-rejected', message, ...on(target) };
}
