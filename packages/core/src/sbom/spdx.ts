import { setOwn, type CheckResult, type FormatChecker, type TopLevel } from './format-checker.js';
import { ProblemList } from './problems.js';
import { describeSchemaError, type SchemaValidate } from './schema-errors.js';
import * as generated from './spdx-validators.generated.js';

const { top: validateTop, ...items } = generated as unknown as Record<string, SchemaValidate> & { top: SchemaValidate };
/** A Map, not the module namespace: lookups on namespace objects cost ~10% of a 200 MB run. */
const ITEM_VALIDATORS: ReadonlyMap<string, SchemaValidate> = new Map(Object.entries(items));

export const SPDX_VERSIONS = ['SPDX-2.3', 'SPDX-2.2'];

/**
 * SPDX 2.3 JSON schema, applied to the top level (big arrays stand in as `[]`) and to each array
 * element as it streams past. SPDX 2.2 documents are checked against the 2.3 schema too: 2.3 only
 * relaxed 2.2's required package fields and added optional ones.
 */
export class SpdxChecker implements FormatChecker {
  readonly format = 'spdx' as const;
  readonly problems = new ProblemList();

  wants(key: string): boolean {
    return ITEM_VALIDATORS.has(key);
  }

  element(key: string, index: number, value: unknown): void {
    const validate = ITEM_VALIDATORS.get(key)!;
    if (validate(value)) return;
    this.report(`${key}[${index}]`, value, validate);
  }

  finish(top: TopLevel): CheckResult {
    const doc: Record<string, unknown> = { ...top.members };
    for (const key of top.arrays.keys()) setOwn(doc, key, []);
    if (!validateTop(doc)) this.report('', doc, validateTop);
    this.specRules(top.members);
    const name = top.members.name;
    return { ...(typeof name === 'string' ? { documentName: name } : {}), packages: top.arrays.get('packages') ?? 0 };
  }

  /** Rules of the SPDX 2.3 specification that its JSON schema leaves out. */
  private specRules(m: Record<string, unknown>): void {
    const v = m.spdxVersion;
    if (typeof v === 'string' && !SPDX_VERSIONS.includes(v)) {
      this.problems.add(`spdxVersion is ${JSON.stringify(v)}; supported: ${SPDX_VERSIONS.join(', ')}`);
    }
    if (typeof m.dataLicense === 'string' && m.dataLicense !== 'CC0-1.0') {
      this.problems.add(`dataLicense must be "CC0-1.0", found ${JSON.stringify(m.dataLicense)}`);
    }
    if (typeof m.SPDXID === 'string' && m.SPDXID !== 'SPDXRef-DOCUMENT') {
      this.problems.add(`SPDXID must be "SPDXRef-DOCUMENT", found ${JSON.stringify(m.SPDXID)}`);
    }
    if (!Object.hasOwn(m, 'documentNamespace')) {
      this.problems.add('documentNamespace is required (SPDX 2.3 §6.5: exactly one, a unique URI)');
    }
  }

  private report(base: string, value: unknown, validate: SchemaValidate): void {
    for (const e of validate.errors ?? []) {
      if (this.problems.wantsMore) this.problems.add(describeSchemaError(base, value, e));
      else this.problems.total++;
    }
  }
}
