export * from './keys.ts';
export * from './load.ts';
export * from './duration.ts';
export * from './secret-key.ts';
