import { CycloneDxChecker } from './cyclonedx.js';
import { markerOf } from './detect.js';
import { setOwn, type FormatChecker, type TopLevel } from './format-checker.js';
import type { JsonScanHandler } from './json-scanner.js';
import { SpdxChecker } from './spdx.js';
import { SyftChecker } from './syft.js';
import type { SbomFormat } from './types.js';

/**
 * Receives the streamed document: keeps the top level minus its arrays, and hands each array
 * element to the checkers still in the running, then drops it.
 */
export class SbomCollector implements JsonScanHandler {
  readonly top: TopLevel = { members: {}, arrays: new Map() };
  readonly checkers: Record<SbomFormat, FormatChecker> = {
    spdx: new SpdxChecker(),
    cyclonedx: new CycloneDxChecker(),
    syft: new SyftChecker(),
  };
  private active: FormatChecker[] = Object.values(this.checkers);
  private narrowed = false;

  member(key: string, value: unknown): void {
    setOwn(this.top.members, key, value);
    const format = markerOf(key, value);
    // Once a marker is seen, only that format's checks run; a second marker is reported at the end.
    if (format && !this.narrowed) {
      this.narrowed = true;
      this.active = [this.checkers[format]];
    }
  }

  arrayStart(key: string): void {
    this.top.arrays.set(key, 0);
  }

  element(key: string, index: number, value: unknown): void {
    for (const c of this.active) if (c.wants(key)) c.element(key, index, value);
  }

  arrayEnd(key: string, count: number): void {
    this.top.arrays.set(key, count);
  }
}
