/**
 * Just enough DER to tell what kind of private key a decrypted key file holds before handing it
 * to OpenSSL: OpenSSL rejects some keys cosign writes (Ed25519 PKCS#8 v2) with only "wrong tag",
 * and the user needs to hear "this is an Ed25519 key" instead.
 */

export interface DerElement {
  tag: number;
  /** Content octets. */
  value: Buffer;
  /** Offset just past this element in the buffer it was read from. */
  end: number;
}

export const DerTag = {
  Integer: 0x02,
  OctetString: 0x04,
  Null: 0x05,
  Oid: 0x06,
  Sequence: 0x30,
} as const;

/** Reads one element at `offset`; undefined when the bytes are not well-formed DER. */
export function readDer(buf: Buffer, offset = 0): DerElement | undefined {
  if (offset + 2 > buf.length) return undefined;
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags never occur in key structures
  let lenByte = buf[offset + 1] as number;
  let pos = offset + 2;
  let length: number;
  if (lenByte < 0x80) {
    length = lenByte;
  } else {
    lenByte &= 0x7f;
    if (lenByte === 0 || lenByte > 4 || pos + lenByte > buf.length) return undefined;
    length = 0;
    for (let i = 0; i < lenByte; i++) length = length * 256 + (buf[pos + i] as number);
    pos += lenByte;
  }
  if (pos + length > buf.length) return undefined;
  return { tag, value: buf.subarray(pos, pos + length), end: pos + length };
}

/** The children of a constructed element (a SEQUENCE), or undefined if they do not parse. */
export function readChildren(element: DerElement): DerElement[] | undefined {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < element.value.length) {
    const child = readDer(element.value, offset);
    if (!child) return undefined;
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function decodeOid(value: Buffer): string {
  const parts: number[] = [];
  let acc = 0;
  for (const byte of value) {
    acc = acc * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) {
        const first = acc < 80 ? Math.floor(acc / 40) : 2;
        parts.push(first, acc - first * 40);
      } else {
        parts.push(acc);
      }
      acc = 0;
    }
  }
  return parts.join('.');
}
