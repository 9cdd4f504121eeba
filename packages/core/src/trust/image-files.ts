/**
 * The trust files a host takes from the image it runs, read out of the image through the
 * streaming layer walk (whiteouts and symlinks honoured, nothing extracted): policy.json and
 * registries.d in a first pass (registries.d is only complete once every layer is read), then
 * the key files the policy names in a second pass that stops as soon as all are found.
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { BydigestError } from '../errors.js';
import { findInImage, type FindRequest, type FoundInImage } from '../layers/find-in-image.js';
import { findInRootfs } from '../layers/find-in-rootfs.js';
import {
  openLayoutImage,
  openRegistryImage,
  parseImageSource,
  parsePlatform,
  type LayeredImage,
} from '../layers/image-source.js';
import type { RegistryClient } from '../oci/remote/registry.js';

export const POLICY_PATH = '/etc/containers/policy.json';
export const REGISTRIES_D = '/etc/containers/registries.d';
/** ostree images of the older layout keep the default /etc under /usr/etc. */
const USR_ETC = '/usr/etc';
/** A trust file larger than this is not a trust file; refusing it keeps a hostile image from filling memory. */
const MAX_TRUST_FILE = 4 * 1024 * 1024;

export interface ImageFile {
  /** The path a host opens, e.g. /etc/containers/policy.json. */
  path: string;
  /** Where it is in the image after symlinks (and /usr/etc), e.g. /usr/etc/containers/policy.json. */
  resolved: string;
  layer?: string;
  bytes: Buffer;
}

/** One image (or rootfs), opened for finding files in it. */
export interface TrustSource {
  description: string;
  /** The platform manifest's digest; undefined for a dir: rootfs. */
  digest?: string;
  /** What `source` named: the index when there is one. */
  subjectDigest?: string;
  find(req: FindRequest): Promise<FoundInImage>;
  close(): Promise<void>;
}

export async function openTrustSource(
  source: string,
  opts: { client?: RegistryClient; platform?: string },
): Promise<TrustSource> {
  const spec = parseImageSource(source);
  if (spec.kind === 'dir')
    return { description: source, find: (req) => findInRootfs(spec.path, req), close: async () => {} };
  const platform = parsePlatform(opts.platform || 'linux/amd64');
  let image: LayeredImage;
  if (spec.kind === 'docker') {
    if (!opts.client) throw new BydigestError('INVALID_ARGUMENT', 'docker:// sources need a registry client');
    image = await openRegistryImage(opts.client, spec.ref, platform);
  } else {
    image = await openLayoutImage(spec, platform);
  }
  return {
    description: image.description,
    digest: image.digest,
    subjectDigest: image.subjectDigest,
    find: (req) => findInImage(image, req),
    close: () => image.close(),
  };
}

export interface HostConfigFiles {
  /** '/etc', or '/usr/etc' when the image keeps its default /etc there. */
  etc: string;
  policy: ImageFile;
  /** The registries.d/*.yaml files, sorted by name. */
  registriesD: ImageFile[];
  /** The files of the usual key directories, by image path: readImageFiles takes keys from here first. */
  keyDirFiles: ReadonlyMap<string, ImageFile>;
}

/**
 * Where images keep the keys their policy names (bootc's and Universal Blue's layout). Their
 * files come with the first pass, so the keys need a second walk over the layers only when the
 * policy names a key elsewhere. A few small files at most: more, or larger, are left to that walk.
 */
const KEY_DIRS = ['/etc/pki/containers', `${USR_ETC}/pki/containers`];
const MAX_KEY_DIR_FILES = 32;
const MAX_KEY_FILE = 64 * 1024;

/** The image path a host path lives at. */
export function imagePathOf(hostPath: string, etc: string): string {
  const abs = posix.resolve('/', hostPath);
  return etc !== '/etc' && (abs === '/etc' || abs.startsWith('/etc/')) ? `${etc}${abs.slice(4)}` : abs;
}

async function readFound(
  f: { file: string; size: number; path: string; layer?: string },
  hostPath: string,
  source: string,
): Promise<ImageFile> {
  if (f.size > MAX_TRUST_FILE) {
    throw new BydigestError('POLICY', `${source}: ${hostPath} is ${f.size} bytes, not a trust file`, {
      hint: `a policy, registries.d file or key is far smaller than ${MAX_TRUST_FILE} bytes; check what the image installs there`,
    });
  }
  return { path: hostPath, resolved: f.path, ...(f.layer ? { layer: f.layer } : {}), bytes: await readFile(f.file) };
}

