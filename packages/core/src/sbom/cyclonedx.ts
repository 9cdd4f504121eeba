import { EssentialsChecker } from './essentials-checker.js';
import { isObject, type CheckResult, type TopLevel } from './format-checker.js';
import { childPath, preview } from './json-path.js';

const ARRAYS = ['components', 'services', 'dependencies'];
const SERIAL = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Nested `components` are checked as deep as this; deeper ones pass unchecked rather than recurse without end. */
const MAX_COMPONENT_NESTING = 64;

/**
 * CycloneDX JSON, checked by its essentials (the fields every consumer relies on) rather than
 * the full schema, which changes with every minor spec version.
 */
export class CycloneDxChecker extends EssentialsChecker {
  readonly format = 'cyclonedx' as const;
  protected readonly arrays = ARRAYS;

  protected checkElement(key: string, path: string, value: unknown): void {
    if (key === 'components') this.component(path, value, 0);
    else if (key === 'services') {
      if (this.check.object(path, value)) this.check.requiredString(value, path, 'name');
    } else if (this.check.object(path, value)) {
      this.check.requiredString(value, path, 'ref');
      this.check.stringArray(value, path, 'dependsOn');
    }
  }

  finish(top: TopLevel): CheckResult {
    const m = top.members;
    if (m.bomFormat !== 'CycloneDX') this.problems.add(`bomFormat must be "CycloneDX", found ${preview(m.bomFormat)}`);
    const spec = m.specVersion;
    const minor = typeof spec === 'string' ? /^1\.(\d+)$/.exec(spec)?.[1] : undefined;
    if (spec === undefined) this.problems.add('specVersion is required');
    else if (minor === undefined || Number(minor) < 2) {
      this.problems.add(`specVersion must be a CycloneDX JSON version "1.2" or later, found ${preview(spec)}`);
    }
    if (m.serialNumber !== undefined && !(typeof m.serialNumber === 'string' && SERIAL.test(m.serialNumber))) {
      this.problems.add(`serialNumber must be "urn:uuid:<RFC 4122 UUID>", found ${preview(m.serialNumber)}`);
    }
    if (m.version !== undefined && !(Number.isInteger(m.version) && (m.version as number) >= 1)) {
      this.problems.add(`version must be an integer ≥ 1, found ${preview(m.version)}`);
    }
    for (const key of ARRAYS) this.check.notArray(m, key);
    let documentName: string | undefined;
    if (m.metadata !== undefined && this.check.object('metadata', m.metadata)) {
      this.check.string(m.metadata, 'metadata', 'timestamp');
      const c = m.metadata.component;
      if (c !== undefined) this.component('metadata.component', c, 0);
      if (isObject(c) && typeof c.name === 'string') documentName = c.name;
    }
    return { ...(documentName === undefined ? {} : { documentName }), packages: top.arrays.get('components') ?? 0 };
  }

  private component(path: string, v: unknown, depth: number): void {
    if (!this.check.object(path, v)) return;
    this.check.requiredString(v, path, 'type');
    this.check.requiredString(v, path, 'name');
    for (const key of ['version', 'bom-ref', 'purl']) this.check.string(v, path, key);
    const nested = v.components;
    if (nested === undefined || depth >= MAX_COMPONENT_NESTING) return;
    if (!Array.isArray(nested)) {
      this.problems.add(`${childPath(path, 'components')} must be an array, found ${preview(nested)}`);
      return;
    }
    nested.forEach((c, i) => this.component(`${childPath(path, 'components')}[${i}]`, c, depth + 1));
  }
}
