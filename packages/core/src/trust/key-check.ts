/**
 * Check 2: every key file the policy names exists in the image at the path a host opens, and
 * parses as the key (or CA) it is meant to be. containers/image reads these files only when it
 * checks a signature, so a missing or broken one does not stop the policy from loading: it makes
 * every signature in that scope fail, which is how #4197 stopped updates silently.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { posix } from 'node:path';
import { publicKeyId } from '../cosign/keys/public-key.js';
import { loadTrustRoot, type KeyFileReader } from '../policy/trust-root.js';
import type { ImageFile } from './image-files.js';
import type { KeyReference } from './key-references.js';
import { verdict, type CheckVerdict, type TrustFinding } from './verdicts.js';

export interface ResolvedKey {
  ref: KeyReference;
  /** The image file read, for a path reference. */
  file?: ImageFile;
  /** Parsed public keys (one for a public or Rekor key; none for a CA). */
  keys: KeyObject[];
  /** sha256 of each key's DER SubjectPublicKeyInfo, hex (or of the CA certificate). */
  fingerprints: string[];
  problem?: string;
}

/** A KeyFileReader over files taken from the image: relative paths resolve against `/`, as for bootc's service. */
export function imageKeyReader(files: ReadonlyMap<string, ImageFile>): KeyFileReader {
  return (path) => {
    const f = files.get(path);
    if (f) return f.bytes;
    const e = new Error(`open ${path}: no such file or directory`) as NodeJS.ErrnoException;
    e.code = 'ENOENT';
    throw e;
  };
}

export function resolveKeys(refs: KeyReference[], files: ReadonlyMap<string, ImageFile>): ResolvedKey[] {
  const read = imageKeyReader(files);
  return refs.map((ref) => {
    const file = ref.path !== undefined ? files.get(ref.path) : undefined;
    const out: ResolvedKey = { ref, keys: [], fingerprints: [], ...(file ? { file } : {}) };
    if (ref.role === 'fulcio-ca') {
      const pem = file?.bytes ?? ref.data;
      if (!pem) return { ...out, problem: `open ${ref.path}: no such file or directory` };
      try {
        const cert = new X509Certificate(pem);
        out.fingerprints.push(cert.fingerprint256.replaceAll(':', '').toLowerCase());
      } catch (e) {
        out.problem = `not a PEM certificate: ${(e as Error).message}`;
      }
      return out;
    }
    const root = loadTrustRoot(
      ref.path !== undefined
        ? { kind: 'keyPath', paths: [ref.path] }
        : { kind: 'keyData', datas: [ref.data ?? Buffer.alloc(0)] },
      read,
    );
    if (!root.ok) return { ...out, problem: root.reason.replace(/^parsing public key 1: /, '') };
    out.keys = root.keys;
    out.fingerprints = root.keys.map(publicKeyId);
    return out;
  });
}

const ROLE_NAME = {
  'public-key': 'public key',
  'fulcio-ca': 'Fulcio CA certificate',
  'rekor-key': 'Rekor public key',
} as const;

/** `inScope`: the scope label hosts use for pull-ref; problems elsewhere only warn (other pulls break). */
export function keyFilesCheck(
  resolved: ResolvedKey[],
  policyFile: string,
  inScope: (scope: string) => boolean,
): CheckVerdict {
  const findings: TrustFinding[] = [];
  for (const k of resolved) {
    const { ref } = k;
    const status = inScope(ref.scope) ? 'fail' : 'warn';
    const who = inScope(ref.scope) ? 'hosts pulling this image' : `pulls that use ${ref.scope}`;
    if (ref.path !== undefined && !posix.isAbsolute(ref.path)) {
      findings.push({
        status,
        file: policyFile,
        field: ref.field,
        message: `${ref.field} is the relative path ${JSON.stringify(ref.path)}: containers/image opens it relative to the working directory of whatever process pulls (${k.file ? `it exists as ${posix.resolve('/', ref.path)}, so bootc's service, running in /, finds it, but` : 'even from /'} podman or skopeo run from any other directory fail every signature)`,
        fix: `write the absolute path, e.g. ${JSON.stringify(posix.resolve('/', ref.path))}`,
      });
    }
    if (k.problem === undefined) continue;
    const missing = ref.path !== undefined && !k.file;
    findings.push({
      status,
      file: ref.path !== undefined && k.file ? k.file.path : policyFile,
      field: ref.field,
      message: missing
        ? `${ref.field} names ${ref.path}, which is not in the image (${k.problem}): ${who} reject every signature, so updates stop`
        : `${ref.field}: the ${ROLE_NAME[ref.role]} ${ref.path ?? '(inline data)'} does not parse (${k.problem}): ${who} reject every signature`,
      fix: missing
        ? `install the ${ROLE_NAME[ref.role]} in the image at ${posix.resolve('/', ref.path!)} (e.g. COPY cosign.pub ${posix.resolve('/', ref.path!)}), or point ${ref.field} at where it is`
        : `replace it with the PEM ${ref.role === 'fulcio-ca' ? 'certificate' : '"PUBLIC KEY" (cosign.pub as cosign writes it)'}`,
    });
  }
  const files = resolved.filter((k) => k.ref.path !== undefined).length;
  return verdict(
    'key-files',
    findings,
    resolved.length === 0
      ? 'the policy names no keys'
      : `${files} key file(s) and ${resolved.length - files} inline key(s) parse`,
  );
}
