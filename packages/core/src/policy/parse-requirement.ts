/**
 * Policy requirements and signedIdentity rules, parsed with containers/image's checks and messages
 * (signature/policy_config.go, policy_config_sigstore.go).
 */
import type { JsonNode } from '../util/json/strict-json.js';
import { isNameOnly, parseNormalizedNamed } from './docker-reference.js';
import {
  exactFields,
  goBytes,
  goBytesList,
  goString,
  goStringList,
  paranoidObject,
  PolicyFormatError,
  typeField,
} from './json-decode.js';
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
      paranoidObject(node, (key) =>
        ['type', 'keyType', 'keyPath', 'keyPaths', 'keyData', 'signedIdentity'].includes(key) ? () => {} : undefined,
      );
      return { type };
    case 'signedBaseLayer':
      exactFields(node, { type: () => {}, baseLayerIdentity: () => {} });
      return { type };
    default:
      throw new PolicyFormatError(`Unknown policy requirement type ${JSON.stringify(type)}`);
  }
}

const REKOR_SOURCES = 'rekorPublickeyPath, rekorPublicKeyPaths, rekorPublickeyData and rekorPublicKeyDatas';

/**
 * prSigstoreSigned.UnmarshalJSON then newPRSigstoreSigned: members are decoded in file order (a
 * broken fulcio/pki object fails where it stands), then the identity, then the option checks in
 * Go's order. Presence follows Go's values: "" and null are "not given" for strings and []byte.
 */
function parseSigstoreSigned(node: JsonNode): SigstoreSigned {
  let keyPath = '';
  let keyPaths: string[] | undefined;
  let keyData: Buffer | undefined;
  let keyDatas: Buffer[] | undefined;
  let gotKeyPaths = false;
  let gotKeyDatas = false;
  let fulcio: FulcioRequirement | undefined;
  let pki = false;
  let rekorPath = '';
  let rekorPaths: string[] | undefined;
  let rekorData: Buffer | undefined;
  let rekorDatas: Buffer[] | undefined;
  let gotRekorPaths = false;
  let gotRekorDatas = false;
  let signedIdentityNode: JsonNode | undefined;
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
        return (v) => (fulcio = parseFulcio(v));
      case 'pki':
        return (v) => {
          parsePki(v);
          pki = true;
        };
      case 'rekorPublicKeyPath':
        return (v) => (rekorPath = goString(v));
      case 'rekorPublicKeyPaths':
        return (v) => {
          gotRekorPaths = true;
          rekorPaths = goStringList(v);
        };
      case 'rekorPublicKeyData':
        return (v) => (rekorData = goBytes(v));
      case 'rekorPublicKeyDatas':
        return (v) => {
          gotRekorDatas = true;
          rekorDatas = goBytesList(v);
        };
      case 'signedIdentity':
        return (v) => (signedIdentityNode = v);
      default:
        return undefined;
    }
  });
  const signedIdentity: SignedIdentity =
    signedIdentityNode === undefined ? { type: 'matchRepoDigestOrExact' } : parseSignedIdentity(signedIdentityNode);
  if (gotKeyPaths && !keyPaths?.length) throw new PolicyFormatError('"keyPaths" contains no entries');
  if (gotKeyDatas && !keyDatas?.length) throw new PolicyFormatError('"keyDatas" contains no entries');
  // containers/image's own spelling ("Publickey") in these messages.
  if (gotRekorPaths && !rekorPaths?.length) throw new PolicyFormatError('"rekorPublickeyPaths" contains no entries');
  if (gotRekorDatas && !rekorDatas?.length) throw new PolicyFormatError('"rekorPublickeyDatas" contains no entries');

  const sources: KeySource[] = [];
  if (keyPath !== '') sources.push({ kind: 'keyPath', paths: [keyPath] });
  if (keyPaths) sources.push({ kind: 'keyPaths', paths: keyPaths });
  if (keyData) sources.push({ kind: 'keyData', datas: [keyData] });
  if (keyDatas) sources.push({ kind: 'keyDatas', datas: keyDatas });
  if (sources.length + (fulcio !== undefined ? 1 : 0) + (pki ? 1 : 0) !== 1) {
    throw new PolicyFormatError(
      'exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified',
    );
  }
  const rekor = [
    rekorPath !== '' && 'rekorPublicKeyPath',
    rekorPaths && 'rekorPublicKeyPaths',
    rekorData && 'rekorPublicKeyData',
    rekorDatas && 'rekorPublicKeyDatas',
  ].filter((k): k is string => typeof k === 'string');
  if (rekor.length > 1) throw new PolicyFormatError(`at most one of ${REKOR_SOURCES} can be used simultaneously`);
  if (fulcio !== undefined && rekor.length === 0)
    throw new PolicyFormatError(`At least one of ${REKOR_SOURCES} must be specified if fulcio is used`);

  const result: SigstoreSigned = { type: 'sigstoreSigned', signedIdentity };
  const [source] = sources;
  if (source) result.keys = source;
  const rekorKeys: KeySource | undefined =
    rekorPath !== ''
      ? { kind: 'keyPath', paths: [rekorPath] }
      : rekorPaths
        ? { kind: 'keyPaths', paths: rekorPaths }
        : rekorData
          ? { kind: 'keyData', datas: [rekorData] }
          : rekorDatas
            ? { kind: 'keyDatas', datas: rekorDatas }
            : undefined;
  if (rekorKeys) result.rekorKeys = rekorKeys;
  // fulcio always comes with a Rekor key (checked above): evaluated like containers/image does.
  if (fulcio) result.fulcio = fulcio;
  else if (pki) result.unsupported = 'a PKI trust root';
  else if (rekor.length > 0) result.unsupported = `a Rekor public key (${rekor[0]}) with plain keys`;
  return result;
}

