import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BydigestError } from '../../../errors.js';

export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  /** An OAuth2 refresh token (docker `identitytoken`), exchanged at the token endpoint. */
  | { kind: 'refresh'; username: string; refreshToken: string };

export type CredentialResolver = (registry: string) => Promise<Credentials | undefined>;

interface AuthFile {
  auths?: Record<string, { auth?: string; identitytoken?: string; username?: string; password?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export interface CredentialOptions {
  /** Explicit credentials (action inputs) win over every file. */
  username?: string;
  password?: string;
  /** For ghcr.io when no file matches: the workflow token and its actor. */
  githubToken?: string;
  githubActor?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * The lookup order containers tools use, after explicit inputs: $REGISTRY_AUTH_FILE, containers auth.json
 * (XDG_RUNTIME_DIR, then ~/.config), ~/.docker/config.json (credHelpers, credsStore, auths),
 * then the GitHub token for ghcr.io. Files are read lazily, once per resolver.
 */
export function credentialResolver(opts: CredentialOptions = {}): CredentialResolver {
  const env = opts.env ?? process.env;
  const home = opts.home ?? env.HOME ?? homedir();
  const files: string[] = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  files.push(join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'containers', 'auth.json'));
  files.push(join(env.DOCKER_CONFIG ?? join(home, '.docker'), 'config.json'));
  const cache = new Map<string, Promise<Credentials | undefined>>();

  return (registry) => {
    let hit = cache.get(registry);
    if (!hit) {
      hit = resolve(registry);
      cache.set(registry, hit);
    }
    return hit;
  };

  async function resolve(registry: string): Promise<Credentials | undefined> {
    if (opts.username || opts.password) {
      if (!opts.username || !opts.password) {
        throw new BydigestError('INVALID_ARGUMENT', 'username and password must be given together');
      }
      return { kind: 'basic', username: opts.username, password: opts.password };
    }
    for (const file of files) {
      const parsed = await readAuthFile(file);
      if (!parsed) continue;
      const found = await fromAuthFile(parsed, registry, file, env);
      if (found) return found;
    }
    if (registry === 'ghcr.io' && opts.githubToken) {
      return { kind: 'basic', username: opts.githubActor || 'github-actions', password: opts.githubToken };
    }
    return undefined;
  }
}

async function readAuthFile(path: string): Promise<AuthFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as AuthFile;
  } catch {
    throw new BydigestError('INVALID_ARGUMENT', `auth file ${path} is not valid JSON`, {
      hint: 'fix or remove the file',
    });
  }
}

/** Docker Hub is keyed by its legacy URL in docker's config. */
function authKeys(registry: string): string[] {
  if (registry === 'docker.io')
    return ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/', 'registry-1.docker.io'];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}

async function fromAuthFile(
  file: AuthFile,
  registry: string,
  path: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const keys = authKeys(registry);
  for (const key of keys) {
    const helper = file.credHelpers?.[key];
    if (helper) return runCredentialHelper(helper, key, env);
  }
  for (const key of keys) {
    const entry = file.auths?.[key];
    if (!entry) continue;
    if (entry.identitytoken) {
      return { kind: 'refresh', username: entry.username ?? '<token>', refreshToken: entry.identitytoken };
    }
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0)
        throw new BydigestError('INVALID_ARGUMENT', `auth file ${path}: entry for ${key} is not base64 user:password`);
      return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { kind: 'basic', username: entry.username, password: entry.password };
  }
  if (file.credsStore) return runCredentialHelper(file.credsStore, keys[0] as string, env, true);
  return undefined;
}

/**
 * docker-credential-<name> get: server URL on stdin, JSON on stdout. The secret never
 * appears in argv. "credentials not found" means "no credentials", not an error.
 */
function runCredentialHelper(
  name: string,
  server: string,
  env: NodeJS.ProcessEnv,
  optional = false,
): Promise<Credentials | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${name}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      if (optional) resolve(undefined);
      else
        reject(
          new BydigestError(
            'UNAUTHORIZED',
            `credential helper docker-credential-${name} could not be run: ${e.message}`,
          ),
        );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        if (/credentials not found/i.test(out + err) || optional) return resolve(undefined);
        return reject(
          new BydigestError(
            'UNAUTHORIZED',
            `credential helper docker-credential-${name} failed for ${server} (exit ${code})`,
          ),
        );
      }
      try {
        const parsed = JSON.parse(out) as { Username?: string; Secret?: string };
        if (!parsed.Secret) return resolve(undefined);
        if (parsed.Username === '<token>')
          return resolve({ kind: 'refresh', username: '<token>', refreshToken: parsed.Secret });
        resolve({ kind: 'basic', username: parsed.Username ?? '', password: parsed.Secret });
      } catch {
        reject(new BydigestError('UNAUTHORIZED', `credential helper docker-credential-${name} printed no JSON`));
      }
    });
    child.stdin.end(server);
  });
}
