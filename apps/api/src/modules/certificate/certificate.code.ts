import { randomBytes } from "node:crypto";
import { CERTIFICATE_CODE } from "@lumen/contracts";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 80 random bits as 16 characters of RFC 4648 base32: unguessable, and short enough to read out or retype. */
export function newCertificateCode(bytes: Buffer = randomBytes(10)): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A code as typed (any case, surrounding spaces) in its stored form, or null when it can't be one. */
export function normaliseCertificateCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CERTIFICATE_CODE.test(code) ? code : null;
}
