import type { IncomingMessage } from "node:http";

export declare const GATEWAY_HOOK: unique symbol;
export declare function normalizeAddress(address: string): string;
export declare function parseAddressList(value: string | undefined): string[];
export declare function createAddressMatcher(list: readonly string[]): (address: string) => boolean;
export declare function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  isTrusted: (address: string) => boolean,
): string;
export declare function secretSource(opts: {
  secret?: string | undefined;
  dataDir: string;
  field?: string;
}): () => string | null;
export interface Gateway {
  run<T>(req: Pick<IncomingMessage, "headers" | "socket">, handle: () => T): T;
  headers(): Record<string, string>;
}
export declare function createGateway(opts: {
  isTrusted: (address: string) => boolean;
  secret: () => string | null;
}): Gateway;
export declare function installGateway(gateway: Gateway): void;
