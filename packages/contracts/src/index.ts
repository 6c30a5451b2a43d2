export {};
export * from './validation/index.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './identity.ts';
export * from './privacy.ts';
