/**
 * Writes a cosign key pair: DIR/cosign.key (encrypted, mode 0600) and DIR/cosign.pub.
 *
 *   COSIGN_PASSWORD=… pnpm keygen DIR      (pnpm exec tsx scripts/generate-key-pair.ts DIR)
 *
 * The password comes from COSIGN_PASSWORD only, never argv (argv is visible in `ps` and CI logs).
 * The key file is ENCRYPTED COSIGN PRIVATE KEY with scrypt N=32768, which every cosign and
 * containers/image version reads. Existing files are never overwritten.
 */
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateKeyPair } from '../packages/core/src/cosign/index.js';
import { isBydigestError } from '../packages/core/src/errors.js';

export interface GenerateKeyPairResult {
  keyPath: string;
  pubPath: string;
  publicKeyPem: string;
}

export async function generateKeyPairFiles(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<GenerateKeyPairResult> {
  const [dirArg, ...extra] = argv;
  if (!dirArg || extra.length > 0) {
    throw new UsageError(
      'usage: COSIGN_PASSWORD=… generate-key-pair.ts DIR (the password is read from the environment, never from arguments)',
    );
  }
  const password = env.COSIGN_PASSWORD;
  if (password === undefined) {
    // An unset variable is more often a mistake than a wish for the empty password; say so.
    throw new UsageError('COSIGN_PASSWORD is not set: export it (COSIGN_PASSWORD= for an empty password)');
  }
  const dir = resolve(dirArg);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keyPath = join(dir, 'cosign.key');
  const pubPath = join(dir, 'cosign.pub');

  // Both files are claimed before the key exists: `wx` fails on an existing file, and the key is
  // 0600 from its first byte rather than chmod-ed afterwards.
  const keyFile = await open(keyPath, 'wx', 0o600);
  let pubFile: FileHandle | undefined;
  let done = false;
  try {
    pubFile = await open(pubPath, 'wx', 0o644);
    const pair = await generateKeyPair(password);
    await keyFile.writeFile(pair.privateKeyPem);
    await keyFile.sync();
    await pubFile.writeFile(pair.publicKeyPem);
    done = true;
    return { keyPath, pubPath, publicKeyPem: pair.publicKeyPem };
  } finally {
    await keyFile.close();
    await pubFile?.close();
    if (!done) {
      await unlink(keyPath).catch(() => {});
      if (pubFile) await unlink(pubPath).catch(() => {});
    }
  }
}

class UsageError extends Error {}

async function main(): Promise<void> {
  try {
    const { keyPath, pubPath } = await generateKeyPairFiles(process.argv.slice(2), process.env);
    process.stderr.write(`Private key written to ${keyPath}\nPublic key written to ${pubPath}\n`);
  } catch (e) {
    const hint = isBydigestError(e) && e.hint ? `\n${e.hint}` : '';
    const exists =
      (e as NodeJS.ErrnoException).code === 'EEXIST'
        ? '\nRefusing to overwrite an existing key; choose another directory.'
        : '';
    process.stderr.write(`error: ${(e as Error).message}${hint}${exists}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
