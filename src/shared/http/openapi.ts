import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';

const OPENAPI_PATH = '/api/v1/openapi.json';

/** The OpenAPI 3.1 document (built from the route schemas) and its interactive reference. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baza API',
        version: 'v1',
        description:
          'The REST API of Baza, an adaptive learning platform. Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code` and the `requestId`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: config.baseUrl }],
      tags: [{ name: 'operations', description: 'Health checks and metrics' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, tryItOutEnabled: false, url: OPENAPI_PATH },
    logLevel: 'warn',
  });
  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { rateLimit: false } }, async () => app.swagger());
}
