import path from "node:path";
import type { MediaConfig } from "../../config.js";
import { createLocalStorage } from "./local-storage.js";
import { createS3Storage } from "./s3-storage.js";
import type { StorageDriver } from "./storage-driver.js";

/** S3 when configured, else the local disk under `$DATA_DIR/media`. */
export function createStorage(config: MediaConfig, dataDir: string): StorageDriver {
  return config.s3 ? createS3Storage(config.s3) : createLocalStorage(path.join(dataDir, "media"));
}
