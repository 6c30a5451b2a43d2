/**
 * OpenAPI 3 document generated from the zod route schemas (`GET /api/openapi.json`) and a
 * browsable Swagger UI (`/api/docs`). Registered before any feature module: @fastify/swagger
 * collects routes as they are added.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Registers the OpenAPI generator and UI on the root instance. */
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tianfu (天府科技云) API',
        description:
          'Matching scientists, enterprises and residents. Errors are `{"error":{"code","message","fields"?}}`, message in zh-CN or en by `Accept-Language`.',
        version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tianfu_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  // The conventional spec address; the UI's own /api/docs/json stays too.
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
