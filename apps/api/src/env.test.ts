import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, EnvError, parseEnv, resolveSecrets } from "./env.js";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      API_PORT: 4000,
      DATA_DIR: "./.data",
      RATE_LIMIT_MAX: 100,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      BODY_LIMIT_BYTES: 1048576,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("takes a read replica only beside a PostgreSQL primary, with a sticky window that outlasts the lag", () => {
    const primary = "postgres://postgres@127.0.0.1:5432/lumen";
    const replica = "postgres://postgres@127.0.0.1:5433/lumen";
    expect(() => parseEnv({ DATABASE_READ_URL: replica })).toThrowError(/DATABASE_READ_URL needs DATABASE_URL/);
    expect(() =>
      parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: replica, DATABASE_READ_MAX_LAG_MS: "5000" }),
    ).toThrowError(/DATABASE_READ_STICKY_MS must be at least DATABASE_READ_MAX_LAG_MS/);
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: replica })).toMatchObject({
      DATABASE_READ_MAX_LAG_MS: 1000,
      DATABASE_READ_STICKY_MS: 3000,
    });
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ API_PORT: "eighty", DATABASE_URL: "not a url", LOG_LEVEL: "loud" })).toThrowError(
      /API_PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/,
    );
  });

  it("refuses to start in production without JWT_SECRET, ENCRYPTION_KEY and GATEWAY_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/JWT_SECRET and ENCRYPTION_KEY/);
    expect(() => parseEnv({ NODE_ENV: "production", JWT_SECRET: "x".repeat(40) })).toThrowError(/ENCRYPTION_KEY/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", JWT_SECRET: "x".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) }),
    ).toThrowError(/GATEWAY_SECRET/);
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        JWT_SECRET: "x".repeat(40),
        ENCRYPTION_KEY: "ab".repeat(32),
        GATEWAY_SECRET: "g".repeat(40),
      }),
    ).not.toThrow();
  });

  it("reads TRUST_PROXY as addresses and CIDR ranges, and refuses true (which trusted everyone)", () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,fd00::/8" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
    ]);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY[\s\S]*CIDR/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrowError(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: "proxy.internal" })).toThrowError(/TRUST_PROXY/);
  });

  it("rejects a short JWT secret and a malformed encryption key", () => {
    expect(() => parseEnv({ JWT_SECRET: "short" })).toThrowError(/JWT_SECRET/);
    expect(() => parseEnv({ ENCRYPTION_KEY: "not-a-key" })).toThrowError(/ENCRYPTION_KEY/);
  });

  it("wants both Stripe keys and the Premium price ids, or none (the built-in test checkout)", () => {
    expect(parseEnv({}).STRIPE_SECRET_KEY).toBeUndefined();
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrowError(/STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrowError(
      /STRIPE_PRICE_PREMIUM_MONTHLY/,
    );
    expect(
      parseEnv({
        STRIPE_SECRET_KEY: "sk_test_x",
        STRIPE_WEBHOOK_SECRET: "whsec_x",
        STRIPE_PRICE_PREMIUM_MONTHLY: "price_m",
        STRIPE_PRICE_PREMIUM_YEARLY: "price_y",
      }).PREMIUM_PRICE_MONTHLY,
    ).toBe(1200);
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.co" })).toThrowError(EnvError);
  });

  it("stores media on disk by default, with 500 MiB videos, 5 MiB images and 6-hour links", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      MEDIA_MAX_VIDEO_BYTES: 500 * 1024 * 1024,
      MEDIA_MAX_IMAGE_BYTES: 5 * 1024 * 1024,
      MEDIA_URL_TTL_SECONDS: 21_600,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: false,
    });
    expect(env.S3_BUCKET).toBeUndefined();
  });

  it("wants S3 keys in pairs, and S3 settings only with a bucket", () => {
    expect(() => parseEnv({ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "key" })).toThrowError(/S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrowError(/S3_BUCKET/);
    const env = parseEnv({
      S3_BUCKET: "media",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(env).toMatchObject({ S3_BUCKET: "media", S3_FORCE_PATH_STYLE: true });
  });
});

describe("web revalidation", () => {
  const production = {
    NODE_ENV: "production",
    JWT_SECRET: "s".repeat(40),
    ENCRYPTION_KEY: "0f".repeat(32),
    GATEWAY_SECRET: "g".repeat(40),
  };

  it("needs REVALIDATE_SECRET with WEB_REVALIDATE_URL in production", () => {
    expect(() => parseEnv({ ...production, WEB_REVALIDATE_URL: "http://web:3000/api/revalidate" })).toThrow(
      /REVALIDATE_SECRET/,
    );
    const env = parseEnv({
      ...production,
      WEB_REVALIDATE_URL: "http://web:3000/api/revalidate",
      REVALIDATE_SECRET: "r".repeat(40),
    });
    expect(resolveSecrets(env, mkdtempSync(path.join(tmpdir(), "lumen-env-"))).revalidateSecret).toBe("r".repeat(40));
    expect(() => parseEnv({ ...production, REVALIDATE_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("takes one web app URL or several, comma-separated, and names a bad one", () => {
    expect(parseEnv({ WEB_REVALIDATE_URL: "http://web:3000/api/revalidate" }).WEB_REVALIDATE_URL).toEqual([
      "http://web:3000/api/revalidate",
    ]);
    expect(
      parseEnv({ WEB_REVALIDATE_URL: " http://web-1:3000/api/revalidate, http://web-2:3000/api/revalidate " })
        .WEB_REVALIDATE_URL,
    ).toEqual(["http://web-1:3000/api/revalidate", "http://web-2:3000/api/revalidate"]);
    expect(parseEnv({ WEB_REVALIDATE_URL: "" }).WEB_REVALIDATE_URL).toBeUndefined();
    expect(() => parseEnv({ WEB_REVALIDATE_URL: "http://web-1:3000/api/revalidate,web-2" })).toThrow(/"web-2"/);
  });

  it("is off in production without WEB_REVALIDATE_URL", () => {
    const env = parseEnv(production);
    expect(resolveSecrets(env, mkdtempSync(path.join(tmpdir(), "lumen-env-"))).revalidateSecret).toBeNull();
  });
});

describe("resolveSecrets", () => {
  it("generates development secrets once and keeps them under DATA_DIR", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lumen-env-"));
    const first = resolveSecrets(parseEnv({}), dir);
    const second = resolveSecrets(parseEnv({}), dir);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(second.gatewaySecret).toBe(first.gatewaySecret);
    expect(first.gatewaySecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey).toHaveLength(32);
    const file = path.join(dir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("jwt_secret");
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("gateway_secret", first.gatewaySecret);
    expect(second.revalidateSecret).toBe(first.revalidateSecret);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("revalidate_secret", first.revalidateSecret);
  });

  it("adds the revalidation secret to a secrets file written before it existed, keeping the others", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lumen-env-"));
    const file = path.join(dir, "secrets.json");
    const older = { jwt_secret: "j".repeat(48), encryption_key: "0f".repeat(32), gateway_secret: "g".repeat(40) };
    writeFileSync(file, JSON.stringify(older));
    const secrets = resolveSecrets(parseEnv({}), dir);
    expect(secrets).toMatchObject({ jwtSecret: older.jwt_secret, gatewaySecret: older.gateway_secret });
    expect(secrets.revalidateSecret?.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      ...older,
      revalidate_secret: secrets.revalidateSecret,
    });
  });

  it("uses the environment's secrets when given", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lumen-env-"));
    const secrets = resolveSecrets(parseEnv({ JWT_SECRET: "s".repeat(40), ENCRYPTION_KEY: "0f".repeat(32) }), dir);
    expect(secrets.jwtSecret).toBe("s".repeat(40));
    expect(secrets.encryptionKey.toString("hex")).toBe("0f".repeat(32));
  });
});

describe("every variable the API reads", () => {
  const root = path.resolve(import.meta.dirname, "../../..");

  it("is documented in .env.example", () => {
    const documented = new Set(
      readFileSync(path.join(root, ".env.example"), "utf8")
        .split("\n")
        .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
        .filter((name): name is string => Boolean(name)),
    );
    expect(ENV_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("reaches the API under turbo (npm run dev): turbo.json passes it through", () => {
    // Turbo's strict mode hides every variable it is not told about: a key set in the shell would silently vanish.
    const turbo = JSON.parse(readFileSync(path.join(root, "turbo.json"), "utf8")) as { globalPassThroughEnv: string[] };
    const patterns = turbo.globalPassThroughEnv.map(
      (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`),
    );
    expect(ENV_VARIABLES.filter((name) => !patterns.some((re) => re.test(name)))).toEqual([]);
  });
});
