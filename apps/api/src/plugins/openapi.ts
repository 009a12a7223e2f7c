import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  adminCourseResultSchema,
  adminCourseSchema,
  adminPaymentSchema,
  aiUsageSchema,
  authResultSchema,
  billingOverviewSchema,
  categoryListSchema,
  categorySchema,
  chatResultSchema,
  checkoutCreatedSchema,
  checkoutStatusSchema,
  citationSchema,
  conversationDetailSchema,
  conversationSchema,
  courseDetailSchema,
  courseProgressSchema,
  courseRemovalSchema,
  courseSummarySchema,
  dailyReviewSchema,
  dailyReviewStatsSchema,
  ERROR_STATUS,
  type ErrorCode,
  enrollmentSchema,
  errorBodySchema,
  lessonOrderSchema,
  lessonSchema,
  mediaAssetSchema,
  moduleListSchema,
  moduleSchema,
  myEnrollmentListSchema,
  myEnrollmentSchema,
  noteListSchema,
  noteSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationSchema,
  ownerQuizSchema,
  pageOf,
  progressSchema,
  quizAttemptResultSchema,
  quizAttemptSummarySchema,
  quizViewSchema,
  recallGradeResultSchema,
  refundResultSchema,
  reviewSchema,
  securityEventSchema,
  studioCourseSchema,
  suggestionListSchema,
  suggestionSchema,
  userProgressSchema,
  userResultSchema,
  userSchema,
} from "@lumen/contracts";
import type { FastifyInstance, RouteOptions } from "fastify";
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * The shapes the document names under `components.schemas` (and references with `$ref`), so a generated client
 * has one `CourseDetail` type instead of one anonymous object per route. Response shapes only: a request body or a
 * query named here would become `<Name>Input`, and Swagger turns querystrings into parameters, not references.
 */
const COMPONENTS: Record<string, z.ZodType> = {
  ErrorEnvelope: errorBodySchema,
  User: userSchema,
  UserResult: userResultSchema,
  AuthResult: authResultSchema,
  CourseSummary: courseSummarySchema,
  CourseSummaryPage: pageOf(courseSummarySchema),
  CourseDetail: courseDetailSchema,
  CourseRemoval: courseRemovalSchema,
  StudioCourse: studioCourseSchema,
  StudioCoursePage: pageOf(studioCourseSchema),
  Category: categorySchema,
  CategoryList: categoryListSchema,
  Suggestion: suggestionSchema,
  SuggestionList: suggestionListSchema,
  Module: moduleSchema,
  ModuleList: moduleListSchema,
  Lesson: lessonSchema,
  LessonOrder: lessonOrderSchema,
  Enrollment: enrollmentSchema,
  MyEnrollment: myEnrollmentSchema,
  MyEnrollmentList: myEnrollmentListSchema,
  Progress: progressSchema,
  CourseProgress: courseProgressSchema,
  UserProgress: userProgressSchema,
  QuizView: quizViewSchema,
  OwnerQuiz: ownerQuizSchema,
  QuizAttemptResult: quizAttemptResultSchema,
  QuizAttemptSummary: quizAttemptSummarySchema,
  QuizAttemptSummaryPage: pageOf(quizAttemptSummarySchema),
  Note: noteSchema,
  NoteList: noteListSchema,
  DailyReview: dailyReviewSchema,
  DailyReviewStats: dailyReviewStatsSchema,
  RecallGradeResult: recallGradeResultSchema,
  Review: reviewSchema,
  ReviewPage: pageOf(reviewSchema),
  Citation: citationSchema,
  ChatResult: chatResultSchema,
  Conversation: conversationSchema,
  ConversationPage: pageOf(conversationSchema),
  ConversationDetail: conversationDetailSchema,
  AiUsage: aiUsageSchema,
  MediaAsset: mediaAssetSchema,
  BillingOverview: billingOverviewSchema,
  CheckoutCreated: checkoutCreatedSchema,
  CheckoutStatus: checkoutStatusSchema,
  AdminCourse: adminCourseSchema,
  AdminCoursePage: pageOf(adminCourseSchema),
  AdminCourseResult: adminCourseResultSchema,
  AdminPayment: adminPaymentSchema,
  AdminPaymentPage: pageOf(adminPaymentSchema),
  RefundResult: refundResultSchema,
  UserPage: pageOf(userSchema),
  SecurityEvent: securityEventSchema,
  SecurityEventPage: pageOf(securityEventSchema),
  Notification: notificationSchema,
  NotificationPage: notificationPageSchema,
  NotificationPreferences: notificationPreferencesSchema,
};

/**
 * Refusals a route gives beyond what its shape says (see `errorStatuses`): business rules in its service. Keys are
 * `METHOD /url` as registered; a test checks every key names a real route, so the table can't go stale silently.
 */
export const ROUTE_ERRORS: Record<string, readonly number[]> = {
  "POST /api/v1/auth/register": [409],
  "POST /api/v1/auth/verify-email/resend": [409],
  "PUT /api/v1/admin/users/:id": [409],
  "PUT /api/v1/courses/:id": [409],
  "POST /api/v1/courses/:id/enroll": [402, 409],
  "POST /api/v1/courses/:id/modules": [409],
  "POST /api/v1/modules/:id/lessons": [409, 413],
  "PUT /api/v1/lessons/:id": [413],
  "GET /api/v1/lessons/:id": [402],
  "POST /api/v1/lessons/:id/complete": [409],
  "POST /api/v1/ai/quiz-generate": [409],
  "POST /api/v1/payments/checkout": [409],
  "POST /api/v1/payments/test-checkout/:session_id/pay": [402, 409],
  "POST /api/v1/payments/subscription/cancel": [409],
  "POST /api/v1/payments/subscription/resume": [409],
  "POST /api/v1/admin/payments/:id/refund": [409],
  "POST /api/v1/media": [413, 415],
  "POST /api/v1/courses/:id/notes": [402, 409],
  "GET /api/v1/courses/:id/notes": [402],
  "PATCH /api/v1/courses/:id/notes/:noteId": [402],
  "DELETE /api/v1/courses/:id/notes/:noteId": [402],
  "GET /api/v1/courses/:id/notes/export.md": [402],
  "POST /api/v1/auth/email": [409],
  "POST /api/v1/auth/email/confirm": [409],
  "DELETE /api/v1/users/me": [409],
  "PUT /api/v1/users/me/avatar": [413, 415],
  "POST /api/v1/review/cards/:id/grade": [409],
};

