import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "../client.js";
import { refreshCourseDerived } from "../derived.js";
import { courses, lessons, modules, quizzes, type UserStats, users } from "../schema/index.js";
import { buildCatalog } from "./catalog.js";
import { demoCourses } from "./content/index.js";
import { DEMO_USERS } from "./demo-users.js";
import { planDemoAccounts } from "./history/demo-accounts.js";
import { planHistory } from "./history/history.js";
import { appendPlan } from "./history/plan.js";
import { statsFromEvents } from "./history/stats.js";
import { recountCourses, writePlan } from "./history/write.js";

export interface SeedOptions {
  /** argon2id hasher from the API: the db package does not pick password parameters. */
  hashPassword: (password: string) => Promise<string>;
  /**
   * The demo cohort's last 45 days of learning (40 learners, their progress, quizzes, rewatches, tutor questions
   * and reviews). On by default; tests that only need the catalog and the documented accounts turn it off.
   */
  history?: boolean;
  /** What "now" is for the seeded dates; the current time by default. */
  now?: Date;
}

export interface SeedCounts {
  users: number;
  courses: number;
  lessons: number;
  /** Demo learners of the history (0 without it) and the learning events recorded for everyone. */
  learners: number;
  events: number;
}

const DAY = 86_400_000;

/** Loads the demo accounts, the catalog and (unless turned off) the learning history. Run on an empty database. */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedCounts> {
  const now = (options.now ?? new Date()).getTime();
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    if (!hashes.has(u.password)) hashes.set(u.password, await options.hashPassword(u.password));
  }
  const accountIds = new Map<string, string>(DEMO_USERS.map((u) => [u.key, randomUUID()]));
  const catalog = buildCatalog(accountIds, now);
  const plan = planDemoAccounts(
    catalog.index,
    {
      admin: accountIds.get("admin") as string,
      sam: accountIds.get("sam") as string,
      maya: accountIds.get("maya") as string,
    },
    now,
  );
  const history = options.history === false ? null : planHistory(catalog.index, now);
  if (history) appendPlan(plan, history.plan);
  const stats = statsFromEvents(plan.events);
  // Demo learners exist to be looked at, never signed in as: their hash is of a secret nobody keeps.
  const lockedHash = history ? await options.hashPassword(randomBytes(32).toString("base64url")) : null;

  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      ...DEMO_USERS.map((u) => ({
        id: accountIds.get(u.key) as string,
        email: u.email,
        passwordHash: hashes.get(u.password) as string,
        fullName: u.fullName,
        role: u.role,
        premiumStatus: u.premium,
        emailVerified: true,
        profile: u.role === "creator" ? { bio: creatorBio(u.key) } : {},
        ...statsOf(stats, accountIds.get(u.key) as string),
        createdAt: new Date(now - 120 * DAY),
      })),
      ...(history?.learners ?? []).map((l) => ({
        id: l.id,
        email: l.email,
        passwordHash: lockedHash as string,
        fullName: l.fullName,
        role: "student" as const,
        premiumStatus: l.premium,
        emailVerified: true,
        ...statsOf(stats, l.id),
        createdAt: new Date(l.createdAt),
        updatedAt: new Date(l.createdAt),
      })),
    ]);
    await tx.insert(courses).values(catalog.courses);
    await tx.insert(modules).values(catalog.modules);
    await tx.insert(lessons).values(catalog.lessons);
    await tx.insert(quizzes).values(catalog.quizzes);
    for (const course of catalog.courses) await refreshCourseDerived(tx, course.id);
    await writePlan(tx, plan);
    await recountCourses(tx);
  });
  return {
    users: DEMO_USERS.length + (history?.learners.length ?? 0),
    courses: demoCourses.length,
    lessons: catalog.lessons.length,
    learners: history?.learners.length ?? 0,
    events: plan.events.length,
  };
}

function statsOf(stats: Map<string, UserStats>, userId: string): { stats?: UserStats } {
  const s = stats.get(userId);
  return s ? { stats: s } : {};
}

function creatorBio(key: string): string {
  return key === "ada"
    ? "Biologist turned data scientist. Ada teaches science and maths the way she wishes she had learned them: with pictures first and formulas second."
    : "Software engineer and former startup product lead. Marcus teaches programming and product thinking through small, real projects.";
}
