// The package inventory as SPDX 2.3 and CycloneDX 1.6 documents.
export { declaredLicense } from './license.js';
export { packageUrl, packageCpe, packageVersion } from './identifiers.js';
export { spdxDocument } from './spdx-writer.js';
export { cyclonedxDocument } from './cyclonedx-writer.js';
export { generateSbom, type GenerateSbomOptions, type GeneratedSbom, type InventoryFormat } from './generate.js';
export type { Inventory } from './types.js';
