import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * OpenAPI 3.1 generated from the route schemas; served at /api/v1/openapi.json with Swagger UI at /docs, unless
 * `expose` is false (API_DOCS=false): then both answer 404 like any unknown route.
 */
export async function registerOpenApi(app: FastifyInstance, opts: { expose: boolean }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lumen API",
        version: "1.0.0",
        description:
          "The AI e-learning platform's REST API. Every response is an envelope: `{success, data, message, timestamp}` or `{success: false, error: {code, message, details}, timestamp}`.",
      },
      servers: [{ url: "/" }],
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    },
    transform: jsonSchemaTransform,
  });
  if (!opts.expose) return;
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
