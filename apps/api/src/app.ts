import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import multipart from "@fastify/multipart";
import { ANALYTICS_MAX_RANGE_DAYS } from "@lumen/contracts";
import { type DatabaseHandle, DEMO_MEDIA_DIR } from "@lumen/db";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Redis } from "ioredis";
import { ALERT_DEFAULTS, type AppConfig } from "./config.js";
import { type BackgroundTasks, createBackgroundTasks } from "./lib/background.js";
import { createSharedCache } from "./lib/cache.js";
import { createPublicReads, type PublicReads } from "./lib/cache-public.js";
import { FieldCipher } from "./lib/crypto.js";
import { createReadRouting, type ReadReplicaSettings, type ReadRouting } from "./lib/db-routing.js";
import type { ErrorReporter } from "./lib/error-reporting.js";
import { AppError } from "./lib/errors.js";
import { instrumentCache, instrumentLlm, instrumentRecorder } from "./lib/instrument.js";
import { createMetrics, type Metrics } from "./lib/metrics.js";
import { ok } from "./lib/reply.js";
import { createWebRevalidator } from "./lib/web-revalidation.js";
import { loggerOptions } from "./logger.js";
import { createAccessRepo } from "./modules/access/access.repo.js";
import { createAccessService } from "./modules/access/access.service.js";
import { createAccountRepo } from "./modules/account/account.repo.js";
import { accountRoutes } from "./modules/account/account.routes.js";
import { createAccountDeletionService } from "./modules/account/account-deletion.service.js";
import { avatarRoutes } from "./modules/account/avatar.routes.js";
import { createAvatarService } from "./modules/account/avatar.service.js";
import { createEmailChangeService } from "./modules/account/email-change.service.js";
import { createAdminRepo } from "./modules/admin/admin.repo.js";
import { adminRoutes } from "./modules/admin/admin.routes.js";
import { createAdminService } from "./modules/admin/admin.service.js";
import { adminCourseRoutes } from "./modules/admin/admin-courses.routes.js";
import { createAdminCourseService } from "./modules/admin/admin-courses.service.js";
import { adminJobRoutes } from "./modules/admin/admin-jobs.routes.js";
import { createMemoryCache, createRedisCache } from "./modules/ai/ai.cache.js";
import { createChatService, startOfUtcDay } from "./modules/ai/ai.chat.service.js";
import { createPathRepo } from "./modules/ai/ai.path.repo.js";
import { createPathService } from "./modules/ai/ai.path.service.js";
import { createLlmProvider, createProviderEmbedder } from "./modules/ai/ai.provider.js";
import { createQuizGenerator } from "./modules/ai/ai.quiz.service.js";
import { createAiRepo } from "./modules/ai/ai.repo.js";
import { aiRoutes } from "./modules/ai/ai.routes.js";
import { composeAnswer } from "./modules/ai/offline/answer.js";
import { composeSummary } from "./modules/ai/offline/summary.js";
import { createRetrievalRepo } from "./modules/ai/retrieval/retrieval.repo.js";
import { createRetrievalIndex } from "./modules/ai/retrieval/retrieval.service.js";
import { createAnalyticsRecorder } from "./modules/analytics/analytics.recorder.js";
import { createAnalyticsRepo } from "./modules/analytics/analytics.repo.js";
import { analyticsRoutes } from "./modules/analytics/analytics.routes.js";
import { createAnalyticsService } from "./modules/analytics/analytics.service.js";
import { createAuthRepo } from "./modules/auth/auth.repo.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import { createLoginThrottle } from "./modules/auth/login-throttle.js";
import { argon2Hasher } from "./modules/auth/password.js";
import { createTokenSigner } from "./modules/auth/tokens.js";
import { createFulfilment } from "./modules/billing/billing.fulfilment.js";
import { createBillingRepo } from "./modules/billing/billing.repo.js";
import { billingRoutes } from "./modules/billing/billing.routes.js";
import { createBillingService } from "./modules/billing/billing.service.js";
import { createBillingWebhook } from "./modules/billing/billing.webhook.js";
import { createStripeProvider } from "./modules/billing/stripe.provider.js";
import { createTestProvider } from "./modules/billing/test.provider.js";
import { createCertificateEvents } from "./modules/certificate/certificate.events.js";
import { createCertificateRepo } from "./modules/certificate/certificate.repo.js";
import { certificateRoutes } from "./modules/certificate/certificate.routes.js";
import { createCertificateService } from "./modules/certificate/certificate.service.js";
import { createCourseRepo } from "./modules/course/course.repo.js";
import { courseRoutes } from "./modules/course/course.routes.js";
import { createCourseService } from "./modules/course/course.service.js";
import { createEnrollmentRepo } from "./modules/enrollment/enrollment.repo.js";
import { enrollmentRoutes } from "./modules/enrollment/enrollment.routes.js";
import { createEnrollmentService } from "./modules/enrollment/enrollment.service.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { createInstructorRepo } from "./modules/instructor/instructor.repo.js";
import { instructorRoutes } from "./modules/instructor/instructor.routes.js";
import { createInstructorService } from "./modules/instructor/instructor.service.js";
import { createBullJobQueue } from "./modules/jobs/bullmq-queue.js";
import { createCleanupRepo } from "./modules/jobs/cleanup.repo.js";
import type { JobQueue } from "./modules/jobs/jobs.js";
import { createMemoryJobQueue } from "./modules/jobs/memory-queue.js";
import { createLessonRepo } from "./modules/lesson/lesson.repo.js";
import { lessonRoutes } from "./modules/lesson/lesson.routes.js";
import { createLessonService } from "./modules/lesson/lesson.service.js";
import { createMailRepo } from "./modules/mail/mail.repo.js";
import { createMailService, type MailService } from "./modules/mail/mail.service.js";
import type { MailTransport } from "./modules/mail/mail-transport.js";
import { demoMediaRoutes } from "./modules/media/media.demo.js";
import { createMediaRepo } from "./modules/media/media.repo.js";
import { mediaRoutes } from "./modules/media/media.routes.js";
import { createMediaService } from "./modules/media/media.service.js";
import { createMediaSigner } from "./modules/media/media.signing.js";
import { createStorage } from "./modules/media/storage.js";
import { createNoteRepo } from "./modules/note/note.repo.js";
import { noteRoutes } from "./modules/note/note.routes.js";
import { createNoteService } from "./modules/note/note.service.js";
import { createNotificationRepo } from "./modules/notification/notification.repo.js";
import { notificationRoutes } from "./modules/notification/notification.routes.js";
import { createNotificationService, type NotificationService } from "./modules/notification/notification.service.js";
import { createUnsubscribeTokens } from "./modules/notification/notification.token.js";
import { bufferKey, createMemoryBufferStore, createRedisBufferStore } from "./modules/progress/progress.buffer.js";
import { createProgressRepo } from "./modules/progress/progress.repo.js";
import { progressRoutes } from "./modules/progress/progress.routes.js";
import { createProgressService } from "./modules/progress/progress.service.js";
import { createQuizRepo } from "./modules/quiz/quiz.repo.js";
import { quizRoutes } from "./modules/quiz/quiz.routes.js";
import { createQuizService } from "./modules/quiz/quiz.service.js";
import { createRecallRepo } from "./modules/recall/recall.repo.js";
import { recallRoutes } from "./modules/recall/recall.routes.js";
import { createRecallService } from "./modules/recall/recall.service.js";
import { createReviewRepo } from "./modules/review/review.repo.js";
import { reviewRoutes } from "./modules/review/review.routes.js";
import { createReviewService } from "./modules/review/review.service.js";
import { createSecurityAlerts, type SecurityAlerts } from "./modules/security/security.alerts.js";
import { createSecurityRepo } from "./modules/security/security.repo.js";
import { createSecurityService } from "./modules/security/security.service.js";
import { createUserRepo } from "./modules/user/user.repo.js";
import { userRoutes } from "./modules/user/user.routes.js";
import { createUserService } from "./modules/user/user.service.js";
import { createUserExport } from "./modules/user/user-export.repo.js";
import { registerAuth, registerGuards, verifiedClaims } from "./plugins/auth.js";
import { registerClientIp, trustProxyOption } from "./plugins/client-ip.js";
import { registerErrorHandling, sendError } from "./plugins/error-handler.js";
import { registerHttpCache } from "./plugins/http-cache.js";
import { registerInputHygiene } from "./plugins/input-hygiene.js";
import { registerObservability } from "./plugins/observability.js";
import { registerOpenApi } from "./plugins/openapi.js";
import { registerRateLimit } from "./plugins/rate-limit.js";
import { createMemoryStore, createRedisStore } from "./plugins/rate-limit-store.js";
import { registerSecurityHeaders } from "./plugins/security-headers.js";
import { registerViewerCache } from "./plugins/viewer-cache.js";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * Set by a write route whose request committed nothing (a progress report taken by the write-behind buffer):
     * there is nothing to wait for on the change notifications, nor to read back from the primary.
     */
    wroteNothing: boolean;
  }
  interface FastifyInstance {
    /** Writes every buffered progress report to the database now; resolves to the rows written (tests, scripts). */
    progressFlush(): Promise<number>;
    /** Drops a learner's clean buffered row so the next report reads the table again (after a direct edit). */
    progressForget(userId: string, lessonId: string): Promise<void>;
  }
}

