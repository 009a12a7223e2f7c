import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type ByteRange, type StorageDriver, StorageNotFoundError } from "./storage-driver.js";

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

/** Size and modification time, the way static file servers build a cheap validator. */
const etagOf = (s: { size: number; mtimeMs: number }) =>
  `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`;

/** Files under `root`, written to a temporary name and renamed into place only once complete. */
export function createLocalStorage(root: string): StorageDriver {
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    name: "local",

    async put(key, body: Readable) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.part`;
      try {
        await pipeline(body, createWriteStream(partial, { flags: "wx", mode: 0o640 }));
        await rename(partial, file);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
      const s = await stat(file);
      return { size: s.size, etag: etagOf(s) };
    },

    async get(key, range?: ByteRange) {
      const file = fileOf(key);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (err) {
        if (isMissing(err)) throw new StorageNotFoundError(key);
        throw err;
      }
      const body = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      return { body, size };
    },

    async head(key) {
      try {
        const s = await stat(fileOf(key));
        return { size: s.size, etag: etagOf(s), lastModified: s.mtime };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      await rm(fileOf(key), { force: true });
    },

    async close() {},
  };
}
