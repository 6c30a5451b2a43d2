/**
 * Turns schema validation failures (zod issues, as surfaced by fastify-type-provider-zod)
 * into `fields`: field path → localized message.
 * @module
 */
import type { FastifySchemaValidationError } from 'fastify';
import { hasMessage, translate, type MessageParams } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locale.ts';

const TYPE_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '字符串', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'an integer' },
  boolean: { 'zh-CN': '布尔值', en: 'true/false' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '数组', en: 'a list' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

function fieldPath(err: FastifySchemaValidationError): string {
  const path = err.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return path || '_';
}

/** Picks the message code and params for one zod issue. */
function describe(
  err: FastifySchemaValidationError,
  locale: Locale,
): { code: string; params: MessageParams } {
  const p = (err.params ?? {}) as Record<string, unknown>;
  // A schema may carry its own message code: z.string().min(8, 'auth.password_too_short').
  if (err.message && hasMessage(err.message)) return { code: err.message, params: p as MessageParams };
  switch (err.keyword) {
    case 'invalid_type': {
      if (/received undefined/.test(err.message ?? '')) return { code: 'validation.required', params: {} };
      const expected = String(p.expected ?? '');
      return {
        code: 'validation.invalid_type',
        params: { expected: TYPE_NAMES[expected]?.[locale] ?? expected },
      };
    }
    case 'too_small': {
      const origin = String(p.origin ?? '');
      const minimum = String(p.minimum ?? '');
      if (origin === 'string') return { code: 'validation.too_short', params: { minimum } };
      if (origin === 'array' || origin === 'set')
        return { code: 'validation.too_few_items', params: { minimum } };
      return { code: 'validation.too_small', params: { minimum } };
    }
    case 'too_big': {
      const origin = String(p.origin ?? '');
      const maximum = String(p.maximum ?? '');
      if (origin === 'string') return { code: 'validation.too_long', params: { maximum } };
      if (origin === 'array' || origin === 'set')
        return { code: 'validation.too_many_items', params: { maximum } };
      return { code: 'validation.too_big', params: { maximum } };
    }
    case 'invalid_format':
      return { code: 'validation.invalid_format', params: {} };
    case 'invalid_value':
      return {
        code: 'validation.invalid_value',
        params: { values: Array.isArray(p.values) ? p.values.join(', ') : '' },
      };
    case 'unrecognized_keys':
      return {
        code: 'validation.unrecognized_keys',
        params: { keys: Array.isArray(p.keys) ? p.keys.join(', ') : '' },
      };
    case 'not_multiple_of':
      return { code: 'validation.not_multiple_of', params: { divisor: String(p.divisor ?? '') } };
    default:
      return { code: 'validation.invalid', params: {} };
  }
}

/**
 * Localized `fields` for a validation failure. The first problem per field wins (the most basic one).
 * @example validationFields(err.validation, 'en') // { phone: 'Required', password: 'Must be at least 8 characters' }
 */
export function validationFields(
  errors: readonly FastifySchemaValidationError[],
  locale: Locale,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const err of errors) {
    const path = fieldPath(err);
    if (path in fields) continue;
    const { code, params } = describe(err, locale);
    fields[path] = translate(code, locale, params);
  }
  return fields;
}
