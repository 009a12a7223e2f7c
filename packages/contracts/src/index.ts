export * from "./admin.js";
export * from "./auth.js";
export * from "./common-passwords.js";
export * from "./course.js";
export * from "./envelope.js";
export * from "./errors.js";
export * from "./progress.js";
export * from "./user.js";