/**
 * More files wanted from the same walk (it reads every layer anyway): `read` gets what was found
 * before the copies are removed.
 */
export interface AlsoFind {
  request: FindRequest;
  read(found: FoundInImage): Promise<void>;
}

export async function readHostConfig(src: TrustSource, also?: AlsoFind): Promise<HostConfigFiles> {
  const usrPolicy = `${USR_ETC}/containers/policy.json`;
  const found = await src.find({
    paths: [POLICY_PATH, usrPolicy, ...(also?.request.paths ?? [])],
    dirs: [REGISTRIES_D, `${USR_ETC}/containers/registries.d`, ...KEY_DIRS, ...(also?.request.dirs ?? [])],
    enough: () => false,
  });
  try {
    await also?.read(found);
    const etc = found.files.has(POLICY_PATH) ? '/etc' : found.files.has(usrPolicy) ? USR_ETC : undefined;
    if (etc === undefined) {
      throw new BydigestError(
        'POLICY',
        `${src.description} has no ${POLICY_PATH}: a host running it has no containers policy, and containers/image then refuses every pull (bootc upgrade, podman pull)`,
        {
          hint: `is this a bootc OS image? If so, install the policy as a real bootc image does: COPY policy.json ${POLICY_PATH} (with registries.d and the public key)`,
        },
      );
    }
    const policyFound = found.files.get(etc === '/etc' ? POLICY_PATH : usrPolicy)!;
    const policy = await readFound(policyFound, POLICY_PATH, src.description);
    const dirFiles = found.dirs.get(etc === '/etc' ? REGISTRIES_D : `${USR_ETC}/containers/registries.d`) ?? [];
    const registriesD: ImageFile[] = [];
    // loadAndMergeConfig reads only the *.yaml names.
    for (const f of dirFiles.filter((d) => d.path.endsWith('.yaml')))
      registriesD.push(await readFound(f, `${REGISTRIES_D}/${posix.basename(f.path)}`, src.description));
    return { etc, policy, registriesD, keyDirFiles: await keyDirFiles(found, src.description) };
  } finally {
    await found.close();
  }
}

async function keyDirFiles(found: FoundInImage, source: string): Promise<Map<string, ImageFile>> {
  const out = new Map<string, ImageFile>();
  const files = KEY_DIRS.flatMap((dir) => (found.dirs.get(dir) ?? []).map((f) => ({ dir, f })));
  if (files.length > MAX_KEY_DIR_FILES) return out;
  for (const { dir, f } of files) {
    // Keyed by the name the directory holds; a file that resolved elsewhere (a symlink) is left to the key walk.
    const imagePath = `${dir}/${posix.basename(f.path)}`;
    if (f.size <= MAX_KEY_FILE && f.path === imagePath) out.set(imagePath, await readFound(f, imagePath, source));
  }
  return out;
}

/**
 * The files at these host paths (absolute, or relative to `/` — the working directory of bootc's
 * update service): the map has an entry for each one found. Paths in `known` (image paths, from
 * readHostConfig) are not walked for again.
 */
export async function readImageFiles(
  src: TrustSource,
  hostPaths: string[],
  etc: string,
  known: ReadonlyMap<string, ImageFile> = new Map(),
): Promise<Map<string, ImageFile>> {
  const out = new Map<string, ImageFile>();
  const wanted = [...new Set(hostPaths)];
  for (const p of wanted) {
    const k = known.get(imagePathOf(p, etc));
    if (k) out.set(p, { ...k, path: p });
  }
  const byImagePath = new Map(wanted.filter((p) => !out.has(p)).map((p) => [imagePathOf(p, etc), p]));
  if (byImagePath.size === 0) return out;
  const found = await src.find({ paths: [...byImagePath.keys()] });
  try {
    for (const [imagePath, f] of found.files)
      out.set(byImagePath.get(imagePath)!, await readFound(f, byImagePath.get(imagePath)!, src.description));
  } finally {
    await found.close();
  }
  return out;
}
