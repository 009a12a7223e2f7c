import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * A subscription to PostgreSQL's LISTEN/NOTIFY on one channel. Notifications are delivered after the commit of the
 * transaction that sent them, to every subscriber of every process on the database.
 */
export interface Subscription {
  /**
   * Resolves once every notification committed before the call has been delivered to `onNotify` (one round trip
   * on the listening connection: PostgreSQL hands a listener its pending notifications before answering it).
   * Resolves at once while down, and never takes longer than the connection's query deadline.
   */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** The subscription came up (first connection, or again after a loss) or went down. */
  onLive?(live: boolean): void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). A lost connection is
 * reported down and reopened with a growing delay; nothing sent while it was down is replayed, which is why a
 * subscriber forgets everything when told it is down.
 */
export function listenPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
  opts: { connectTimeoutMs: number; queryTimeoutMs: number },
): Subscription {
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const setLive = (next: boolean) => {
    if (live === next) return;
    live = next;
    handlers.onLive?.(next);
  };

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    setLive(false);
    c.removeAllListeners("notification");
    c.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: url,
      application_name: `lumen-listen-${channel}`,
      connectionTimeoutMillis: opts.connectTimeoutMs,
      query_timeout: opts.queryTimeoutMs,
      keepAlive: true,
    });
    c.on("error", () => drop(c));
    c.on("end", () => drop(c));
    c.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload) handlers.onNotify(msg.payload);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        await c.end().catch(() => {});
        return;
      }
      retryMs = RETRY_MIN_MS;
      setLive(true);
    } catch {
      drop(c);
    }
  }

  void connect();

  // Round trips are shared: callers arriving while one is in flight wait for the next one (which starts after
  // their commits), all of them for the same one, so a burst of writes costs two round trips, not one each.
  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const roundTrip = async (): Promise<void> => {
    const c = client;
    if (!c || !live) return;
    try {
      await c.query("SELECT 1");
    } catch {
      drop(c);
    }
  };
  const start = (): Promise<void> => {
    const p = roundTrip().finally(() => {
      if (inFlight === p) inFlight = null;
    });
    inFlight = p;
    return p;
  };

  return {
    sync() {
      if (!client || !live) return Promise.resolve();
      if (!inFlight) return start();
      if (!next) {
        const after = inFlight;
        next = after.then(() => {
          next = null;
          return start();
        });
      }
      return next;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      live = false;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
  };
}

/** PGlite is one connection in this process: a notification is delivered before the statement that sent it returns. */
export function listenPglite(client: PGlite, channel: string, handlers: ListenHandlers): Subscription {
  let closed = false;
  let unlisten: (() => Promise<void>) | null = null;
  const ready = client
    .listen(channel, (payload) => handlers.onNotify(payload))
    .then((off) => {
      unlisten = off;
      if (closed) return off();
      handlers.onLive?.(true);
    });
  return {
    sync: () => ready,
    async close() {
      closed = true;
      await ready.catch(() => {});
      await unlisten?.().catch(() => {});
    },
  };
}
