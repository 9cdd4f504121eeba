import type { KeyObject } from 'node:crypto';
import {
  isValidTag,
  loadPolicyFile,
  loadRegistriesDir,
  parseReference,
  PROBLEM_CODES,
  type ImageReference,
  type LoadedRegistriesD,
  type Policy,
} from '@bydigest/core';
import {
  InputError,
  integerInput,
  listInput,
  parseInput,
  publicKeysInput,
  rawInput,
  readRegistryInputs,
  requiredInput,
  truncate,
  withInput,
  type RegistryInputs,
} from '@bydigest/action-kit';

/** What fail-on may list: every problem code, and `unknown` (tags that could not be judged). */
export const FAIL_ON = [...PROBLEM_CODES.filter((c) => c !== 'unreadable'), 'unknown'] as const;
export type FailOn = 'any' | 'none' | (typeof FAIL_ON)[number][];

export interface AuditInputs {
  repositories: ImageReference[];
  publicKeys?: KeyObject[];
  host?: { path: string; policy: Policy; registriesDir: string; registries: LoadedRegistriesD };
  require: { signature: boolean; sbom: boolean };
  failOn: FailOn;
  expectSame: string[];
  stale?: { pattern: RegExp; maxAgeDays: number };
  registry: RegistryInputs;
}

export async function readInputs(): Promise<AuditInputs> {
  requiredInput('images', 'the repositories to audit, one per line, e.g. ghcr.io/owner/image');
  const repositories = listInput('images').map((raw) => parseInput('images', () => repositoryOnly(raw))!);
  const require = requireInput();
  const policyPath = rawInput('policy');
  const registriesDir = rawInput('registries-d');
  if (rawInput('public-key') && policyPath)
    throw new InputError(
      'policy',
      'is given with public-key; give one of them',
      'public-key checks as cosign verify --key does; policy + registries-d as a bootc host does',
    );
  if ((require.signature || require.sbom) && !rawInput('public-key') && !policyPath) {
    throw new InputError(
      'public-key',
      'is required unless policy is given',
      'pass cosign.pub (PEM text or paths, one per line), or a policy.json and registries.d to audit as a bootc host',
    );
  }
  if (registriesDir && !policyPath)
    throw new InputError(
      'registries-d',
      'is given without policy',
      'registries.d only matters for evaluating a policy.json: pass policy too',
    );
  if (policyPath && !registriesDir)
    throw new InputError(
      'registries-d',
      'is required with policy',
      'pass the registries.d directory your image installs (use-sigstore-attachments: true)',
    );
  const inputs: AuditInputs = {
    repositories,
    require,
    failOn: failOnInput(),
    expectSame: expectSameInput(),
    registry: readRegistryInputs(),
  };
  if (rawInput('public-key')) inputs.publicKeys = await publicKeysInput('public-key');
  if (policyPath) {
    inputs.host = {
      path: policyPath,
      registriesDir,
      policy: await withInput('policy', () => loadPolicyFile(policyPath)),
      registries: await withInput('registries-d', () => loadRegistriesDir(registriesDir)),
    };
  }
  const stale = staleInput();
  if (stale) inputs.stale = stale;
  return inputs;
}

function repositoryOnly(raw: string): ImageReference {
  const ref = parseReference(raw);
  if (ref.tag !== undefined || ref.digest !== undefined)
    throw new InputError(
      'images',
      `${truncate(raw)} names a tag or digest; list repositories`,
      'e.g. ghcr.io/owner/image (every tag of it is audited)',
    );
  return ref;
}

function requireInput(): AuditInputs['require'] {
  const parts = listInput('require');
  const bad = parts.find((p) => p !== 'signature' && p !== 'sbom');
  if (bad !== undefined)
    throw new InputError(
      'require',
      `${JSON.stringify(truncate(bad))} is not signature or sbom`,
      'e.g. signature,sbom (each part optional)',
    );
  return { signature: parts.includes('signature'), sbom: parts.includes('sbom') };
}

function failOnInput(): FailOn {
  const parts = listInput('fail-on');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'any')) return 'any';
  if (parts.length === 1 && parts[0] === 'none') return 'none';
  const bad = parts.find((p) => !(FAIL_ON as readonly string[]).includes(p));
  if (bad !== undefined)
    throw new InputError(
      'fail-on',
      `${JSON.stringify(truncate(bad))} is not a problem code`,
      `any, none, or a list of ${FAIL_ON.join(', ')}`,
    );
  return parts as (typeof FAIL_ON)[number][];
}

function staleInput(): AuditInputs['stale'] {
  const raw = rawInput('stale-tags');
  if (!raw) {
    if (rawInput('max-age-days'))
      throw new InputError(
        'max-age-days',
        'is given without stale-tags',
        'stale-tags names the channel tags to age, e.g. ^(stable|latest)$',
      );
    return undefined;
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(raw);
  } catch (e) {
    throw new InputError(
      'stale-tags',
      `is not a regular expression: ${(e as Error).message}`,
      'e.g. ^(stable|latest)$',
    );
  }
  return { pattern, maxAgeDays: integerInput('max-age-days', 14, { min: 0, max: 36_500 }) };
}

/** Bare tags, looked up in every repository: a value that is no tag is the input's fault, not a failed audit. */
function expectSameInput(): string[] {
  const tags = listInput('expect-same');
  const bad = tags.find((t) => !isValidTag(t));
  if (bad !== undefined) {
    throw new InputError(
      'expect-same',
      `${JSON.stringify(truncate(bad))} is not a tag`,
      'list bare tags, e.g. latest stable 41',
    );
  }
  return tags;
}
