/**
 * The SMS channel: `createSmsSender(config, db, logger)` for start-up, the types callers use,
 * and the administrators' outbox route.
 * @module
 */
export * from './sms.types.ts';
export { SmsConfigError, SmsDeliveryError, SmsErrors, type SmsErrorCode } from './sms.errors.ts';
export { createSmsSender, type SmsConfig, type SmsFactoryOptions } from './sms.factory.ts';
export { createDeliveringSender } from './sms.service.ts';
export { defineSmsTemplate, OTP_TEMPLATE, renderSms, type SmsTemplate } from './sms.templates.ts';
export { smsOutboxRoutes } from './sms.routes.ts';
