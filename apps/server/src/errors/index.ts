export * from './app-error.ts';
export * from './core.errors.ts';
