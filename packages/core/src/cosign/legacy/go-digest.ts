/**
 * Why a string is not a digest, in the words of github.com/opencontainers/go-digest's Parse,
 * which containers/image applies to docker-manifest-digest. Undefined when it is one.
 */

const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const DIGEST_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export function goDigestError(value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon + 1 === value.length) return 'invalid checksum digest format';
  const algorithm = value.slice(0, colon);
  const encoded = value.slice(colon + 1);
  const length = HEX_LENGTH[algorithm];
  if (length === undefined)
    return DIGEST_GRAMMAR.test(value) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  if (encoded.length !== length) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}