export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  redis?: Redis | null;
  mailTransport: MailTransport;
  /** False: answer 503 on the API until `markReady()` (server start applies migrations after listening). */
  ready?: boolean;
  /** Key prefix for shared Redis state (tests isolate themselves with it). */
  redisPrefix?: string;
  logger?: boolean;
  /** Where JSON log lines go (stdout by default); tests read them to check redaction. */
  logStream?: NodeJS.WritableStream;
  /** The process's metrics (the server also serves them on METRICS_PORT); a fresh registry by default. */
  metrics?: Metrics;
  /** Unhandled errors go here (Sentry when configured). */
  errorReporter?: ErrorReporter;
  /**
   * False: this process only enqueues jobs and a worker process (`npm run start:worker`) runs them. Only with
   * Redis; without it jobs always run in the process that enqueued them.
   */
  runJobs?: boolean;
  /** The clock of time-based learning rules (the daily review's schedule); tests move it through days. */
  now?: () => Date;
  /** How long this instance trusts a cache version read from Redis (250 ms by default; tests use 0). */
  cacheVersionTtlMs?: number;
  /** A streaming read replica for catalog, search, guest course detail and analytics reads (DATABASE_READ_URL). */
  readReplica?: ReadReplicaSettings | null;
}

declare module "fastify" {
  interface FastifyInstance {
    mail: MailService;
    metrics: Metrics;
    /** Work started after a request was answered (reset and verification mail); drained on close. */
    background: BackgroundTasks;
    /** Background jobs (BullMQ on Redis, in-process without); see modules/jobs/jobs.ts. */
    jobs: JobQueue;
    /** Notifications: `notify(userId, kind, data, key)` is how other modules (certificates…) raise one. */
    notifications: NotificationService;
    /** The server cache of public reads (catalog, course detail, reviews); see lib/cache-public.ts. */
    publicReads: PublicReads;
    /** The tutor's index backfill (run after start) and which provider answers. */
    ai: { indexAll(): Promise<{ courses: number; chunks: number }>; provider: string; model: string };
    /** The read replica's router, when DATABASE_READ_URL is set. */
    readRouting: ReadRouting | null;
    /** Starts the repeatable jobs (mail sweep, cleanup): the server and the worker call it once ready. */
    startSchedules(): Promise<void>;
    markReady(): void;
    isReady(): boolean;
    /** Shutdown has begun: readiness answers 503 so load balancers move away, requests are still served. */
    markDraining(): void;
  }
}

