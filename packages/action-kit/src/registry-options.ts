import * as runner from './runner/index.js';
import { RegistryClient, type RequestEvent } from '@bydigest/core';
import { booleanInput, InputError, integerInput, rawInput } from './inputs.js';

/**
 * The inputs every registry-facing action shares (username, password, github-token,
 * retries, insecure) turned into a client. Secrets are masked before anything can log them.
 */
export function registryClientFromInputs(extra: { onRequest?: (e: RequestEvent) => void } = {}): RegistryClient {
  const username = rawInput('username');
  const password = rawInput('password');
  const githubToken = rawInput('github-token');
  if (password) runner.setSecret(password);
  if (githubToken) runner.setSecret(githubToken);
  // Checked here, not when a registry first asks for credentials: an anonymous registry never
  // asks, and the mistake would pass unnoticed until the registry requires a login.
  if (username && !password) throw new InputError('username', 'is given without password', 'set both, or neither to use an auth file');
  if (password && !username) throw new InputError('password', 'is given without username', 'set both, or neither to use an auth file');
  const retries = integerInput('retries', 3, { min: 0, max: 10 });
  const insecure = booleanInput('insecure', false);
  // Not an input: a knob for fault tests and slow registries, read from the environment.
  const timeoutMs = Number(process.env.BYDIGEST_HTTP_TIMEOUT_MS ?? '') || undefined;
  return new RegistryClient({
    ...(timeoutMs ? { timeoutMs } : {}),
    credentials: {
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(githubToken ? { githubToken } : {}),
      ...(process.env.GITHUB_ACTOR ? { githubActor: process.env.GITHUB_ACTOR } : {}),
    },
    retries,
    insecure,
    ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  });
}
