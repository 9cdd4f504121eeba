import { readFileSync } from 'node:fs';

/**
 * Splits an `environ` block (NUL-terminated `NAME=value` entries) into raw byte values.
 * Node decodes `process.env` as UTF-8 and replaces invalid bytes with U+FFFD, so a value that
 * is not valid UTF-8 can only be recovered exactly from the bytes the process was started with.
 */
export function parseEnviron(block: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf(0, start);
    if (end < 0) end = block.length;
    const entry = block.subarray(start, end);
    const eq = entry.indexOf(0x3d);
    // The first definition wins, as getenv(3) returns it.
    if (eq > 0) {
      const name = entry.subarray(0, eq).toString('latin1');
      if (!out.has(name)) out.set(name, Buffer.from(entry.subarray(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

/** The environment this process started with, byte for byte; undefined where /proc is absent. */
export function readStartupEnviron(): Map<string, Buffer> | undefined {
  try {
    return parseEnviron(readFileSync('/proc/self/environ'));
  } catch {
    return undefined;
  }
}
