// The shared schemas: import them from here.
export * from './vocabulary.ts';
export * from './extraction.ts';
export * from './graph.ts';
export * from './api.ts';
