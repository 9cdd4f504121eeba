/** Check 1: the image's policy.json and registries.d load exactly as containers/image loads them. */
import { parsePolicy } from '../policy/parse-policy.js';
import { mergeRegistriesFiles, type RegistriesConfig } from '../policy/registries-d.js';
import type { Policy } from '../policy/types.js';
import { parseJsonTree, type JsonNode } from '../util/json/strict-json.js';
import type { HostConfigFiles } from './image-files.js';
import { verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

export interface LoadedHostConfig {
  verdict: CheckVerdict;
  policy?: Policy;
  registries?: RegistriesConfig;
}

const EVERY_PULL =
  'containers/image refuses to load it, so every pull on a host running this image fails (bootc upgrade, podman pull, all registries)';

export function loadHostConfig(files: HostConfigFiles): LoadedHostConfig {
  const findings: TrustFinding[] = [];
  let policy: Policy | undefined;
  let registries: RegistriesConfig | undefined;
  try {
    policy = parsePolicy(files.policy.bytes, files.policy.path);
  } catch (e) {
    const message = (e as Error).message;
    findings.push({
      status: 'fail',
      file: files.policy.path,
      field: fieldOf(files.policy.bytes, message),
      message: `${message}: ${EVERY_PULL}`,
      fix: 'correct that field as containers-policy.json(5) spells it (containers/image 5.34 refuses unknown keys, wrong types and missing required fields anywhere in the file), then rebuild the image',
    });
  }
  try {
    registries = mergeRegistriesFiles(files.registriesD.map((f) => ({ path: f.path, text: f.bytes.toString('utf8') })));
  } catch (e) {
    const message = (e as Error).message;
    const file =
      files.registriesD.find((f) => message.includes(f.path))?.path ?? `${files.etc}/containers/registries.d`;
    findings.push({
      status: 'fail',
      file,
      field: '',
      message: `${message}: containers/image fails reading registries.d, so every docker:// pull on such a host fails`,
      fix: 'fix the YAML (see containers-registries.d(5)); each namespace may be configured in one file only',
    });
  }
  const out: LoadedHostConfig = {
    verdict: verdict(
      'policy-loads',
      findings,
      `${files.policy.path} and ${files.registriesD.length} registries.d file(s) load`,
    ),
  };
  if (policy) out.policy = policy;
  if (registries) out.registries = registries;
  return out;
}

/** The JSON location a containers/image message is about, when it names a key; else the whole file. */
function fieldOf(bytes: Buffer, message: string): string {
  const key = /(?:Unknown key|Duplicate key) "((?:[^"\\]|\\.)*)"/.exec(message)?.[1];
  if (key === undefined) return '';
  let root: JsonNode;
  try {
    root = parseJsonTree(bytes.toString('utf8'));
  } catch {
    return '';
  }
  return locate(root, JSON.parse(`"${key}"`) as string) ?? '';
}

/** The path of the first member named `key`, in document order; iterative, as a policy may nest 10,000 deep. */
function locate(root: JsonNode, key: string): string | undefined {
  // `member`: the name of the object member this node is the value of.
  const pending: Array<{ node: JsonNode; at: string; member?: string }> = [{ node: root, at: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, at, member } = next;
    if (member === key) return at;
    const children: typeof pending = [];
    if (node.kind === 'object') {
      for (const [k, v] of node.entries) {
        const here =
          at === ''
            ? /^[A-Za-z_][\w-]*$/.test(k)
              ? k
              : `[${JSON.stringify(k)}]`
            : /^[A-Za-z_][\w]*$/.test(k)
              ? `${at}.${k}`
              : `${at}[${JSON.stringify(k)}]`;
        children.push({ node: v, at: here, member: k });
      }
    } else if (node.kind === 'array') {
      for (const [i, v] of node.items.entries()) children.push({ node: v, at: `${at}[${i}]` });
    }
    // Reversed onto the stack so the first child is searched first.
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return undefined;
}
