#!/usr/bin/env node
// `npm start`: the whole product on one machine. Builds the API and the web app when needed (turbo's cache makes
// a rebuild of unchanged sources instant), starts the compiled API on :4000 and the web app on :3000, prints where
// to go and the demo logins. Ctrl-C stops both cleanly.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const apiPort = process.env.API_PORT ?? "4000";
const webPort = process.env.WEB_PORT ?? "3000";
const apiUrl = process.env.API_URL ?? `http://localhost:${apiPort}`;
const env = {
  ...process.env,
  DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? ".data"),
  API_PORT: apiPort,
  API_URL: apiUrl,
  APP_URL: process.env.APP_URL ?? `http://localhost:${webPort}`,
  // The API tells the web app started here which cached pages to regenerate after a course changes; the shared
  // secret is generated into $DATA_DIR/secrets.json by the API unless REVALIDATE_SECRET is set.
  WEB_REVALIDATE_URL: process.env.WEB_REVALIDATE_URL ?? `http://localhost:${webPort}/api/revalidate`,
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

console.log("Building the API and the web app (cached after the first run)…");
const build = spawnSync(
  "npx",
  ["turbo", "run", "build", "--filter=@lumen/api", "--filter=@lumen/web", "--output-logs=errors-only"],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
if (build.status !== 0) {
  console.error("The build failed; see the output above.");
  process.exit(build.status ?? 1);
}

const children = [];
let stopping = false;
function run(name, command, args, cwd) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  const deadline = setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    process.exit(code);
  }, 12_000);
  deadline.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

run("API", process.execPath, ["--enable-source-maps", "dist/server.js"], path.join(root, "apps/api"));

async function waitForApi() {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/health/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitForApi()) {
  run(
    "web",
    process.execPath,
    // The web app's own server (Next behind it) knows each visitor's address for the API gateway.
    ["server.mjs", "-p", webPort],
    path.join(root, "apps/web"),
  );
  console.log(`
  Lumen is running
    Web app   http://localhost:${webPort}
    API       ${apiUrl}/api/v1
    API docs  ${apiUrl}/docs

  Demo logins (password in brackets)
    admin     admin@lumen.dev    (lumen-admin-demo)
    creators  ada@lumen.dev, marcus@lumen.dev    (lumen-creator-demo)
    students  sam@lumen.dev, maya@lumen.dev    (lumen-student-demo; Maya has premium)

  Emails are written to ${path.join(env.DATA_DIR, "outbox")}. Press Ctrl-C to stop.
`);
}
