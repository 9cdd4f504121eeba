/**
 * The one source of the trust files a bootc image ships so that its hosts verify the next update
 * (docs/host-setup.md): policy.json, a registries.d drop-in and the cosign public key(s),
 * derived from the image name and the key(s) so the copies cannot drift. check-host-trust reads
 * exactly these back out of the image.
 *
 * The same bytes serve two places:
 *   - inside the image, keyPath the absolute image path /etc/pki/containers/<name>.pub, as a
 *     Containerfile's `COPY` installs it (keyRoot '/');
 *   - on a runner or test host (skopeo, cosign, verify-digest with `policy:`), written under a
 *     ROOT directory. containers/image opens keyPath as written, so there keyPath is re-rooted to
 *     ROOT/etc/pki/containers/<name>.pub: the file a host would open at that path.
 *
 * Several keys (a rotation) are trusted through keyPaths (containers/image 5.33 and later): the
 * first key keeps <name>.pub, so a host whose admin froze an older policy.json still finds it;
 * each further key is <name>-<12 hex of its sha256>.pub, a name that stays the key's own
 * through every release of the rotation. The keyPath strategy (one keyPath, any containers/image;
 * a rotation then swaps the file's content, docs/key-rotation.md) takes exactly one key.
 */
import { posix } from 'node:path';
import { loadPublicKeys, publicKeyId } from '../cosign/keys/public-key.js';
import { BydigestError } from '../errors.js';
import { parseReference } from '../oci/reference.js';

export const HOST_POLICY_PATH = 'etc/containers/policy.json';
export const HOST_REGISTRIES_D = 'etc/containers/registries.d';
export const HOST_KEY_DIR = 'etc/pki/containers';

export const KEY_PATH_MODES = ['auto', 'keyPaths', 'keyPath'] as const;
export type KeyPathMode = (typeof KEY_PATH_MODES)[number];

export interface HostTrustOptions {
  /** The repository hosts pull, without tag or digest, e.g. ghcr.io/owner/os: the policy scope. */
  image: string;
  /** cosign.pub (PEM); several PEM blocks for several keys. */
  publicKeyPem: string | readonly string[];
  /** File name stem for the key and the registries.d drop-in. Default: the repository's last component. */
  name?: string;
  /** Where keyPath points: '/' inside an image (the default); a host directory for tools outside it. */
  keyRoot?: string;
  /** auto: keyPath for one key, keyPaths for several. */
  keyPaths?: KeyPathMode;
}

/** One file, by its path relative to the filesystem root (no leading slash), and its bytes. */
export interface HostTrustFile {
  path: string;
  content: Buffer;
}

/** The key file(s), policy.json and the registries.d drop-in, in the order a Containerfile would COPY them. */
export function hostTrustFiles(opts: HostTrustOptions): HostTrustFile[] {
  const image = checkedRepository(opts.image);
  const pems = checkedKeys(opts.publicKeyPem);
  const name = opts.name ?? image.slice(image.lastIndexOf('/') + 1);
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `host trust files: name ${JSON.stringify(name)} is not a plain file name stem`,
      { hint: 'Use at most 64 lower-case letters, digits, . _ - (e.g. "myos").' },
    );
  }
  const mode = opts.keyPaths ?? 'auto';
  if (mode === 'keyPath' && pems.length > 1) {
    throw new BydigestError(
      'INVALID_ARGUMENT',
      `host trust files: the keyPath strategy names one key, and ${pems.length} were given`,
      {
        hint: 'Pass only the key this release trusts (a keyPath-swap rotation changes the file in the switch release), or use keyPaths (hosts with containers/image 5.33 or later).',
      },
    );
  }
  const keyFiles = pems.map((p, i) => `${HOST_KEY_DIR}/${i === 0 ? name : `${name}-${p.id.slice(0, 12)}`}.pub`);
  const paths = keyFiles.map((f) => posix.join(opts.keyRoot ?? '/', f));
  const keySource =
    mode === 'keyPaths' || (mode === 'auto' && paths.length > 1) ? { keyPaths: paths } : { keyPath: paths[0] };
  const policy = {
    // Anything not listed is refused: a host of this image pulls only what the scope below verifies.
    default: [{ type: 'reject' }],
    transports: {
      // matchRepository: signatures name the repository, hosts pull the tag promoted afterwards.
      docker: { [image]: [{ type: 'sigstoreSigned', ...keySource, signedIdentity: { type: 'matchRepository' } }] },
    },
  };
  return [
    ...pems.map((p, i) => ({ path: keyFiles[i]!, content: Buffer.from(p.pem) })),
    { path: HOST_POLICY_PATH, content: Buffer.from(JSON.stringify(policy, null, 2) + '\n') },
    {
      path: `${HOST_REGISTRIES_D}/${name}.yaml`,
      content: Buffer.from(`docker:\n  ${image}:\n    use-sigstore-attachments: true\n`),
    },
  ];
}

function checkedRepository(input: string): string {
  const ref = parseReference(input);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new BydigestError(
      'INVALID_REFERENCE',
      `host trust files: image ${JSON.stringify(input)} carries a tag or digest, but a policy scope is a repository`,
      {
        reference: input,
        hint: `Pass the repository alone, e.g. ${JSON.stringify(`${ref.registry}/${ref.repository}`)}.`,
      },
    );
  }
  // The scope is written as hosts write it: the repository as given (docker.io/library/… stays explicit).
  return `${ref.registry}/${ref.repository}`;
}

/** Each key once, as PKIX PEM: a block that is not a public key fails here, not on a host. */
function checkedKeys(input: string | readonly string[]): Array<{ pem: string; id: string }> {
  const texts = typeof input === 'string' ? [input] : input;
  const keys = texts.flatMap((t) => {
    try {
      const found = loadPublicKeys(t);
      // One key in its own text: its bytes as committed (cosign.pub), not re-encoded.
      return found.length === 1
        ? [{ key: found[0]!, pem: `${t.trim()}\n` }]
        : found.map((key) => ({ key, pem: key.export({ type: 'spki', format: 'pem' }).toString() }));
    } catch (e) {
      const hint = (e as BydigestError).hint ?? 'Pass cosign.pub, the key the pipeline signs with.';
      throw new BydigestError('KEY', `host trust files: public key: ${(e as Error).message}`, { cause: e, hint });
    }
  });
  if (keys.length === 0)
    throw new BydigestError('KEY', 'host trust files: no public key given', {
      hint: 'Pass cosign.pub, the key the pipeline signs with.',
    });
  const out = keys.map((k) => ({ pem: k.pem, id: publicKeyId(k.key) }));
  const twice = out.findIndex((k, i) => out.findIndex((o) => o.id === k.id) !== i);
  if (twice >= 0)
    throw new BydigestError(
      'KEY',
      `host trust files: key ${twice + 1} is given twice (sha256:${out[twice]!.id.slice(0, 16)})`,
      { hint: 'List each public key once.' },
    );
  return out;
}
