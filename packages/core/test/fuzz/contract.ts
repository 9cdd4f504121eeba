/**
 * The contract every parser of image content keeps on any input (issue 25): it returns, or throws
 * a BydigestError with a code — never another exception, never an engine error dressed as one
 * (a TypeError or RangeError in the cause chain means the parser did not see the input coming),
 * never an unhandled rejection; and for an input of at most 1 MiB it ends within 1 s and grows
 * the heap by at most 64 MiB.
 */
import type fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import { BydigestError } from '../../src/errors.js';

export interface FuzzTarget {
  /** Also the corpus directory name. */
  name: string;
  /** What the target reads, for docs and messages. */
  parser: string;
  /** What the parser promises on hostile input, beyond the contract (docs/reliability.md prints it). */
  promise: string;
  /** Runs the parser on one input. */
  run(input: Buffer): unknown;
  /** Real inputs the mutations start from. */
  seeds(): Buffer[];
  /** Structure-aware inputs (what byte mutations of the seeds rarely reach), when the target has them. */
  generate?(): fc.Arbitrary<Buffer>;
}

export const MAX_INPUT = 1 << 20;
export const MAX_MS = 1000;
export const MAX_HEAP_GROWTH = 64 * 1024 * 1024;

export interface Violation {
  kind: 'exception' | 'engine-error' | 'unhandled-rejection' | 'time' | 'heap';
  detail: string;
}

const ENGINE_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

const unhandled: unknown[] = [];
let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  process.on('unhandledRejection', (reason) => unhandled.push(reason));
}

function engineErrorIn(e: unknown): Error | undefined {
  const seen = new Set<unknown>();
  for (let c: unknown = e; c instanceof Error && !seen.has(c); c = c.cause) {
    seen.add(c);
    if (ENGINE_ERRORS.some((k) => c instanceof k)) return c as Error;
    // node's own errors (ERR_OUT_OF_RANGE from a Buffer read past the end) are RangeErrors too;
    // a zlib or sqlite error is not, and is the input's fault.
  }
  return undefined;
}

const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Runs one input; undefined when the contract holds. A time or heap figure over its bound is
 * measured again before it counts: on a shared machine a run can lose a second to the scheduler
 * (a 537-byte gzip input once took 1,040 ms while an image test inflated 10 GiB beside it); a
 * parser that is really slow or greedy on the input is so twice.
 */
export async function check(target: FuzzTarget, input: Buffer): Promise<Violation | undefined> {
  const v = await once(target, input);
  if (v?.kind !== 'time' && v?.kind !== 'heap') return v;
  const again = await once(target, input);
  return again?.kind === v.kind ? again : undefined;
}

async function once(target: FuzzTarget, input: Buffer): Promise<Violation | undefined> {
  listen();
  const before = heapNow();
  const t0 = performance.now();
  let outcome: Violation | undefined;
  try {
    await target.run(input);
  } catch (e) {
    if (!(e instanceof BydigestError)) {
      outcome = {
        kind: 'exception',
        detail: `${(e as Error)?.constructor?.name}: ${(e as Error)?.stack ?? String(e)}`,
      };
    } else {
      const engine = engineErrorIn(e);
      if (engine)
        outcome = { kind: 'engine-error', detail: `BydigestError ${e.code} "${e.message}" caused by ${engine.stack}` };
    }
  }
  const ms = performance.now() - t0;
  const grown = heapNow() - before;
  // Rejections the parser left behind surface on the next turns of the loop.
  await tick();
  await tick();
  if (unhandled.length > 0) {
    const r = unhandled.splice(0);
    return { kind: 'unhandled-rejection', detail: r.map((x) => (x as Error)?.stack ?? String(x)).join('\n') };
  }
  if (outcome) return outcome;
  if (input.length <= MAX_INPUT && ms > MAX_MS)
    return { kind: 'time', detail: `${ms.toFixed(0)} ms for ${input.length} bytes` };
  if (input.length <= MAX_INPUT && grown > MAX_HEAP_GROWTH)
    return { kind: 'heap', detail: `${(grown / 2 ** 20).toFixed(1)} MiB for ${input.length} bytes` };
  return undefined;
}

export function describeViolation(target: FuzzTarget, input: Buffer, v: Violation): string {
  return `${target.name} (${target.parser}): ${v.kind} on a ${input.length}-byte input: ${v.detail}`;
}
