export * from './common.js';
export * from './graph.js';
export * from './import-format.js';
export * from './api.js';
export * from './conflicts.js';
export * from './json-schema.js';
export * from './imports.js';
export * from './access.js';