const CLEANUP_EVERY_MS = 60 * 60_000;
/** Past days are stored once they are over (an hour after midnight UTC); hourly keeps that within two hours. */
const ANALYTICS_ROLLUP_EVERY_MS = 60 * 60_000;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the whole API without listening: the server listens, tests use `inject()`. */
/** What the router's own refusals (before any route runs) say, by Fastify error code. */
const ROUTER_ERRORS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: "A path segment of this URL is too long to name anything (at most 100 characters)",
  FST_ERR_BAD_URL: "This URL is not valid: it has a malformed %-escape",
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const db = database.db;
  const redis = deps.redis ?? null;
  const metrics = deps.metrics ?? createMetrics();
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : deps.logStream
          ? { ...loggerOptions(config.logLevel), stream: deps.logStream }
          : loggerOptions(config.logLevel, config.logFormat),
    // One line per request, written by the observability hook (Fastify's default is two).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: trustProxyOption(config.trustProxy),
    // Our genReqId reads the header itself, so an incoming id is used only when it is safe to echo.
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any route runs answer in the envelope too, not in Fastify's own shape.
    frameworkErrors: (error, _request, reply) => {
      const message = ROUTER_ERRORS[error.code] ?? "This request could not be routed";
      sendError(reply, new AppError("VALIDATION_ERROR", message, { reason: error.code }));
    },
  });
  // First of all: every route declared from here on gets the guard its `config.auth` asks for.
  registerGuards(app);
  app.decorateRequest("wroteNothing", false);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are checked against their schemas in development and tests (a wrong shape fails loudly there);
  // production trusts the presenters, which build every response field by field, and skips the second pass.
  app.setSerializerCompiler(
    config.nodeEnv === "production" ? () => (data) => JSON.stringify(data) : serializerCompiler,
  );
  registerErrorHandling(app, deps.errorReporter);
  registerClientIp(app, { gatewaySecret: config.gatewaySecret });
  app.decorate("metrics", metrics);
  registerObservability(app, { metrics, token: config.metricsToken });
  database.observeQueries((seconds, failed) => metrics.dbQuery.observe({ outcome: failed ? "error" : "ok" }, seconds));
  metrics.onScrape(() => {
    metrics.ready.set(ready ? 1 : 0);
    const pool = database.poolStats();
    if (pool) {
      metrics.dbPool.set({ state: "total" }, pool.total);
      metrics.dbPool.set({ state: "idle" }, pool.idle);
      metrics.dbPool.set({ state: "waiting" }, pool.waiting);
    }
  });
  registerInputHygiene(app);
  // The API reads JSON (and multipart on its upload routes): a text/plain body is a type it doesn't take (415),
  // not a string for the schema to refuse as "expected object".
  app.removeContentTypeParser("text/plain");
  const readRouting = deps.readReplica
    ? createReadRouting(app, {
        primary: database,
        settings: deps.readReplica,
        redis,
        redisPrefix: deps.redisPrefix ?? "lumen:",
        metrics,
      })
    : null;
  app.decorate("readRouting", readRouting);
  /** Reads a replica may serve; the primary itself without one. */
  const read = readRouting?.db ?? db;

  let ready = deps.ready ?? true;
  app.decorate("markReady", () => {
    ready = true;
  });
  app.decorate("isReady", () => ready);
  let draining = false;
  app.decorate("markDraining", () => {
    draining = true;
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (!ready && request.url.startsWith("/api/")) {
      throw new AppError("SERVICE_UNAVAILABLE", "The service is starting; try again in a moment", undefined, {
        "retry-after": "2",
      });
    }
  });

  registerSecurityHeaders(app, {
    // Swagger UI needs inline scripts and styles; the API itself serves only JSON and media.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
    crossOriginResourcePolicy: { policy: "same-site" },
  });
  const corsAllowed = (origin: string | undefined) => !origin || config.corsOrigins.includes(origin);
  // A preflight from an origin the API doesn't serve gets no CORS headers (the browser stops there) and says why,
  // instead of falling through to "OPTIONS is not allowed".
  app.addHook("onRequest", async (request) => {
    if (request.method !== "OPTIONS" || !request.headers["access-control-request-method"]) return;
    if (!corsAllowed(request.headers.origin)) {
      throw new AppError("FORBIDDEN", "This origin may not call the API from a browser", { reason: "cors_origin" });
    }
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, corsAllowed(origin)),
    credentials: true,
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    exposedHeaders: ["x-request-id", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
    maxAge: 600,
  });
  await app.register(cookie);
  await registerOpenApi(app, { expose: config.apiDocs });

  // Wiring: repos → services, each service given only what it needs.
  const cipher = new FieldCipher(config.encryptionKey);
  const users = createUserRepo(db);
  const authRepo = createAuthRepo(db);
  const signer = createTokenSigner(config.jwt);
  // Jobs: mail delivery, re-indexing, alerts and cleanups run off the request path (see modules/jobs).
  const runsJobs = !redis || deps.runJobs !== false;
  const jobs = redis
    ? createBullJobQueue({
        redis,
        prefix: `${deps.redisPrefix ?? "lumen:"}bull`,
        log: app.log,
        worker: runsJobs,
        ...(config.jobs?.lockMs ? { lockMs: config.jobs.lockMs } : {}),
      })
    : createMemoryJobQueue({ log: app.log });
  app.decorate("jobs", jobs);
  const securityRepo = createSecurityRepo(db);
  // Alerts need mail and jobs, which come after: the observer is bound once they exist (before any request).
  let alerts: SecurityAlerts | null = null;
  const security = createSecurityService({
    repo: securityRepo,
    cipher,
    log: app.log,
    observe: async (type, event) => alerts?.observe(type, event),
  });
  const mail = createMailService({
    repo: createMailRepo(db),
    transport: deps.mailTransport,
    cipher,
    from: config.mailFrom,
    log: app.log,
    onDelivery: (outcome) => metrics.mailDeliveries.inc({ outcome }),
    jobs,
  });
  jobs.register("mail.deliver", ({ mailId }, job) => mail.deliverOne(mailId, job.id));
  jobs.register("mail.sweep", async () => void (await mail.sweep()));
  const securityAlerts = createSecurityAlerts({
    repo: securityRepo,
    cipher,
    jobs,
    mail,
    config: config.alerts ?? ALERT_DEFAULTS,
    appUrl: config.appUrl,
    log: app.log,
  });
  alerts = securityAlerts;
  metrics.onScrape(async () => {
    const backlog = await mail.backlog();
    for (const [state, count] of Object.entries(backlog)) metrics.mailQueue.set({ state }, count);
  });
  const background = createBackgroundTasks(app.log);
  app.decorate("background", background);
  // Flushing the outbox first finishes the mail work that requests left to run after their answers.
  app.decorate("mail", {
    ...mail,
    flush: async () => {
      await background.drain();
      if (runsJobs) await jobs.idle();
      await mail.flush();
    },
  });
  const notifications = createNotificationService({
    repo: createNotificationRepo(db),
    jobs,
    mail,
    tokens: createUnsubscribeTokens(config.encryptionKey),
    appUrl: config.appUrl,
  });
  jobs.register("notification.deliver", (payload) => notifications.deliver(payload));
  jobs.register("notification.lesson_published", async ({ lessonId }) => {
    await notifications.fanOutLesson(lessonId);
  });
  jobs.register("notification.weekly_progress", async () => {
    app.log.info({ sent: await notifications.weeklyProgress() }, "weekly progress emails queued");
  });
  app.decorate("notifications", notifications);
  const authService = createAuthService({
    users,
    auth: authRepo,
    signer,
    throttle: createLoginThrottle(authRepo),
    security,
    mail,
    background,
    cipher,
    passwords: argon2Hasher,
    appUrl: config.appUrl,
  });
  const adminRepo = createAdminRepo(db);
  const adminService = createAdminService({ users, auth: authRepo, security, repo: adminRepo, cipher });
  // Learning: one access policy and one analytics recorder shared by every learning module.
  const viewerCache = registerViewerCache(app, { database, ttlMs: config.viewerCacheTtlMs, metrics });
  const access = createAccessService(createAccessRepo(db), { viewerCache });
  const analytics = instrumentRecorder(createAnalyticsRecorder(db), metrics);
  const analyticsService = createAnalyticsService({ repo: createAnalyticsRepo(read), access });
  // AI tutor: retrieval over the course material; Claude, an OpenAI-compatible server, or the offline tutor.
  const providerEmbedder = createProviderEmbedder(config.ai);
  const retrieval = createRetrievalIndex({
    repo: createRetrievalRepo(db),
    ...(providerEmbedder ? { embedder: providerEmbedder } : {}),
  });
  // Media: uploads streamed to the storage driver; lesson videos reach learners as signed links.
  const storage = createStorage(config.media, config.dataDir);
  const mediaSigner = createMediaSigner(config.encryptionKey, config.media.urlTtlSeconds);
  const mediaService = createMediaService({
    repo: createMediaRepo(db),
    storage,
    access,
    signer: mediaSigner,
    limits: config.media,
    log: app.log,
  });
  // Public reads: Redis when configured (shared by every instance), this process's memory otherwise.
  let lastCacheFallbackLog = 0;
  const sharedCache = createSharedCache({
    redis,
    prefix: `${deps.redisPrefix ?? "lumen:"}cache:`,
    encode: (data) => JSON.stringify(ok(data)),
    ...(deps.cacheVersionTtlMs !== undefined ? { versionTtlMs: deps.cacheVersionTtlMs } : {}),
    onLookup: (result) => metrics.cache.inc({ cache: "public_reads", result }),
    onFallback: (err) => {
      metrics.redisFallbacks.inc({ component: "cache" });
      if (Date.now() - lastCacheFallbackLog > 60_000) {
        lastCacheFallbackLog = Date.now();
        app.log.warn({ err }, "Redis cache unavailable; caching in memory");
      }
    },
  });
  // The web app's cached pages (Next's ISR) are told when a course changes, in the background.
  const webRevalidator = config.webRevalidation
    ? createWebRevalidator({
        ...config.webRevalidation,
        log: app.log,
        onOutcome: (outcome) => metrics.webRevalidations.inc({ outcome }),
      })
    : null;
  // With a read replica, a fill right after an edit reads the primary (see guardCache in lib/db-routing.ts).
  const publicReads = createPublicReads(
    readRouting ? readRouting.guardCache(sharedCache) : sharedCache,
    webRevalidator,
  );
  app.decorate("publicReads", publicReads);
  const courseRepo = createCourseRepo(db, read);
  const enrollmentRepo = createEnrollmentRepo(db);
  const courseService = createCourseService({
    courses: courseRepo,
    enrollments: enrollmentRepo,
    access,
    indexer: retrieval,
    media: mediaService,
    cache: publicReads,
  });
  const adminCourseService = createAdminCourseService({
    repo: adminRepo,
    courses: courseService,
    security,
    notifier: notifications,
  });
  // Certificates: issued by a job once a completion has committed; notifications subscribe to certificateEvents.
  const certificateEvents = createCertificateEvents(app.log);
  const certificateService = createCertificateService({
    certificates: createCertificateRepo(db),
    jobs,
    events: certificateEvents,
    appUrl: config.appUrl,
  });
  certificateEvents.onCertificateIssued(async (c) => {
    await notifications.notify(
      c.userId,
      "certificate.earned",
      { course_id: c.courseId, course_title: c.courseTitle, certificate_id: c.certificateId },
      c.certificateId,
    );
  });
  jobs.register("certificate.issue", async ({ userId, courseId }) => {
    await certificateService.issueIfComplete(userId, courseId);
  });
  const quizService = createQuizService({
    quizzes: createQuizRepo(db),
    access,
    analytics,
    cache: publicReads,
    certificates: certificateService,
  });
  const reviewService = createReviewService({
    reviews: createReviewRepo(db),
    access,
    enrollments: createAccessRepo(db),
    cache: publicReads,
    notifier: notifications,
  });
  jobs.register("lesson.reindex", async ({ lessonId }) => {
    await retrieval.indexLesson(lessonId);
  });
  const cleanup = createCleanupRepo(db);
  jobs.register("maintenance.cleanup", async () => {
    app.log.info({ deleted: await cleanup.run() }, "cleanup: expired and old rows deleted");
  });
  // Primary: it writes. The dashboards read the stored days through `read` like the raw events.
  const analyticsRollups = createAnalyticsRepo(db);
  jobs.register("analytics.rollup", async () => {
    const stored = await analyticsRollups.rollUpDays(ANALYTICS_MAX_RANGE_DAYS);
    if (stored > 0) app.log.info({ stored }, "analytics: daily rollups stored");
  });
  app.decorate("startSchedules", async () => {
    await mail.start();
    await jobs.schedule("maintenance.cleanup", {}, CLEANUP_EVERY_MS);
    await notifications.startSchedule();
    await jobs.schedule("analytics.rollup", {}, ANALYTICS_ROLLUP_EVERY_MS);
    await jobs.enqueue("recall.backfill", {}, { jobId: `recall.backfill.${new Date().toISOString().slice(0, 13)}` });
  });
  const lessonService = createLessonService({
    lessons: createLessonRepo(db),
    courses: courseRepo,
    access,
    jobs,
    media: mediaService,
    cache: publicReads,
    notifications,
  });
  const enrollmentService = createEnrollmentService({
    enrollments: enrollmentRepo,
    users,
    access,
    analytics,
    cache: publicReads,
    // The progress service is built below; a learner's list is read only once requests are served.
    flushProgress: (userId) => progressService.flushFor(userId),
  });
  // Daily review: recall cards built off the request path when a lesson is completed, scheduled with FSRS.
  const recallService = createRecallService({
    repo: createRecallRepo(db),
    analytics,
    ...(deps.now ? { now: deps.now } : {}),
  });
  jobs.register(
    "recall.build",
    async ({ userId, lessonId }) => void (await recallService.buildForCompletion(userId, lessonId)),
  );
  jobs.register("recall.backfill", async () => {
    app.log.info(await recallService.backfill(), "daily review: cards built for completed lessons");
  });
  // Player reports: acknowledged from a buffer shared by every instance (Redis) or this one's memory, and written
  // to the database in batches; without Redis there is one instance by design (state only in PostgreSQL and Redis).
  let lastProgressFallbackLog = 0;
  const progressWriteBehind =
    config.progressWriteBehindMs > 0
      ? {
          store: redis
            ? createRedisBufferStore(redis, { prefix: deps.redisPrefix ?? "lumen:" })
            : createMemoryBufferStore(),
          intervalMs: config.progressWriteBehindMs,
          // Memory answers at once: only Redis needs the timeout that sends a report to the table instead.
          timeoutMs: redis ? 500 : 0,
          onFallback: (err: unknown) => {
            metrics.redisFallbacks.inc({ component: "progress" });
            if (Date.now() - lastProgressFallbackLog > 60_000) {
              lastProgressFallbackLog = Date.now();
              app.log.warn({ err }, "progress buffer unavailable; writing reports to the database directly");
            }
          },
          onFlushed: (rows: number, ms: number) => {
            metrics.progress.flushes.observe(ms / 1000);
            metrics.progress.flushedRows.inc(rows);
          },
          onFlushError: (err: unknown) => {
            metrics.progress.flushErrors.inc();
            app.log.warn({ err }, "buffered progress not written yet; the next flush tries again");
          },
        }
      : undefined;
  const progressService = createProgressService({
    writeBehind: progressWriteBehind,
    progress: createProgressRepo(db),
    enrollments: enrollmentRepo,
    access,
    analytics,
    certificates: certificateService,
    // A lost enqueue (Redis down) costs no completion: the backfill builds the cards later.
    onLessonCompleted: (userId, lessonId) =>
      jobs.enqueue("recall.build", { userId, lessonId }, { jobId: `recall.build.${userId}.${lessonId}` }).then(
        () => undefined,
        (err) => app.log.warn({ err, lessonId }, "daily review: card build not queued; the backfill will do it"),
      ),
  });
  // Payments: Stripe when configured, the built-in test checkout otherwise; one fulfilment for both.
  const paymentProvider = config.billing.stripe
    ? createStripeProvider(config.billing.stripe, { timeoutMs: config.billing.timeoutMs })
    : createTestProvider({ appUrl: config.appUrl });
  const billingRepo = createBillingRepo(db);
  const fulfilment = createFulfilment({
    repo: billingRepo,
    enrollments: enrollmentService,
    access,
    mail,
    certificates: certificateService,
    cipher,
    appUrl: config.appUrl,
    log: app.log,
    onRefund: (refund) => securityAlerts.refunded(refund),
    refunds: paymentProvider,
    notifier: notifications,
  });
  const billingService = createBillingService({
    repo: billingRepo,
    provider: paymentProvider,
    fulfilment,
    access,
    config: config.billing,
    appUrl: config.appUrl,
  });
  const billingWebhook = createBillingWebhook({ provider: paymentProvider, fulfilment, log: app.log });
  // Account: change of email, deletion, profile picture (issue 17).
  const accountRepo = createAccountRepo(db);
  const passwordCheck = {
    throttle: createLoginThrottle(authRepo),
    passwords: argon2Hasher,
    failures: authRepo,
    cipher,
  };
  const emailChangeService = createEmailChangeService({
    ...passwordCheck,
    users,
    account: accountRepo,
    security,
    mail,
    appUrl: config.appUrl,
  });
  const accountDeletionService = createAccountDeletionService({
    ...passwordCheck,
    users,
    account: accountRepo,
    billing: billingService,
    media: mediaService,
    cache: publicReads,
    security,
    mail,
  });
  const avatarService = createAvatarService({ users, media: mediaService, cipher, cache: publicReads });
  const answerCache = createMemoryCache();
  const sharedAnswerCache = redis
    ? createRedisCache(redis, `${deps.redisPrefix ?? "lumen:"}`, answerCache)
    : answerCache;
  const aiRepo = createAiRepo(db);
  metrics.ai.platformLimit.set(config.ai.platformDailyLimit);
  metrics.onScrape(async () => {
    const [today] = await aiRepo.platformUsage(startOfUtcDay());
    metrics.ai.platformToday.set(today?.requests ?? 0);
  });
  const rawLlm = createLlmProvider(config.ai);
  const llm = rawLlm ? instrumentLlm(rawLlm, metrics) : null;
  const quizGenerator = createQuizGenerator({ repo: aiRepo, access, retrieval, llm, limits: config.ai });
  const chatService = createChatService({
    repo: aiRepo,
    access,
    enrollments: enrollmentRepo,
    retrieval,
    offline: { composeAnswer, composeSummary },
    llm,
    cache: instrumentCache(sharedAnswerCache, "ai_answer", metrics),
    analytics,
    limits: config.ai,
  });
  app.decorate("ai", {
    indexAll: () => retrieval.indexAll(),
    provider: chatService.provider,
    model: chatService.model,
  });

  const memoryStore = createMemoryStore();
  let lastFallbackLog = 0;
  registerRateLimit(app, {
    max: config.rateLimit.max,
    windowSeconds: config.rateLimit.windowSeconds,
    store: redis
      ? createRedisStore(redis, {
          prefix: `${deps.redisPrefix ?? "lumen:"}rl:`,
          fallback: memoryStore,
          onFallback: (err) => {
            metrics.redisFallbacks.inc({ component: "rate_limit" });
            if (Date.now() - lastFallbackLog > 60_000) {
              lastFallbackLog = Date.now();
              app.log.warn({ err }, "Redis rate limiter unavailable; counting in memory");
            }
          },
        })
      : memoryStore,
    identify: async (request) => (await verifiedClaims(request, signer))?.sub ?? null,
  });
  registerAuth(app, authService);
  registerHttpCache(app);

  healthRoutes(app, {
    probe: {
      migrated: () => ready,
      draining: () => draining,
      database: () => database.ping(),
      redis: async () =>
        redis
          ? redis.ping().then(
              () => true,
              () => false,
            )
          : null,
    },
  });
  await app.register(
    async (api) => {
      authRoutes(api, { service: authService, cookieSecure: config.cookieSecure });
      adminRoutes(api, { service: adminService });
      adminCourseRoutes(api, { service: adminCourseService });
      adminJobRoutes(api, { jobs });
      courseRoutes(api, { service: courseService });
      userRoutes(api, {
        service: createUserService({
          users,
          exporter: createUserExport(db),
          cipher,
          cache: publicReads,
          flushProgress: progressService.flushFor,
        }),
      });
      instructorRoutes(api, { service: createInstructorService({ instructors: createInstructorRepo(db) }) });
      quizRoutes(api, { service: quizService });
      reviewRoutes(api, { service: reviewService });
      lessonRoutes(api, { service: lessonService });
      enrollmentRoutes(api, { service: enrollmentService });
      progressRoutes(api, { service: progressService });
      noteRoutes(api, {
        service: createNoteService({ notes: createNoteRepo(db), access, appUrl: config.appUrl }),
      });
      recallRoutes(api, { service: recallService });
      aiRoutes(api, {
        chat: chatService,
        path: createPathService(createPathRepo(db), progressService.flushFor),
        quiz: quizGenerator,
      });
      analyticsRoutes(api, { service: analyticsService });
      billingRoutes(api, { service: billingService, webhook: billingWebhook });
      certificateRoutes(api, { service: certificateService });
      notificationRoutes(api, { service: notifications });
      accountRoutes(api, { emailChange: emailChangeService, deletion: accountDeletionService });
      // Multipart parsing only where uploads are accepted; the parser streams, so bodyLimit does not apply.
      await api.register(async (uploads) => {
        await uploads.register(multipart, {
          limits: {
            // One byte past the larger limit: the upload's own per-kind count always trips first.
            fileSize: Math.max(config.media.maxVideoBytes, config.media.maxImageBytes) + 1,
            files: 1,
            fields: 10,
            parts: 12,
            fieldNameSize: 100,
            fieldSize: 1024,
            headerPairs: 50,
          },
        });
        mediaRoutes(uploads, { service: mediaService });
        avatarRoutes(uploads, { service: avatarService });
      });
    },
    { prefix: "/api/v1" },
  );
  await demoMediaRoutes(app, { root: DEMO_MEDIA_DIR, signer: mediaSigner });

  if (progressService.buffer) {
    const { buffer } = progressService;
    metrics.onScrape(async () => metrics.progress.buffered.set(await buffer.store.dirtyCount()));
    app.decorate("progressFlush", () => buffer.flushAll());
    app.decorate("progressForget", (userId: string, lessonId: string) =>
      buffer.store.forget(bufferKey(userId, lessonId)),
    );
  } else {
    app.decorate("progressFlush", async () => 0);
    app.decorate("progressForget", async () => {});
  }

  app.addHook("onClose", async () => {
    // Acknowledged reports reach the database before it closes.
    await progressService.buffer?.close();
    await webRevalidator?.close();
    await background.drain();
    await jobs.close();
    await mail.stop();
    await storage.close();
  });
  return app;
}
