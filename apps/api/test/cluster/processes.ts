import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { request, waitFor } from "./http.js";

/**
 * The pieces of a real deployment on loopback: compiled API processes, nginx from deploy/nginx, a Redis of the
 * test's own and a database of its own on the local PostgreSQL. Nothing here builds: the API must be compiled
 * first (`npx turbo run build --filter=@lumen/api`).
 */
const API_DIR = fileURLToPath(new URL("../..", import.meta.url));
const REPO_DIR = path.resolve(API_DIR, "../..");
export const SERVER_JS = path.join(API_DIR, "dist/server.js");
export const NGINX_CONF = path.join(REPO_DIR, "deploy/nginx/nginx.conf");
const PG_ADMIN_URL = process.env.CLUSTER_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function checkPrerequisites(): void {
  if (!existsSync(SERVER_JS))
    throw new Error(`${SERVER_JS} is missing: build first with \`npx turbo run build --filter=@lumen/api\``);
  for (const bin of ["nginx", "redis-server"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" });
    } catch {
      throw new Error(`${bin} is not installed (apt-get install -y nginx redis-server)`);
    }
  }
}

let nextPort = Number(process.env.CLUSTER_PORT_BASE ?? 4740);
/** The next free loopback port from CLUSTER_PORT_BASE upwards (each machine's share of ports stays predictable). */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = nextPort++;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port found");
}

/** Waits for a child process to exit; resolves with its exit code (null when killed by a signal). */
function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

export interface TestDatabase {
  url: string;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A database of its own on the local PostgreSQL, dropped (connections and all) at the end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cluster_db_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    query: async (text, values) => (await pool.query(text, values)).rows,
    async drop() {
      await pool.end();
      const again = new pg.Client({ connectionString: PG_ADMIN_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export interface RedisServer {
  port: number;
  url(db?: number): string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A redis-server of the test's own (never the shared one), which the outage tests stop and start. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    async start() {
      const proc = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: "ignore",
        },
      );
      child = proc;
      await waitFor(
        "redis to answer PING",
        () =>
          new Promise<boolean>((resolve) => {
            if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
            try {
              const out = execFileSync("redis-cli", ["-p", String(port), "ping"], {
                encoding: "utf8",
                stdio: ["ignore", "pipe", "ignore"],
              });
              resolve(out.trim() === "PONG");
            } catch {
              resolve(false);
            }
          }),
        10_000,
      );
    },
    async stop() {
      const proc = child;
      if (!proc) return;
      child = null;
      const exited = exitOf(proc);
      proc.kill("SIGTERM");
      await exited;
    },
  };
  await server.start();
  return server;
}

export interface ApiInstance {
  name: string;
  port: number;
  metricsPort: number;
  url: string;
  /** stdout and stderr so far (shown when an instance fails to start). */
  output(): string;
  /** Starts the process and waits for /health/ready. */
  start(): Promise<void>;
  /** Sends SIGTERM; the returned promise resolves with the exit code once the process is gone. */
  terminate(): Promise<number | null>;
  /** Resolves when the running process exits. */
  exited(): Promise<number | null>;
}

/** Environment every instance of one cluster shares: the same secrets, database and Redis. */
export function clusterEnv(opts: {
  databaseUrl: string;
  redisUrl: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    NODE_ENV: "production",
    API_HOST: "127.0.0.1",
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: "5",
    REDIS_URL: opts.redisUrl,
    JOBS_MODE: "inline",
    JWT_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    GATEWAY_SECRET: randomBytes(32).toString("base64url"),
    // nginx connects from loopback: its X-Forwarded-For is believed, so clients behind it keep their addresses.
    TRUST_PROXY: "127.0.0.1",
    SEED_DEMO: "false",
    API_DOCS: "false",
    LOG_LEVEL: "warn",
    METRICS_HOST: "127.0.0.1",
    SHUTDOWN_DRAIN_MS: "1500",
    ...opts.extra,
  };
}

export async function apiInstance(name: string, env: Record<string, string>): Promise<ApiInstance> {
  const port = await freePort();
  const metricsPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `lumen-cluster-${name}-`));
  let child: ChildProcess | null = null;
  let log = "";
  const instance: ApiInstance = {
    name,
    port,
    metricsPort,
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    async start() {
      const proc = spawn(process.execPath, ["--enable-source-maps", SERVER_JS], {
        env: { ...env, API_PORT: String(port), METRICS_PORT: String(metricsPort), DATA_DIR: dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      proc.stdout?.on("data", (d: Buffer) => {
        log += d.toString();
      });
      proc.stderr?.on("data", (d: Buffer) => {
        log += d.toString();
      });
      await waitFor(
        `${name} to be ready`,
        async () => {
          if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}:\n${log}`);
          const res = await request(`${instance.url}/health/ready`).catch(() => null);
          return res?.status === 200;
        },
        60_000,
      );
    },
    terminate() {
      const proc = child;
      if (!proc) return Promise.resolve(null);
      const exited = exitOf(proc);
      proc.kill("SIGTERM");
      return exited;
    },
    exited() {
      return child ? exitOf(child) : Promise.resolve(null);
    },
  };
  cleanups.push(async () => {
    const proc = child;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = exitOf(proc);
      proc.kill("SIGKILL");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  return instance;
}

export interface Nginx {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * nginx with deploy/nginx/nginx.conf itself, only the addresses swapped for loopback ports, its files in a
 * temporary prefix, and a response header naming the instance that answered (so the tests can see the spread).
 */
export async function startNginx(upstreams: ApiInstance[]): Promise<Nginx> {
  const port = await freePort();
  const prefix = mkdtempSync(path.join(tmpdir(), "lumen-nginx-"));
  chmodSync(prefix, 0o755); // nginx's workers drop root and still need their temporary directories
  let conf = readFileSync(NGINX_CONF, "utf8");
  const swap = (pattern: RegExp, replacement: string) => {
    if (!pattern.test(conf)) throw new Error(`deploy/nginx/nginx.conf no longer matches ${pattern}`);
    conf = conf.replace(pattern, replacement);
  };
  const servers = upstreams.map((u) => `server 127.0.0.1:${u.port} max_fails=2 fail_timeout=5s;`).join("\n    ");
  swap(/server api-1:4000[^;]*;\s*server api-2:4000[^;]*;/, servers);
  // The web app is not part of these tests: point its upstream at a port nothing listens on.
  swap(/server web:3000;/, `server 127.0.0.1:${await freePort()};`);
  swap(/listen 80;/, `listen 127.0.0.1:${port};`);
  swap(/worker_processes auto;/, `worker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log warn;`);
  swap(
    /http \{/,
    `http {\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n  add_header X-Lumen-Upstream $upstream_addr always;`,
  );
  const file = path.join(prefix, "nginx.conf");
  writeFileSync(file, conf);
  execFileSync("nginx", ["-t", "-q", "-p", prefix, "-c", file], { stdio: "pipe" });
  const proc = spawn("nginx", ["-p", prefix, "-c", file, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    "nginx to listen",
    async () => {
      if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}: ${stderr}`);
      return (await request(`${url}/health`).catch(() => null))?.status === 200;
    },
    15_000,
  );
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = exitOf(proc);
    proc.kill("SIGQUIT");
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  cleanups.push(stop);
  return { port, url, stop };
}

const cleanups: Array<() => Promise<void>> = [];
/** Stops everything started above (last first), whatever state the test left it in. */
export async function cleanupAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}
