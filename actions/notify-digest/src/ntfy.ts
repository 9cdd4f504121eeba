import type { NtfyMessage } from './ntfy-message.js';

export type NtfyResult = { sent: true; status: number } | { sent: false; reason: string };

/** ntfy answers within seconds or not at all; a notification never holds up the pipeline for long. */
const TIMEOUT_MS = 15_000;

/** Header values must be Latin-1 (fetch refuses anything else); ntfy reads the rest as-is. */
const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/**
 * One POST to the topic URL with ntfy's headers. Never throws: the caller turns a refusal into
 * a warning, as a notification failing must not fail the pipeline. The URL is secret, so no
 * reason quotes it.
 */
export async function sendNtfy(topicUrl: string, m: NtfyMessage): Promise<NtfyResult> {
  let url: URL;
  try {
    url = new URL(topicUrl);
  } catch {
    return { sent: false, reason: 'the ntfy URL does not parse as a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { sent: false, reason: `the ntfy URL has scheme ${url.protocol}, expected https:` };
  const headers: Record<string, string> = {
    Title: latin1(m.title),
    Priority: String(m.priority),
    Tags: m.tags.join(','),
    'Content-Type': 'text/plain; charset=utf-8',
  };
  if (m.click) headers.Click = m.click;
  // https://user:pass@ntfy.example/topic: fetch refuses credentials in a URL, ntfy takes Basic auth.
  if (url.username !== '' || url.password !== '') {
    headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  try {
    const res = await fetch(url, { method: 'POST', headers, body: m.message, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text().catch(() => '');
    if (!res.ok) return { sent: false, reason: `ntfy answered HTTP ${res.status}${ntfyError(text)}` };
    return { sent: true, status: res.status };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { sent: false, reason: `the POST to ntfy failed (${err.cause?.code ?? err.name})` };
  }
}

/** ntfy's JSON error (`{"code":40301,"error":"forbidden"}`) says why in a word. */
function ntfyError(text: string): string {
  try {
    const e = JSON.parse(text) as { code?: number; error?: string };
    return e.error ? `: ${e.error}${e.code ? ` (${e.code})` : ''}` : '';
  } catch {
    return '';
  }
}
