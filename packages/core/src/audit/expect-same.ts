/** Tags the pipeline moves together (latest, stable, 41) must name one digest. */
import type { ResolvedTag } from './tag-inventory.js';
import type { AuditProblem } from './types.js';

export function expectSameProblems(
  tags: readonly ResolvedTag[],
  expected: readonly string[],
): Map<string, AuditProblem> {
  const out = new Map<string, AuditProblem>();
  const group = tags.filter((t) => expected.includes(t.tag) && t.digest !== undefined);
  const digests = new Set(group.map((t) => t.digest));
  if (digests.size <= 1) return out;
  const names = group.map((t) => `${t.tag} → ${t.digest!.slice(0, 19)}…`).join(', ');
  for (const t of group)
    out.set(t.tag, { code: 'not-same', message: `expect-same tags resolve to ${digests.size} digests: ${names}` });
  return out;
}
