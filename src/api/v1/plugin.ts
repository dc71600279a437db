import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { authenticateRequest } from './api-key-auth.ts';
import { withZod } from './api-scope.ts';
import { registerApiKeyRoutes } from './api-key-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerComponentRoutes } from './component-routes.ts';
import { registerIncidentRoutes } from './incident-routes.ts';
import { registerMaintenanceRoutes } from './maintenance-routes.ts';
import { registerPageRoutes } from './page-routes.ts';
import { registerTemplateRoutes } from './template-routes.ts';
import { registerMonitorRoutes } from './monitor-routes.ts';
import { registerAlertInbound, registerAlertReceiverRoutes } from './alert-receiver-routes.ts';
import { registerHeartbeatInbound } from './heartbeat-routes.ts';
import { routeResponses } from './route-responses.ts';

// Instants are sent as ISO text and coerced to dates; say so in the document rather than leave them untyped.
const zodToJsonConfig = {
  override: (ctx: { zodSchema: unknown; jsonSchema: object }) => {
    if ((ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'date')
      Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
  },
};
const documentTransform = createJsonSchemaTransform({ zodToJsonConfig });
// The shared answer shapes (Incident, Component, Error…) go once under components.schemas.
const documentObjectTransform = createJsonSchemaTransformObject({ zodToJsonConfig });

/**
 * Aviso's own management API under `/api/v1` (JSON, camelCase, `{"error": {…}}` errors), its
 * OpenAPI document at `/api/openapi.json` and a browsable copy at `/api/docs`, both built from
 * the same zod schemas the routes validate with.
 */
export async function registerAvisoApi(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (outer) => {
    await outer.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Aviso management API',
          version: '1',
          description:
            'Manage components, incidents, maintenances and the page. Send an API key as `Authorization: Bearer <key>`; reads need a read or read-write key, writes a read-write key.',
        },
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An Aviso API key (`avk_…`).' } } },
        security: [{ apiKey: [] }],
      },
      transform: documentTransform,
      transformObject: documentObjectTransform,
    });
    await outer.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true }, staticCSP: true });
    outer.get('/api/openapi.json', { schema: { hide: true } }, async () => outer.swagger());
    await registerHeartbeatInbound(outer, deps);
    await registerAlertInbound(outer, deps);

    await outer.register(
      async (plain) => {
        const scope = withZod(plain);
        // Each route's answers, documented from one table (route-responses.ts); the routes send
        // their objects as plain JSON, so the document describes them without reshaping them.
        scope.addHook('onRoute', (route) => {
          const path = route.url.slice('/api/v1'.length);
          const method = String(route.method) === 'HEAD' ? 'GET' : String(route.method);
          const responses = routeResponses[`${method} ${path}`];
          if (responses === undefined) throw new Error(`/api/v1: no documented responses for ${method} ${path}`);
          route.schema = { ...route.schema, response: responses };
        });
        scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
        scope.decorateRequest('apiCaller', null);
        scope.addHook('onRequest', async (request) => {
          request.apiCaller = await authenticateRequest(request, deps);
        });
        registerPageRoutes(scope);
        registerComponentRoutes(scope);
        registerIncidentRoutes(scope);
        registerMaintenanceRoutes(scope);
        registerApiKeyRoutes(scope);
        registerTemplateRoutes(scope);
        registerMonitorRoutes(scope, deps);
        registerAlertReceiverRoutes(scope, deps);
        registerAuditRoutes(scope);
      },
      { prefix: '/api/v1' },
    );
  });
}
