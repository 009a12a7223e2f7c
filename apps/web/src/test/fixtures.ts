import type { CourseSummary, User } from "@lumen/contracts";

/** Sam, a student on the free plan who hasn't verified their email yet; features make their own people from it. */
export function testUser(overrides: Partial<User> = {}): User {
  return {
    id: "u-sam",
    email: "sam@lumen.dev",
    full_name: "Sam Rivera",
    role: "student",
    premium_status: false,
    email_verified: false,
    disabled: false,
    subscription: { type: null, status: null, stripe_id: null, current_period_end: null, cancel_at_period_end: false },
    profile: {},
    stats: {
      lessons_completed: 0,
      minutes_learned: 0,
      current_streak_days: 0,
      best_streak_days: 0,
      last_active_date: null,
    },
    created_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function courseSummary(overrides: Partial<CourseSummary> = {}): CourseSummary {
  return {
    id: "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01",
    slug: "photosynthesis-from-light-to-sugar",
    title: "Photosynthesis, from light to sugar",
    subtitle: "How plants turn sunlight into the food chain, one reaction at a time.",
    description: "A short course on the light reactions and the Calvin cycle.",
    category: "biology",
    level: "beginner",
    pricing: { is_free: true, price: 0 },
    tags: ["biology", "plants"],
    thumbnail_url: "/media/demo/photosynthesis.svg",
    status: "published",
    creator: { id: "u-ada", full_name: "Ada Okafor" },
    stats: {
      enrollment_count: 1280,
      rating_avg: 4.76,
      rating_count: 212,
      lesson_count: 8,
      total_duration_seconds: 4800,
    },
    created_at: "2025-01-10T09:00:00.000Z",
    published_at: "2025-01-12T09:00:00.000Z",
    ...overrides,
  };
}
