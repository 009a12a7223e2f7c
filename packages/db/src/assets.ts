import { fileURLToPath } from "node:url";

/** Demo media (videos, thumbnails) shipped with the seed; the API serves them under /media/demo/. */
export const DEMO_MEDIA_DIR = fileURLToPath(new URL("../assets/media", import.meta.url));
export const DEMO_TRANSCRIPTS_DIR = fileURLToPath(new URL("../assets/transcripts", import.meta.url));
