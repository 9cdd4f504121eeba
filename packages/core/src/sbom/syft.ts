import { EssentialsChecker } from './essentials-checker.js';
import { isObject, type CheckResult, type TopLevel } from './format-checker.js';
import { preview } from './json-path.js';

const ARRAYS = ['artifacts', 'artifactRelationships', 'files'];

/** syft's own JSON (`syft -o syft-json`), checked by the fields its consumers (grype, syft convert) need. */
export class SyftChecker extends EssentialsChecker {
  readonly format = 'syft' as const;
  protected readonly arrays = ARRAYS;

  protected checkElement(key: string, path: string, value: unknown): void {
    if (!this.check.object(path, value)) return;
    if (key === 'artifacts') {
      for (const k of ['id', 'name', 'type']) this.check.requiredString(value, path, k);
      // syft writes "" for packages without a version
      if (typeof value.version !== 'string')
        this.problems.add(`${path}.version must be a string, found ${preview(value.version)}`);
    } else if (key === 'artifactRelationships') {
      for (const k of ['parent', 'child', 'type']) this.check.requiredString(value, path, k);
    }
  }

  finish(top: TopLevel): CheckResult {
    const m = top.members;
    if (this.check.requiredObject(m, '', 'descriptor')) {
      const d = m.descriptor as Record<string, unknown>;
      if (d.name !== 'syft') this.problems.add(`descriptor.name must be "syft", found ${preview(d.name)}`);
      this.check.string(d, 'descriptor', 'version');
    }
    if (!top.arrays.has('artifacts')) {
      if (Object.hasOwn(m, 'artifacts')) this.check.notArray(m, 'artifacts');
      else this.problems.add('artifacts is required (an array, empty when nothing was found)');
    }
    this.check.notArray(m, 'artifactRelationships');
    this.check.requiredObject(m, '', 'source');
    this.check.requiredObject(m, '', 'distro');
    if (m.schema !== undefined && this.check.object('schema', m.schema))
      this.check.string(m.schema, 'schema', 'version');
    const source = m.source;
    let documentName: string | undefined;
    if (isObject(source)) {
      const meta = source.metadata;
      if (typeof source.name === 'string' && source.name !== '') documentName = source.name;
      else if (isObject(meta) && typeof meta.userInput === 'string') documentName = meta.userInput;
    }
    return { ...(documentName === undefined ? {} : { documentName }), packages: top.arrays.get('artifacts') ?? 0 };
  }
}
