import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback S3 stand-in for tests: path-style `/{bucket}/{key}` with PUT, GET (Range), HEAD and DELETE of
 * objects, and multipart uploads (initiate, part, complete, abort). It does not verify SigV4 signatures, but
 * refuses requests without an `AWS4-HMAC-SHA256` Authorization header and checks signed payload hashes.
 */
export interface FakeS3 {
  url: string;
  bucket: string;
  objects: Map<string, { body: Buffer; contentType: string; etag: string; lastModified: Date }>;
  /** Multipart uploads still open (neither completed nor aborted). */
  uploads: Map<string, { key: string; contentType: string; parts: Map<number, { body: Buffer; etag: string }> }>;
  stats: { puts: number; multipartCompleted: number; multipartAborted: number; partsUploaded: number };
  /** Every request's method and path (with query), for assertions about what the driver did. */
  log: string[];
  close(): Promise<void>;
}

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function sendError(res: ServerResponse, status: number, code: string, message: string, head = false) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(
    head
      ? undefined
      : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`,
  );
}

function sendXml(res: ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeS3(bucket = "lumen-test"): Promise<FakeS3> {
  const objects: FakeS3["objects"] = new Map();
  const uploads: FakeS3["uploads"] = new Map();
  const stats = { puts: 0, multipartCompleted: 0, multipartAborted: 0, partsUploaded: 0 };
  const log: string[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const head = method === "HEAD";
    log.push(`${method} ${url.pathname}${url.search}`);
    try {
      const auth = req.headers.authorization ?? "";
      if (!/^AWS4-HMAC-SHA256 Credential=\S+, ?SignedHeaders=\S+, ?Signature=[0-9a-f]{64}$/.test(auth)) {
        return sendError(res, 403, "AccessDenied", "Missing or malformed AWS4-HMAC-SHA256 Authorization", head);
      }
      const [, pathBucket, ...keyParts] = url.pathname.split("/");
      if (pathBucket !== bucket) return sendError(res, 404, "NoSuchBucket", `No bucket ${pathBucket}`, head);
      const key = decodeURIComponent(keyParts.join("/"));
      if (!key) return sendError(res, 400, "InvalidRequest", "This stand-in only serves object requests", head);
      const uploadId = url.searchParams.get("uploadId");

      const body = head || method === "GET" || method === "DELETE" ? Buffer.alloc(0) : await readBody(req);
      const declared = req.headers["x-amz-content-sha256"];
      if (typeof declared === "string" && /^[0-9a-f]{64}$/.test(declared)) {
        if (createHash("sha256").update(body).digest("hex") !== declared) {
          return sendError(res, 400, "XAmzContentSHA256Mismatch", "The payload does not match its signed hash");
        }
      }

      if (method === "POST" && url.searchParams.has("uploads")) {
        const id = randomUUID();
        uploads.set(id, {
          key,
          contentType: req.headers["content-type"] ?? "application/octet-stream",
          parts: new Map(),
        });
        return sendXml(
          res,
          `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
        );
      }
      if (uploadId !== null) {
        const upload = uploads.get(uploadId);
        if (!upload || upload.key !== key) return sendError(res, 404, "NoSuchUpload", "No such upload");
        if (method === "PUT") {
          const partNumber = Number(url.searchParams.get("partNumber"));
          if (!Number.isInteger(partNumber) || partNumber < 1)
            return sendError(res, 400, "InvalidArgument", "partNumber");
          const etag = `"${md5(body)}"`;
          upload.parts.set(partNumber, { body, etag });
          stats.partsUploaded++;
          res.writeHead(200, { etag });
          return res.end();
        }
        if (method === "DELETE") {
          uploads.delete(uploadId);
          stats.multipartAborted++;
          res.writeHead(204);
          return res.end();
        }
        if (method === "POST") {
          const listed = [...body.toString("utf8").matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((m) => ({
            number: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(m[1] ?? "")?.[1]),
            etag: /<ETag>([^<]*)<\/ETag>/.exec(m[1] ?? "")?.[1]?.replace(/&quot;/g, '"'),
          }));
          if (listed.length === 0) return sendError(res, 400, "MalformedXML", "No parts listed");
          const pieces: Buffer[] = [];
          let previous = 0;
          for (const p of listed) {
            const part = upload.parts.get(p.number);
            if (!part || part.etag !== p.etag) return sendError(res, 400, "InvalidPart", `Part ${p.number} unknown`);
            if (p.number <= previous) return sendError(res, 400, "InvalidPartOrder", "Parts out of order");
            previous = p.number;
            pieces.push(part.body);
          }
          const all = Buffer.concat(pieces);
          const etag = `"${md5(Buffer.concat(listed.map((p) => Buffer.from(md5(upload.parts.get(p.number)?.body ?? Buffer.alloc(0)), "hex"))))}-${listed.length}"`;
          objects.set(key, {
            body: all,
            contentType: upload.contentType,
            etag,
            lastModified: new Date(),
          });
          uploads.delete(uploadId);
          stats.multipartCompleted++;
          return sendXml(
            res,
            `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`,
          );
        }
      }
      if (method === "PUT") {
        const etag = `"${md5(body)}"`;
        objects.set(key, {
          body,
          contentType: req.headers["content-type"] ?? "application/octet-stream",
          etag,
          lastModified: new Date(),
        });
        stats.puts++;
        res.writeHead(200, { etag });
        return res.end();
      }
      if (method === "DELETE") {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      if (method === "GET" || head) {
        const object = objects.get(key);
        if (!object) return sendError(res, 404, "NoSuchKey", "The specified key does not exist.", head);
        const size = object.body.length;
        const headers: Record<string, string> = {
          "content-type": object.contentType,
          etag: object.etag,
          "last-modified": object.lastModified.toUTCString(),
          "accept-ranges": "bytes",
        };
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
        if (range && !head) {
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
          if (start >= size) return sendError(res, 416, "InvalidRange", "The requested range is not satisfiable");
          res.writeHead(206, {
            ...headers,
            "content-range": `bytes ${start}-${end}/${size}`,
            "content-length": String(end - start + 1),
          });
          return res.end(object.body.subarray(start, end + 1));
        }
        res.writeHead(200, { ...headers, "content-length": String(size) });
        return res.end(head ? undefined : object.body);
      }
      return sendError(res, 405, "MethodNotAllowed", `${method} is not supported here`);
    } catch (err) {
      return sendError(res, 500, "InternalError", (err as Error).message);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    uploads,
    stats,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
