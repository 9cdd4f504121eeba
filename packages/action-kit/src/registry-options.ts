import * as core from '@actions/core';
import { RegistryClient, type RequestEvent } from '@bydigest/core';
import { booleanInput, InputError, integerInput, rawInput } from './inputs.js';

/** The inputs every registry-facing action shares. */
export interface RegistryInputs {
  username?: string;
  password?: string;
  githubToken?: string;
  retries: number;
  insecure: boolean;
}

/** Reads and checks the shared registry inputs; secrets are masked before anything can log them. */
export function readRegistryInputs(): RegistryInputs {
  const username = rawInput('username');
  const password = rawInput('password');
  const githubToken = rawInput('github-token');
  if (password) core.setSecret(password);
  if (githubToken) core.setSecret(githubToken);
  // Checked here, not when a registry first asks for credentials: an anonymous registry never
  // asks, and the mistake would pass unnoticed until the registry requires a login.
  if (username && !password)
    throw new InputError('username', 'is given without password', 'set both, or neither to use an auth file');
  if (password && !username)
    throw new InputError('password', 'is given without username', 'set both, or neither to use an auth file');
  return {
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(githubToken ? { githubToken } : {}),
    retries: integerInput('retries', 3, { min: 0, max: 10 }),
    insecure: booleanInput('insecure', false),
  };
}

/** A registry client for the shared inputs. */
export function registryClient(
  inputs: RegistryInputs,
  extra: { onRequest?: (e: RequestEvent) => void; timeoutMs?: number } = {},
): RegistryClient {
  // Not an input: a knob for fault tests and slow registries, read from the environment.
  const timeoutMs = Number(process.env.BYDIGEST_HTTP_TIMEOUT_MS ?? '') || extra.timeoutMs;
  const { username, password, githubToken } = inputs;
  return new RegistryClient({
    ...(timeoutMs ? { timeoutMs } : {}),
    credentials: {
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(githubToken ? { githubToken } : {}),
      ...(process.env.GITHUB_ACTOR ? { githubActor: process.env.GITHUB_ACTOR } : {}),
    },
    retries: inputs.retries,
    insecure: inputs.insecure,
    ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  });
}

/** Both steps at once, for actions whose inputs are the registry inputs alone. */
export function registryClientFromInputs(extra: { onRequest?: (e: RequestEvent) => void } = {}): RegistryClient {
  return registryClient(readRegistryInputs(), extra);
}
