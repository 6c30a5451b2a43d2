/**
 * Real-name identity: submission (only with an active, separately given `real_name` consent; ID
 * number encrypted, blind-indexed and masked), optional external verification, and officer review.
 * @module
 */
import type { IdentitySubmit } from '@tianfu/contracts';
import { maskResidentId } from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { blindIndex } from '../../crypto/blind-index.ts';
import { encryptField } from '../../crypto/field-encryption.ts';
import type { Actor } from '../../policy/actor.ts';
import type { AuthContext } from '../auth/auth.context.ts';
import { authRepository } from '../auth/auth.repository.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { regionFromSixDigits } from '../accounts/region-helpers.ts';
import { consentsRepository } from '../privacy/consents.repository.ts';
import { identityRepository, type IdentityRow } from './identity.repository.ts';
import type { IdentityVerifier } from './identity.verifier.ts';

/** Blind-index domain for resident ID numbers. */
export const RESIDENT_ID_DOMAIN = 'resident_id';

/** Identity services. */
export function identityService(ctx: AuthContext, verifier: IdentityVerifier | undefined) {
  const repo = identityRepository(ctx.db);
  const users = authRepository(ctx.db);
  const consents = consentsRepository(ctx.db);

  return {
    getOwn: (userId: string) => repo.byUser(userId),

    async submit(userId: string, input: IdentitySubmit, meta: RequestMeta): Promise<IdentityRow> {
      const user = await users.userById(userId);
      if (!user) throw new AppError('error.unauthorized', 401);
      const consent = await consents.activeFor(userId, 'real_name');
      if (!consent) {
        await meta.audit({
          action: 'identity.submit',
          target: { type: 'user', id: userId },
          outcome: 'denied',
          details: { reason: 'no_consent' },
        });
        throw new AppError('identity.consent_required', 403);
      }
      const existing = await repo.byUser(userId);
      if (existing?.status === 'verified') throw new AppError('identity.already_verified', 409);
      const bidx = blindIndex(ctx.ring, RESIDENT_ID_DOMAIN, input.idNumber);
      if (await repo.verifiedElsewhere(bidx, userId)) {
        throw new AppError('identity.id_in_use', 409, { fields: { idNumber: 'identity.id_in_use' } });
      }
      const regionCode = user.regionCode ?? regionFromSixDigits(input.idNumber.slice(0, 6));
      let row = await repo.upsert({
        userId,
        fullName: input.fullName,
        idNumberEnc: encryptField(ctx.ring, input.idNumber, userId),
        idNumberMasked: maskResidentId(input.idNumber),
        idNumberBidx: bidx,
        regionCode,
        status: 'pending',
      });
      await meta.audit({
        action: 'identity.submit',
        target: { type: 'user', id: userId },
        outcome: 'success',
        regionCode,
        details: { idNumber: row.idNumberMasked, consentVersion: consent.version },
      });

      if (verifier) {
        let result: Awaited<ReturnType<IdentityVerifier['verify']>>;
        try {
          result = await verifier.verify({ fullName: input.fullName, idNumber: input.idNumber });
        } catch (err) {
          ctx.logger.warn(
            { err: (err as Error)?.message, verifier: verifier.name },
            'identity verifier failed; left for officer review',
          );
          result = { outcome: 'unavailable' };
        }
        if (result.outcome !== 'unavailable') {
          const decided = await repo.decide(userId, {
            status: result.outcome,
            reason: result.outcome === 'rejected' ? result.reason : null,
            verifier: 'external',
            verifiedAt: ctx.now(),
            verifiedBy: null,
          });
          if (decided) row = decided;
          await meta.audit({
            actor: null,
            action: result.outcome === 'verified' ? 'identity.verify' : 'identity.reject',
            target: { type: 'user', id: userId },
            outcome: 'success',
            regionCode,
            details: { verifier: verifier.name },
          });
        }
      }
      return row;
    },

    /** Officer decision on a pending submission (policy already checked by the route). */
    async decide(
      actor: Actor,
      userId: string,
      decision: { status: 'verified' } | { status: 'rejected'; reason: string },
    ) {
      const row = await repo.decide(userId, {
        status: decision.status,
        reason: decision.status === 'rejected' ? decision.reason : null,
        verifier: 'officer',
        verifiedBy: actor.userId,
        verifiedAt: ctx.now(),
      });
      if (!row) throw new AppError('identity.not_pending', 409);
      return row;
    },

    listForReview: repo.listForReview,
    byUser: repo.byUser,
  };
}
