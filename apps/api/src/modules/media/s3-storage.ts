import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { S3Config } from "../../config.js";
import { assertStorageKey, type StorageDriver, StorageNotFoundError } from "./storage-driver.js";

/** 8 MiB parts: above S3's 5 MiB minimum, and the most a single upload ever holds in memory. */
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
};

/** Total size from `Content-Range: bytes 0-99/1234`, else the body's length. */
function totalSize(contentRange: string | undefined, contentLength: number | undefined): number {
  const total = contentRange ? /\/(\d+)$/.exec(contentRange)?.[1] : undefined;
  return total ? Number(total) : (contentLength ?? 0);
}

/**
 * Any S3-compatible store. Uploads of unknown length go up as a multipart upload, one part in memory at a
 * time (a small file is a single PutObject); a failing upload is aborted so no parts are left to bill.
 */
export function createS3Storage(config: S3Config, opts: { partSize?: number } = {}): StorageDriver {
  const partSize = opts.partSize ?? DEFAULT_PART_SIZE;
  const Bucket = config.bucket;
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Many S3-compatible servers reject the SDK's default CRC32 trailers; S3 itself does not need them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  return {
    name: "s3",

    async put(Key, body, ContentType) {
      assertStorageKey(Key);
      let uploadId: string | undefined;
      const parts: Array<{ ETag: string; PartNumber: number }> = [];
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let size = 0;

      const flushPart = async () => {
        if (!uploadId) {
          const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType }));
          if (!created.UploadId) throw new Error("S3 did not return an upload id");
          uploadId = created.UploadId;
        }
        const PartNumber = parts.length + 1;
        const Body = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const uploaded = await client.send(
          new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body, ContentLength: Body.length }),
        );
        if (!uploaded.ETag) throw new Error(`S3 did not return an ETag for part ${PartNumber}`);
        parts.push({ ETag: uploaded.ETag, PartNumber });
      };

      try {
        for await (const chunk of body) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          pending.push(buf);
          pendingBytes += buf.length;
          size += buf.length;
          if (pendingBytes >= partSize) await flushPart();
        }
        if (!uploadId) {
          const Body = Buffer.concat(pending, pendingBytes);
          const put = await client.send(
            new PutObjectCommand({ Bucket, Key, Body, ContentType, ContentLength: Body.length }),
          );
          return { size, etag: put.ETag ?? "" };
        }
        if (pendingBytes > 0) await flushPart();
        const done = await client.send(
          new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
        );
        return { size, etag: done.ETag ?? "" };
      } catch (err) {
        if (uploadId) {
          await client
            .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
            .catch(() => undefined);
        }
        throw err;
      }
    },

    async get(Key, range) {
      assertStorageKey(Key);
      try {
        const res = await client.send(
          new GetObjectCommand({ Bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        if (!(res.Body instanceof Readable)) throw new Error("S3 returned no readable body");
        return { body: res.Body, size: totalSize(res.ContentRange, res.ContentLength) };
      } catch (err) {
        if (notFound(err)) throw new StorageNotFoundError(Key);
        throw err;
      }
    },

    async head(Key) {
      assertStorageKey(Key);
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key }));
        return { size: res.ContentLength ?? 0, etag: res.ETag ?? "", lastModified: res.LastModified ?? new Date(0) };
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },

    async delete(Key) {
      assertStorageKey(Key);
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
    },

    async close() {
      client.destroy();
    },
  };
}
