import { createHmac, createSecretKey, type KeyObject, randomUUID, timingSafeEqual } from "node:crypto";
import { ACCESS_TOKEN_TTL_SECONDS, type Role } from "@lumen/contracts";
import { SignJWT } from "jose";
import { unauthorized } from "../../lib/errors.js";

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
  /** How many verified tokens are remembered (10,000). */
  remember?: number;
}): TokenSigner {
  // A KeyObject made once: jose would otherwise import the raw secret on every sign and verify.
  const key = createSecretKey(Buffer.from(opts.secret, "utf8"));
  const nowSeconds = () => Math.floor((opts.now?.() ?? Date.now()) / 1000);
  // Tokens already verified, by their whole text (signature included), with their claims: a player sends the same
  // token with every report, and the HMAC and two JSON decodes were a tenth of a report's CPU. Only the clock is
  // checked again; the session behind a token is checked by the caller every time, as before. Oldest out first.
  const remember = opts.remember ?? 10_000;
  const verified = new Map<string, AccessClaims>();
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
      const now = nowSeconds();
      const known = verified.get(token);
      if (known) {
        if (known.exp > now) return known;
        verified.delete(token);
        throw unauthorized("Access token expired");
      }
      const claims = Object.freeze(verifyAccessToken(token, key, opts.issuer, opts.audience, now));
      if (remember > 0) {
        if (verified.size >= remember) verified.delete(verified.keys().next().value as string);
        verified.set(token, claims);
      }
      return claims;
    },
  };
}

const invalid = () => unauthorized("Invalid access token");
/** Three unpadded base64url parts; the signature is exactly one SHA-256 HMAC (43 characters), so no other
 * spelling of the same bytes (padding, stray characters Node's lenient decoder would skip) is accepted. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

function decodeJson(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw invalid();
}

/**
 * Checks an access token on every signed-in request. HS256 only: the header must name exactly that algorithm, so
 * `none` and asymmetric-key confusion are refused before any signature is computed. The HMAC is computed with
 * node:crypto synchronously: jose's WebCrypto path (a key import and a thread-pool job per call) cost about a fifth
 * of a signed-in request's CPU. The claims are checked as jose did: issuer and audience equal, `exp` in the future
 * (an `nbf` in the past), `sub`, `iat`, `exp` and `jti` present, and the access-token type, session and version.
 */
function verifyAccessToken(token: string, key: KeyObject, issuer: string, audience: string, now: number): AccessClaims {
  if (!COMPACT_JWS.test(token)) throw invalid();
  const [headerPart = "", payloadPart = "", signaturePart = ""] = token.split(".");
  const header = decodeJson(headerPart);
  if (header.alg !== "HS256" || header.crit !== undefined) throw invalid();
  const expected = createHmac("sha256", key).update(`${headerPart}.${payloadPart}`).digest();
  const signature = Buffer.from(signaturePart, "base64url");
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) throw invalid();
  const payload = decodeJson(payloadPart);
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.iss !== issuer || !audiences.includes(audience)) throw invalid();
  if (typeof payload.exp !== "number" || typeof payload.iat !== "number") throw invalid();
  if (typeof payload.sub !== "string" || typeof payload.jti !== "string") throw invalid();
  if (payload.nbf !== undefined && (typeof payload.nbf !== "number" || payload.nbf > now)) throw invalid();
  if (payload.exp <= now) throw unauthorized("Access token expired");
  if (
    payload.typ !== TOKEN_TYPE ||
    typeof payload.sid !== "string" ||
    typeof payload.ver !== "number" ||
    typeof payload.role !== "string"
  ) {
    throw invalid();
  }
  return payload as unknown as AccessClaims;
}
