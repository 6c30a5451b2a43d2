export * from './actor.ts';
export * from './region-scope.ts';
export * from './authorize.ts';
