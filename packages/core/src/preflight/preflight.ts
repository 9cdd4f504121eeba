/**
 * The preflight a publish pipeline runs first: every set-up mistake a fork makes, found in
 * seconds, before anything is pushed, each with its fix. Nothing is written to the registry;
 * the secrets are checked before the registry is asked anything.
 */
import type { KeyObject } from 'node:crypto';
import { BydigestError, isBydigestError } from '../errors.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { repoName } from '../oci/remote/repo-scopes.js';
import type { RepoRef } from '../oci/reference.js';
import { anonymousClient, anonymousPull, type AnonymousPull } from './anonymous-pull.js';
import { checkImageName } from './image-name.js';
import { checkKeySecrets, type KeySecret, type PreflightProblem } from './signing-keys.js';
import { probeWriteAccess } from './write-probe.js';

export interface PreflightOptions {
  /** The repository the pipeline pushes to. */
  image: string;
  /** With the credentials the pipeline pushes with. */
  client: RegistryClient;
  /** The key secrets; undefined when there are none (signing is off). */
  keySecrets?: readonly KeySecret[];
  /** The committed cosign.pub key(s). */
  publicKeys: readonly KeyObject[];
  env: NodeJS.ProcessEnv;
  insecure?: boolean;
  timeoutMs?: number;
  /** Asks whether hosts can pull; default: a client without any credentials. Closed when done. */
  anonymous?: RegistryClient;
}

export interface PreflightWarning {
  message: string;
  fix: string;
}

export interface PreflightReport {
  repo: RepoRef;
  signing: 'on' | 'off';
  writable: boolean;
  /** Undefined when the registry could not be asked. */
  anonymous?: AnonymousPull;
  problems: PreflightProblem[];
  warnings: PreflightWarning[];
}

const GHCR = 'ghcr.io';

export async function preflight(opts: PreflightOptions): Promise<PreflightReport> {
  const repo = checkImageName(opts.image);
  const name = repoName(repo);
  const report: PreflightReport = {
    repo,
    signing: opts.keySecrets ? 'on' : 'off',
    writable: false,
    problems: [],
    warnings: [],
  };
  // The secrets first (one scrypt, ~0.1 s): a key that does not open is bad input, and bad input
  // sends nothing to the registry.
  if (opts.keySecrets) report.problems.push(...(await checkKeySecrets(opts.keySecrets, opts.publicKeys, opts.env)));
  if (report.problems.length > 0) return report;
  try {
    const probe = await probeWriteAccess(opts.client, repo);
    report.writable = probe.writable;
    if (!probe.writable) report.problems.push(writeProblem(repo, probe.status, probe.message));
    const anonymous =
      opts.anonymous ??
      anonymousClient({
        ...(opts.insecure !== undefined ? { insecure: opts.insecure } : {}),
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      });
    report.anonymous = await anonymousPull(repo, anonymous);
    const warning = visibilityWarning(repo, report.anonymous);
    if (warning) report.warnings.push(warning);
  } catch (e) {
    if (!isBydigestError(e, 'NETWORK')) throw e;
    report.problems.push({
      code: 'NETWORK',
      input: 'image',
      message: `the registry ${repo.registry} is unreachable: ${e.message}`,
      fix: `check the registry host in image (${name}), that it is up, and that this runner can reach it (proxy, firewall, a service container not started)`,
    });
  }
  return report;
}

function writeProblem(repo: RepoRef, status: number | undefined, message: string): PreflightProblem {
  const name = repoName(repo);
  const fix =
    repo.registry === GHCR
      ? `give the job \`permissions: packages: write\`; if the package already exists (made by another repository or by hand), open its Package settings → Manage Actions access and add this repository with the Write role; a personal token needs the write:packages scope`
      : `use credentials allowed to push to ${name} (username/password inputs or the auth file), and create the repository or project first where the registry requires it`;
  return {
    code: 'UNAUTHORIZED',
    input: 'password',
    message: `the token cannot write packages to ${name} (${status !== undefined ? `HTTP ${status}: ` : ''}${message})`,
    fix,
  };
}

function visibilityWarning(repo: RepoRef, anonymous: AnonymousPull): PreflightWarning | undefined {
  const name = repoName(repo);
  if (anonymous === 'private') {
    return {
      message: `${name} cannot be pulled anonymously, and bootc hosts pull without credentials`,
      fix:
        repo.registry === GHCR
          ? 'make the package public: Package settings → Danger Zone → Change visibility → Public'
          : 'allow anonymous pulls of the repository, or give every host credentials in /etc/ostree/auth.json',
    };
  }
  if (anonymous === 'absent' && repo.registry === GHCR) {
    return {
      message: `${name} does not exist yet: ghcr.io creates new packages private`,
      fix: 'after the first publish, make it public: Package settings → Danger Zone → Change visibility → Public',
    };
  }
  return undefined;
}

/** One error naming every problem and its fix; the code is the first problem's. */
export function preflightFailure(report: PreflightReport): BydigestError {
  const [first] = report.problems;
  if (!first) throw new Error('internal error: preflightFailure without problems');
  const lines = report.problems.map((p) => `input '${p.input}': ${p.message}. Fix: ${p.fix}`);
  const message =
    lines.length === 1
      ? `preflight: ${lines[0]}`
      : `preflight found ${lines.length} problems:\n- ${lines.join('\n- ')}`;
  return new BydigestError(first.code, message, { reference: repoName(report.repo) });
}
