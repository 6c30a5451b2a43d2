/**
 * A fake external identity verifier FOR TESTS ONLY: decides by a fixed list, so tests can drive
 * every outcome of the pluggable-verifier path. Never registered by the application.
 * @module
 */
import type { IdentityVerifier, VerifierOutcome } from './identity.verifier.ts';

/** Verifies the listed ID numbers, rejects the listed ones, and is "unavailable" for the rest. */
export function fakeIdentityVerifier(lists: {
  verify?: string[];
  reject?: string[];
  fail?: string[];
}): IdentityVerifier & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    name: 'fake-verifier',
    calls,
    async verify({ idNumber }): Promise<VerifierOutcome> {
      calls.push(idNumber);
      if (lists.fail?.includes(idNumber)) throw new Error('verifier down');
      if (lists.verify?.includes(idNumber)) return { outcome: 'verified' };
      if (lists.reject?.includes(idNumber)) return { outcome: 'rejected', reason: '姓名与身份证号码不一致' };
      return { outcome: 'unavailable' };
    },
  };
}
