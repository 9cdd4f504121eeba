/**
 * The one source of the trust files a bootc image ships so that its hosts verify the next update
 * (docs/host-setup.md): policy.json, a registries.d drop-in and the cosign public key.
 *
 * The same bytes serve two places:
 *   - inside the sample image (scripts/lib/sample.ts), with keyPath the absolute image path
 *     /etc/pki/containers/<name>.pub, as a Containerfile's `COPY cosign.pub …` installs it;
 *   - on the runner or test host (skopeo, cosign, verify-digest with `policy:`), written under a
 *     ROOT directory. containers/image opens keyPath as written, so there keyPath is re-rooted to
 *     ROOT/etc/pki/containers/<name>.pub: the file a host would open at that path. Nothing else
 *     differs, so what the runner verifies is what the image's hosts will verify.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BydigestError } from '../../packages/core/src/errors.js';
import { loadPublicKey } from '../../packages/core/src/cosign/index.js';
import { parseReference } from '../../packages/core/src/oci/index.js';

export interface HostTrustOptions {
  /** The repository hosts pull, without tag or digest, e.g. ghcr.io/owner/os: the policy scope. */
  image: string;
  /**
   * cosign.pub (PEM). Several during a key rotation's overlap: policy.json then names them all
   * with keyPaths (containers/image 5.33 or later on the hosts), and any one verifying is enough.
   */
  publicKeyPem: string | string[];
  /** File name stem for the key and the registries.d drop-in. Default: the repository's last component. */
  name?: string;
  /**
   * Where keyPath points: '/' inside an image (the default); a host directory when the files are
   * written under that directory for tools that run outside the image.
   */
  keyRoot?: string;
}

/** One file, by its path relative to the filesystem root (no leading slash), and its bytes. */
export interface HostTrustFile {
  path: string;
  content: Buffer;
}

export const POLICY_PATH = 'etc/containers/policy.json';
export const REGISTRIES_D = 'etc/containers/registries.d';
export const KEY_DIR = 'etc/pki/containers';

/** The key file(s), policy.json and the registries.d drop-in, in the order a Containerfile would COPY them. Throws on a bad image or key. */
export function hostTrustFiles(opts: HostTrustOptions): HostTrustFile[] {
  const image = checkedRepository(opts.image);
  const pems = (Array.isArray(opts.publicKeyPem) ? opts.publicKeyPem : [opts.publicKeyPem]).map((p) => (p.endsWith('\n') ? p : `${p}\n`));
  if (pems.length === 0) throw new BydigestError('INVALID_ARGUMENT', 'host trust files: no public key', { hint: 'Pass cosign.pub, the key the pipeline signs with.' });
  pems.forEach(checkedKey);
  const name = opts.name ?? image.slice(image.lastIndexOf('/') + 1);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new BydigestError('INVALID_ARGUMENT', `host trust files: name ${JSON.stringify(name)} is not a plain file name stem`, { hint: 'Use letters, digits, . _ - (e.g. "myos").' });
  }
  const keyFiles = pems.map((_, i) => `${KEY_DIR}/${name}${i === 0 ? '' : `-${i + 1}`}.pub`);
  const keyPaths = keyFiles.map((f) => join(opts.keyRoot ?? '/', f));
  const keySource = keyPaths.length === 1 ? { keyPath: keyPaths[0] } : { keyPaths };
  const policy = {
    // Anything not listed is refused: a host of this image pulls only what the scope below verifies.
    default: [{ type: 'reject' }],
    transports: {
      // matchRepository: signatures name the repository, hosts pull the tag promoted afterwards.
      docker: { [image]: [{ type: 'sigstoreSigned', ...keySource, signedIdentity: { type: 'matchRepository' } }] },
    },
  };
  return [
    ...keyFiles.map((path, i) => ({ path, content: Buffer.from(pems[i]!) })),
    { path: POLICY_PATH, content: Buffer.from(JSON.stringify(policy, null, 2) + '\n') },
    { path: `${REGISTRIES_D}/${name}.yaml`, content: Buffer.from(`docker:\n  ${image}:\n    use-sigstore-attachments: true\n`) },
  ];
}

export interface WrittenHostTrust {
  policy: string;
  registriesD: string;
  pubFile: string;
}

/**
 * Writes the files under `root` with keyPath re-rooted to `root`, for tools that run on this
 * machine (skopeo --policy, cosign --key, verify-digest's policy input).
 */
export function writeHostTrustFiles(root: string, opts: Omit<HostTrustOptions, 'keyRoot'>): WrittenHostTrust {
  const abs = resolve(root);
  const files = hostTrustFiles({ ...opts, keyRoot: abs });
  for (const f of files) {
    mkdirSync(dirname(join(abs, f.path)), { recursive: true });
    writeFileSync(join(abs, f.path), f.content);
  }
  return { policy: join(abs, POLICY_PATH), registriesD: join(abs, REGISTRIES_D), pubFile: join(abs, files[0]!.path) };
}

function checkedRepository(input: string): string {
  const ref = parseReference(input);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new BydigestError('INVALID_REFERENCE', `host trust files: image ${JSON.stringify(input)} carries a tag or digest, but a policy scope is a repository`, {
      reference: input,
      hint: `Pass the repository alone, e.g. ${JSON.stringify(`${ref.registry}/${ref.repository}`)}.`,
    });
  }
  // The scope is written as hosts write it: the repository as given (docker.io/library/… stays explicit).
  return `${ref.registry}/${ref.repository}`;
}

function checkedKey(pem: string): void {
  try {
    loadPublicKey(pem);
  } catch (e) {
    const hint = (e as BydigestError).hint ?? 'Pass cosign.pub, the key the pipeline signs with.';
    throw new BydigestError('KEY', `host trust files: public key: ${(e as Error).message}`, { cause: e, hint });
  }
}
