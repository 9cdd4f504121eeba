/**
 * Policy requirements and signedIdentity rules, parsed with containers/image's checks and messages
 * (signature/policy_config.go, policy_config_sigstore.go).
 */
import type { JsonNode } from '../util/strict-json.js';
import { isNameOnly, parseNormalizedNamed } from './docker-reference.js';
import { exactFields, goBytes, goBytesList, goString, goStringList, paranoidObject, PolicyFormatError, typeField } from './json-decode.js';
import type { FulcioRequirement, KeySource, PolicyRequirement, SignedIdentity, SigstoreSigned } from './types.js';

/** PolicyRequirements.UnmarshalJSON: a non-empty array of requirements. */
export function parseRequirements(node: JsonNode): PolicyRequirement[] {
  if (node.kind !== 'array' && node.kind !== 'null') {
    throw new PolicyFormatError(`json: cannot unmarshal ${node.kind} into Go value of type []json.RawMessage`);
  }
  const items = node.kind === 'array' ? node.items : [];
  if (items.length === 0) throw new PolicyFormatError('List of verification policy requirements must not be empty');
  return items.map(parseRequirement);
}

export function parseRequirement(node: JsonNode): PolicyRequirement {
  const type = typeField(node);
  switch (type) {
    case 'insecureAcceptAnything':
    case 'reject':
      exactFields(node, { type: () => {} });
      return { type };
    case 'sigstoreSigned':
      return parseSigstoreSigned(node);
    case 'signedBy':
      paranoidObject(node, (key) => (['type', 'keyType', 'keyPath', 'keyPaths', 'keyData', 'signedIdentity'].includes(key) ? () => {} : undefined));
      return { type };
    case 'signedBaseLayer':
      exactFields(node, { type: () => {}, baseLayerIdentity: () => {} });
      return { type };
    default:
      throw new PolicyFormatError(`Unknown policy requirement type ${JSON.stringify(type)}`);
  }
}

const REKOR_KEYS = ['rekorPublicKeyPath', 'rekorPublicKeyPaths', 'rekorPublicKeyData', 'rekorPublicKeyDatas'];

function parseSigstoreSigned(node: JsonNode): SigstoreSigned {
  let keyPath = '';
  let keyPaths: string[] | undefined;
  let keyData: Buffer | undefined;
  let keyDatas: Buffer[] | undefined;
  let gotKeyPaths = false;
  let gotKeyDatas = false;
  let fulcio = false;
  let fulcioNode: JsonNode | undefined;
  let pki = false;
  const rekor: string[] = [];
  let rekorKeys: KeySource | undefined;
  let signedIdentity: JsonNode | undefined;
  paranoidObject(node, (key) => {
    switch (key) {
      case 'type':
        return () => {};
      case 'keyPath':
        return (v) => (keyPath = goString(v));
      case 'keyPaths':
        return (v) => {
          gotKeyPaths = true;
          keyPaths = goStringList(v);
        };
      case 'keyData':
        return (v) => (keyData = goBytes(v));
      case 'keyDatas':
        return (v) => {
          gotKeyDatas = true;
          keyDatas = goBytesList(v);
        };
      case 'fulcio':
        return (v) => {
          fulcio = true;
          fulcioNode = v;
        };
      case 'pki':
        return () => (pki = true);
      case 'signedIdentity':
        return (v) => (signedIdentity = v);
      case 'rekorPublicKeyPath':
        return (v) => {
          rekor.push(key);
          const path = goString(v);
          if (path !== '') rekorKeys = { kind: 'keyPath', paths: [path] };
        };
      case 'rekorPublicKeyPaths':
        return (v) => {
          rekor.push(key);
          const paths = goStringList(v);
          if (paths?.length) rekorKeys = { kind: 'keyPaths', paths };
        };
      case 'rekorPublicKeyData':
        return (v) => {
          rekor.push(key);
          const data = goBytes(v);
          if (data?.length) rekorKeys = { kind: 'keyData', datas: [data] };
        };
      case 'rekorPublicKeyDatas':
        return (v) => {
          rekor.push(key);
          const datas = goBytesList(v);
          if (datas?.length) rekorKeys = { kind: 'keyDatas', datas };
        };
      default:
        return REKOR_KEYS.includes(key) ? () => rekor.push(key) : undefined;
    }
  });
  if (gotKeyPaths && (keyPaths === undefined || keyPaths.length === 0)) throw new PolicyFormatError('"keyPaths" contains no entries');
  if (gotKeyDatas && (keyDatas === undefined || keyDatas.length === 0)) throw new PolicyFormatError('"keyDatas" contains no entries');

  const sources: KeySource[] = [];
  if (keyPath !== '') sources.push({ kind: 'keyPath', paths: [keyPath] });
  if (keyPaths) sources.push({ kind: 'keyPaths', paths: keyPaths });
  if (keyData) sources.push({ kind: 'keyData', datas: [keyData] });
  if (keyDatas) sources.push({ kind: 'keyDatas', datas: keyDatas });
  if (sources.length + (fulcio ? 1 : 0) + (pki ? 1 : 0) !== 1) {
    throw new PolicyFormatError('exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified');
  }
  if (rekor.length > 1) {
    throw new PolicyFormatError('at most one of rekorPublickeyPath, rekorPublicKeyPaths, rekorPublickeyData and rekorPublicKeyDatas can be used simultaneously');
  }
  const result: SigstoreSigned = {
    type: 'sigstoreSigned',
    signedIdentity: signedIdentity === undefined ? { type: 'matchRepoDigestOrExact' } : parseSignedIdentity(signedIdentity),
  };
  const [source] = sources;
  if (source) result.keys = source;
  if (rekorKeys) result.rekorKeys = rekorKeys;
  if (fulcio) {
    result.fulcio = parseFulcio(fulcioNode);
    // containers/image refuses a Fulcio signature without a Rekor SET it can check.
    if (!rekorKeys) result.unsupported = 'a Fulcio trust root without a Rekor public key';
  } else if (pki) result.unsupported = 'a PKI trust root';
  else if (rekor.length > 0) result.unsupported = `a Rekor public key (${rekor[0]}) with plain keys`;
  return result;
}

