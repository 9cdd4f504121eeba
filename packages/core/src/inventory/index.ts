// The package inventory as SPDX 2.3 and CycloneDX 1.6 documents.
export { generateSbom, type GeneratedSbom, type InventoryFormat } from './generate.js';
