export * from "./ai.js";
export * from "./analytics.js";
export * from "./auth.js";
export * from "./billing.js";
export * from "./courses.js";
export * from "./media.js";
export * from "./recall.js";
export * from "./users.js";
