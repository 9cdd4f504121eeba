import { BydigestError } from '../errors.js';
import type { GitHubRest } from '../github/rest.js';
import { checkSources, sortFindings, type CheckOptions } from './check.js';
import { discoverFiles } from './discover.js';
import { isIgnored } from './ignore.js';
import type { FileProblem, Finding } from './types.js';
import { resolveFloating, verifyPins, type Unverified } from './verify-pins.js';
import { writeFixes } from './write-fixes.js';

export interface CheckPinsRequest {
  /** The checkout. */
  root: string;
  paths: readonly string[];
  options: CheckOptions;
  mode: 'check' | 'fix';
  /** Without it, ref-version-mismatch and impostor-commit are not checked, and fix cannot run. */
  api?: GitHubRest;
}

export interface CheckPinsOutcome {
  findings: Finding[];
  /**
   * Files not checked (not parseable, not a workflow, binary, a symlink out of the checkout) and refs fix could not
   * pin.
   */
  problems: FileProblem[];
  /** Pins the network checks could not decide. */
  unverified: Unverified[];
  /** Files rewritten by `mode: fix`. */
  written: string[];
  filesChecked: number;
  /** Whether ref-version-mismatch and impostor-commit were checked. */
  networkChecked: boolean;
}

/** The whole check over a checkout: read, rule, (fix and read again), then ask GitHub about the SHA pins. */
export async function checkPins(req: CheckPinsRequest): Promise<CheckPinsOutcome> {
  if (req.mode === 'fix' && !req.api) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      'mode: fix needs a github-token to look up the commit each tag points at',
      { hint: 'pass github-token: ${{ github.token }}, or use mode: check' },
    );
  }
  let found = discoverFiles(req.root, req.paths);
  let checked = checkSources(found.files, req.options);
  const written: string[] = [];
  const fixProblems: FileProblem[] = [];
  if (req.mode === 'fix' && checked.floating.length > 0) {
    const resolved = await resolveFloating(req.api!, checked.floating);
    const w = writeFixes(req.root, checked.sources, checked.floating, resolved);
    written.push(...w.written);
    fixProblems.push(...w.problems);
    found = discoverFiles(req.root, req.paths);
    checked = checkSources(found.files, req.options);
  }
  const findings = [...checked.findings];
  const unverified: Unverified[] = [];
  if (req.api) {
    const v = await verifyPins(req.api, checked.pins);
    findings.push(...v.findings.filter((f) => !isIgnored(f, req.options.ignore)));
    unverified.push(...v.unverified);
  }
  return {
    findings: sortFindings(findings),
    problems: [...found.problems, ...checked.problems, ...fixProblems],
    unverified,
    written,
    filesChecked: found.files.length,
    networkChecked: req.api !== undefined,
  };
}
