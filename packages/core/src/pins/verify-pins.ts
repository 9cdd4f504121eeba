import { branchCommit, repositoryExists, tagCommit } from '../github/git-refs.js';
import { isReachableFromRepository } from '../github/reachable.js';
import { restAsGitHubApi, type GitHubRest } from '../github/rest.js';
import { RULE_FIXES } from './rule-fixes.js';
import type { FloatingSite, PinSite } from './sites.js';
import type { Finding, RuleId } from './types.js';

/** A place the network checks could not decide (a repository the token cannot see, too many refs). */
export interface Unverified {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface PinVerification {
  findings: Finding[];
  unverified: Unverified[];
}

/**
 * ref-version-mismatch and impostor-commit: the comment's tag must point at the pinned SHA
 * (through annotated tags), and a SHA whose tag does not vouch for it must be in the history of
 * the repository's own branches or tags. Each (repository, ref) is asked about once.
 */
export async function verifyPins(api: GitHubRest, pins: readonly PinSite[]): Promise<PinVerification> {
  const out: PinVerification = { findings: [], unverified: [] };
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
    let p = memo.get(key);
    if (!p) memo.set(key, (p = f()));
    return p as Promise<T>;
  };
  for (const pin of pins) {
    const name = `${pin.owner}/${pin.repo}`;
    const at = { file: pin.file, line: pin.span.start.line, column: pin.span.start.column };
    const report = (rule: RuleId, message: string): void => {
      out.findings.push({ ...at, rule, message, fix: RULE_FIXES[rule] });
    };
    if (!(await once(`repo ${name}`.toLowerCase(), () => repositoryExists(api, pin.owner, pin.repo)))) {
      out.unverified.push({
        ...at,
        message: `${name}: no such repository, or the github-token cannot read it (HTTP 404); its pin was not verified`,
      });
      continue;
    }
    if (pin.comment !== undefined) {
      const tagged = await once(`tag ${name}@${pin.comment}`.toLowerCase(), () =>
        tagCommit(api, pin.owner, pin.repo, pin.comment!),
      );
      if (tagged === pin.sha) continue;
      report(
        'ref-version-mismatch',
        tagged === undefined
          ? `${name}@${pin.sha} # ${pin.comment}: ${name} has no tag ${pin.comment}`
          : `${name}@${pin.sha} # ${pin.comment}: tag ${pin.comment} points at ${tagged}, not at the pinned SHA (the tag moved, or the comment is stale)`,
      );
    }
    const reach = await once(`reach ${name}@${pin.sha}`.toLowerCase(), async () => {
      const r = await isReachableFromRepository(restAsGitHubApi(api), pin.owner, pin.repo, pin.sha, {
        maxCompares: 50,
      });
      return r.reachable ? 'reachable' : r.complete ? 'unreachable' : 'inconclusive';
    });
    if (reach === 'unreachable') {
      report(
        'impostor-commit',
        `${name}@${pin.sha} is not in the history of any branch or tag of ${name}: a commit from its fork network, not from ${name} itself`,
      );
    } else if (reach === 'inconclusive') {
      out.unverified.push({
        ...at,
        message: `${name}@${pin.sha}: not found from the first branches and tags compared; not verified as ${name}'s own commit`,
      });
    }
  }
  return out;
}

/** The commit each tag or branch ref points at (for `mode: fix`); a ref that resolves to nothing is left out. */
export async function resolveFloating(
  api: GitHubRest,
  sites: readonly FloatingSite[],
): Promise<Map<FloatingSite, string>> {
  const out = new Map<FloatingSite, string>();
  const memo = new Map<string, Promise<string | undefined>>();
  for (const s of sites) {
    const key = `${s.owner}/${s.repo}@${s.ref}`.toLowerCase();
    let p = memo.get(key);
    if (!p)
      memo.set(
        key,
        (p = (async () =>
          (await tagCommit(api, s.owner, s.repo, s.ref)) ?? branchCommit(api, s.owner, s.repo, s.ref))()),
      );
    const sha = await p;
    if (sha) out.set(s, sha);
  }
  return out;
}
