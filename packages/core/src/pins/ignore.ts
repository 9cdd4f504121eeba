import { BydigestError } from '../errors.js';
import { RULE_IDS, type Finding, type RuleId } from './types.js';

/** `rule` (everywhere) or `rule:path` (a file, a folder ending in `/`, or a glob with `*`). */
export interface IgnoreEntry {
  rule: RuleId;
  path?: RegExp;
}

export function parseIgnore(lines: readonly string[]): IgnoreEntry[] {
  return lines.map((line) => {
    const text = line.trim();
    const colon = text.indexOf(':');
    const rule = colon === -1 ? text : text.slice(0, colon);
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      throw new BydigestError('INVALID_ARGUMENT', `ignore: ${JSON.stringify(rule)} is not a rule id`, {
        hint: `use one of ${RULE_IDS.join(', ')}, optionally followed by :path`,
      });
    }
    if (colon === -1) return { rule: rule as RuleId };
    return { rule: rule as RuleId, path: pathPattern(text.slice(colon + 1).trim()) };
  });
}

export function pathPattern(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}${glob.endsWith('/') ? '.*' : ''}$`);
}

export const isIgnored = (f: Finding, entries: readonly IgnoreEntry[]): boolean =>
  entries.some((e) => e.rule === f.rule && (e.path === undefined || e.path.test(f.file)));
