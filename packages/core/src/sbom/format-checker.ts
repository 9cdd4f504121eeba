import type { ProblemList } from './problems.js';
import type { SbomFormat } from './types.js';

/** What the stream collected about the top-level object. */
export interface TopLevel {
  /** Members whose value is not an array. */
  members: Record<string, unknown>;
  /** Array members: key → element count. Their elements were handed to `element` and dropped. */
  arrays: Map<string, number>;
}

export interface CheckResult {
  documentName?: string;
  packages?: number;
}

/**
 * Validates one SBOM format. The format is only known once the whole top level has been seen
 * (syft writes `descriptor` last), so every candidate checks the elements of the arrays it
 * cares about until a marker rules it out; the losing candidates' problems are discarded.
 */
export interface FormatChecker {
  readonly format: SbomFormat;
  readonly problems: ProblemList;
  wants(key: string): boolean;
  element(key: string, index: number, value: unknown): void;
  finish(top: TopLevel): CheckResult;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Sets an own property even for keys such as `__proto__` that plain assignment would treat specially. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
