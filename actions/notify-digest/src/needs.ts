import { BydigestError } from '@bydigest/core';

/** A job's result as `toJSON(needs)` reports it. */
export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';
const RESULTS: readonly JobResult[] = ['success', 'failure', 'cancelled', 'skipped'];

export interface Job {
  name: string;
  result: JobResult;
  /** The job's outputs; empty when the job set none (or never ran far enough to). */
  outputs: Record<string, string>;
}

const HINT = 'pass `needs: ${{ toJSON(needs) }}` in the notify job, whose `needs:` lists the jobs to report on';

function invalid(message: string): BydigestError {
  return new BydigestError('INVALID_ARGUMENT', message, { hint: HINT });
}

/**
 * Parses the JSON of `toJSON(needs)`: `{"<job>": {"result": "success", "outputs": {…}}, …}`.
 * Every job must carry a known result; outputs may be missing (a job that failed early sets none).
 */
export function parseNeeds(raw: string): Job[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw invalid(`is not JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid(`must be a JSON object of jobs, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`);
  }
  const jobs: Job[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalid(`job '${name}' must be an object with a result`);
    const { result, outputs } = value as { result?: unknown; outputs?: unknown };
    if (typeof result !== 'string' || !(RESULTS as readonly string[]).includes(result)) {
      throw invalid(`job '${name}' has result ${JSON.stringify(result)}; expected one of ${RESULTS.join(', ')}`);
    }
    jobs.push({ name, result: result as JobResult, outputs: stringOutputs(name, outputs) });
  }
  if (jobs.length === 0) throw invalid('lists no jobs');
  return jobs;
}

function stringOutputs(job: string, outputs: unknown): Record<string, string> {
  if (outputs === undefined || outputs === null) return {};
  if (typeof outputs !== 'object' || Array.isArray(outputs))
    throw invalid(`job '${job}' has outputs that are not an object`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(outputs)) {
    // The runner gives every output as a string; anything else was not produced by toJSON(needs).
    if (typeof v !== 'string') throw invalid(`job '${job}' output '${k}' is not a string`);
    out[k] = v;
  }
  return out;
}
