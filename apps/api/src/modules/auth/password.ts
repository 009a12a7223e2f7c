import { hash, verify } from "@node-rs/argon2";

/** argon2id, OWASP's minimum profile: 19 MiB memory, 2 passes, 1 lane. */
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash so an unknown email costs as much time as a wrong password
 * (no account enumeration by timing).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("lumen-timing-equaliser-not-a-real-password");
  await verifyPassword(await dummyHash, password);
}

/** The password operations the auth service needs, as one narrow dependency. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  /** Costs what a verify costs, for accounts that don't exist. */
  burn(password: string): Promise<void>;
}

export const argon2Hasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword, burn: burnPasswordCheck };
