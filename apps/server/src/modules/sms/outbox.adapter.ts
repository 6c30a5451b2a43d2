/**
 * The `outbox` adapter: nothing leaves the machine. The delivery-log row (written by the service)
 * is the message, readable by administrators at `GET /api/admin/sms-outbox`; this adapter adds one
 * log line per message.
 *
 * What the log line shows: the phone is always masked (`138****0001`; the logger would mask it
 * anyway). The text — including a one-time code — is printed in full in `development` and `test`,
 * so a developer can sign in from the terminal without opening the admin page; in `production`
 * (outbox only allowed with SMS_ALLOW_OUTBOX_IN_PRODUCTION=true, for demos) the code is masked in
 * the log and only administrators see it in the outbox.
 * @module
 */
import type { Logger } from 'pino';
import { maskPhone } from '../../http/mask.ts';
import type { SmsTransport } from './sms.types.ts';

/** Creates the outbox transport. `revealInLog`: print secret variables (development/test). */
export function outboxTransport(logger: Logger, opts: { revealInLog: boolean }): SmsTransport {
  return {
    provider: 'outbox',
    async deliver(message) {
      const text = opts.revealInLog ? message.body : message.redactedBody;
      logger.info(
        { sms: { id: message.id, provider: 'outbox', purpose: message.purpose, template: message.template } },
        `SMS outbox → ${maskPhone(message.phone)}: ${text}`,
      );
      return { providerMessageId: null };
    },
  };
}
