/**
 * registries.d (containers-registries.d(5)) as containers/image reads it (docker/registries_d.go):
 * every *.yaml file is merged, a namespace defined in two files is an error, and for a pull the
 * most specific namespace that *sets* use-sigstore-attachments decides, then default-docker;
 * nothing set means false — and then the `.sig` signatures are never even fetched.
 */
import { parse as parseYaml } from 'yaml';
import { BydigestError } from '../errors.js';
import type { ImageReference } from '../oci/reference.js';
import { policyIdentity, policyNamespaces } from './scope.js';
import { blockDepth, flowDepth, GO_YAML_MAX_DEPTH } from './yaml-depth.js';

export interface RegistryNamespace {
  lookaside?: string;
  lookasideStaging?: string;
  useSigstoreAttachments?: boolean;
  /** The file it came from. */
  source: string;
}

export interface RegistriesConfig {
  defaultDocker?: RegistryNamespace;
  docker: Map<string, RegistryNamespace>;
}

export interface RegistriesFile {
  path: string;
  text: string;
}

/** The empty configuration: what a host without registries.d (or without a matching entry) has. */
export function emptyRegistriesConfig(): RegistriesConfig {
  return { docker: new Map() };
}

/** Merges the files as loadAndMergeConfig does; `files` should be the directory's *.yaml files. */
export function mergeRegistriesFiles(files: readonly RegistriesFile[]): RegistriesConfig {
  const merged = emptyRegistriesConfig();
  for (const file of files) {
    const config = parseRegistriesFile(file.text, file.path);
    if (config.defaultDocker) {
      if (merged.defaultDocker) {
        throw storageError(
          `"default-docker" defined both in ${JSON.stringify(merged.defaultDocker.source)} and ${JSON.stringify(file.path)}`,
        );
      }
      merged.defaultDocker = config.defaultDocker;
    }
    for (const [name, ns] of config.docker) {
      const earlier = merged.docker.get(name);
      if (earlier)
        throw storageError(
          `"docker" namespace ${JSON.stringify(name)} defined both in ${JSON.stringify(earlier.source)} and ${JSON.stringify(file.path)}`,
        );
      merged.docker.set(name, ns);
    }
  }
  return merged;
}

function storageError(detail: string): BydigestError {
  return new BydigestError('POLICY', `Error parsing signature storage configuration: ${detail}`, {
    hint: 'each registries.d namespace may be configured in one file only',
  });
}

/**
 * One file. containers/image converts the YAML (1.1: yes/no/on/off are booleans) to JSON and
 * decodes it loosely: unknown keys are ignored and names match case-insensitively.
 */
export function parseRegistriesFile(text: string, path: string): RegistriesConfig {
  refuseDeepNesting(text, path);
  let doc: unknown;
  try {
    doc = parseYaml(text, { version: '1.1' });
  } catch (e) {
    if (e instanceof RangeError || /call stack/.test((e as Error).message)) {
      // Deep block nesting: the library recursed until the stack ran out; its words name the engine, not the file.
      const at = /at line (\d+)/.exec((e as Error).message)?.[1];
      throw fileError(
        path,
        `mappings or lists nested too deep to read${at ? ` (at line ${at})` : ''}: a registries.d file needs 3 levels; flatten it`,
      );
    }
    throw fileError(path, (e as Error).message.split('\n')[0] ?? String(e));
  }
  const out = emptyRegistriesConfig();
  if (doc === null || doc === undefined) return out;
  if (!isRecord(doc)) throw fileError(path, `the top level is a ${describe(doc)}, not a mapping`);
  const defaultDocker = field(doc, 'default-docker');
  if (defaultDocker !== undefined && defaultDocker !== null)
    out.defaultDocker = parseNamespace(defaultDocker, path, 'default-docker');
  const docker = field(doc, 'docker');
  if (docker !== undefined && docker !== null) {
    if (!isRecord(docker)) throw fileError(path, `"docker" is a ${describe(docker)}, not a mapping of namespaces`);
    for (const [name, value] of Object.entries(docker))
      out.docker.set(name, parseNamespace(value, path, `docker.${name}`));
  }
  return out;
}

