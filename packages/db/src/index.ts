export * from "./assets.js";
export * from "./client.js";
export * from "./derived.js";
export type { ListenHandlers, Subscription } from "./listen.js";
export * from "./maintenance.js";
export * as schema from "./schema/index.js";
export * from "./schema/index.js";
