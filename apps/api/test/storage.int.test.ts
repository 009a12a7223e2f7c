import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { DEMO_MEDIA_DIR } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage } from "../src/modules/media/local-storage.js";
import { createS3Storage } from "../src/modules/media/s3-storage.js";
import { type StorageDriver, StorageNotFoundError } from "../src/modules/media/storage-driver.js";
import { call, createTestContext, type TestContext, userWithRole } from "./helpers.js";
import { type FakeS3, startFakeS3 } from "./support/fake-s3.js";

const PART_SIZE = 64 * 1024;

/** Deterministic bytes, so a test can say exactly which ones it expects back. */
const bytes = (n: number, seed = 7) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

/** A stream of unknown length in uneven chunks, failing after `failAfter` bytes when given. */
function streamOf(data: Buffer, opts: { chunk?: number; failAfter?: number } = {}): Readable {
  const chunk = opts.chunk ?? 10_000;
  return Readable.from(
    (async function* () {
      for (let i = 0; i < data.length; i += chunk) {
        if (opts.failAfter !== undefined && i >= opts.failAfter) throw new Error("the client went away");
        yield data.subarray(i, i + chunk);
      }
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

let localRoot: string;
let fake: FakeS3;
const drivers: Record<"local" | "s3", StorageDriver> = {} as Record<"local" | "s3", StorageDriver>;

beforeAll(async () => {
  localRoot = mkdtempSync(path.join(tmpdir(), "lumen-storage-"));
  fake = await startFakeS3();
  drivers.local = createLocalStorage(localRoot);
  drivers.s3 = createS3Storage(
    {
      bucket: fake.bucket,
      region: "us-east-1",
      endpoint: fake.url,
      forcePathStyle: true,
      credentials: { accessKeyId: "test-key", secretAccessKey: "test-secret" },
    },
    { partSize: PART_SIZE },
  );
});
afterAll(async () => {
  await drivers.s3?.close();
  await fake?.close();
  if (localRoot) rmSync(localRoot, { recursive: true, force: true });
});

describe.each(["local", "s3"] as const)("the %s storage driver", (name) => {
  const driver = () => drivers[name];

  it("stores a stream of unknown length and reads it back whole, with its size and etag", async () => {
    const data = bytes(300_000);
    const stored = await driver().put("video/whole", streamOf(data), "video/webm");
    expect(stored.size).toBe(data.length);
    expect(stored.etag).not.toBe("");
    const got = await driver().get("video/whole");
    expect(got.size).toBe(data.length);
    expect((await readAll(got.body)).equals(data)).toBe(true);
    const head = await driver().head("video/whole");
    expect(head).toMatchObject({ size: data.length, etag: stored.etag });
    expect(head?.lastModified).toBeInstanceOf(Date);
  });

  it("reads a byte range and reports the object's total size", async () => {
    const data = bytes(5000, 3);
    await driver().put("image/ranged", streamOf(data, { chunk: 999 }), "image/png");
    const got = await driver().get("image/ranged", { start: 100, end: 199 });
    expect(got.size).toBe(5000);
    expect((await readAll(got.body)).equals(data.subarray(100, 200))).toBe(true);
    const tail = await driver().get("image/ranged", { start: 4990, end: 4999 });
    expect((await readAll(tail.body)).equals(data.subarray(4990))).toBe(true);
  });

  it("leaves nothing behind when the body fails midway", async () => {
    const failing = driver().put("video/broken", streamOf(bytes(400_000), { failAfter: 250_000 }), "video/mp4");
    await expect(failing).rejects.toThrow("the client went away");
    expect(await driver().head("video/broken")).toBeNull();
    if (name === "local") {
      expect(readdirSync(path.join(localRoot, "video")).filter((f) => f.startsWith("broken"))).toEqual([]);
    } else {
      expect(fake.uploads.size).toBe(0);
      expect(fake.stats.multipartAborted).toBeGreaterThanOrEqual(1);
    }
  });

  it("deletes idempotently; a missing object is a StorageNotFoundError on get and null on head", async () => {
    await driver().put("image/gone", streamOf(bytes(10)), "image/gif");
    await driver().delete("image/gone");
    await driver().delete("image/gone");
    expect(await driver().head("image/gone")).toBeNull();
    await expect(driver().get("image/gone")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("refuses keys that could escape its namespace", async () => {
    for (const key of ["../secrets.json", "/etc/passwd", "video/../../x", "video//x", ""]) {
      await expect(driver().put(key, streamOf(bytes(1)), "image/png")).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe("the S3 driver", () => {
  it("sends a body larger than one part as a multipart upload, signed with SigV4", async () => {
    const before = { ...fake.stats };
    const data = bytes(PART_SIZE * 3 + 123, 11);
    const stored = await drivers.s3.put("video/multipart", streamOf(data, { chunk: 8192 }), "video/webm");
    expect(stored).toMatchObject({ size: data.length, etag: expect.stringMatching(/-4"$/) });
    expect(fake.stats.multipartCompleted - before.multipartCompleted).toBe(1);
    expect(fake.stats.partsUploaded - before.partsUploaded).toBe(4);
    expect(fake.stats.puts).toBe(before.puts);
    expect(fake.objects.get("video/multipart")?.body.equals(data)).toBe(true);
    expect(fake.objects.get("video/multipart")?.contentType).toBe("video/webm");
  });

  it("sends a body smaller than one part as a single PutObject", async () => {
    const before = { ...fake.stats };
    await drivers.s3.put("image/small", streamOf(bytes(1000)), "image/png");
    expect(fake.stats.puts - before.puts).toBe(1);
    expect(fake.stats.multipartCompleted).toBe(before.multipartCompleted);
    expect(fake.objects.get("image/small")?.contentType).toBe("image/png");
  });

  it("fails loudly when the server refuses the request (an unknown bucket)", async () => {
    const other = createS3Storage({
      bucket: "not-this-bucket",
      region: "us-east-1",
      endpoint: fake.url,
      forcePathStyle: true,
      credentials: { accessKeyId: "test-key", secretAccessKey: "test-secret" },
    });
    await expect(other.put("image/x", streamOf(bytes(10)), "image/png")).rejects.toMatchObject({
      name: "NoSuchBucket",
    });
    await other.close();
  });
});

describe("uploads through the API with S3 configured", () => {
  const MAX_VIDEO = 9 * 1024 * 1024;
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestContext({
      config: {
        media: {
          maxVideoBytes: MAX_VIDEO,
          maxImageBytes: 4096,
          urlTtlSeconds: 3600,
          s3: {
            bucket: fake.bucket,
            region: "us-east-1",
            endpoint: fake.url,
            forcePathStyle: true,
            credentials: { accessKeyId: "test-key", secretAccessKey: "test-secret" },
          },
        },
      },
    });
    token = (await userWithRole(ctx, "creator@example.com", "creator")).access_token;
  });
  afterAll(async () => ctx?.close());

  async function uploadFile(content: Buffer) {
    const form = new FormData();
    form.append("file", new Blob([content]), "lecture.webm");
    const encoded = new Response(form);
    // Sent in 64 KiB chunks, as a network delivers it (one big chunk would cross the limit before any part).
    const body = Buffer.from(await encoded.arrayBuffer());
    return call<{ id: string; url: string; playback_url: string; byte_size: number }>(ctx.app, {
      method: "POST",
      url: "/api/v1/media",
      token,
      headers: { "content-type": encoded.headers.get("content-type") ?? "" },
      payload: streamOf(body, { chunk: 64 * 1024 }),
    });
  }

  it("stores the upload in the bucket and serves ranges of it from there", async () => {
    const webm = readFileSync(path.join(DEMO_MEDIA_DIR, "ml-gradient-descent.webm"));
    const r = await uploadFile(webm);
    expect(r.status).toBe(201);
    const object = fake.objects.get(`video/${r.body.data.id}`);
    expect(object?.body.equals(webm)).toBe(true);
    expect(object?.contentType).toBe("video/webm");

    const res = await ctx.app.inject({
      method: "GET",
      url: r.body.data.playback_url,
      headers: { range: "bytes=1000-1999" },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers["content-range"]).toBe(`bytes 1000-1999/${webm.length}`);
    expect(res.rawPayload.equals(webm.subarray(1000, 2000))).toBe(true);
  });

  it("aborts the multipart upload of a file past the limit, leaving no object and no open upload", async () => {
    const before = {
      objects: fake.objects.size,
      aborted: fake.stats.multipartAborted,
      parts: fake.stats.partsUploaded,
    };
    const header = readFileSync(path.join(DEMO_MEDIA_DIR, "python-loops.webm")).subarray(0, 4096);
    const r = await uploadFile(Buffer.concat([header, Buffer.alloc(MAX_VIDEO)]));
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
    // At least one 8 MiB part went up before the limit was crossed, so this exercised the abort path.
    expect(fake.stats.partsUploaded).toBeGreaterThan(before.parts);
    expect(fake.stats.multipartAborted).toBe(before.aborted + 1);
    expect(fake.uploads.size).toBe(0);
    expect(fake.objects.size).toBe(before.objects);
  });
});
