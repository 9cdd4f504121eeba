import { Essentials } from './essentials.js';
import type { CheckResult, FormatChecker, TopLevel } from './format-checker.js';
import { ProblemList } from './problems.js';
import type { SbomFormat } from './types.js';

/**
 * A checker for a format validated by its essentials (CycloneDX, syft): it collects problems
 * through `Essentials` and checks the elements of a fixed set of top-level arrays.
 */
export abstract class EssentialsChecker implements FormatChecker {
  abstract readonly format: SbomFormat;
  readonly problems = new ProblemList();
  protected readonly check = new Essentials(this.problems);
  /** The top-level arrays whose elements this format checks. */
  protected abstract readonly arrays: readonly string[];

  wants(key: string): boolean {
    return this.arrays.includes(key);
  }

  element(key: string, index: number, value: unknown): void {
    this.checkElement(key, `${key}[${index}]`, value);
  }

  /** One element of the array `key`; `path` names it in problems. */
  protected abstract checkElement(key: string, path: string, value: unknown): void;

  abstract finish(top: TopLevel): CheckResult;
}
