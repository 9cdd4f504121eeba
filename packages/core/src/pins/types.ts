/** The rule ids check-pins reports; stable, used in `ignore` and in the report. */
export const RULE_IDS = [
  'unpinned-uses',
  'missing-version-comment',
  'ref-version-mismatch',
  'impostor-commit',
  'unpinned-tool',
  'floating-from',
  'unused-base-pin',
  'missing-permissions',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One problem at one place. `file` is relative to the checkout, `line` and `column` 1-based. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: RuleId;
  message: string;
  /** What to change, in one sentence. */
  fix: string;
}

/** A file that could not be read as what its name says; reported, and the run goes on. */
export interface FileProblem {
  file: string;
  message: string;
}

/** A 1-based place in a file; `endColumn` is exclusive, on the same line. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}
