/**
 * Runs inspectSbom in a process of its own (jest's worker carries hundreds of MB of its own) and
 * prints one JSON line: the result or the error, the wall time and the process's peak RSS.
 * Compiled to JavaScript by node-build.ts; usage: node inspect-child.js <file>
 */
import { readFileSync } from 'node:fs';
import { inspectSbom } from '../../src/sbom/index.js';

/**
 * Peak RSS of this process image. Not resourceUsage().maxRSS: Linux carries the pre-exec RSS of
 * the forked parent into it, so a child of a 100 MB jest worker "peaks" at 100 MB doing nothing.
 * VmHWM belongs to the exec'd image alone.
 */
function peakRssBytes(): number {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

const file = process.argv[2];
if (!file) throw new Error('usage: inspect-child.js <file>');
const started = performance.now();
let outcome: Record<string, unknown>;
try {
  outcome = { info: await inspectSbom(file) };
} catch (e) {
  outcome = { error: (e as Error).message };
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ ...outcome, seconds, maxRssBytes: peakRssBytes() })}\n`);