/** fulcioTrustRoot as policy_config_sigstore.go reads it: caPath or caData, oidcIssuer, subjectEmail. */
function parseFulcio(node: JsonNode | undefined): FulcioRequirement {
  let caPath = '';
  let caData: Buffer | undefined;
  let oidcIssuer = '';
  let subjectEmail = '';
  if (node) {
    const fields: Record<string, (v: JsonNode) => unknown> = {
      caPath: (v) => (caPath = goString(v)),
      caData: (v) => (caData = goBytes(v)),
      oidcIssuer: (v) => (oidcIssuer = goString(v)),
      subjectEmail: (v) => (subjectEmail = goString(v)),
    };
    paranoidObject(node, (key) => fields[key]);
  }
  if ((caPath === '') === (caData === undefined)) throw new PolicyFormatError('exactly one of caPath and caData must be specified');
  if (oidcIssuer === '') throw new PolicyFormatError('oidcIssuer not specified');
  if (subjectEmail === '') throw new PolicyFormatError('subjectEmail not specified');
  return { ...(caPath !== '' ? { caPath } : {}), ...(caData ? { caData } : {}), oidcIssuer, subjectEmail };
}

export function parseSignedIdentity(node: JsonNode): SignedIdentity {
  const type = typeField(node);
  switch (type) {
    case 'matchExact':
    case 'matchRepoDigestOrExact':
    case 'matchRepository':
      exactFields(node, { type: () => {} });
      return { type };
    case 'exactReference': {
      let dockerReference = '';
      exactFields(node, { type: () => {}, dockerReference: (v) => (dockerReference = goString(v)) });
      const ref = parseNormalizedNamed(dockerReference);
      if (!ref) throw new PolicyFormatError(`Invalid format of dockerReference ${JSON.stringify(dockerReference)}`);
      if (isNameOnly(ref)) throw new PolicyFormatError(`dockerReference ${JSON.stringify(dockerReference)} contains neither a tag nor digest`);
      return { type, dockerReference };
    }
    case 'exactRepository': {
      let dockerRepository = '';
      exactFields(node, { type: () => {}, dockerRepository: (v) => (dockerRepository = goString(v)) });
      if (!parseNormalizedNamed(dockerRepository)) throw new PolicyFormatError(`Invalid format of dockerRepository ${JSON.stringify(dockerRepository)}`);
      return { type, dockerRepository };
    }
    case 'remapIdentity': {
      let prefix = '';
      let signedPrefix = '';
      exactFields(node, { type: () => {}, prefix: (v) => (prefix = goString(v)), signedPrefix: (v) => (signedPrefix = goString(v)) });
      for (const p of [prefix, signedPrefix]) if (!validRemapPrefix(p)) throw new PolicyFormatError(`prefix ${JSON.stringify(p)} is not valid`);
      return { type, prefix, signedPrefix };
    }
    default:
      throw new PolicyFormatError(`Unknown policy reference match type ${JSON.stringify(type)}`);
  }
}

// validateIdentityRemappingPrefix: a bare domain ("host[:port]") or a name starting with one.
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REMAP_DOMAIN = new RegExp(`^${DOMAIN}$`);
const REMAP_NAME = new RegExp(`^${DOMAIN}/${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);

function validRemapPrefix(s: string): boolean {
  return REMAP_DOMAIN.test(s) || REMAP_NAME.test(s);
}