type RouteLike = Pick<RouteOptions, "url" | "method" | "config">;
type SchemaLike = {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  headers?: unknown;
  security?: unknown;
  hide?: boolean;
  response?: Record<string, unknown>;
};

const RATE_LIMIT_EXEMPT = /^\/(health|docs)(\/|$)/;

/**
 * The error statuses a route can answer, derived from what it is: every bearer token is checked (401 even on public
 * routes, so clients know to refresh), the rate limiter covers all but health and docs (429), inputs are validated
 * (400), a guard refuses roles or unverified emails and a path parameter names something that may be missing or
 * someone else's (403, 404), and the API answers 503 until its migrations have run.
 */
export function errorStatuses(route: RouteLike, schema: SchemaLike): number[] {
  const statuses = new Set<number>([500]);
  const url = route.url;
  const hasPathParams = url.includes(":") || url.includes("*");
  const guard = route.config?.auth;
  const guarded = guard !== undefined || schema.security !== undefined;
  if (!route.config?.ownAuthorization) statuses.add(401);
  if (!RATE_LIMIT_EXEMPT.test(url)) statuses.add(429);
  if (url.startsWith("/api/")) statuses.add(503);
  if (schema.params || schema.querystring || schema.body || schema.headers) statuses.add(400);
  if (guard?.roles || guard?.verifiedEmail || (guarded && hasPathParams)) statuses.add(403);
  if (hasPathParams) statuses.add(404);
  const methods = [route.method].flat();
  for (const method of methods) for (const s of ROUTE_ERRORS[`${method} ${url}`] ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const codesByStatus = new Map<number, ErrorCode[]>();
for (const [code, status] of Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>) {
  codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
}

function errorResponse(status: number) {
  const codes = codesByStatus.get(status) ?? ["INTERNAL_ERROR"];
  return {
    description: `Error envelope: ${codes.map((c) => `\`${c}\``).join(" or ")}`,
    content: { "application/json": { schema: errorBodySchema } },
  };
}

/** `GET /api/v1/courses/:id/modules` → `getCoursesByIdModules`: stable, and unique as method + path are. */
export function operationIdFor(method: string, url: string): string {
  const pascal = (s: string) =>
    s
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]?.toUpperCase() + w.slice(1))
      .join("");
  const parts = url
    .replace(/^\/api\/v1(?=\/|$)/, "")
    .split("/")
    .filter(Boolean)
    .map((seg) => {
      if (seg.startsWith(":") || seg.startsWith("{")) return `By${pascal(seg)}`;
      if (seg === "*") return "Path";
      return pascal(seg);
    });
  return method.toLowerCase() + (parts.join("") || "Root");
}

// Zod's global registry already holds the schemas' other metadata (`.describe()`, `.meta()` such as the upload's
// binary format): the component ids join it rather than a registry of their own, which would hide that metadata.
for (const [id, schema] of Object.entries(COMPONENTS)) {
  if (z.globalRegistry.get(schema)?.id !== id) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
}
const zodTransform = createJsonSchemaTransform({ schemaRegistry: z.globalRegistry });
const zodTransformObject = createJsonSchemaTransformObject({ schemaRegistry: z.globalRegistry });

type Operation = { operationId?: string; responses?: Record<string, unknown> };
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/**
 * OpenAPI 3.1 generated from the route schemas; served at /api/v1/openapi.json with Swagger UI at /docs, unless
 * `expose` is false (API_DOCS=false): then both answer 404 like any unknown route. Every operation gets an
 * `operationId` and its error responses (the `ErrorEnvelope` component), derived here rather than on each route.
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
    transform: (doc) => {
      const schema = (doc.schema ?? {}) as SchemaLike;
      if (schema.hide) return zodTransform(doc);
      const response: Record<string, unknown> = { ...schema.response };
      for (const status of errorStatuses(doc.route, schema)) response[status] ??= errorResponse(status);
      return zodTransform({ ...doc, schema: { ...schema, response } as typeof doc.schema });
    },
    transformObject: (doc) => {
      const object = zodTransformObject(doc) as {
        paths?: Record<string, Record<string, Operation>>;
        components?: { schemas?: Record<string, unknown> };
      };
      for (const [path, item] of Object.entries(object.paths ?? {})) {
        for (const method of HTTP_METHODS) {
          const op = item[method];
          if (op && !op.operationId) op.operationId = operationIdFor(method, path);
        }
      }
      // The registry yields an input and an output variant of every component; keep the ones referenced.
      const schemas = object.components?.schemas;
      for (let pruned = true; schemas && pruned; ) {
        const text = JSON.stringify({ paths: object.paths, schemas });
        const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
        for (const name of unused) delete schemas[name];
        pruned = unused.length > 0;
      }
      return object as ReturnType<typeof zodTransformObject>;
    },
  });
  if (!opts.expose) return;
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
