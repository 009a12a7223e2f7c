import { describe, expect, it } from "vitest";
import { newCertificateCode, normaliseCertificateCode } from "./certificate.code.js";

describe("certificate codes", () => {
  it("encodes 10 bytes as 16 base32 characters, as RFC 4648 does", () => {
    // RFC 4648 §10: BASE32("fooba") = "MZXW6YTB"; twice over is 10 bytes.
    expect(newCertificateCode(Buffer.from("foobafooba"))).toBe("MZXW6YTBMZXW6YTB");
    expect(newCertificateCode(Buffer.alloc(10, 0xff))).toBe("7777777777777777");
  });

  it("draws a fresh, well-formed code each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newCertificateCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{16}$/);
  });

  it("accepts a retyped code in any case and refuses anything that can't be one", () => {
    expect(normaliseCertificateCode(" mzxw6ytbmzxw6ytb ")).toBe("MZXW6YTBMZXW6YTB");
    expect(normaliseCertificateCode("MZXW6YTBMZXW6YT1")).toBeNull();
    expect(normaliseCertificateCode("MZXW6YTB")).toBeNull();
    expect(normaliseCertificateCode("../../etc/passwd")).toBeNull();
  });
});
