import { childPath, preview } from './json-path.js';
import type { ProblemList } from './problems.js';

/**
 * Small typed checks for the formats validated by their essentials rather than a full schema.
 * Each returns whether the value passed, so callers can skip checks below a broken node.
 */
export class Essentials {
  constructor(private readonly problems: ProblemList) {}

  object(path: string, v: unknown): v is Record<string, unknown> {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return true;
    this.problems.add(`${path} must be an object, found ${preview(v)}`);
    return false;
  }

  /** Present and non-empty: identifiers and names that consumers key on. */
  requiredString(obj: Record<string, unknown>, path: string, key: string): boolean {
    if (!Object.hasOwn(obj, key)) {
      this.problems.add(`${childPath(path, key)} is required`);
      return false;
    }
    const v = obj[key];
    if (typeof v === 'string' && v !== '') return true;
    this.problems.add(`${childPath(path, key)} must be a non-empty string, found ${preview(v)}`);
    return false;
  }

  /** A string when present; generators do write "" for unknown versions and the like. */
  string(obj: Record<string, unknown>, path: string, key: string): boolean {
    const v = obj[key];
    if (v === undefined || typeof v === 'string') return true;
    this.problems.add(`${childPath(path, key)} must be a string, found ${preview(v)}`);
    return false;
  }

  requiredObject(obj: Record<string, unknown>, path: string, key: string): boolean {
    if (!Object.hasOwn(obj, key)) {
      this.problems.add(`${childPath(path, key)} is required`);
      return false;
    }
    return this.object(childPath(path, key), obj[key]);
  }

  /** For top-level keys that must hold arrays: a non-array value was collected as a plain member. */
  notArray(members: Record<string, unknown>, key: string): void {
    if (Object.hasOwn(members, key)) this.problems.add(`${key} must be an array, found ${preview(members[key])}`);
  }

  stringArray(obj: Record<string, unknown>, path: string, key: string): void {
    const v = obj[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      this.problems.add(`${childPath(path, key)} must be an array of strings, found ${preview(v)}`);
    }
  }
}
