export * from './inputs.js';
export * from './outputs.js';
export * from './run.js';
export * from './registry-options.js';
export * from './signing-key.js';
export * as runner from './runner/index.js';
