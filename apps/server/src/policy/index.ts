export * from './actor.ts';
export * from './regions.ts';
export * from './region-scope.ts';
export * from './authorize.ts';