/** prSigstoreSignedFulcio.UnmarshalJSON + newPRSigstoreSignedFulcio. */
function parseFulcio(node: JsonNode): FulcioRequirement {
  let caPath = '';
  let caData: Buffer | undefined;
  let oidcIssuer = '';
  let subjectEmail = '';
  paranoidObject(node, (key) => {
    switch (key) {
      case 'caPath':
        return (v) => (caPath = goString(v));
      case 'caData':
        return (v) => (caData = goBytes(v));
      case 'oidcIssuer':
        return (v) => (oidcIssuer = goString(v));
      case 'subjectEmail':
        return (v) => (subjectEmail = goString(v));
      default:
        return undefined;
    }
  });
  if (caPath !== '' && caData) throw new PolicyFormatError('caPath and caData cannot be used simultaneously');
  if (caPath === '' && !caData) throw new PolicyFormatError('At least one of caPath and caData must be specified');
  if (oidcIssuer === '') throw new PolicyFormatError('oidcIssuer not specified');
  if (subjectEmail === '') throw new PolicyFormatError('subjectEmail not specified');
  return { ...(caPath !== '' ? { caPath } : {}), ...(caData ? { caData } : {}), oidcIssuer, subjectEmail };
}

/** prSigstoreSignedPKI.UnmarshalJSON + newPRSigstoreSignedPKI: validated, not evaluated. */
function parsePki(node: JsonNode): void {
  const paths: Record<string, string> = {
    caRootsPath: '',
    caIntermediatesPath: '',
    subjectEmail: '',
    subjectHostname: '',
  };
  const datas: Record<string, Buffer | undefined> = { caRootsData: undefined, caIntermediatesData: undefined };
  paranoidObject(node, (key) => {
    if (Object.hasOwn(paths, key)) return (v) => (paths[key] = goString(v));
    if (Object.hasOwn(datas, key)) return (v) => (datas[key] = goBytes(v));
    return undefined;
  });
  if (paths.caRootsPath !== '' && datas.caRootsData)
    throw new PolicyFormatError('caRootsPath and caRootsData cannot be used simultaneously');
  if (paths.caRootsPath === '' && !datas.caRootsData)
    throw new PolicyFormatError('At least one of caRootsPath and caRootsData must be specified');
  if (paths.caIntermediatesPath !== '' && datas.caIntermediatesData)
    throw new PolicyFormatError('caIntermediatesPath and caIntermediatesData cannot be used simultaneously');
  if (paths.subjectEmail === '' && paths.subjectHostname === '')
    throw new PolicyFormatError('At least one of subjectEmail, subjectHostname must be specified');
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
      if (isNameOnly(ref))
        throw new PolicyFormatError(
          `dockerReference ${JSON.stringify(dockerReference)} contains neither a tag nor digest`,
        );
      return { type, dockerReference };
    }
    case 'exactRepository': {
      let dockerRepository = '';
      exactFields(node, { type: () => {}, dockerRepository: (v) => (dockerRepository = goString(v)) });
      if (!parseNormalizedNamed(dockerRepository))
        throw new PolicyFormatError(`Invalid format of dockerRepository ${JSON.stringify(dockerRepository)}`);
      return { type, dockerRepository };
    }
    case 'remapIdentity': {
      let prefix = '';
      let signedPrefix = '';
      exactFields(node, {
        type: () => {},
        prefix: (v) => (prefix = goString(v)),
        signedPrefix: (v) => (signedPrefix = goString(v)),
      });
      for (const p of [prefix, signedPrefix])
        if (!validRemapPrefix(p)) throw new PolicyFormatError(`prefix ${JSON.stringify(p)} is not valid`);
      return { type, prefix, signedPrefix };
    }
    default:
      throw new PolicyFormatError(`Unknown policy reference match type ${JSON.stringify(type)}`);
  }
}

// validateIdentityRemappingPrefix: a bare domain ("host[:port]") or a name starting with one.
const DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REMAP_DOMAIN = new RegExp(`^${DOMAIN}$`);
const REMAP_NAME = new RegExp(`^${DOMAIN}/${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);

function validRemapPrefix(s: string): boolean {
  return REMAP_DOMAIN.test(s) || REMAP_NAME.test(s);
}
