import { decodeStdBase64 } from './base64.js';

export interface PemBlock {
  label: string;
  der: Buffer;
}

const BEGIN = /^-----BEGIN ([^\r\n]*?)-----[ \t]*\r?$/m;

export type PemResult = { ok: true; block: PemBlock } | { ok: false; reason: string };

/**
 * The first PEM block in `text`, like Go's pem.Decode (which cosign uses): text before the
 * block is ignored; RFC 1421 headers (e.g. Proc-Type) are skipped.
 */
export function decodeFirstPem(text: string): PemResult {
  const begin = BEGIN.exec(text);
  if (!begin) return { ok: false, reason: 'no "-----BEGIN …-----" line' };
  const label = begin[1] ?? '';
  const rest = text.slice(begin.index + begin[0].length);
  const endLine = `-----END ${label}-----`;
  const end = rest.indexOf(endLine);
  if (end < 0) return { ok: false, reason: `no "${endLine}" line` };
  let body = rest.slice(0, end);
  const blank = /\r?\n[ \t]*\r?\n/.exec(body);
  if (blank && body.slice(0, blank.index).includes(':')) body = body.slice(blank.index + blank[0].length);
  const decoded = decodeStdBase64(body.replace(/[ \t]/g, ''));
  if (!decoded.ok) return { ok: false, reason: `the ${label} body is not base64 (${decoded.reason})` };
  return { ok: true, block: { label, der: decoded.bytes } };
}

/**
 * Every PEM block in `text`, in order: the text from one block's END line to the next BEGIN
 * is ignored (comments between keys), as repeated Go pem.Decode calls do. A block that does
 * not decode fails the whole text, with its 1-based number: a key silently skipped would
 * leave hosts trusting fewer keys than the file shows.
 */
export function decodeAllPem(
  text: string,
): { ok: true; blocks: PemBlock[] } | { ok: false; reason: string; block: number } {
  const blocks: PemBlock[] = [];
  let rest = text;
  for (;;) {
    const begin = BEGIN.exec(rest);
    if (!begin) break;
    const r = decodeFirstPem(rest);
    if (!r.ok) return { ok: false, reason: r.reason, block: blocks.length + 1 };
    blocks.push(r.block);
    const endLine = `-----END ${r.block.label}-----`;
    const after = rest.slice(begin.index + begin[0].length);
    rest = after.slice(after.indexOf(endLine) + endLine.length);
  }
  if (blocks.length === 0) return { ok: false, reason: 'no "-----BEGIN …-----" line', block: 1 };
  return { ok: true, blocks };
}

/** 64-character lines and a final newline, as Go's pem.EncodeToMemory writes them. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}${lines.length ? '\n' : ''}-----END ${label}-----\n`;
}
