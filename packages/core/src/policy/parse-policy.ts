/**
 * policy.json → Policy, refusing what containers/image refuses (NewPolicyFromBytes): a host that
 * cannot load its policy pulls nothing, so a file we accept must be one skopeo accepts too.
 */
import { BydigestError } from '../errors.js';
import { parseJsonTree, type JsonNode } from '../util/json/strict-json.js';
import { paranoidObject, PolicyFormatError } from './json-decode.js';
import { parseRequirements } from './parse-requirement.js';
import type { Policy, PolicyRequirement, TransportScopes } from './types.js';

/**
 * Parses policy.json. `source` (the file name) only shapes the message, which is
 * containers/image's: `invalid policy in "<file>": <reason>`.
 */
export function parsePolicy(bytes: Uint8Array | string, source = 'policy.json'): Policy {
  try {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return policyFromTree(parseJsonTree(text));
  } catch (e) {
    throw new BydigestError('POLICY', `invalid policy in ${JSON.stringify(source)}: ${(e as Error).message}`, {
      cause: e,
      hint: 'skopeo, podman and bootc refuse to pull anything with this file; see containers-policy.json(5).',
    });
  }
}

function policyFromTree(root: JsonNode): Policy {
  let defaults: PolicyRequirement[] | undefined;
  const transports = new Map<string, TransportScopes>();
  paranoidObject(root, (key) => {
    if (key === 'default') return (v) => (defaults = parseRequirements(v));
    if (key === 'transports') return (v) => parseTransports(v, transports);
    return undefined;
  });
  if (defaults === undefined) throw new PolicyFormatError('Default policy is missing');
  return { default: defaults, transports };
}

function parseTransports(node: JsonNode, into: Map<string, TransportScopes>): void {
  if (node.kind === 'null') return;
  paranoidObject(node, (transport) => (value) => {
    const scopes: TransportScopes = new Map();
    if (value.kind !== 'null') {
      // containers/image validates scope names per transport; the docker transport accepts any
      // string, and for the others a bad scope can only fail to match, so none is refused here.
      paranoidObject(value, (scope) => (reqs) => scopes.set(scope, parseRequirements(reqs)));
    }
    into.set(transport, scopes);
  });
}
