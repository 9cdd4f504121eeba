import { describe, expect, it } from '@jest/globals';
import { sha256Digest } from '../src/oci/digest.js';
describe('x', () => {
  it('y', () => {
    expect(sha256Digest(Buffer.from('{}'))).toBe(
      'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    expect(process.version).toMatch(/^v24/);
  });
});
