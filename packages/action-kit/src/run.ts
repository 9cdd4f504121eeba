import * as core from '@actions/core';
import { BydigestError } from '@bydigest/core';
import { asInputError, InputError, type InputForCode } from './inputs.js';

/**
 * Runs an action's body: any error becomes one `setFailed` line (with the hint on the next
 * line) and exit code 1. Unexpected errors keep their stack in the debug log only.
 */
export async function runAction(body: () => Promise<void>, opts: { inputFor?: InputForCode } = {}): Promise<void> {
  try {
    await body();
  } catch (caught) {
    const e = asInputError(caught, opts.inputFor ?? {});
    core.setFailed(shortenLongWords(failureMessage(e)));
    if (e instanceof Error && !(e instanceof InputError) && !(e instanceof BydigestError)) {
      core.debug(e.stack ?? String(e));
    }
    process.exitCode = 1;
  }
}

/**
 * The `with:` inputs behind a library error that no single input owns: core's hints speak of
 * the domain ("give registry credentials"), this says where a workflow gives them.
 */
const WHICH_INPUTS: InputForCode = {
  UNAUTHORIZED:
    'username and password (or github-token for ghcr.io), or a login step before this one that writes an auth file',
};

export function failureMessage(e: unknown): string {
  if (e instanceof InputError) return e.hint ? `${e.message}\nhint: ${e.hint}` : e.message;
  if (e instanceof BydigestError) {
    const where = [e.operation, e.reference, e.status === undefined ? undefined : `HTTP ${e.status}`].filter(Boolean);
    const head =
      where.length > 0 && !e.message.includes(where[0] as string) ? `${e.message} (${where.join(', ')})` : e.message;
    const inputs = WHICH_INPUTS[e.code];
    return [head, e.hint ? `hint: ${e.hint}` : '', inputs ? `inputs: ${inputs}` : ''].filter(Boolean).join('\n');
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * A value is echoed in an error to show what was wrong, not to replay it: a 100 kB input (or a
 * path made of it) is cut to its start, so the log stays readable.
 */
export function shortenLongWords(message: string, max = 200): string {
  return message.replace(
    new RegExp(`[^\\s'"\`]{${max + 1},}`, 'g'),
    (w) => `${w.slice(0, 80)}…(${w.length} characters)`,
  );
}
