export { demoCourses } from "./content/index.js";
export type { DemoCourse } from "./content/types.js";
export { DEMO_USERS } from "./demo-users.js";
export { seedDemo } from "./seed.js";
