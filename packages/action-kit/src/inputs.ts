import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { BydigestError, loadPublicKeys, publicKeyId, type ErrorCode } from '@bydigest/core';

/**
 * An input the user got wrong. The message always starts with the input's name, so the
 * log line tells the user which `with:` key to fix.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
    readonly hint?: string,
  ) {
    super(`input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

/** Which `with:` input a library error code points at, per action (core speaks of the domain). */
export type InputForCode = Partial<Record<ErrorCode, string>>;

/**
 * Where errors point: one input owns every error (as a parser's errors are its input's), or a
 * code→input map owns the errors whose code it lists, with `'*'` for every other error.
 */
export type InputFor = string | (InputForCode & { '*'?: string });

/**
 * The one way from an error to the input it names, decided by the error's code (never its text).
 * An InputError passes through; the error's hint is kept (`hint` stands in when it has none).
 */
export function asInputError(e: unknown, to: InputFor, hint?: string): unknown {
  if (e instanceof InputError) return e;
  const input = typeof to === 'string' ? to : ((e instanceof BydigestError ? to[e.code] : undefined) ?? to['*']);
  if (input === undefined) return e;
  const err = e as Error & { hint?: string };
  return new InputError(input, err instanceof Error ? err.message : String(e), err?.hint ?? hint);
}

/** Runs `fn` (sync or async) for an input: what it throws becomes that input's error (see asInputError). */
export function withInput<T>(to: InputFor, fn: () => T, hint?: string): T {
  let out: T;
  try {
    out = fn();
  } catch (e) {
    throw asInputError(e, to, hint);
  }
  if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(asInputError(e, to, hint))) as T;
  return out;
}

/** The raw input, trimmed; empty when unset (the runner passes action.yml defaults itself). */
export function rawInput(name: string): string {
  return core.getInput(name);
}

export function requiredInput(name: string, hint?: string): string {
  const value = rawInput(name);
  if (value === '') throw new InputError(name, 'is required but empty', hint);
  return value;
}

/**
 * Parses an input with a core parser; a parser error becomes an InputError naming the input,
 * keeping the parser's own hint.
 */
export function parseInput<T>(
  name: string,
  parse: (raw: string) => T,
  opts: { required?: boolean; hint?: string } = {},
): T | undefined {
  const raw = rawInput(name);
  if (raw === '') {
    if (opts.required) throw new InputError(name, 'is required but empty', opts.hint);
    return undefined;
  }
  return withInput(name, () => parse(raw), opts.hint);
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const raw = rawInput(name).toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new InputError(name, `must be true or false, got ${JSON.stringify(truncate(raw))}`);
}

export function integerInput(name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = rawInput(name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new InputError(name, `must be a whole number, got ${JSON.stringify(truncate(raw))}`);
  const n = Number(raw);
  if (n < range.min || n > range.max)
    throw new InputError(name, `must be between ${range.min} and ${range.max}, got ${n}`);
  return n;
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = rawInput(name);
  if (raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new InputError(name, `must be one of ${choices.join(', ')}, got ${JSON.stringify(truncate(raw))}`);
  }
  return raw as T;
}

/** Splits a list input on newlines, commas and spaces, as docker/metadata-action prints tags. */
export function listInput(name: string): string[] {
  return rawInput(name)
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `key=value` lines (annotations). Keys must be non-empty; values may contain '='. */
export function keyValueInput(name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of rawInput(name).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new InputError(name, `expected key=value lines, got ${JSON.stringify(truncate(trimmed))}`);
    const key = trimmed.slice(0, eq).trim();
    if (key in out) throw new InputError(name, `key ${JSON.stringify(key)} is given twice`);
    out[key] = trimmed.slice(eq + 1).trim();
  }
  return out;
}

/** Long or hostile values are cut before they are echoed back in an error. */
export function truncate(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * Masks a secret held in an environment variable, line by line too: the runner masks per
 * line, so a PEM key is only hidden if each of its lines is registered.
 */
export function maskEnvSecret(name: string): void {
  const value = process.env[name];
  if (!value) return;
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) {
    const l = line.trim();
    // PEM armour lines are public text; masking them would only garble unrelated logs.
    if (l.length >= 4 && !l.startsWith('-----')) core.setSecret(l);
  }
}

/**
 * One or more public keys: PEM text (several blocks concatenated) or PEM file paths, one per
 * line. Every block must parse (a key skipped in silence would trust fewer keys than given)
 * and no key may be given twice. Callers accept a signature that verifies with any of them,
 * as containers/image's keyPaths does.
 */
export async function publicKeysInput(name: string): Promise<KeyObject[]> {
  const raw = rawInput(name);
  const sources: { pem: string; where: string }[] = [];
  if (raw.includes('-----BEGIN')) sources.push({ pem: raw, where: '' });
  else {
    for (const path of raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      try {
        sources.push({ pem: await readFile(path, 'utf8'), where: ` in ${path}` });
      } catch (e) {
        throw new InputError(
          name,
          `is neither PEM text nor a readable file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}: ${truncate(path)})`,
          'pass the contents of cosign.pub or its path, one path per line',
        );
      }
    }
  }
  const keys: KeyObject[] = [];
  for (const { pem, where } of sources) {
    try {
      keys.push(...loadPublicKeys(pem));
    } catch (e) {
      throw new InputError(name, `${(e as Error).message}${where}`, (e as { hint?: string }).hint);
    }
  }
  const ids = keys.map(publicKeyId);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    throw new InputError(
      name,
      `gives the same key twice (keys ${ids.indexOf(ids[twice]!) + 1} and ${twice + 1}, sha256:${ids[twice]!.slice(0, 16)})`,
      'list each public key once: the current key and the next one, for a rotation',
    );
  }
  return keys;
}
