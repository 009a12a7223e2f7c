export { demoCourses } from "./content/index.js";
export type { DemoCourse } from "./content/types.js";
export { DEMO_USERS } from "./demo-users.js";
export { DEMO_LEARNER_DOMAIN } from "./history/cohort.js";
export { type SeedCounts, type SeedOptions, seedDemo } from "./seed.js";
