/** Pure validators and maskers shared by server and web (GB 11643, GB 32100, mobile numbers). */
export * from './resident-id.ts';
export * from './uscc.ts';
export * from './phone.ts';
export * from './mask.ts';
