/**
 * The one place errors become HTTP answers: `{"error":{"code","message","fields"?,"requestId"}}`
 * in the caller's language. 5xx answers carry a generic message only; details go to the log.
 * @module
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '@tianfu/contracts';
import { isAppError } from '../errors/app-error.ts';
import { translate, type MessageParams } from '../i18n/messages.ts';
import { localeFromRequest } from '../i18n/locale.ts';
import { validationFields } from './validation.ts';

// Fastify's own client errors we answer with a specific code.
const FASTIFY_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'error.malformed_json', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'error.malformed_json', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'error.payload_too_large', status: 413 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'error.bad_request', status: 400 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'error.unsupported_media_type', status: 415 },
  FST_CSRF_INVALID_TOKEN: { code: 'error.csrf', status: 403 },
  FST_CSRF_MISSING_SECRET: { code: 'error.csrf', status: 403 },
  FST_ERR_NOT_FOUND: { code: 'error.not_found', status: 404 },
};

/** Builds the error body. Exported so plugins answering early (rate limit) use the same shape. */
export function errorBody(
  request: FastifyRequest,
  code: string,
  params?: MessageParams,
  fields?: Record<string, string>,
): ErrorResponse {
  const locale = localeFromRequest(request);
  const body: ErrorResponse = {
    error: { code, message: translate(code, locale, params), requestId: request.id },
  };
  if (fields && Object.keys(fields).length > 0) body.error.fields = fields;
  return body;
}

function send(reply: FastifyReply, status: number, body: ErrorResponse): FastifyReply {
  // Error bodies bypass route response schemas (a 400 is not in every route's response map).
  return reply.status(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** Installs the error and not-found handlers on the root instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = localeFromRequest(request);

    if (isAppError(err)) {
      const fields = err.fields
        ? Object.fromEntries(
            Object.entries(err.fields).map(([k, code]) => [k, translate(code, locale, err.params)]),
          )
        : undefined;
      if (err.headers) reply.headers(err.headers);
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return send(reply, err.status, errorBody(request, err.code, err.params, fields));
    }

    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(
        reply,
        400,
        errorBody(request, 'error.validation', undefined, validationFields(err.validation, locale)),
      );
    }
    if (err.validation) {
      // A non-zod schema (JSON schema from a plugin) failed.
      const fields = Object.fromEntries(
        err.validation.map((v) => [
          v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_',
          translate('validation.invalid', locale),
        ]),
      );
      return send(reply, 400, errorBody(request, 'error.validation', undefined, fields));
    }

    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, known.status, errorBody(request, known.code));

    if (
      !isResponseSerializationError(err) &&
      typeof err.statusCode === 'number' &&
      err.statusCode >= 400 &&
      err.statusCode < 500
    ) {
      if (err.statusCode === 429)
        return send(reply, 429, errorBody(request, 'error.rate_limited', { seconds: 60 }));
      return send(
        reply,
        err.statusCode,
        errorBody(request, err.statusCode === 404 ? 'error.not_found' : 'error.bad_request'),
      );
    }

    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, errorBody(request, 'error.internal'));
  });
}

/** 404 for API routes as JSON; the static web plugin replaces this for page routes. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const url = request.url.split('?')[0] ?? '';
  return send(
    reply,
    404,
    errorBody(request, 'error.route_not_found', { method: request.method, url: url.slice(0, 200) }),
  );
}
