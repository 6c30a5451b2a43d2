/**
 * Who may read the SMS outbox: administrators only (it can hold one-time codes).
 * @module
 */
import { isAdmin, type Actor } from '../../policy/actor.ts';
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';

/** May `actor` list the delivery log? */
export function canReadSmsOutbox(actor: Actor | null): PolicyDecision {
  const action = 'sms.outbox.list';
  return isAdmin(actor) ? allow(action) : deny(action, { target: { type: 'sms_outbox' } });
}
