import {
  type ApiInstance,
  apiInstance,
  checkPrerequisites,
  clusterEnv,
  createTestDatabase,
  type Nginx,
  type RedisServer,
  startNginx,
  startRedis,
  type TestDatabase,
} from "./processes.js";
import { buildCourseWorld, type CourseWorld } from "./world.js";

export interface Cluster {
  db: TestDatabase;
  redis: RedisServer;
  a: ApiInstance;
  b: ApiInstance;
  nginx: Nginx;
  world: CourseWorld;
}

/**
 * The deployment both cluster files test: a database and a Redis of their own, two compiled API instances on them
 * behind nginx, and a course world built through nginx. `databaseUrl` lets a test put something between the
 * instances and PostgreSQL (the outage tests' TCP proxy); `extra` is added to the instances' environment.
 * Everything started here is stopped by `cleanupAll()` except the database and Redis (`stopCluster`).
 */
export async function startCluster(
  started: Partial<Cluster>,
  opts: {
    from: string;
    extra?: Record<string, string>;
    databaseUrl?: (direct: string) => Promise<string>;
  },
): Promise<Cluster> {
  checkPrerequisites();
  // Kept in `started` as they start, so the caller's afterAll stops what did start when a later step fails.
  const db = await createTestDatabase();
  started.db = db;
  const redis = await startRedis();
  started.redis = redis;
  const env = clusterEnv({
    databaseUrl: opts.databaseUrl ? await opts.databaseUrl(db.url) : db.url,
    redisUrl: redis.url(),
    ...(opts.extra ? { extra: opts.extra } : {}),
  });
  const a = await apiInstance("api-a", env);
  const b = await apiInstance("api-b", env);
  Object.assign(started, { a, b });
  // Both at once: the migrations' advisory lock lets exactly one of them migrate.
  await Promise.all([a.start(), b.start()]);
  const nginx = await startNginx([a, b]);
  const world = await buildCourseWorld(nginx.url, db, opts.from);
  Object.assign(started, { nginx, world });
  return { db, redis, a, b, nginx, world };
}

/** The database and Redis of a cluster (the processes go with `cleanupAll()`). */
export async function stopCluster(started: Partial<Cluster>): Promise<void> {
  await started.redis?.stop();
  await started.db?.drop();
}
