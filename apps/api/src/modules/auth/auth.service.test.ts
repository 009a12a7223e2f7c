import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { FieldCipher } from "../../lib/crypto.js";
import type { AuthServiceDeps } from "./auth.service.js";
import { createAuthService } from "./auth.service.js";
import type { PasswordHasher } from "./password.js";

/** Plain stubs: the service only sees the narrow dependencies it is given. */
function service(overrides: { user?: object | undefined; passwords: PasswordHasher }) {
  const calls: string[] = [];
  const deps = {
    users: { findByEmail: async () => overrides.user } as unknown as AuthServiceDeps["users"],
    auth: { clearLoginFailures: async () => {} } as unknown as AuthServiceDeps["auth"],
    signer: {} as AuthServiceDeps["signer"],
    throttle: {
      admit: async () => {},
      recordFailure: async () => {
        calls.push("failure");
        return false;
      },
    },
    security: { record: async (type: string) => void calls.push(type) } as unknown as AuthServiceDeps["security"],
    mail: { enqueueThrottled: async () => true },
    background: { run: () => {} },
    cipher: new FieldCipher(randomBytes(32)),
    passwords: overrides.passwords,
    appUrl: "http://localhost:3000",
  } satisfies AuthServiceDeps;
  return { svc: createAuthService(deps), calls };
}

const meta = { ip: "203.0.113.9", userAgent: "test" };

describe("login with an unknown email", () => {
  it("still runs a full password check (against a dummy hash), so timing reveals nothing", async () => {
    const passwords = { hash: vi.fn(), verify: vi.fn(async () => false), burn: vi.fn(async () => {}) };
    const { svc, calls } = service({ user: undefined, passwords });
    await expect(svc.login({ email: "ghost@example.com", password: "whatever it is" }, meta)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(passwords.burn).toHaveBeenCalledWith("whatever it is");
    expect(passwords.verify).not.toHaveBeenCalled();
    expect(calls).toEqual(["failure", "login_failed"]);
  });

  it("gives the same error as a wrong password for a known account", async () => {
    const passwords = { hash: vi.fn(), verify: vi.fn(async () => false), burn: vi.fn(async () => {}) };
    const known = service({ user: { id: "u1", passwordHash: "$argon2id$..." }, passwords });
    const unknown = service({ user: undefined, passwords });
    const a = await known.svc.login({ email: "a@example.com", password: "wrong password" }, meta).catch((e) => e);
    const b = await unknown.svc.login({ email: "b@example.com", password: "wrong password" }, meta).catch((e) => e);
    expect(a.message).toBe(b.message);
    expect(a.status).toBe(b.status);
    expect(passwords.verify).toHaveBeenCalledTimes(1);
    expect(passwords.burn).toHaveBeenCalledTimes(1);
  });
});

describe("password reset request", () => {
  it("answers before even looking the account up: the work runs after the answer", async () => {
    const passwords = { hash: vi.fn(), verify: vi.fn(), burn: vi.fn() };
    const deferred: Array<() => Promise<void>> = [];
    const lookups: string[] = [];
    const svc = createAuthService({
      users: {
        findByEmail: async (email: string) => {
          lookups.push(email);
          return undefined;
        },
      } as unknown as AuthServiceDeps["users"],
      auth: {} as AuthServiceDeps["auth"],
      signer: {} as AuthServiceDeps["signer"],
      throttle: { admit: async () => {}, recordFailure: async () => false },
      security: { record: async () => {} } as unknown as AuthServiceDeps["security"],
      mail: { enqueueThrottled: async () => true },
      background: { run: (_name, task) => void deferred.push(task) },
      cipher: new FieldCipher(randomBytes(32)),
      passwords,
      appUrl: "http://localhost:3000",
    });
    await svc.requestPasswordReset("someone@example.com", meta);
    expect(lookups).toEqual([]);
    expect(deferred).toHaveLength(1);
    await deferred[0]?.();
    expect(lookups).toEqual(["someone@example.com"]);
  });
});