function parseNamespace(value: unknown, path: string, where: string): RegistryNamespace {
  const ns: RegistryNamespace = { source: path };
  if (value === null) return ns;
  if (!isRecord(value)) throw fileError(path, `${where} is a ${describe(value)}, not a mapping`);
  const lookaside = stringField(value, 'lookaside', path, where) ?? stringField(value, 'sigstore', path, where);
  if (lookaside) ns.lookaside = lookaside;
  const staging =
    stringField(value, 'lookaside-staging', path, where) ?? stringField(value, 'sigstore-staging', path, where);
  if (staging) ns.lookasideStaging = staging;
  const use = field(value, 'use-sigstore-attachments');
  if (use !== undefined && use !== null) {
    if (typeof use !== 'boolean') {
      throw fileError(
        path,
        `${where}.use-sigstore-attachments must be true or false, got the ${describe(use)} ${JSON.stringify(use)}`,
      );
    }
    ns.useSigstoreAttachments = use;
  }
  return ns;
}

function stringField(obj: Record<string, unknown>, key: string, path: string, where: string): string | undefined {
  const v = field(obj, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw fileError(path, `${where}.${key} must be a string, got the ${describe(v)} ${JSON.stringify(v)}`);
  return v;
}

/** encoding/json's field lookup: the exact name, else a case-insensitive match. */
function field(obj: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(obj, key)) return obj[key];
  const found = Object.keys(obj).find((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : obj[found];
}

/** The YAML library follows ~900 levels of [ and { or of indentation; near 10,000 of [ and { it aborts the process. */
const READABLE_FLOW_DEPTH = 512;

function refuseDeepNesting(text: string, path: string): void {
  const { depth, line } = flowDepth(text, GO_YAML_MAX_DEPTH);
  if (depth > GO_YAML_MAX_DEPTH) {
    // yaml.v3's own words: containers/image refuses the file too.
    throw fileError(
      path,
      `yaml: line ${line}: exceeded max depth of ${GO_YAML_MAX_DEPTH} ([ and { nested ${depth} levels deep)`,
    );
  }
  if (depth > READABLE_FLOW_DEPTH) {
    throw fileError(
      path,
      `[ and { nested ${depth} levels deep: bydigest reads at most ${READABLE_FLOW_DEPTH} (containers/image ${GO_YAML_MAX_DEPTH}), and a registries.d file needs 3; flatten it`,
    );
  }
  const block = blockDepth(text, READABLE_FLOW_DEPTH);
  if (block.depth > READABLE_FLOW_DEPTH) {
    throw fileError(
      path,
      `mappings or lists indented ${block.depth} levels deep (past ${READABLE_FLOW_DEPTH} at line ${block.line}): bydigest reads at most ${READABLE_FLOW_DEPTH}, and a registries.d file needs 3; flatten it`,
    );
  }
}

function fileError(path: string, detail: string): BydigestError {
  return new BydigestError('POLICY', `parsing ${path}: ${detail}`, {
    hint: 'see containers-registries.d(5) for the file format',
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
}

export interface AttachmentsLookup {
  enabled: boolean;
  /** `docker["ns"]` or `default-docker` that decided, undefined when nothing set the option. */
  decidedBy?: string;
  /** The file of the deciding entry. */
  source?: string;
}

/** useSigstoreAttachments(ref): whether containers/image reads the `.sig` attachments for this pull. */
export function sigstoreAttachmentsFor(config: RegistriesConfig, ref: ImageReference): AttachmentsLookup {
  for (const name of [policyIdentity(ref), ...policyNamespaces(ref)]) {
    const ns = config.docker.get(name);
    // An entry without the option does not decide: the lookup goes on to less specific ones.
    if (ns?.useSigstoreAttachments !== undefined)
      return { enabled: ns.useSigstoreAttachments, decidedBy: `docker[${JSON.stringify(name)}]`, source: ns.source };
  }
  const d = config.defaultDocker;
  if (d?.useSigstoreAttachments !== undefined)
    return { enabled: d.useSigstoreAttachments, decidedBy: 'default-docker', source: d.source };
  return { enabled: false };
}
