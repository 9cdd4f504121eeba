// What only GitHub has, stood in: the `github` context and GITHUB_* variables of a push to main,
// GITHUB_TOKEN (a random token the REST API stand-in accepts: test/harness/github-api.ts, which
// checks every request against GitHub's OpenAPI description but enforces no permissions), and
// the OIDC token endpoint (oidc.ts) with Fulcio and Rekor behind it (test/harness/sigstore.ts). Package
// permissions are not modelled at all: the registry stand-in is anonymous and accepts every push.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startGitHubApi, type GitHubApi } from '../github-api.js';
import { FakeGitRepo } from '../github-git.js';
import { GITHUB_ISSUER, startSigstore, type SigstoreStack } from '../sigstore.js';
import { startOidc, type OidcEndpoint } from './oidc.js';

export interface GitHubStandIn {
  repository: string;
  sha: string;
  ref: string;
  token: string;
  api: GitHubApi;
  sigstore: SigstoreStack;
  oidc: OidcEndpoint;
  runNumber: number;
  stop(): Promise<void>;
}

export async function startGitHub(source: string, repository: string): Promise<GitHubStandIn> {
  const sha = execFileSync('git', ['-C', source, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  const api = await startGitHubApi({ token });
  const [owner, name] = repository.split('/') as [string, string];
  // resolve-ref reads the pushed commit back from the API: one commit on main.
  const repo = new FakeGitRepo(owner, name);
  repo.commits.set(sha, []);
  repo.branch('main', sha);
  api.state.repos.set(repository, repo);
  let sigstore: SigstoreStack;
  let oidc: OidcEndpoint;
  try {
    sigstore = await startSigstore();
    oidc = await startOidc();
  } catch (e) {
    await api.stop();
    throw e;
  }
  return {
    repository,
    sha,
    ref: 'refs/heads/main',
    token,
    api,
    sigstore,
    oidc,
    runNumber: 1 + Math.floor(Math.random() * 1000),
    stop: async () => {
      await oidc.stop();
      await sigstore.stop();
      await api.stop();
    },
  };
}

export interface WorkflowIdentity {
  /** The workflow file, relative to the repository root (`.github/workflows/x.yml`). */
  path: string;
  name: string;
  event: string;
}

/** The `github` context; `caller` is the top-level workflow (a called workflow sees its caller's). */
export function githubContext(gh: GitHubStandIn, caller: WorkflowIdentity, job: string): Record<string, unknown> {
  return {
    repository: gh.repository,
    repository_owner: gh.repository.split('/')[0],
    sha: gh.sha,
    ref: gh.ref,
    ref_name: gh.ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: 'branch',
    event_name: caller.event,
    event: {},
    workflow: caller.name,
    workflow_ref: `${gh.repository}/${caller.path}@${gh.ref}`,
    job,
    run_id: String(1_000_000 + gh.runNumber),
    run_number: String(gh.runNumber),
    run_attempt: '1',
    actor: 'bydigest-test',
    server_url: 'https://github.com',
    api_url: gh.api.url,
    token: gh.token,
  };
}

export function githubEnv(g: Record<string, unknown>): Record<string, string> {
  const s = (k: string): string => String(g[k] ?? '');
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: s('repository'),
    GITHUB_REPOSITORY_OWNER: s('repository_owner'),
    GITHUB_SHA: s('sha'),
    GITHUB_REF: s('ref'),
    GITHUB_REF_NAME: s('ref_name'),
    GITHUB_REF_TYPE: s('ref_type'),
    GITHUB_EVENT_NAME: s('event_name'),
    GITHUB_WORKFLOW: s('workflow'),
    GITHUB_WORKFLOW_REF: s('workflow_ref'),
    GITHUB_JOB: s('job'),
    GITHUB_RUN_ID: s('run_id'),
    GITHUB_RUN_NUMBER: s('run_number'),
    GITHUB_RUN_ATTEMPT: s('run_attempt'),
    GITHUB_ACTOR: s('actor'),
    GITHUB_SERVER_URL: s('server_url'),
    GITHUB_API_URL: s('api_url'),
  };
}

/**
 * The OIDC variables a job with `id-token: write` gets; the token names `jobWorkflowRef` (the
 * workflow file the job is defined in: the called one for a reusable workflow), as Fulcio's
 * certificate will.
 */
export function oidcEnv(
  gh: GitHubStandIn,
  jobWorkflowPath: string,
  g: Record<string, unknown>,
): Record<string, string> {
  const jobWorkflowRef = `${gh.repository}/${jobWorkflowPath}@${gh.ref}`;
  gh.oidc.claims = {
    iss: GITHUB_ISSUER,
    sub: `repo:${gh.repository}:ref:${gh.ref}`,
    repository: gh.repository,
    repository_owner: String(g.repository_owner),
    ref: gh.ref,
    sha: gh.sha,
    event_name: String(g.event_name),
    workflow_ref: String(g.workflow_ref),
    job_workflow_ref: jobWorkflowRef,
    job_workflow_sha: gh.sha,
    runner_environment: 'github-hosted',
    job_workflow_uri: `https://github.com/${jobWorkflowRef}`,
  };
  return gh.oidc.env;
}

/**
 * The actions default to the public-good Sigstore; in the harness their unset Sigstore inputs
 * point at the private one instead (the only inputs the harness ever adds).
 */
export function sigstoreDefaults(
  gh: GitHubStandIn,
  declared: string[],
  given: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const unset = (k: string): boolean => declared.includes(k) && (given[k] === undefined || given[k] === '');
  if (unset('fulcio-url')) out['fulcio-url'] = gh.sigstore.fulcioUrl;
  if (unset('rekor-url')) out['rekor-url'] = gh.sigstore.rekorUrl;
  const keyless = Boolean(given['certificate-identity'] || given['certificate-identity-regexp']);
  if (keyless && unset('trusted-root')) out['trusted-root'] = gh.sigstore.files.trustedRoot;
  return out;
}
