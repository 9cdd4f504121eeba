import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_PATH, SCHEMA_PATH, generateSpdxValidators } from './generate-spdx-validators.js';

describe('generated SPDX validators', () => {
  it('match the committed schema and ajv version (UPDATE_SPDX_VALIDATORS=1 regenerates)', () => {
    const fresh = generateSpdxValidators(readFileSync(SCHEMA_PATH, 'utf8'));
    if (process.env.UPDATE_SPDX_VALIDATORS === '1') writeFileSync(GENERATED_PATH, fresh);
    expect(readFileSync(GENERATED_PATH, 'utf8') === fresh).toBe(true);
  });

  it('need no runtime dependency', () => {
    const code = readFileSync(GENERATED_PATH, 'utf8');
    expect(code).not.toMatch(/\brequire\(|^import /m);
  });
});
