import { isAbsolute, resolve } from 'node:path';
import { KEY_PATH_MODES, type KeyPathMode } from '@bydigest/core';
import { choiceInput, InputError, publicKeysInput, rawInput, requiredInput } from '@bydigest/action-kit';

export interface TrustFilesInputs {
  image: string;
  publicKeyPems: string[];
  name?: string;
  /** Absolute: where the files are written, laid out as a root. */
  dir: string;
  keyRoot: string;
  keyPaths: KeyPathMode;
}

export async function readInputs(): Promise<TrustFilesInputs> {
  const image = requiredInput('image', 'the repository hosts pull, e.g. ghcr.io/owner/os');
  requiredInput('public-key', 'the committed cosign.pub (a path or its contents), or several for a rotation');
  const publicKeyPems = (await publicKeysInput('public-key')).map((k) =>
    k.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const dir = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), rawInput('dir') || 'trust');
  const keyRoot = rawInput('key-root') || '/';
  if (!isAbsolute(keyRoot))
    throw new InputError(
      'key-root',
      `${JSON.stringify(keyRoot)} is not an absolute path`,
      "'/' for files COPY-ed into an image, or the dir input's absolute path for files used on this runner",
    );
  const name = rawInput('name');
  return {
    image,
    publicKeyPems,
    dir,
    keyRoot,
    keyPaths: choiceInput('key-paths', KEY_PATH_MODES, 'auto'),
    ...(name ? { name } : {}),
  };
}
