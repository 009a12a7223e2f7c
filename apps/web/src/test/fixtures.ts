import type { CourseSummary } from "@lumen/contracts";

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
