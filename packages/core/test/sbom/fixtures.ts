import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/sbom/', import.meta.url));

export function fixture(name: string): string {
  return `${FIXTURES}${name}`;
}
