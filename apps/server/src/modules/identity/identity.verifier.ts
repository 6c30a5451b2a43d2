/**
 * Pluggable external real-name verifier (e.g. a government or carrier identity service). With one
 * configured, submissions are checked at once; without one, or when it is unavailable, they wait
 * for an officer of the person's region. Plug it in through `AppDeps.identityVerifier`.
 * @module
 */

/** What a verifier answers. `unavailable` leaves the submission pending for an officer. */
export type VerifierOutcome =
  { outcome: 'verified' } | { outcome: 'rejected'; reason: string } | { outcome: 'unavailable' };

/** An external identity check. Implementations must not log or keep the ID number. */
export interface IdentityVerifier {
  /** Shown as the reviewer (`reviewedBy`) and in audit rows. */
  readonly name: string;
  verify(input: { fullName: string; idNumber: string }): Promise<VerifierOutcome>;
}

declare module '../../app-deps.ts' {
  interface AppDeps {
    /** External real-name verifier; none by default (officers review). */
    identityVerifier?: IdentityVerifier;
  }
}
