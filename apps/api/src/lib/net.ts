import { BlockList, isIP } from "node:net";

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is 1.2.3.4; IPv6 in lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped?.[1] ?? lower;
}

/** The address itself when it is a valid IPv4 or IPv6 address (normalised), else null. */
export function parseAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  const address = normalizeAddress(value);
  return isIP(address) ? address : null;
}

/**
 * Reads a list of addresses and CIDR ranges ("10.0.0.0/8, 127.0.0.1, fd00::/8"); throws naming the first bad
 * entry. An empty list trusts nobody.
 */
export function parseAddressList(value: string): string[] {
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new Error(`"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 192.168.1.10, fd00::/8)`);
    }
  }
  return entries;
}

/** A membership test for addresses in the given addresses and ranges (IPv4-mapped IPv6 counts as IPv4). */
export function createAddressMatcher(list: readonly string[]): (address: string) => boolean {
  if (list.length === 0) return () => false;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    const base = normalizeAddress(address);
    if (prefix === undefined) blocks.addAddress(base, type);
    else blocks.addSubnet(base, Number(prefix), type);
  }
  return (address) => {
    const normal = parseAddress(address);
    if (!normal) return false;
    return blocks.check(normal, isIP(normal) === 6 ? "ipv6" : "ipv4");
  };
}
