import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore: `refuse()` drops every connection and stops
 * listening (a database that is down: connections reset, new ones refused); `blackhole()` drops them and then
 * accepts new ones without ever answering (a host gone silent: only timeouts notice); `open()` forwards again.
 */
export interface TcpProxy {
  port: number;
  open(): Promise<void>;
  refuse(): Promise<void>;
  blackhole(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(opts: { port: number; target: { host: string; port: number } }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: "open" | "blackhole" = "open";
  let server: Server | null = null;
  const track = (s: Socket) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  const listen = async () => {
    if (server) return;
    const srv = createServer((client) => {
      track(client);
      if (mode === "blackhole") return; // accepted, never answered
      const upstream = connect(opts.target.port, opts.target.host);
      track(upstream);
      client.once("close", () => upstream.destroy());
      upstream.once("close", () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      srv.once("error", reject);
      srv.listen(opts.port, "127.0.0.1", () => resolve());
    });
    server = srv;
  };
  const unlisten = async () => {
    const srv = server;
    server = null;
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
  };
  await listen();
  return {
    port: opts.port,
    async open() {
      mode = "open";
      await listen();
    },
    async refuse() {
      const closed = unlisten();
      dropAll();
      await closed;
    },
    async blackhole() {
      mode = "blackhole";
      dropAll();
      await listen();
    },
    async close() {
      const closed = unlisten();
      dropAll();
      await closed;
    },
  };
}
