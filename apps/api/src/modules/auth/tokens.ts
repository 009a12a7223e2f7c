import { createSecretKey, randomUUID } from "node:crypto";
import { ACCESS_TOKEN_TTL_SECONDS, type Role } from "@lumen/contracts";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { unauthorized } from "../../lib/errors.js";

/** Only this algorithm is accepted; `none` and asymmetric confusion attacks are refused by the allowlist. */
const ALGORITHMS = ["HS256"] as const;
const TOKEN_TYPE = "access";

export interface AccessClaims {
  sub: string;
  role: Role;
  /** Session (refresh-token family) the token was issued under. */
  sid: string;
  /** The user's token version at issue time. */
  ver: number;
  jti: string;
  iat: number;
  exp: number;
}

export interface TokenSigner {
  sign(input: { userId: string; role: Role; sessionId: string; tokenVersion: number }): Promise<string>;
  verify(token: string): Promise<AccessClaims>;
}

export function createTokenSigner(opts: {
  secret: string;
  issuer: string;
  audience: string;
  now?: () => number;
}): TokenSigner {
  // A KeyObject made once: jose would otherwise import the raw secret on every sign and verify.
  const key = createSecretKey(Buffer.from(opts.secret, "utf8"));
  const nowSeconds = () => Math.floor((opts.now?.() ?? Date.now()) / 1000);
  return {
    async sign({ userId, role, sessionId, tokenVersion }) {
      const iat = nowSeconds();
      return new SignJWT({ role, sid: sessionId, ver: tokenVersion, typ: TOKEN_TYPE })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(userId)
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
        .setJti(randomUUID())
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [...ALGORITHMS],
          issuer: opts.issuer,
          audience: opts.audience,
          requiredClaims: ["sub", "iat", "exp", "jti"],
          currentDate: opts.now ? new Date(opts.now()) : undefined,
        });
        if (
          payload.typ !== TOKEN_TYPE ||
          typeof payload.sid !== "string" ||
          typeof payload.ver !== "number" ||
          typeof payload.role !== "string"
        ) {
          throw unauthorized("Invalid access token");
        }
        return payload as unknown as AccessClaims;
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw unauthorized("Access token expired");
        throw unauthorized("Invalid access token");
      }
    },
  };
}
