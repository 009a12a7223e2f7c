import type { Env, Secrets } from "./env.js";

/** Everything the app needs to know, already validated; tests build one directly. */
export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  jwt: { secret: string; issuer: string; audience: string };
  encryptionKey: Buffer;
  corsOrigins: string[];
  appUrl: string;
  mailFrom: string;
  bodyLimit: number;
  rateLimit: { max: number; windowSeconds: number };
  trustProxy: boolean;
  logLevel: string;
  /** The refresh cookie is `Secure` everywhere but local development over plain http. */
  cookieSecure: boolean;
  admin: { email: string; password: string } | null;
  seedDemo: boolean;
}

export function configFromEnv(env: Env, secrets: Secrets, dataDir: string): AppConfig {
  return {
    nodeEnv: env.NODE_ENV,
    dataDir,
    jwt: { secret: secrets.jwtSecret, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
    encryptionKey: secrets.encryptionKey,
    corsOrigins: env.CORS_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    appUrl: env.APP_URL.replace(/\/$/, ""),
    mailFrom: env.MAIL_FROM,
    bodyLimit: env.BODY_LIMIT_BYTES,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    cookieSecure: env.NODE_ENV !== "development",
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    seedDemo: env.SEED_DEMO,
  };
}
