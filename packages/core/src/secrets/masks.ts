// Lines shorter than this are not masked on their own: masking `==` or `}` would blank out
// every occurrence in the whole log while hiding almost nothing of the secret.
const MIN_LINE_MASK = 4;

/**
 * The strings to register with the log masker for one secret: the value, its base64 form
 * (what `docker login` and config files hold) and, because the runner masks line by line,
 * each line of a multi-line value such as a PEM key. Deduplicated; never empty strings.
 */
export function maskValuesFor(value: Uint8Array): string[] {
  if (value.length === 0) return [];
  const buf = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const text = buf.toString('utf8');
  const out = new Set<string>([text, buf.toString('base64')]);
  if (/[\r\n]/.test(text)) {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r$/, '');
      for (const candidate of [line, line.trim()]) {
        if (candidate.length >= MIN_LINE_MASK) out.add(candidate);
      }
    }
  }
  return [...out].filter((s) => s.trim() !== '');
}
