/**
 * Decoding that accepts exactly what Go's base64.StdEncoding accepts (padding required, no
 * URL alphabet), which is what cosign and containers/image use for keys and signatures.
 * Node's Buffer.from(…, 'base64') silently skips bad characters, so it cannot judge untrusted input.
 */

const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type Base64Result = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Go's decoder ignores CR and LF anywhere in the input (PEM bodies, wrapped signatures). */
export function decodeStdBase64(text: string): Base64Result {
  const compact = text.replace(/[\r\n]/g, '');
  if (!STD_BASE64.test(compact)) {
    return { ok: false, reason: `illegal base64 data at input byte ${firstBadOffset(compact)}` };
  }
  return { ok: true, bytes: Buffer.from(compact, 'base64') };
}

function firstBadOffset(s: string): number {
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return bad;
  const pad = s.indexOf('=');
  if (pad >= 0) return pad;
  return s.length - (s.length % 4);
}
