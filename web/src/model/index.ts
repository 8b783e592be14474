export * from './types.js';
export * from './view.js';
export * from './encoding.js';
export * from './labels.js';
export * from './elements.js';
export * from './paths.js';
export * from './detail.js';
export * from './explorer.js';
